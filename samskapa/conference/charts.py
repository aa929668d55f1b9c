"""Statistics charts: the conference's data for samskapa.core.charts, each chart shown beside
a data table, under a heading that says what the chart shows."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from samskapa.accounts.enums import Country, Sector
from samskapa.conference import selectors
from samskapa.conference.enums import ParticipantCategory
from samskapa.conference.models import Edition
from samskapa.core import charts
from samskapa.core.charts import LONG_DATE, format_number


def bar_chart(rows: list[tuple[str, int]], *, title: str, axis: str, alt: str) -> SafeString:
    return charts.bar_chart(rows, label_title=axis, value_title=_("Number"), alt=alt)


def _labelled(rows: list[dict[str, Any]], field: str, choices: Any) -> list[tuple[str, int]]:
    labels = dict(choices.choices)
    return [(str(labels.get(row[field], row[field])), row["count"]) for row in rows]


def _alt(message: str) -> str:
    return _("%(message)s. Bar chart; the table below has the numbers.") % {"message": message}


def statistics_context(edition: Edition) -> dict[str, Any]:
    over_time = [
        (_as_date(row["week"]), row["count"]) for row in selectors.registrations_over_time(edition)
    ]
    tables = [
        (
            "category",
            _("Registrations by participant category"),
            _("Category"),
            _labelled(
                selectors.registrations_by(edition, "category"), "category", ParticipantCategory
            ),
            _("Largest category: %(label)s (%(count)s of %(total)s registrations)"),
        ),
        (
            "country",
            _("Registrations by country"),
            _("Country"),
            _labelled(selectors.registrations_by(edition, "country"), "country", Country),
            _("Most registrations from %(label)s (%(count)s of %(total)s)"),
        ),
        (
            "sector",
            _("Registrations by sector"),
            _("Sector"),
            _labelled(selectors.registrations_by(edition, "sector"), "sector", Sector),
            _("Largest sector: %(label)s (%(count)s of %(total)s registrations)"),
        ),
    ]
    breakdowns = []
    for key, title, axis, rows, sentence in tables:
        message = _message(rows, sentence) or title
        breakdowns.append(
            {
                "key": key,
                "title": title,
                "message": message,
                "axis": axis,
                "rows": rows,
                "chart": bar_chart(rows, title=title, axis=axis, alt=_alt(message)) if rows else "",
            }
        )
    over_time_title = _("Registrations per week")
    busiest = charts.leader([(week.isoformat(), count) for week, count in over_time])
    over_time_message = (
        _("Most registrations in the week starting %(week)s (%(count)s of %(total)s)")
        % {
            "week": formats.date_format(datetime.date.fromisoformat(busiest[0]), LONG_DATE),
            "count": format_number(busiest[1]),
            "total": format_number(busiest[2]),
        }
        if busiest
        else over_time_title
    )
    return {
        "over_time": over_time,
        "over_time_title": over_time_title,
        "over_time_message": over_time_message,
        "over_time_chart": charts.line_chart(
            over_time,
            x_title=_("Week starting"),
            y_title=_("Registrations"),
            y_axis={"tickMinStep": 1},
            alt=_("%(message)s. Line chart; the table below has the numbers.")
            % {"message": over_time_message},
        )
        if over_time
        else "",
        "breakdowns": breakdowns,
        "attendance": selectors.attendance(edition),
    }


def score_spread_context(spread: list[dict[str, Any]]) -> dict[str, Any]:
    """The reviewers' scores: how many of each value, with the most common as the heading."""
    rows = [(str(row["score"]), row["count"]) for row in spread]
    title = _("Spread of scores")
    message = _message(rows, _("Most common score: %(label)s (%(count)s of %(total)s scores)"))
    message = message or title
    return {
        "spread": rows,
        "spread_title": title,
        "spread_message": message,
        "spread_chart": charts.bar_chart(
            rows, value_title=_("Number"), alt=_alt(message), value_axis={"tickMinStep": 1}
        )
        if rows
        else "",
    }


def _message(rows: list[tuple[str, int]], sentence: str) -> str:
    top = charts.leader(rows)
    if top is None:
        return ""
    label, count, total = top
    return sentence % {
        "label": label,
        "count": format_number(count),
        "total": format_number(total),
    }


def _as_date(value: datetime.date | datetime.datetime) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value
