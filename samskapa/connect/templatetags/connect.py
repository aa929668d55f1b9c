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


@register.inclusion_tag("connect/includes/case_connections.html", takes_context=True)
def case_connections(context: dict[str, Any], case: Any) -> dict[str, Any]:
    """The public case page's "Projects like this one", "Peers in Europe" and "Counterparts in
    Europe": built from published cases and the public catalogue only, the same for every
    visitor, so the page stays in its public cache (renewed when a case is published or
    withdrawn or a counterpart linked). The link to keep the counterparts is for reviewing
    staff, who are logged in and never served from the cache."""
    peers = selectors.european_peers(case)
    user = getattr(context.get("request"), "user", None)
    return {
        "case": case,
        "similar": selectors.similar_cases(case),
        "peers": peers,
        "peers_examples": any(peer.initiative.is_example for peer in peers),
        "counterparts": selectors.counterparts_of(case),
        "can_link": user is not None and user.has_perm("connect.link_counterparts"),
    }
