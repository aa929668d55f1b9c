"""Figures on pages: Swedish or English number formats, ".." for suppressed cells."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from samskapa.evaluation.disclosure import REASONS, SUPPRESSED, Cell, threshold

register = template.Library()


def number(value: Any) -> str:
    """1234 → "1 234" (Swedish) / "1,234" (English); a fraction is a percentage."""
    if value is None or value == "":
        return "–"
    if isinstance(value, float):
        text = f"{value * 100:.1f}"
        return (text.replace(".", ",") + "\u00a0%") if get_language() != "en" else text + "%"
    as_int = int(value)
    text = f"{float(value):,.1f}" if as_int != value else f"{as_int:,}"
    if get_language() == "en":
        return text
    return text.replace(",", "\u00a0").replace(".", ",")


@register.filter
def figure(cell: Cell | None) -> SafeString | str:
    if cell is None:
        return "–"
    if not cell.shown:
        reason = str(REASONS[cell.reason]) % {"threshold": threshold()}
        return format_html(
            '<span class="suppressed">{}</span><span class="visually-hidden"> ({})</span>',
            SUPPRESSED,
            _("not published: %(reason)s") % {"reason": reason},
        )
    return number(cell.value)


@register.filter
def num(value: Any) -> str:
    return number(value)


@register.filter
def projects_of(cell: Cell | None) -> str:
    return "–" if cell is None else number(cell.projects)
