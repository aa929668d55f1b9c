"""Panels on the logged-in home: a member's projects with what to do next; the call year."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from samskapa.core import dashboard
from samskapa.projects import selectors
from samskapa.projects.enums import MemberRole
from samskapa.projects.models import PROFILE_FIELDS, project_field_label


def _my_projects(request: HttpRequest) -> dict[str, Any] | None:
    projects = list(selectors.my_projects(request.user))
    if not projects:
        return None
    items = []
    for project in projects:
        missing = [
            project_field_label(name) for name in PROFILE_FIELDS if not getattr(project, name)
        ]
        pending = len(project.open_invitations)  # type: ignore[attr-defined]
        items.append(
            {
                "project": project,
                "missing": missing,
                "pending": pending,
                # A lead working alone is reminded that colleagues can join.
                "invite": project.my_role == MemberRole.LEAD  # type: ignore[attr-defined]
                and project.member_count == 1  # type: ignore[attr-defined]
                and not pending,
            }
        )
    return {"items": items}


def _call_year(request: HttpRequest) -> dict[str, Any] | None:
    if not request.user.has_perm("projects.view_call"):
        return None
    calls = selectors.call_year_overview()
    return {"calls": calls, "total": sum(c["granted_total"] or 0 for c in calls)}


# Registered in the AppConfig.ready() (samskapa.core.extensions).
PANELS = [
    dashboard.Panel("my_projects", "projects/panels/my_projects.html", _my_projects, 20),
    dashboard.Panel("call_year", "projects/panels/call_year.html", _call_year, 200),
]
