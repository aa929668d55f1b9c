from typing import Any

from django import template

from samskapa.toolkit import present, selectors

register = template.Library()


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    """`{{ mapping|get_item:key }}`: a dictionary lookup with a variable key."""
    return mapping.get(key, []) if mapping else []


@register.inclusion_tag("toolkit/includes/workspace_section.html", takes_context=True)
def toolkit_section(context: dict[str, Any], project: Any) -> dict[str, Any]:
    """The tools' section of a project's workspace: links and the latest self-assessment."""

    latest = selectors.latest_self_assessments(projects=[project]).get(project.pk)
    return {
        "project": project,
        "data": present.self_assessment(latest, selectors.self_assessment_series(project=project)),
        "request": context.get("request"),
        "suffix": "-ws",
    }
