from django.urls import path

from samskapa.connect import views

app_name = "connect"

urlpatterns = [
    path("projects/<int:pk>/similar/", views.similar, name="similar"),
    path("projects/<int:pk>/contacts/", views.request_list, name="requests"),
    path(
        "projects/<int:pk>/contacts/new/<int:target_pk>/",
        views.request_create,
        name="request-create",
    ),
    path("contacts/<int:pk>/", views.request_detail, name="request-detail"),
    path("contacts/<int:pk>/answer/", views.request_answer, name="request-answer"),
    path("contacts/<int:pk>/map/", views.request_add_to_map, name="request-add-to-map"),
    path("cases/<int:pk>/counterparts/", views.counterparts, name="counterparts"),
    path("counterparts/<int:pk>/delete/", views.counterpart_delete, name="counterpart-delete"),
]
