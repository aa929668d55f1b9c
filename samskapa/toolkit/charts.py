"""Charts of the tools: Vega-Lite specs rendered to SVG images on the server (core.charts).

Every chart is shown with a data table holding the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from samskapa.core.charts import ACCENT, ALERT, SCHEMA, chart_img
from samskapa.toolkit.enums import level_choices


def _date_axis() -> dict[str, Any]:
    """The time axis of the toolkit's charts over dates."""
    return {
        "field": "date",
        "type": "temporal",
        "title": _("Date"),
        "axis": {"format": "%Y-%m-%d", "labelAngle": -30},
    }


def indicator_progress_chart(rows: Sequence[dict[str, Any]]) -> SafeString | None:
    """Each indicator's latest value as a share of its target (100 % = target reached)."""
    values = [
        {"indicator": row["label"], "percent": row["percent"]}
        for row in rows
        if row["percent"] is not None
    ]
    if not values:
        return None
    spec = {
        "$schema": SCHEMA,
        "description": _("Progress of each indicator towards its target"),
        "width": 420,
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "bar", "color": ACCENT},
                "encoding": {
                    "y": {
                        "field": "indicator",
                        "type": "nominal",
                        "title": None,
                        "sort": None,
                        "axis": {"labelLimit": 320},
                    },
                    "x": {
                        "field": "percent",
                        "type": "quantitative",
                        "title": _("Share of the target reached (%)"),
                        "scale": {
                            "domainMin": 0,
                            "domainMax": max(100, *(v["percent"] for v in values)),
                        },
                    },
                },
            },
            {
                "mark": {"type": "rule", "color": ALERT, "strokeDash": [4, 3]},
                "encoding": {"x": {"datum": 100}},
            },
        ],
    }
    return chart_img(
        spec,
        alt=_(
            "Bar chart of each indicator's progress towards its target; the table shows the same numbers."
        ),
    )


def self_assessment_latest_chart(rows: Sequence[dict[str, Any]]) -> SafeString | None:
    values = [{"area": str(r["label"]), "rating": r["rating"]} for r in rows]
    if not values:
        return None
    spec = {
        "$schema": SCHEMA,
        "description": _("The latest self-assessment per focus area"),
        "width": 380,
        "data": {"values": values},
        "mark": {"type": "bar", "color": ACCENT},
        "encoding": {
            "y": {
                "field": "area",
                "type": "nominal",
                "title": None,
                "sort": None,
                "axis": {"labelLimit": 320},
            },
            "x": {
                "field": "rating",
                "type": "quantitative",
                "title": _("Rating (1–5)"),
                "scale": {"domain": [0, 5]},
                "axis": {"tickCount": 5, "format": "d"},
            },
        },
    }
    return chart_img(
        spec,
        alt=_("Bar chart of the latest rating per focus area; the table shows the same numbers."),
    )


def self_assessment_trend_chart(points: Sequence[Any]) -> SafeString | None:
    if len({p.assessment_id for p in points}) < 2:
        return None
    values = [
        {"date": p.assessed_on.isoformat(), "area": p.focus_area_label, "rating": p.rating}
        for p in points
    ]
    spec = {
        "$schema": SCHEMA,
        "description": _("The self-assessments over time per focus area"),
        "width": 460,
        "height": 220,
        "data": {"values": values},
        "mark": {"type": "line", "point": True},
        "encoding": {
            "x": _date_axis(),
            "y": {
                "field": "rating",
                "type": "quantitative",
                "title": _("Rating (1–5)"),
                "scale": {"domain": [1, 5]},
                "axis": {"tickCount": 5, "format": "d"},
            },
            "color": {
                "field": "area",
                "type": "nominal",
                "title": _("Focus area"),
                "legend": {"orient": "bottom", "columns": 1, "labelLimit": 400},
            },
            "strokeDash": {"field": "area", "type": "nominal", "legend": None},
        },
    }
    return chart_img(
        spec,
        alt=_(
            "Line chart of the ratings per focus area over time; the table shows the same numbers."
        ),
    )


def participation_chart(activities: Sequence[Any], scale: str) -> SafeString | None:
    if not activities:
        return None
    labels = dict(level_choices(scale))
    values = [
        {"date": a.held_on.isoformat(), "level": a.level, "activity": a.title} for a in activities
    ]
    spec = {
        "$schema": SCHEMA,
        "description": _("The level of participation of each activity over time"),
        "width": 460,
        "height": 200,
        "data": {"values": values},
        "mark": {
            "type": "line",
            "point": {"size": 60},
            "color": ACCENT,
            "interpolate": "step-after",
        },
        "encoding": {
            "x": _date_axis(),
            "y": {
                "field": "level",
                "type": "quantitative",
                "title": _("Level"),
                "scale": {"domain": [1, len(labels)]},
                "axis": {
                    "values": list(labels),
                    "labelExpr": " : ".join(
                        f"datum.value == {n} ? '{_js(str(label))}'" for n, label in labels.items()
                    )
                    + " : ''",
                    "labelLimit": 200,
                },
            },
        },
    }
    return chart_img(
        spec,
        alt=_(
            "Chart of the level of participation of each activity over time; the table shows the same activities."
        ),
    )


def _js(text: str) -> str:
    return text.replace("\\", "\\\\").replace("'", "\\'")
