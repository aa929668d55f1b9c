"""Charts of the tools: the tools' data for samskapa.core.charts, with the message each chart
shows as its caption.

Every chart is shown with a data table holding the same numbers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samskapa.core import charts
from samskapa.core.charts import LONG_DATE, format_number
from samskapa.toolkit.enums import level_choices


def _alt(message: str, kind: str) -> str:
    return _("%(message)s. %(kind)s; the table below has the same numbers.") % {
        "message": message,
        "kind": kind,
    }


# --- Indicators ----------------------------------------------------------------------------


def indicator_progress_message(rows: Sequence[dict[str, Any]]) -> str:
    measured = [row["percent"] for row in rows if row["percent"] is not None]
    if not measured:
        return ""
    reached = sum(1 for percent in measured if percent >= 100)
    return ngettext(
        "%(reached)s of %(total)s indicators has reached its target",
        "%(reached)s of %(total)s indicators have reached their target",
        reached,
    ) % {"reached": format_number(reached), "total": format_number(len(measured))}


def indicator_progress_chart(rows: Sequence[dict[str, Any]]) -> SafeString | None:
    """What each indicator has reached so far as a share of its target (100 % = reached)."""
    values = [(row["label"], row["percent"]) for row in rows if row["percent"] is not None]
    if not values:
        return None
    return charts.bar_chart(
        values,
        value_title=_("Share of the target reached (%)"),
        reference=100,
        alt=_alt(indicator_progress_message(rows), _("Bar chart")),
    )


# --- Self-assessment -----------------------------------------------------------------------


def self_assessment_latest_message(rows: Sequence[dict[str, Any]]) -> str:
    pairs = [(str(r["label"]), r["rating"]) for r in rows]
    high = charts.leader(pairs)
    low = charts.leader([(label, -rating) for label, rating in pairs])
    if high is None or low is None:
        return _("The latest rating per focus area")
    return _("Strongest: %(high)s (%(high_rating)s of 5); weakest: %(low)s (%(low_rating)s)") % {
        "high": high[0],
        "high_rating": high[1],
        "low": low[0],
        "low_rating": -low[1],
    }


def self_assessment_latest_chart(rows: Sequence[dict[str, Any]]) -> SafeString | None:
    values = [(str(r["label"]), r["rating"]) for r in rows]
    if not values:
        return None
    return charts.bar_chart(
        values,
        value_title=_("Rating (1–5)"),
        value_axis={"values": [0, 1, 2, 3, 4, 5], "format": "d"},
        value_max=5,
        alt=_alt(self_assessment_latest_message(rows), _("Bar chart")),
    )


def self_assessment_trend_message(points: Sequence[Any]) -> str:
    by_assessment: dict[int, list[Any]] = defaultdict(list)
    for point in points:
        by_assessment[point.assessment_id].append(point)
    if len(by_assessment) < 2:
        return ""
    ordered = sorted(by_assessment.values(), key=lambda ps: ps[0].assessed_on)
    first, last = ordered[0], ordered[-1]

    def average(ps: list[Any]) -> str:
        return formats.number_format(sum(p.rating for p in ps) / len(ps), 1)

    return _("The average rating went from %(first)s (%(first_date)s) to %(last)s (%(last_date)s)") % {
        "first": average(first),
        "first_date": formats.date_format(first[0].assessed_on, LONG_DATE),
        "last": average(last),
        "last_date": formats.date_format(last[0].assessed_on, LONG_DATE),
    }  # fmt: skip


def self_assessment_trend_chart(points: Sequence[Any]) -> SafeString | None:
    """The ratings of each focus area over time, one small chart per focus area (ratings on a
    five-step scale often coincide, so the areas are not drawn on top of each other)."""
    if len({p.assessment_id for p in points}) < 2:
        return None
    return charts.series_chart(
        [(p.focus_area_label, p.assessed_on, p.rating) for p in points],
        x_title=_("Date"),
        y_title=_("Rating (1–5)"),
        y_domain=[1, 5],
        y_axis={"values": [1, 2, 3, 4, 5], "format": "d"},
        small_multiples=True,
        alt=_alt(self_assessment_trend_message(points), _("Line charts, one per focus area")),
    )


# --- Participation -------------------------------------------------------------------------


def participation_message(activities: Sequence[Any], scale: str) -> str:
    if not activities:
        return ""
    labels = dict(level_choices(scale))
    top = max(activities, key=lambda a: (a.level, a.held_on))
    first = min((a for a in activities if a.level == top.level), key=lambda a: a.held_on)
    return _("Highest level so far: %(level)s, first reached on %(date)s") % {
        "level": labels.get(top.level, top.level),
        "date": formats.date_format(first.held_on, LONG_DATE),
    }


def participation_chart(activities: Sequence[Any], scale: str) -> SafeString | None:
    if not activities:
        return None
    labels = dict(level_choices(scale))
    wrapped = {n: charts.wrap(str(label), 14) for n, label in labels.items()}
    return charts.series_chart(
        [("", a.held_on, a.level) for a in activities],
        x_title=_("Date"),
        y_title=_("Level"),
        y_domain=[1, len(labels)],
        y_axis={
            "values": list(labels),
            "labelExpr": " : ".join(
                f"datum.value == {n} ? [{', '.join(_js(line) for line in lines)}]"
                for n, lines in wrapped.items()
            )
            + " : ''",
            "labelLimit": 0,
            "title": None,
        },
        interpolate="step-after",
        alt=_alt(participation_message(activities, scale), _("Chart over time")),
    )


def _js(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
