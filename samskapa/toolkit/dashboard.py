"""A member's home: which tools of their projects are not started, and the latest
self-assessment (a project rates itself before each coalition meeting)."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef
from django.http import HttpRequest
from django.urls import reverse

from samskapa.accounts.rules import is_evaluator
from samskapa.core import dashboard
from samskapa.projects.models import Project
from samskapa.toolkit import registry
from samskapa.toolkit.selectors import latest_self_assessments, self_assessment_trends


def _my_tools(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    if not user.is_authenticated:
        return None
    # One query: for each tool whether any rows of its first part exist.
    tools = registry.state_tools()
    started = {
        tool.key: Exists(tool.parts[0].model._default_manager.filter(project=OuterRef("pk")))
        for tool in tools
    }
    projects = list(
        Project.objects.filter(members__user_id=user.pk)
        .annotate(**{f"has_{key}": value for key, value in started.items()})
        .order_by("number")
    )
    if not projects:
        return None
    latest = latest_self_assessments(projects=projects)
    items = []
    for project in projects:
        not_started = [
            {
                "name": tool.name,
                "url": reverse(tool.url_name, kwargs=tool.url_kwargs(project.pk)),
            }
            for tool in tools
            if not getattr(project, f"has_{tool.key}")
        ]
        items.append(
            {"project": project, "not_started": not_started, "latest": latest.get(project.pk)}
        )
    return {"items": items}


def _trends(request: HttpRequest) -> dict[str, Any] | None:
    """For the evaluator: how the projects rate themselves now against the time before."""
    if not is_evaluator(request.user):
        return None
    trends = self_assessment_trends()
    return {"trends": trends, "projects": max((t.projects for t in trends), default=0)}


# Registered in the AppConfig.ready() (samskapa.core.extensions).
PANELS = [
    dashboard.Panel("my_tools", "toolkit/panels/my_tools.html", _my_tools, 25),
    dashboard.Panel("self_assessment_trends", "toolkit/panels/trends.html", _trends, 120),
]
