"""The published aggregates: what anyone, anonymous included, may read of the results
(docs/evaluation.md, "Suppression"). The figures go through disclosure control for the public
(`Protected(..., internal=False)`), and only the programme and call levels are published: a
hidden figure is published as None, never as its value. The public API reads these; open-data
files can too."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache

from samskapa.evaluation import selectors
from samskapa.evaluation.disclosure import Cell, Protected, threshold
from samskapa.evaluation.selectors import CALL, NO_CALL, PROGRAMME, PUBLISHED_LEVELS, TOTAL
from samskapa.projects.models import Call

LEVELS = (PROGRAMME, CALL)


@dataclass(frozen=True)
class PublishedFigure:
    level: str  # "programme" or "call"
    call: str | None  # the call's reference number (call level; None outside any call)
    indicator: str  # the indicator's code
    indicator_name_sv: str
    indicator_name_en: str
    measure: str  # "count" or "percentage"
    period: str | None  # the reporting period's name; None for all periods together
    period_starts: datetime.date | None
    value: float | int | None  # None when suppressed; a percentage in per cent
    suppressed: bool
    projects: int  # how many projects the figure is built from
    breakdown: dict[str, float | int | None]  # gender and age categories, None when suppressed


def _value(cell: Cell | None) -> Any:
    if cell is None or not cell.shown or cell.value is None:
        return None
    if cell.is_percentage:
        return round(float(cell.value) * 100, 1)
    return cell.value


# Computing every published figure over a whole programme takes seconds (disclosure control
# over all levels); an anonymous API must not redo it per request. The result is kept in the
# shared cache under the stored aggregates' version (`selectors.published_version`: every
# approval, return, correction, change of an indicator or a period, and a project moving call
# or coalition makes a new one), and at most CACHE_SECONDS, which bounds how long a change the
# version does not see (a call's reference number) takes to reach the public.
CACHE_SECONDS = 60 * 60


def cached_published_aggregates() -> list[PublishedFigure]:
    """`published_aggregates()`, from the shared cache while nothing it depends on changed."""
    key = f"published-aggregates:v2:{selectors.published_version()}:{threshold()}"
    figures = cache.get(key)
    if figures is None:
        figures = published_aggregates()
        cache.set(key, figures, CACHE_SECONDS)
    return list(figures)


def published_aggregates() -> list[PublishedFigure]:
    """Every published figure: per indicator, at the programme and call levels, per reporting
    period and over all periods, after primary and secondary suppression."""
    protected = Protected(selectors.aggregate(levels=PUBLISHED_LEVELS), internal=False)
    figures = protected.figures
    references = dict(Call.objects.values_list("pk", "reference"))
    groups: list[tuple[str, int, str | None]] = [(PROGRAMME, 0, None)]
    calls = sorted(set(figures.project_call.values()))
    groups += [(CALL, call, references.get(call)) for call in calls if call != NO_CALL]
    if NO_CALL in calls:
        groups.append((CALL, NO_CALL, None))
    periods: list[tuple[Any, str | None]] = [*figures.periods, (TOTAL, None)]
    result: list[PublishedFigure] = []
    for level, group, reference in groups:
        for indicator in figures.indicators.values():
            for starts, name in periods:
                cell = protected.cell(level, indicator.pk, group, starts)
                if cell is None:
                    continue
                result.append(
                    PublishedFigure(
                        level=level,
                        call=reference,
                        indicator=indicator.code,
                        indicator_name_sv=indicator.name_sv,
                        indicator_name_en=indicator.name_en,
                        measure=indicator.measure,
                        period=name,
                        period_starts=None if starts is TOTAL else starts,
                        value=_value(cell),
                        suppressed=not cell.shown,
                        projects=cell.projects,
                        breakdown={
                            field: _value(protected.cell(level, indicator.pk, group, starts, field))
                            for field in indicator.breakdown_fields
                        },
                    )
                )
    return result
