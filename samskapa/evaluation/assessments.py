"""The projects' focus-area self-assessments on the results pages: a heatmap of project ×
focus area with each cell's latest rating, its date and its trend, from the toolkit's
selector that the coalition pages use too, drawn by the shared heatmap component.

Admins and evaluators see the projects under the same pseudonyms as the page's other
cross-project tables; process leaders and coaches, who work with the projects, see their
names."""

from __future__ import annotations

from samskapa.core import heatmap
from samskapa.core.enums import FocusArea
from samskapa.evaluation.pseudonyms import number
from samskapa.projects.models import Project
from samskapa.toolkit import selectors as toolkit_selectors

RATING_LOW, RATING_HIGH = 1, 5


def self_assessment_heatmap(
    projects: list[Project], pseudonyms: dict[int, str] | None = None
) -> heatmap.Heatmap | None:
    """The heatmap of the projects' self-assessments, rows in the order given (or by
    pseudonym), or None when none of them has assessed itself. One query."""
    series = toolkit_selectors.self_assessment_series_for_projects(projects=projects)
    if not any(series.get(p.pk) for p in projects):
        return None
    points = [
        heatmap.Point(project_id, point.focus_area, point.assessed_on, point.rating)
        for project_id, ratings in series.items()
        for point in ratings
    ]
    if pseudonyms is not None:
        rows = sorted(
            (heatmap.Header(p.pk, pseudonyms[p.pk]) for p in projects),
            key=lambda h: number(h.label),
        )
    else:
        rows = [heatmap.Header(p.pk, p.name, note=p.number) for p in projects]
    return heatmap.build(
        rows=rows,
        columns=[heatmap.Header(area.value, str(area.label)) for area in FocusArea],
        points=points,
        low=RATING_LOW,
        high=RATING_HIGH,
    )
