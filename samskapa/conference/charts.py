"""Statistics charts: Vega-Lite specs rendered by samskapa.core.charts as <img> tags (the CSP
forbids inline SVG styles), each shown beside a data table."""

from __future__ import annotations

from typing import Any

from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from samskapa.accounts.enums import Country, Sector
from samskapa.conference import selectors
from samskapa.conference.enums import ParticipantCategory
from samskapa.conference.models import Edition
from samskapa.core.charts import chart_img

ACCENT = "#1f5f8b"


def bar_chart(rows: list[tuple[str, int]], *, title: str, axis: str, alt: str) -> SafeString:
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "width": 420,
        "data": {"values": [{"label": label, "count": count} for label, count in rows]},
        "mark": {"type": "bar", "color": ACCENT},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "sort": None, "title": axis},
            "x": {"field": "count", "type": "quantitative", "title": _("Number")},
        },
    }
    return chart_img(spec, alt=alt)


def line_chart(rows: list[tuple[str, int]], *, title: str, alt: str) -> SafeString:
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "width": 420,
        "data": {"values": [{"week": week, "count": count} for week, count in rows]},
        "mark": {"type": "line", "point": True, "color": ACCENT},
        "encoding": {
            "x": {"field": "week", "type": "ordinal", "title": _("Week starting"), "sort": None},
            "y": {"field": "count", "type": "quantitative", "title": _("Registrations")},
        },
    }
    return chart_img(spec, alt=alt)


def _labelled(rows: list[dict[str, Any]], field: str, choices: Any) -> list[tuple[str, int]]:
    labels = dict(choices.choices)
    return [(str(labels.get(row[field], row[field])), row["count"]) for row in rows]


def statistics_context(edition: Edition) -> dict[str, Any]:
    over_time = [
        (formats.date_format(row["week"], "SHORT_DATE_FORMAT"), row["count"])
        for row in selectors.registrations_over_time(edition)
    ]
    tables = [
        (
            "category",
            _("Registrations by participant category"),
            _("Category"),
            _labelled(
                selectors.registrations_by(edition, "category"), "category", ParticipantCategory
            ),
        ),
        (
            "country",
            _("Registrations by country"),
            _("Country"),
            _labelled(selectors.registrations_by(edition, "country"), "country", Country),
        ),
        (
            "sector",
            _("Registrations by sector"),
            _("Sector"),
            _labelled(selectors.registrations_by(edition, "sector"), "sector", Sector),
        ),
    ]
    breakdowns = []
    for key, title, axis, rows in tables:
        alt = _("Bar chart: %(title)s; the numbers are in the table.") % {"title": title}
        breakdowns.append(
            {
                "key": key,
                "title": title,
                "axis": axis,
                "rows": rows,
                "chart": bar_chart(rows, title=title, axis=axis, alt=alt) if rows else "",
            }
        )
    over_time_title = _("Registrations per week")
    alt = _("Line chart of registrations per week; the numbers are in the table.")
    return {
        "over_time": over_time,
        "over_time_title": over_time_title,
        "over_time_chart": line_chart(over_time, title=over_time_title, alt=alt)
        if over_time
        else "",
        "breakdowns": breakdowns,
        "attendance": selectors.attendance(edition),
    }
