from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from samskapa.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path(".well-known/security.txt", core_views.security_txt, name="security-txt"),
    path("i18n/setlang/", core_views.set_language, name="set_language"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("samskapa.accounts.urls")),
    path("", include("samskapa.projects.urls")),
    path("", include("samskapa.toolkit.urls")),
    path("", include("samskapa.coalitions.urls")),
    path("", include("samskapa.coaching.urls")),
    path("", include("samskapa.library.urls")),
    path("", include("samskapa.conference.urls")),
    path("", include("samskapa.evaluation.urls")),
    path("", include("samskapa.core.urls")),
]

handler403 = "samskapa.core.views.error_403"
handler404 = "samskapa.core.views.error_404"
handler500 = "samskapa.core.views.error_500"

admin.site.site_header = "Samskapa"
admin.site.site_title = "Samskapa"
# The admin site logs in through allauth, so staff MFA and rate limits apply there too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
