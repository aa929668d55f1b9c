from django.urls import path

from samskapa.europe import views

app_name = "europe"

urlpatterns = [
    path("europe/", views.index, name="index"),
    path("europe/initiatives/<int:pk>/", views.initiative_detail, name="initiative"),
    path("europe/competence-centres/", views.centres, name="centres"),
    path("europe/import/", views.import_upload, name="import"),
    path("europe/import/preview/", views.import_preview, name="import-preview"),
    path("europe/import/confirm/", views.import_confirm, name="import-confirm"),
    path("europe/manage/centres/", views.manage_centres, name="manage-centres"),
    path("europe/manage/centres/new/", views.centre_create, name="centre-create"),
    path("europe/manage/centres/<int:pk>/", views.centre_edit, name="centre-edit"),
    path("europe/manage/centres/<int:pk>/delete/", views.centre_delete, name="centre-delete"),
]
