from django.urls import path

from samskapa.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("support/", views.support, name="support"),
    path("about/", views.about, name="about"),
    path("about/accessibility/", views.accessibility, name="accessibility"),
    path("home/", views.dashboard, name="dashboard"),
    path("audit/", views.audit_log, name="audit-log"),
]
