from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from samskapa.core import views as core_views

# Addresses without a language: machines (health check, security.txt, the CSRF token that a
# form on a cached public page fetches when it is sent), the admin site (staff
# only, in the person's account language) and the old language switch (a redirect now).
urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path(".well-known/security.txt", core_views.security_txt, name="security-txt"),
    path("csrf-token", core_views.csrf_token, name="csrf-token"),
    path("i18n/setlang/", core_views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    # The public read-only API: machines read it, so it has no language prefix (docs/api.md).
    path("api/v1/", include("samskapa.api.urls")),
]

# Every page people read has a Swedish address (today's, without a prefix: Swedish is the
# default) and an English one under /en/. The address decides the page's language
# (docs/architecture.md, "Which language a page speaks"; samskapa.core.middleware).
urlpatterns += i18n_patterns(
    # An address is matched by trying the patterns in order, and every include that does not
    # match costs a walk through its patterns: the most visited public pages first. No two
    # apps' patterns match the same address (their literal segments differ), so the order
    # changes nothing else; tests/core/test_urls.py checks that every named address resolves
    # to its own view.
    path("", include("samskapa.core.urls")),
    path("", include("samskapa.library.urls")),
    path("", include("samskapa.conference.urls")),
    path("", include("samskapa.showcase.urls")),
    path("", include("samskapa.europe.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("samskapa.accounts.urls")),
    path("", include("samskapa.projects.urls")),
    path("", include("samskapa.toolkit.urls")),
    path("", include("samskapa.coalitions.urls")),
    path("", include("samskapa.coaching.urls")),
    path("", include("samskapa.evaluation.urls")),
    path("", include("samskapa.connect.urls")),
    path("", include("samskapa.api.docs_urls")),
    prefix_default_language=False,
)

handler403 = "samskapa.core.views.error_403"
handler404 = "samskapa.core.views.error_404"
handler500 = "samskapa.core.views.error_500"

admin.site.site_header = "Samskapa"
admin.site.site_title = "Samskapa"
# The admin site logs in through allauth, so staff MFA and rate limits apply there too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]
