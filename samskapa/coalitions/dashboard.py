"""Home panels: the process leader's next meeting and undocumented meetings; a member's
upcoming coalition meeting."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from samskapa.accounts.rules import is_admin, is_centre_staff, is_funder, is_process_leader
from samskapa.coalitions import selectors
from samskapa.core import dashboard


def _leader_panel(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    if not (is_process_leader(user) or is_admin(user)):
        return None
    undocumented = list(selectors.undocumented_meetings(user=user))
    if is_admin(user) and not undocumented:
        return None
    return {"undocumented": undocumented, "next": selectors.planned_meetings(user=user).first()}


def _member_panel(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    if is_centre_staff(user):
        return None
    upcoming = list(selectors.upcoming_meetings_for_user(user=user, limit=2))
    if not upcoming:
        return None
    return {"meetings": upcoming, "reflections_due": selectors.reflections_due(user=user)}


def _activity_panel(request: HttpRequest) -> dict[str, Any] | None:
    # The funder follows the centre's activity in figures (docs/domain.md, roles), without its pages.
    if not (is_admin(request.user) or is_funder(request.user)):
        return None
    return {
        **selectors.activity_figures(user=request.user),
        "show_links": is_admin(request.user),
    }


# Registered in the AppConfig.ready() (samskapa.core.extensions).
PANELS = [
    dashboard.Panel("coalitions-activity", "coalitions/panels/activity.html", _activity_panel, 150),
    dashboard.Panel("coalitions-leader", "coalitions/panels/leader.html", _leader_panel, 25),
    dashboard.Panel("coalitions-member", "coalitions/panels/member.html", _member_panel, 22),
]
