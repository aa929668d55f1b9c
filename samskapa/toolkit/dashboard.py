"""A member's home: which tools of their projects are not started, and the latest
self-assessment (a project rates itself before each coalition meeting)."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef
from django.http import HttpRequest
from django.urls import reverse

from samskapa.core import dashboard
from samskapa.projects.models import Project
from samskapa.toolkit.selectors import STATE_MODELS, latest_self_assessments
from samskapa.toolkit.tools import TOOLS_BY_KEY


def _my_tools(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    if not user.is_authenticated:
        return None
    # One query: for each tool whether any of its rows exist.
    started = {
        key: Exists(entries[0][1]._default_manager.filter(project=OuterRef("pk")))
        for key, entries in STATE_MODELS.items()
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
                "name": TOOLS_BY_KEY[key].name,
                "url": reverse("toolkit:tool", kwargs={"project_pk": project.pk, "tool": key}),
            }
            for key in STATE_MODELS
            if not getattr(project, f"has_{key}")
        ]
        items.append(
            {"project": project, "not_started": not_started, "latest": latest.get(project.pk)}
        )
    return {"items": items}


# Registered in the AppConfig.ready() (samskapa.core.extensions).
PANELS = [
    dashboard.Panel("my_tools", "toolkit/panels/my_tools.html", _my_tools, 25),
]
