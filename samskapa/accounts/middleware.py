from __future__ import annotations

import time
from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from samskapa.accounts import services
from samskapa.core import languages
from samskapa.core.signals import LOGIN_AT_SESSION_KEY

Handler = Callable[[HttpRequest], HttpResponse]

# Pages a staff member without MFA can still reach: setting MFA up, logging out, switching
# language, and the public pages that never show data.
_MFA_EXEMPT_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/healthz", "/.well-known/")


class StaffSessionTimeoutMiddleware:
    """Staff sessions end after SAMSKAPA_STAFF_IDLE_SECONDS without a request, and at the
    latest SAMSKAPA_STAFF_SESSION_MAX_SECONDS after the login however active they are (the
    login time is set by samskapa.core.signals; a session without one starts counting now)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and getattr(user, "is_centre_staff", False):
            now = int(time.time())
            last_seen = int(request.session.get("samskapa_last_seen") or now)
            login_at = int(request.session.setdefault(LOGIN_AT_SESSION_KEY, now) or now)
            idle = now - last_seen > settings.SAMSKAPA_STAFF_IDLE_SECONDS
            expired = now - login_at > settings.SAMSKAPA_STAFF_SESSION_MAX_SECONDS
            if idle or expired:
                logout(request)
                return redirect_to_login(request.get_full_path())
            request.session["samskapa_last_seen"] = now
        return self.get_response(request)


def _without_language(path: str) -> str:
    """/en/accounts/login/ → /accounts/login/ (the prefix of an English address dropped)."""
    language = languages.from_path(path)
    return path[len(language) + 1 :] if language else path


class RequireStaffMFAMiddleware:
    """With SAMSKAPA_REQUIRE_STAFF_MFA on, staff must set up TOTP before anything else."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            settings.SAMSKAPA_REQUIRE_STAFF_MFA
            and user.is_authenticated
            and getattr(user, "is_centre_staff", False)
            and not _without_language(request.path).startswith(_MFA_EXEMPT_PREFIXES)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            return redirect(reverse("mfa_activate_totp") + "?next=" + request.path)
        return self.get_response(request)


class AccountLanguageMiddleware:
    """Logged-in people keep their chosen language (docs/architecture.md, "Which language a
    page speaks").

    - The language switch of a logged-in person links to the page's other address with
      `?lang=<code>`: the choice is stored in the account and the person is sent on to the
      address without the parameter.
    - A person who chose English and opens a Swedish (unprefixed) address of a page, from an
      old bookmark or a link in a Swedish e-mail, is sent to its English address. An /en/
      address is always someone's explicit choice of English, so it is shown as it is.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and request.method in ("GET", "HEAD"):
            switch = request.GET.get(languages.SWITCH_PARAMETER)
            if switch is not None:
                if switch == request.LANGUAGE_CODE and languages.has_language(request.path_info):
                    services.set_language(user=user, language=switch)
                query = request.GET.copy()
                query.pop(languages.SWITCH_PARAMETER)
                return redirect(request.path + (f"?{query.urlencode()}" if query else ""))
            language = languages.language_for_person(request)
            if language != request.LANGUAGE_CODE:
                return redirect(languages.address_in(request.get_full_path(), language))
        return self.get_response(request)
