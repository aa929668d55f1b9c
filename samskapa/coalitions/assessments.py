"""The toolkit's focus-area self-assessments, as the coalitions use them: recorded with a
project's reflection, and shown on the coalition page as the projects' development.

The toolkit owns the data; this module reads it through the toolkit's selectors and writes
it through its service.
"""

from __future__ import annotations

from collections import defaultdict
from types import ModuleType
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskapa.accounts.models import User
from samskapa.coalitions.forms import ReflectionForm
from samskapa.coalitions.models import Coalition, Meeting
from samskapa.core import charts, heatmap
from samskapa.core.charts import format_number
from samskapa.core.enums import FocusArea
from samskapa.projects.models import Project
from samskapa.toolkit import selectors as toolkit_selectors
from samskapa.toolkit import services as toolkit_services

RATING_LOW, RATING_HIGH = 1, 5
RATINGS = [("", "–")] + [(str(n), str(n)) for n in range(RATING_LOW, RATING_HIGH + 1)]


def _toolkit() -> tuple[ModuleType, ModuleType]:
    """The toolkit's selectors and services (the demo loader asks for them by this name)."""
    return toolkit_selectors, toolkit_services


class AssessedReflectionForm(ReflectionForm):
    """A reflection with the five focus-area ratings (1–5) and a comment for each."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for area in FocusArea:
            self.fields[f"rating_{area.value}"] = forms.ChoiceField(
                label=area.label, choices=RATINGS, required=False
            )
            self.fields[f"comment_{area.value}"] = forms.CharField(
                label=gettext_lazy("Comment on %(area)s") % {"area": area.label},
                required=False,
                max_length=500,
            )

    def rating_fields(self) -> list[tuple[Any, Any]]:
        return [(self[f"rating_{a.value}"], self[f"comment_{a.value}"]) for a in FocusArea]

    def plain_fields(self) -> list[Any]:
        return [self["timing"], self["text"]]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = [a for a in FocusArea if data.get(f"rating_{a.value}")]
        if given and len(given) < len(FocusArea):
            for area in FocusArea:
                if not data.get(f"rating_{area.value}"):
                    self.add_error(
                        f"rating_{area.value}",
                        _("Rate all five focus areas, or none of them."),
                    )
        return data

    def ratings(self) -> dict[str, tuple[int, str]]:
        data = self.cleaned_data
        if not data.get(f"rating_{FocusArea.CAUSES.value}"):
            return {}
        return {
            a.value: (int(data[f"rating_{a.value}"]), data.get(f"comment_{a.value}", ""))
            for a in FocusArea
        }


def reflection_form(data: Any = None) -> ReflectionForm:
    return AssessedReflectionForm(data)


def save_assessment(form: ReflectionForm, *, project: Project, meeting: Meeting, by: User) -> None:
    if not isinstance(form, AssessedReflectionForm):
        return
    ratings = form.ratings()
    if ratings:
        toolkit_services.record_self_assessment(
            project=project,
            by=by,
            ratings=ratings,
            assessed_on=timezone.localdate(),
            context=meeting_context(meeting),
        )


def meeting_context(meeting: Meeting) -> str:
    return f"{meeting.coalition.name}: {meeting.title}"[:200]


def development(coalition: Coalition, projects: list[Project]) -> dict[str, Any]:
    """The projects' self-assessments, all from one selector: a heatmap of each project's
    latest rating per focus area with its trend, a chart of each project's average rating
    over time, and the full table of ratings (behind a disclosure on the page)."""
    if not projects:
        return {"assessments_available": False}
    table: list[dict[str, Any]] = []
    points: list[dict[str, Any]] = []
    cells: list[heatmap.Point] = []
    series = toolkit_selectors.self_assessment_series_for_projects(projects=projects)
    for project in projects:
        by_assessment: dict[int, dict[str, Any]] = defaultdict(dict)
        for point in series.get(project.pk, []):
            row = by_assessment[point.assessment_id]
            row.setdefault("date", point.assessed_on)
            row.setdefault("context", point.context)
            row[point.focus_area] = point.rating
            cells.append(
                heatmap.Point(project.pk, point.focus_area, point.assessed_on, point.rating)
            )
        for row in by_assessment.values():
            values = [row.get(a.value) for a in FocusArea]
            numbers = [v for v in values if v is not None]
            average = round(sum(numbers) / len(numbers), 1) if numbers else None
            table.append({"project": project, "date": row["date"], "context": row["context"],
                          "values": values, "average": average})  # fmt: skip
            if average is not None:
                points.append({"project": project, "date": row["date"], "average": average})
    return {
        "assessments_available": True,
        "focus_areas": FocusArea.choices,
        "development_heatmap": heatmap.build(
            rows=[
                heatmap.Header(p.pk, p.name, url=p.get_absolute_url(), note=p.number)
                for p in projects
            ],
            columns=[heatmap.Header(area.value, str(area.label)) for area in FocusArea],
            points=cells,
            low=RATING_LOW,
            high=RATING_HIGH,
        ),
        "development_rows": table,
        "development_chart": _chart(coalition, points) if points else "",
        "development_message": _message(points),
    }


def _message(points: list[dict[str, Any]]) -> str:
    """How many of the projects assessed more than once rate themselves higher now than at
    their first self-assessment."""
    by_project: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for point in points:
        by_project[point["project"].pk].append(point)
    repeated = [sorted(ps, key=lambda p: p["date"]) for ps in by_project.values() if len(ps) > 1]
    if not repeated:
        return ""
    higher = sum(1 for ps in repeated if ps[-1]["average"] > ps[0]["average"])
    return _("Higher now than at their first self-assessment: %(higher)s of %(total)s projects") % {
        "higher": format_number(higher),
        "total": format_number(len(repeated)),
    }


def _chart(coalition: Coalition, points: list[dict[str, Any]]) -> str:
    """Each project's average rating over time, named by the project's name: in one plot told
    apart by colour, shape and dash, or one small chart per project when their lines meet."""
    message = _message(points) or _(
        "The projects' average self-assessment over time in %(coalition)s"
    ) % {"coalition": coalition.name}
    return charts.series_chart(
        [(p["project"].name, p["date"], p["average"]) for p in points],
        x_title=_("Date"),
        y_title=_("Average rating (1–5)"),
        series_title=_("Project"),
        y_domain=[1, 5],
        y_axis={"values": [1, 2, 3, 4, 5]},
        alt=_(
            "%(message)s. Line chart of each project's average self-assessment over time; the "
            "table below has every rating."
        )
        % {"message": message},
    )
