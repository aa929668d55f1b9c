"""Which language a page speaks, and its addresses in the other languages.

The address decides (docs/architecture.md, "Which language a page speaks"): every page people
read has a Swedish address without a prefix (Swedish is the default) and an English one under
/en/ (`i18n_patterns(..., prefix_default_language=False)` in samskapa/urls.py). A few
addresses have no language (the admin site, /healthz, /.well-known/security.txt): there a
logged-in person's account language counts, Swedish otherwise.
"""

from __future__ import annotations

import functools
from typing import Any

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

# The query parameter of the language switch for a logged-in person: the choice is stored in
# the account (samskapa.accounts.middleware.AccountLanguageMiddleware), then dropped.
SWITCH_PARAMETER = "lang"


def supported() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def from_path(path: str) -> str:
    """The language named by the address's prefix ("en" for /en/about/), or ""."""
    return translation.get_language_from_path(path) or ""


def address_in(url: str, language: str) -> str:
    """The same page's address in `language` (query string kept); `url` unchanged when the
    page has no address in that language. Resolved in the current language, which must be the
    language of `url` (as it is while a request for that page is handled)."""
    return _translated(url, translation.get_language() or settings.LANGUAGE_CODE, language)


@functools.lru_cache(maxsize=4096)
def _translated(url: str, current: str, language: str) -> str:
    # Resolving an address walks the URL patterns (every one of them for a 404 or "/"), and
    # every request asks this at least twice: remembered per process, as the patterns are.
    with translation.override(current):
        return translate_url(url, language)


def has_language(path: str) -> bool:
    """Whether the page at `path` (in the current language) exists in every language: its
    addresses differ by prefix. False for the admin site, machines' addresses and 404s."""
    addresses = {address_in(path, code) for code in supported()}
    return len(addresses) == len(supported())


def account_language(user: Any) -> str:
    """A logged-in person's chosen language, or "" (anonymous, or no valid choice)."""
    if user is None or not user.is_authenticated:
        return ""
    chosen = getattr(user, "language", "") or ""
    return chosen if chosen in supported() else ""


def language_for_person(request: Any) -> str:
    """The language of the page a logged-in person ends up on from this request's address: on
    a Swedish (unprefixed) address, a person who chose English is sent to the English one."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    chosen = account_language(getattr(request, "user", None))
    path = request.path_info
    if chosen and chosen != current and not from_path(path) and has_language(path):
        return chosen
    return current


def alternates(request: Any) -> list[dict[str, str]]:
    """The page's addresses in every language, for the language switch and `hreflang` links:
    [{"code", "url", "absolute"}], the current language included. Empty for a page with no
    language (a 404, the admin site)."""
    path = request.path_info
    if not has_language(path):
        return []
    full = request.get_full_path()
    result = []
    for code, _name in settings.LANGUAGES:
        url = address_in(full, code)
        result.append({"code": code, "url": url, "absolute": request.build_absolute_uri(url)})
    return result
