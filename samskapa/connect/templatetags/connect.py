"""`{% connect_section project %}`: the project page's links to similar projects and requests."""

from __future__ import annotations

from typing import Any

from django import template

from samskapa.connect import selectors

register = template.Library()


@register.inclusion_tag("connect/includes/project_links.html", takes_context=True)
def connect_section(context: dict[str, Any], project: Any) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    members = user is not None and user.has_perm("connect.list_requests", project)
    return {
        "project": project,
        "can_list_requests": members,
        "waiting": selectors.waiting_count(project) if members else 0,
    }
