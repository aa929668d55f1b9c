"""Home panels: a member's projects' results and overdue reports; the reviewer's queue."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from samskapa.accounts.rules import is_centre_staff
from samskapa.core import dashboard
from samskapa.evaluation import selectors


def _member_panel(request: HttpRequest) -> dict[str, Any] | None:
    """A project member's way to the project's results: overdue reports first."""
    if is_centre_staff(request.user):
        return None
    projects = list(selectors.projects_of_member(request.user))
    if not projects:
        return None
    return {"projects": projects, "rows": selectors.late_periods_for_user(request.user)}


def _queue_panel(request: HttpRequest) -> dict[str, Any] | None:
    if not request.user.has_perm("evaluation.review_values"):
        return None
    count = selectors.review_queue().count()
    return {"count": count} if count else None


# Registered in the AppConfig.ready() (samskapa.core.extensions).
PANELS = [
    dashboard.Panel("evaluation-member", "evaluation/panels/member.html", _member_panel, 20),
    dashboard.Panel("evaluation-queue", "evaluation/panels/queue.html", _queue_panel, 30),
]
