from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction

Handler = Callable[[HttpRequest], HttpResponse]


class SwedishFirstLocaleMiddleware:
    """Swedish unless the person chose English: with the language switch in this browser
    (a cookie), or, when logged in without such a cookie, in their account.

    Django's LocaleMiddleware would follow the browser's Accept-Language, which would show most
    Swedish civil servants (whose browsers are often set to English) an English site. The centre
    speaks Swedish first; the choice is stored in a cookie by Django's set_language view.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if chosen not in self.supported:
            user = getattr(request, "user", None)
            chosen = getattr(user, "language", "") if user and user.is_authenticated else ""
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class PrivateCacheMiddleware:
    """Pages for a logged-in person must never be stored by a browser or proxy."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            response.headers["Cache-Control"] += ", no-store, private"
        return response


class AuditDeniedMiddleware:
    """Every 403 is recorded in the audit log (404s for other people's objects are recorded
    where the object is looked up, see samskapa.core.access)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 403:
            record_event(
                action=AuditAction.ACCESS_DENIED,
                actor=getattr(request, "user", None),
                path=request.path,
            )
        return response
