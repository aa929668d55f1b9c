"""Public pages from the shared cache (docs/architecture.md, "Public pages from the cache").

A view marked `@public_cache("library")` is rendered once per language and address for every
anonymous visitor and then served from the shared cache (`CACHES["default"]`) until the content
it depends on changes. The services that write that content call `touch("library")`, which
gives the area a new version: every page stored under the old version is then a miss.

An entry records the versions that were current *before* the page was rendered, so a page
rendered from data that a concurrent write has just changed is never served under the new
version. `touch` writes the new version at once (with the database cache that is inside the
writing transaction, so it commits with the data) and again after the commit (for a cache
outside the database, such as Redis).

Never from or into the cache: logged-in people, requests other than GET/HEAD, htmx requests,
addresses with a query string (searches and filters: unbounded keys would crowd out the rate
limit counters that share the cache), a request or response with a flash message, a response
that is not a 200, that sets a cookie, whose page used the CSRF token (a form) or a CSP nonce,
or that changed the session.
"""

from __future__ import annotations

import functools
import hashlib
import time
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.contrib import admin, messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

View = TypeVar("View", bound=Callable[..., HttpResponseBase])

# Every page also depends on this area: the demo loader and deployments touch it.
SITE = "site"
# How long a stored page is kept at most, in seconds, when nothing touches its areas. Pages
# whose content also follows the clock (a registration that opens at nine) keep theirs shorter.
DEFAULT_TIMEOUT = 60 * 60
# How long a browser or reverse proxy may reuse a page without asking, in seconds. Kept short:
# a touch cannot reach a browser's copy; after that the ETag makes the question cheap (304).
BROWSER_MAX_AGE = 60
# Pages rendered by another release of the code are not served: templates and catalogues
# change with a deployment. Without SAMSKAPA_RELEASE each process has its own token.
_RELEASE = settings.SAMSKAPA_RELEASE or uuid.uuid4().hex
_PREFIX = "page"


def _version_key(area: str) -> str:
    return f"{_PREFIX}:version:{area}"


def touch(*areas: str) -> None:
    """The content of `areas` has changed (no areas: every public page): pages that depend on
    it are rendered afresh from the next request on. Services call this when they write."""
    keys = [_version_key(area) for area in areas or (SITE,)]

    def bump() -> None:
        cache.set_many({key: uuid.uuid4().hex for key in keys}, None)

    bump()
    transaction.on_commit(bump)


def _versions(found: dict[str, Any], keys: list[str]) -> list[str]:
    """The current version of each area key; a missing one (never touched, or culled) gets a
    fresh version, so that a missing version never matches a page stored earlier."""
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, uuid.uuid4().hex, None)
        found = {**found, **cache.get_many(missing)}
    return [str(found.get(key)) for key in keys]


def _may_serve(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and "HX-Request" not in request.headers
        and not request.user.is_authenticated
        # len() looks without marking the messages as read (iterating would consume them).
        and len(messages.get_messages(request)) == 0
    )


def _may_store(request: HttpRequest, response: HttpResponseBase) -> bool:
    storage = messages.get_messages(request)
    session = getattr(request, "session", None)
    return (
        request.method == "GET"
        and isinstance(response, HttpResponse)
        and response.status_code == 200
        and not response.cookies
        and "Cache-Control" not in response.headers
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page used the CSRF token
        and getattr(request, "_csp_nonce", None) is None
        and not (session is not None and session.modified)
        and not getattr(storage, "added_new", False)
        and len(storage) == 0
        and not request.user.is_authenticated
    )


def _with_headers(
    request: HttpRequest, response: HttpResponse, entry: dict[str, Any]
) -> HttpResponseBase:
    response.headers["ETag"] = entry["etag"]
    response.headers["Last-Modified"] = http_date(entry["stored_at"])
    response.headers["Cache-Control"] = f"public, max-age={BROWSER_MAX_AGE}"
    # A logged-in person sees another page at the same address: their cookie differs.
    patch_vary_headers(response, ("Cookie",))
    return (
        get_conditional_response(
            request,
            etag=entry["etag"],
            last_modified=entry["stored_at"],
            response=response,
        )
        or response
    )


def public_cache(*areas: str, timeout: int = DEFAULT_TIMEOUT) -> Callable[[View], View]:
    """Serve the view's anonymous page from the shared cache, per language and address, until
    one of `areas` is touched or `timeout` seconds have passed. Only for views whose anonymous
    page is the same for everyone: no form (the CSRF token), nothing from the session."""

    def decorator(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            request.public_page = True  # type: ignore[attr-defined]  # base.html: no CSRF header
            if not _may_serve(request):
                return view(request, *args, **kwargs)
            language = translation.get_language() or settings.LANGUAGE_CODE
            key = f"{_PREFIX}:{_RELEASE}:{language}:{request.path}"
            version_keys = [_version_key(area) for area in (SITE, *areas)]
            found = cache.get_many([key, *version_keys])
            versions = _versions(found, version_keys)
            entry = found.get(key)
            if entry is not None and entry["versions"] == versions:
                cached = HttpResponse(entry["content"], content_type=entry["content_type"])
                return _with_headers(request, cached, entry)
            response = view(request, *args, **kwargs)
            if not (isinstance(response, HttpResponse) and _may_store(request, response)):
                return response
            entry = {
                "versions": versions,
                "content": response.content,
                "content_type": response.headers["Content-Type"],
                "etag": f'"{hashlib.sha256(response.content).hexdigest()[:32]}"',
                "stored_at": int(time.time()),
            }
            cache.set(key, entry, timeout)
            return _with_headers(request, response, entry)

        return wrapped  # type: ignore[return-value]

    return decorator


class TouchingAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """A superuser's change in Django's admin site bypasses the services: touch the public pages
    of `public_areas` after every save or delete there too (inlines included)."""

    public_areas: tuple[str, ...] = ()

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        touch(*self.public_areas)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        super().delete_model(request, obj)
        touch(*self.public_areas)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        super().delete_queryset(request, queryset)
        touch(*self.public_areas)
