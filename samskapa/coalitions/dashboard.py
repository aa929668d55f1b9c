"""Home panels: the process leader's next meeting and undocumented meetings; a member's
upcoming coalition meeting."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from samskapa.accounts.rules import (
    is_admin,
    is_centre_staff,
    is_evaluator,
    is_funder,
    is_process_leader,
)
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


def _lessons_panel(request: HttpRequest) -> dict[str, Any] | None:
    """The evaluator's raw material: the lessons register counted by focus area."""
    if not (is_evaluator(request.user) and request.user.has_perm("coalitions.view_lessons")):
        return None
    filters = selectors.LessonFilters()
    return {
        "groups": selectors.lesson_counts(filters, selectors.LessonGroup.FOCUS_AREA),
        "total": selectors.lesson_total(filters),
    }


def _reflections_panel(request: HttpRequest) -> dict[str, Any] | None:
    """The evaluator reads the projects' latest reflections (the centre team may read them all)."""
    if not (is_evaluator(request.user) and request.user.has_perm("coalitions.view_lessons")):
        return None
    return {"reflections": list(selectors.recent_reflections(limit=5))}


def _calls_panel(request: HttpRequest) -> dict[str, Any] | None:
    """The funder follows what the projects of each call do and how far they have come:
    figures and the projects' own descriptions, never notes or coalition pages."""
    if not is_funder(request.user):
        return None
    return {"calls": selectors.call_progress()}


# Registered in the AppConfig.ready() (samskapa.core.extensions).
PANELS = [
    dashboard.Panel("coalitions-lessons", "coalitions/panels/lessons.html", _lessons_panel, 110),
    dashboard.Panel(
        "coalitions-reflections", "coalitions/panels/reflections.html", _reflections_panel, 130
    ),
    dashboard.Panel("coalitions-calls", "coalitions/panels/calls.html", _calls_panel, 120),
    dashboard.Panel("coalitions-activity", "coalitions/panels/activity.html", _activity_panel, 150),
    dashboard.Panel("coalitions-leader", "coalitions/panels/leader.html", _leader_panel, 25),
    dashboard.Panel("coalitions-member", "coalitions/panels/member.html", _member_panel, 22),
]
