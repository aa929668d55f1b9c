"""Home panels: a project's overdue reports; the reviewer's approval queue."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from samskapa.accounts.rules import is_centre_staff
from samskapa.core import dashboard
from samskapa.evaluation import selectors


def _overdue_panel(request: HttpRequest) -> dict[str, Any] | None:
    if is_centre_staff(request.user):
        return None
    rows = selectors.late_periods_for_user(request.user)
    return {"rows": rows} if rows else None


def _queue_panel(request: HttpRequest) -> dict[str, Any] | None:
    if not request.user.has_perm("evaluation.review_values"):
        return None
    count = selectors.review_queue().count()
    return {"count": count} if count else None


# Registered in the AppConfig.ready() (samskapa.core.extensions).
PANELS = [
    dashboard.Panel("evaluation-overdue", "evaluation/panels/overdue.html", _overdue_panel, 20),
    dashboard.Panel("evaluation-queue", "evaluation/panels/queue.html", _queue_panel, 30),
]
