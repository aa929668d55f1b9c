"""What pages, charts and exports show, built once from the protected figures so the same
number appears everywhere: rows per indicator or per group, and how each figure was made."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskapa.evaluation.disclosure import TOTAL_CATEGORY, Cell, Protected
from samskapa.evaluation.enums import AGE_FIELDS, GENDER_FIELDS, AgeBand, Gender
from samskapa.evaluation.models import Indicator
from samskapa.evaluation.selectors import TOTAL

CATEGORY_LABELS = {**{g.value: g.label for g in Gender}, **{a.value: a.label for a in AgeBand}}


@dataclass
class FigureRow:
    indicator: Indicator
    label: str
    url: str
    periods: list[Cell | None]
    total: Cell | None
    target: Decimal | None
    gender: list[Cell | None]
    age: list[Cell | None]
    period_targets: list[Decimal | None]

    @property
    def period_pairs(self) -> list[tuple[Cell | None, Decimal | None]]:
        """Each period's figure with its target (None when no project set one)."""
        return list(zip(self.periods, self.period_targets, strict=True))

    @property
    def how(self) -> str:
        return how_computed(self.indicator)


TARGETS_HOW = gettext_lazy(
    "Targets (counts): the sum of the projects' targets, overall and for each period where "
    "projects have set one; a period's target is shown next to its approved figure. Targets "
    "are plans, not figures about people, and are not suppressed."
)


def how_computed(indicator: Indicator) -> str:
    if indicator.is_percentage:
        return _(
            "Σ numerators / Σ denominators of the approved values (never a mean of percentages)."
        )
    if indicator.adds_latest:
        return _(
            "Per period: the sum of the projects' approved values. Over all periods: each "
            "project's latest approved value, summed (a cumulative figure is not counted twice)."
        )
    return _(
        "Per period: the sum of the projects' approved values. Over all periods: the sum of "
        "the periods."
    )


def _row(
    protected: Protected, indicator: Indicator, level: str, group: int, label: str, url: str
) -> FigureRow:
    periods = [s for s, _name in protected.figures.periods]
    return FigureRow(
        indicator=indicator,
        label=label,
        url=url,
        periods=[protected.cell(level, indicator.pk, group, p) for p in periods],
        total=protected.cell(level, indicator.pk, group, TOTAL),
        target=protected.target(level, indicator.pk, group),
        period_targets=[protected.target(level, indicator.pk, group, p) for p in periods],
        gender=[protected.cell(level, indicator.pk, group, TOTAL, f) for f in GENDER_FIELDS]
        if indicator.by_gender
        else [],
        age=[protected.cell(level, indicator.pk, group, TOTAL, f) for f in AGE_FIELDS]
        if indicator.by_age
        else [],
    )


def indicator_rows(protected: Protected, level: str, group: int = 0) -> list[FigureRow]:
    """One row per indicator with approved values at this level and group."""
    return [
        _row(protected, indicator, level, group, "", "")
        for indicator in protected.figures.indicators.values()
        if protected.cell(level, indicator.pk, group, TOTAL, TOTAL_CATEGORY) is not None
    ]


def group_rows(
    protected: Protected, level: str, indicator: Indicator, groups: list[tuple[int, str, str]]
) -> list[FigureRow]:
    """One row per group (call, coalition, project) for one indicator."""
    return [_row(protected, indicator, level, group, label, url) for group, label, url in groups]


def period_names(protected: Protected) -> list[str]:
    return [name for _starts, name in protected.figures.periods]


def chart_points(row: FigureRow, names: list[str]) -> list[tuple[str, Any]]:
    """The published points of a row over periods: suppressed and missing ones are left out
    (the data table next to the chart shows them as ".." or "–")."""
    points = []
    for name, cell in zip(names, row.periods, strict=True):
        if cell is not None and cell.shown and cell.value is not None:
            value = cell.value * 100 if cell.is_percentage else cell.value
            points.append((name, round(value, 1) if cell.is_percentage else value))
    return points
