from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils import translation

from samskapa.core import languages, pdf
from samskapa.core.navigation import navigation_for
from samskapa.core.pagecache import CSRF_PLACEHOLDER


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    # A page rendered to be cached holds a placeholder that each response replaces with the
    # visitor's own token (samskapa.core.pagecache); this processor runs after Django's own.
    csrf = {"csrf_token": CSRF_PLACEHOLDER} if getattr(request, "csrf_placeholder", False) else {}
    return {
        **csrf,
        **_language_links(request),
        "nav_items": navigation_for(request),
        "demo_mode": settings.SAMSKAPA_DEMO,
        "pdf_available": pdf.available,  # called only by the pages that offer a PDF
        "staff_mfa_required": settings.SAMSKAPA_REQUIRE_STAFF_MFA,
        "show_mfa_notice": bool(
            user is not None
            and user.is_authenticated
            and getattr(user, "is_centre_staff", False)
            and not settings.SAMSKAPA_REQUIRE_STAFF_MFA
        ),
    }


def _language_links(request: HttpRequest) -> dict[str, Any]:
    """`language_alternates` (the page in every language, for `hreflang` links) and
    `language_switch` (a link to this page in the other language; for a logged-in person with
    `?lang=`, so that the choice is kept in the account: samskapa.accounts.middleware)."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    alternates = languages.alternates(request)
    other = next((code for code, _name in settings.LANGUAGES if code != current), current)
    if alternates:
        url = next(item["url"] for item in alternates if item["code"] == other)
    else:  # a page in no language, or one that does not exist: the other language's start page
        with translation.override(other):
            url = reverse("core:home")
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        path, _sep, query = url.partition("?")
        params = QueryDict(query, mutable=True)
        params[languages.SWITCH_PARAMETER] = other
        url = f"{path}?{params.urlencode()}"
    return {
        "language_alternates": alternates,
        "language_default_url": next(
            (item["absolute"] for item in alternates if item["code"] == settings.LANGUAGE_CODE), ""
        ),
        "language_switch": {"code": other, "url": url},
    }
