"""The API's documentation page: a page people read, so it has a Swedish address and an English
one under /en/ like every page (included in samskapa/urls.py's i18n_patterns)."""

from django.urls import path

from samskapa.api import views

app_name = "api-docs"

urlpatterns = [path("api/v1/docs/", views.docs, name="index")]
