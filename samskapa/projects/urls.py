from django.urls import path

from samskapa.projects import views

app_name = "projects"

urlpatterns = [
    path("calls/", views.call_list, name="call-list"),
    path("calls/new/", views.call_create, name="call-create"),
    path("calls/<int:pk>/", views.call_detail, name="call-detail"),
    path("calls/<int:pk>/edit/", views.call_edit, name="call-edit"),
    path("projects/", views.project_list, name="project-list"),
    path("projects/export.xlsx", views.project_export_xlsx, name="project-export-xlsx"),
    path("projects/export.csv", views.project_export_csv, name="project-export-csv"),
    path("projects/import/", views.import_upload, name="import-upload"),
    path("projects/import/preview/", views.import_preview, name="import-preview"),
    path("projects/import/confirm/", views.import_confirm, name="import-confirm"),
    path("projects/invitations/<str:token>/", views.invitation_accept, name="invitation-accept"),
    path("projects/<int:pk>/", views.project_detail, name="project-detail"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project-edit"),
    path("projects/<int:pk>/partners/", views.project_partners, name="project-partners"),
    path(
        "projects/<int:pk>/partners/<int:link_pk>/remove/",
        views.partner_remove,
        name="partner-remove",
    ),
    path("projects/<int:pk>/members/", views.project_members, name="project-members"),
    path(
        "projects/<int:pk>/members/<int:member_pk>/remove/",
        views.member_remove,
        name="member-remove",
    ),
    path(
        "projects/<int:pk>/members/<int:member_pk>/lead/",
        views.member_make_lead,
        name="member-make-lead",
    ),
    path(
        "projects/<int:pk>/invitations/<int:invitation_pk>/revoke/",
        views.invitation_revoke,
        name="invitation-revoke",
    ),
]
