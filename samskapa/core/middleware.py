from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from samskapa.core import languages
from samskapa.core.audit import record_event
from samskapa.core.models import AuditAction

Handler = Callable[[HttpRequest], HttpResponse]


class AddressLanguageMiddleware:
    """The address decides the page's language: /en/… is English, every other address of a page
    is Swedish (docs/architecture.md, "Which language a page speaks").

    Neither Accept-Language nor a cookie switches the language: most Swedish civil servants'
    browsers are set to English, and the centre speaks Swedish first. Addresses without a
    language (the admin site, /healthz) follow a logged-in person's account language. Sending a
    person who chose English from a Swedish address to the English one is
    samskapa.accounts.middleware.AccountLanguageMiddleware's work.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = languages.from_path(request.path_info) or settings.LANGUAGE_CODE
        with translation.override(language):  # addresses resolve in their own language
            has_language = languages.has_language(request.path_info)
        if not has_language:
            language = languages.account_language(getattr(request, "user", None)) or language
        # `override` restores the language active before the request when it is done.
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
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
