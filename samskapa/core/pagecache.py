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

A view marked `@personal_cache` is stored for each logged-in person, language and address
under the version of the whole database (samskapa.core.writes): any write anywhere, or the
next day, or PERSONAL_TIMEOUT, makes it a miss. Deny-by-default checks run before the view
(middleware) and again on every miss; a stored page is only ever served to the person it was
rendered for.

A form's CSRF token is not part of a stored page: cached views render a placeholder in its
place (samskapa.core.context_processors), and every response, stored or fresh, gets the
visitor's own token. A public page with a form is therefore stored too, but sent as private
(it sets the CSRF cookie).

Never from or into either cache: requests other than GET/HEAD, htmx requests, addresses with a
query string (searches and filters: unbounded keys would crowd out the rate limit counters
that share the cache), a request or response with a flash message, a response that is not a
200, that sets a cookie, whose view asked for a CSRF token itself or used a CSP nonce, or that
changed the session. The public cache never serves or stores a logged-in person's page.
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
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from samskapa.core import writes

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
# A person's stored page is kept at most this long (pages that follow the clock, such as an
# open survey wave, are at most this late), in seconds.
PERSONAL_TIMEOUT = 5 * 60
# Rendered in place of the CSRF token on cached pages; as long as a real (masked) token.
CSRF_PLACEHOLDER = "csrf" + "0" * 60


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
        # len() looks without marking the messages as read (iterating would consume them).
        and len(messages.get_messages(request)) == 0
    )


def _may_store(request: HttpRequest, response: HttpResponseBase, session_modified: bool) -> bool:
    storage = messages.get_messages(request)
    session = getattr(request, "session", None)
    return (
        request.method == "GET"
        and isinstance(response, HttpResponse)
        and response.status_code == 200
        and not response.cookies
        and "Cache-Control" not in response.headers
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the view asked for a token
        and getattr(request, "_csp_nonce", None) is None
        and not (session is not None and session.modified and not session_modified)
        and not getattr(storage, "added_new", False)
        and len(storage) == 0
    )


def _render(
    view: Callable[..., HttpResponseBase], request: HttpRequest, *args: Any, **kwargs: Any
) -> tuple[HttpResponseBase, bool]:
    """The view's response with the CSRF placeholder for a token, and whether it may be stored
    (the session's state before the view: middleware may have changed it already)."""
    session = getattr(request, "session", None)
    modified_before = bool(session is not None and session.modified)
    request.csrf_placeholder = True  # type: ignore[attr-defined]  # context_processors.site
    try:
        response = view(request, *args, **kwargs)
        if isinstance(response, TemplateResponse) and not response.is_rendered:
            response.render()  # now, while the placeholder stands in for the token
    finally:
        request.csrf_placeholder = False  # type: ignore[attr-defined]
    return response, _may_store(request, response, modified_before)


def _with_token(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """The visitor's own CSRF token where the page has the placeholder."""
    if not isinstance(response, HttpResponse) or response.streaming:
        return response
    placeholder = CSRF_PLACEHOLDER.encode()
    if placeholder in response.content:
        response.content = response.content.replace(placeholder, get_token(request).encode())
        response.headers.pop("ETag", None)
        response.headers.pop("Last-Modified", None)
        # It sets the CSRF cookie: for this browser only.
        response.headers["Cache-Control"] = "private, no-cache"
    return response


def _entry(response: HttpResponse, versions: list[str]) -> dict[str, Any]:
    return {
        "versions": versions,
        "content": response.content,
        "content_type": response.headers["Content-Type"],
        "etag": f'"{hashlib.sha256(response.content).hexdigest()[:32]}"',
        "stored_at": int(time.time()),
    }


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
    page is the same for everyone (a form's CSRF token excepted), nothing from the session."""

    def decorator(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            request.public_page = True  # type: ignore[attr-defined]  # base.html: no CSRF header
            if request.user.is_authenticated or not _may_serve(request):
                return view(request, *args, **kwargs)
            language = translation.get_language() or settings.LANGUAGE_CODE
            key = f"{_PREFIX}:{_RELEASE}:{language}:{request.path}"
            version_keys = [_version_key(area) for area in (SITE, *areas)]
            found = cache.get_many([key, *version_keys])
            versions = _versions(found, version_keys)
            entry = found.get(key)
            if entry is not None and entry["versions"] == versions:
                cached = HttpResponse(entry["content"], content_type=entry["content_type"])
                return _with_token(request, _with_headers(request, cached, entry))
            response, storable = _render(view, request, *args, **kwargs)
            if not (isinstance(response, HttpResponse) and storable):
                return _with_token(request, response)
            entry = _entry(response, versions)
            cache.set(key, entry, timeout)
            return _with_token(request, _with_headers(request, response, entry))

        return wrapped  # type: ignore[return-value]

    return decorator


def personal_cache(view: View) -> View:
    """Serve a logged-in person's page from the shared cache, per person, language and address,
    until anything is written to the database (samskapa.core.writes), the day changes or
    PERSONAL_TIMEOUT has passed. For pages that only read; a view that writes on GET (an audit
    of the read, say) makes its own page a miss every time."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        user = request.user
        if not (
            settings.SAMSKAPA_PERSONAL_PAGE_CACHE and user.is_authenticated and _may_serve(request)
        ):
            return view(request, *args, **kwargs)
        language = translation.get_language() or settings.LANGUAGE_CODE
        key = f"{_PREFIX}:me:{_RELEASE}:{user.pk}:{language}:{request.path}"
        found = cache.get_many([key, writes.VERSION_KEY])
        versions = [writes.current(found), timezone.localdate().isoformat()]
        entry = found.get(key)
        if entry is not None and entry["versions"] == versions:
            cached = HttpResponse(entry["content"], content_type=entry["content_type"])
            return _with_token(request, cached)
        response, storable = _render(view, request, *args, **kwargs)
        if isinstance(response, HttpResponse) and storable:
            cache.set(key, _entry(response, versions), PERSONAL_TIMEOUT)
        return _with_token(request, response)

    return wrapped  # type: ignore[return-value]


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
