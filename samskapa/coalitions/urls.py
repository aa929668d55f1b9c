from django.urls import URLPattern, URLResolver

app_name = "coalitions"

urlpatterns: list[URLPattern | URLResolver] = []
