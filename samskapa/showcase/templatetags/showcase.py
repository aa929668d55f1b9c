"""Filters for a case's texts in the page's language."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import pgettext_lazy

from samskapa.showcase.models import CaseVersion

register = template.Library()

# The sections of a case page, in order, with their headings (the last four are the Social
# Innovation Match's validation headings, the second the case's "who it is for").
SECTIONS = (
    ("problem", pgettext_lazy("case section", "Scope of the problem")),
    ("target_group", pgettext_lazy("case section", "Who it is for")),
    ("approach", pgettext_lazy("case section", "Approach and methodology")),
    ("co_creation", pgettext_lazy("case section", "How it was co-created with the target group")),
    ("results", pgettext_lazy("case section", "Key results and benefits")),
    ("scaling", pgettext_lazy("case section", "Potential for scaling and transfer")),
)


@register.filter
def case_text(version: CaseVersion, name: str) -> str:
    return version.text(name)


@register.filter
def case_lang(version: CaseVersion, name: str) -> str:
    return version.text_language(name)


@register.filter
def case_sections(version: Any) -> tuple[tuple[str, Any], ...]:
    return SECTIONS
