from django.urls import path

from samskapa.coaching import views

app_name = "coaching"

urlpatterns = [
    path("coaching/", views.overview, name="overview"),
    path("coaching/coaches/", views.assignments, name="assignments"),
    path("coaching/coaches/<int:pk>/remove/", views.assignment_remove, name="assignment-remove"),
    path("coaching/projects/<int:project_pk>/", views.project_coaching, name="project"),
    path(
        "coaching/projects/<int:project_pk>/sessions/new/",
        views.session_create,
        name="session-create",
    ),
    path("coaching/sessions/<int:pk>/", views.session_detail, name="session-detail"),
    path("coaching/sessions/<int:pk>/edit/", views.session_edit, name="session-edit"),
    path("coaching/sessions/<int:pk>/notes/", views.note_add, name="note-add"),
    path("coaching/sessions/<int:pk>/actions/", views.action_add, name="action-add"),
    path("coaching/actions/<int:pk>/status/", views.action_status, name="action-status"),
]
