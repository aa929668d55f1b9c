"""Focus-area self-assessment (every focus area): the project rates itself 1–5 in each focus
area, again before each coalition meeting. Dated records rather than versioned rows, so the
tool has no parts: its pages are `toolkit:self-assessment`, `-add` and `-delete`, and the
overview shows it beside the other tools."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.core.enums import FocusArea
from samskapa.toolkit import charts
from samskapa.toolkit.forms import DATE
from samskapa.toolkit.registry import Tool, register
from samskapa.toolkit.selectors import RatingPoint

RATING_CHOICES = [
    (1, _("1 – just started")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, _("5 – well developed")),
]


class SelfAssessmentForm(forms.Form):
    assessed_on = forms.DateField(label=_("Date"), widget=DATE)
    context = forms.CharField(
        label=_("Occasion"),
        max_length=200,
        required=False,
        help_text=_("For example: before the coalition meeting in March."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for area in FocusArea:
            self.fields[f"rating_{area.value}"] = forms.TypedChoiceField(
                label=area.label,
                choices=RATING_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose a rating from 1 to 5.")},
            )
            self.fields[f"comment_{area.value}"] = forms.CharField(
                label=_("Comment on %(area)s") % {"area": str(area.label).lower()},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def area_fields(self) -> list[tuple[Any, Any]]:
        return [(self[f"rating_{a.value}"], self[f"comment_{a.value}"]) for a in FocusArea]

    def ratings(self) -> dict[str, tuple[int, str]]:
        data = self.cleaned_data
        return {a.value: (data[f"rating_{a.value}"], data[f"comment_{a.value}"]) for a in FocusArea}


def present(latest: Any, points: list[RatingPoint]) -> dict[str, Any]:
    """The latest self-assessment (`latest`, or None) and the trend of every rating."""
    labels = dict(FocusArea.choices)
    rows = []
    if latest is not None:
        order = {value: index for index, value in enumerate(FocusArea.values)}
        for rating in sorted(latest.ratings.all(), key=lambda r: order[r.focus_area]):
            rows.append(
                {
                    "label": labels[rating.focus_area],
                    "rating": rating.rating,
                    "comment": rating.comment,
                }
            )
    # The trend table: one row per assessment, one column per focus area.
    by_assessment: dict[int, dict[str, Any]] = {}
    for point in points:
        row = by_assessment.setdefault(
            point.assessment_id,
            {"date": point.assessed_on, "context": point.context, "ratings": {}},
        )
        row["ratings"][point.focus_area] = point.rating
    trend = list(by_assessment.values())
    # The table has a row per focus area and a column per assessment: dates are short.
    trend_rows = [
        {"label": labels[area], "cells": [column["ratings"].get(area) for column in trend]}
        for area in FocusArea.values
    ]
    return {
        "latest": latest,
        "latest_rows": rows,
        "latest_chart": charts.self_assessment_latest_chart(rows),
        "latest_message": charts.self_assessment_latest_message(rows),
        "trend": trend,
        "trend_rows": trend_rows,
        "trend_chart": charts.self_assessment_trend_chart(points),
        "trend_message": charts.self_assessment_trend_message(points),
        "areas": [labels[a] for a in FocusArea.values],
        "is_empty": latest is None,
    }


TOOL = register(
    Tool(
        key="self_assessment",
        name=_("Focus-area self-assessment"),
        focus_area=None,
        guide=_(
            "Rate how far the project has come in each of the five focus areas, from 1 (just "
            "started) to 5 (well developed), with a comment. Do it again before each coalition "
            "meeting to see the trend."
        ),
        order=90,
        url_name="toolkit:self-assessment",
    )
)
