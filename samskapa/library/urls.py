from django.contrib.auth.decorators import login_not_required
from django.urls import path

from samskapa.library import views
from samskapa.library.feeds import LatestMaterialsFeed

app_name = "library"

urlpatterns = [
    path("library/", views.index, name="index"),
    path("library/feed/", login_not_required(LatestMaterialsFeed()), name="feed"),
    path("library/material/<slug:slug>/", views.material_detail, name="material-detail"),
    path(
        "library/material/<slug:slug>/feedback/",
        views.material_feedback,
        name="material-feedback",
    ),
    path("library/attachments/<int:pk>/", views.attachment_download, name="attachment-download"),
    path("library/manage/", views.manage, name="manage"),
    path("library/manage/new/", views.material_create, name="material-create"),
    path("library/manage/feedback/", views.feedback_list, name="feedback-list"),
    path("library/manage/<int:pk>/edit/", views.material_edit, name="material-edit"),
    path("library/manage/<int:pk>/submit/", views.material_submit, name="material-submit"),
    path("library/manage/<int:pk>/publish/", views.material_publish, name="material-publish"),
    path("library/manage/<int:pk>/return/", views.material_return, name="material-return"),
    path("library/manage/<int:pk>/withdraw/", views.material_withdraw, name="material-withdraw"),
    path("library/manage/<int:pk>/history/", views.material_history, name="material-history"),
    path(
        "library/manage/<int:pk>/attachments/",
        views.attachment_upload,
        name="attachment-upload",
    ),
    path(
        "library/manage/attachments/<int:pk>/delete/",
        views.attachment_delete,
        name="attachment-delete",
    ),
]
