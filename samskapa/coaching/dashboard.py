"""Home panels: the coach's next sessions and overdue actions; a member's open actions."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from samskapa.coaching import selectors
from samskapa.core import dashboard


def _coach_panel(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    if not user.has_perm("coaching.view_overview"):
        return None
    return {
        "sessions": list(selectors.upcoming_sessions(user=user, limit=5)),
        "overdue": list(selectors.overdue_actions(user=user, limit=5)),
    }


def _member_panel(request: HttpRequest) -> dict[str, Any] | None:
    projects = list(selectors.coached_projects_of_member(user=request.user))
    if not projects:
        return None
    actions = list(selectors.open_actions_for_member(user=request.user, limit=5))
    return {"actions": actions, "projects": projects}


# Registered in the AppConfig.ready() (samskapa.core.extensions).
PANELS = [
    dashboard.Panel("coaching-coach", "coaching/panels/coach.html", _coach_panel, 30),
    dashboard.Panel("coaching-member", "coaching/panels/member.html", _member_panel, 35),
]
