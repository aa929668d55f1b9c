from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with some parameters changed (filters survive paging)."""
    request = context["request"]
    query = request.GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = value
    return str(query.urlencode())


@register.filter
def sek(value: Any) -> str:
    """7450000 → "7 450 000 kr" (Swedish) / "SEK 7,450,000" (English)."""
    if value is None or value == "":
        return "–"
    amount = int(Decimal(value).quantize(Decimal(1)))
    if get_language() == "en":
        return f"SEK {amount:,}"
    return f"{amount:,}".replace(",", "\u00a0") + "\u00a0kr"


@register.filter
def percent(value: Any) -> str:
    if value is None or value == "":
        return "–"
    return f"{value}\u00a0%" if get_language() == "sv" else f"{value}%"


@register.filter
def yesno_text(value: Any) -> str:
    return _("Yes") if value else _("No")
