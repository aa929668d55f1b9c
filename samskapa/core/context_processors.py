from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from samskapa.core import pdf
from samskapa.core.navigation import navigation_for


def site(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
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
