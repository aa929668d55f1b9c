from django.urls import URLPattern, URLResolver

app_name = "toolkit"

urlpatterns: list[URLPattern | URLResolver] = []
