from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html
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
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        value = formats.number_format(value, use_l10n=True)  # 66,7 on a Swedish page
    return f"{value}\u00a0%" if get_language() == "sv" else f"{value}%"


@register.filter
def yesno_text(value: Any) -> str:
    return _("Yes") if value else _("No")


@register.filter
def number(value: Any) -> str:
    """1234567 → "1 234 567" on Swedish pages, "1,234,567" on English ones (decimals kept:
    1234.5 → "1 234,5"). For numbers people read; never for values in forms, addresses or
    data attributes (which must stay plain: `{{ n }}`). Years are not numbers: `{{ year }}`."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return str(value)
    return formats.number_format(value, use_l10n=True, force_grouping=True)


@register.filter
def date_range(start: Any, end: Any) -> str:
    """A period in the page's language, its shared parts said once: "21–22 april 2027",
    "30 april – 2 maj 2027", "30 december 2026 – 2 januari 2027"; in English "21–22 April 2027".
    Two times of one day: "10 mars 2025 13:00–15:00". A missing end gives the start alone.

        {{ edition.starts_on|date_range:edition.ends_on }}
    """
    if not start:
        return "–"
    if isinstance(start, datetime.datetime) and isinstance(end, datetime.datetime):
        start, end = timezone.localtime(start), timezone.localtime(end)
        if start.date() == end.date():
            return f"{formats.date_format(start)} {_time(start)}–{_time(end)}"
        return (
            f"{formats.date_format(start)} {_time(start)} – {formats.date_format(end)} {_time(end)}"
        )
    start, end = _day(start), _day(end) if end else None
    if end is None or end == start:
        return formats.date_format(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{formats.date_format(start, 'j')}–{formats.date_format(end)}"
    if start.year == end.year:
        return f"{formats.date_format(start, 'MONTH_DAY_FORMAT')} – {formats.date_format(end)}"
    return f"{formats.date_format(start)} – {formats.date_format(end)}"


def _day(value: datetime.date) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value)
    return value


def _time(value: datetime.datetime) -> str:
    return formats.time_format(value, "TIME_FORMAT")


@register.filter
def email(address: str | None) -> str:
    """An e-mail address that may wrap before its "@" on a narrow screen (never inside a name):
    {{ user.email|email }}."""
    if not address:
        return "–"
    local, at, domain = str(address).partition("@")
    return format_html("{}<wbr>{}{}", local, at, domain) if at else str(address)
