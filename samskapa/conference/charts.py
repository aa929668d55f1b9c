"""Statistics charts: the conference's data for samskapa.core.charts, each chart shown beside
a data table."""

from __future__ import annotations

from typing import Any

from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from samskapa.accounts.enums import Country, Sector
from samskapa.conference import selectors
from samskapa.conference.enums import ParticipantCategory
from samskapa.conference.models import Edition
from samskapa.core import charts


def bar_chart(rows: list[tuple[str, int]], *, title: str, axis: str, alt: str) -> SafeString:
    return charts.bar_chart(rows, title=title, label_title=axis, value_title=_("Number"), alt=alt)


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
        "over_time_chart": charts.line_chart(
            over_time,
            title=over_time_title,
            x_title=_("Week starting"),
            y_title=_("Registrations"),
            alt=alt,
        )
        if over_time
        else "",
        "breakdowns": breakdowns,
        "attendance": selectors.attendance(edition),
    }
