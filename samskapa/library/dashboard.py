from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from samskapa.core import dashboard
from samskapa.library import selectors


def _authoring_panel(request: HttpRequest) -> dict[str, Any] | None:
    """For the centre team: materials waiting for review and feedback of the last 30 days."""
    user = request.user
    if not user.has_perm("library.add_material"):
        return None
    return {
        "in_review": selectors.count_materials_in_review(),
        "my_drafts": selectors.count_drafts_by(user=user),
        "can_publish": user.has_perm("library.publish_materials"),
        "feedback": selectors.feedback_summary(since=timezone.now() - timedelta(days=30)),
    }


# Registered in the AppConfig.ready() (samskapa.core.extensions).
PANELS = [
    dashboard.Panel("library", "library/panels/authoring.html", _authoring_panel, 50),
]
