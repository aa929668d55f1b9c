from django.urls import URLPattern, URLResolver, path

from samskapa.toolkit import views

app_name = "toolkit"

P = "projects/<int:project_pk>/tools/"

urlpatterns: list[URLPattern | URLResolver] = [
    path(P, views.overview, name="overview"),
    path(P + "theory-of-change.pdf", views.theory_pdf, name="theory-pdf"),
    path(P + "compare/", views.compare_view, name="compare"),
    path(P + "self-assessment/", views.self_assessment, name="self-assessment"),
    path(P + "self-assessment/new/", views.self_assessment_add, name="self-assessment-add"),
    path(
        P + "self-assessment/<int:pk>/delete/",
        views.self_assessment_delete,
        name="self-assessment-delete",
    ),
    path(P + "edit/<slug:kind>/", views.tool_edit, name="tool-edit"),
    path(P + "add/<slug:kind>/", views.element_add, name="element-add"),
    path(P + "element/<slug:kind>/<int:pk>/", views.element_edit, name="element-edit"),
    path(P + "element/<slug:kind>/<int:pk>/delete/", views.element_delete, name="element-delete"),
    path(P + "<slug:tool>/", views.tool_detail, name="tool"),
    path(P + "<slug:tool>/diagram/", views.tool_diagram, name="diagram"),
]
