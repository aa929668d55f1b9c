"""Disclosure control: the one place every published figure goes through (pages, charts,
Excel, CSV and any later API).

Rules (docs/evaluation.md, "Suppression"):

1. Primary suppression: a count from 1 to THRESHOLD - 1 is not published (shown as "..").
2. The three-project rule: an aggregate of fewer than MIN_PROJECTS projects is not published
   to funders, members or the public (a single project's figure is never published).
3. Secondary suppression: every additive relation between published cells (programme = Σ
   calls; call = Σ its projects = Σ its coalitions + its projects outside coalitions (an
   unpublished cell of its own, protected like the others);
   coalition = Σ its projects; all periods = Σ periods for sum indicators; total ≥ Σ gender
   and Σ age bands) has either no suppressed cell or at least two, so no suppressed cell can
   be recomputed from a total and the visible cells. The smallest visible cell of a relation
   with a single suppressed cell is suppressed too, until nothing changes.

Admins and evaluators get every figure unsuppressed, marked "not for publication".
Percentages are published only as percentages and hidden when their numerator, the rest of
the denominator or their number of projects is small.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from samskapa.evaluation.enums import AGE_FIELDS, GENDER_FIELDS
from samskapa.evaluation.selectors import (
    CALL,
    COALITION,
    NO_CALL,
    OUTSIDE,
    PROGRAMME,
    PROJECT,
    TOTAL,
    Figures,
)

# How long a protected cube stays in the shared cache: its key changes with every change of the
# figures, so this only bounds the room old versions take.
CACHE_SECONDS = 24 * 60 * 60
MIN_PROJECTS = 3  # aggregates of fewer projects are not published (docs/quality.md)
SUPPRESSED = ".."

SMALL = "small"
FEW_PROJECTS = "few_projects"
SECONDARY = "secondary"
REASONS = {
    SMALL: _("fewer than %(threshold)s"),
    FEW_PROJECTS: _("fewer than 3 projects"),
    SECONDARY: _("hidden so that another hidden figure cannot be recomputed"),
}

CellKey = tuple[str, int, int, Any, str]  # level, indicator, group, period, category
TOTAL_CATEGORY = "total"


def threshold() -> int:
    return int(getattr(settings, "SAMSKAPA_DISCLOSURE_THRESHOLD", 5))


def is_internal(user: Any) -> bool:
    """Admins and evaluators see unsuppressed figures, marked not for publication."""
    return bool(user is not None and user.has_perm("evaluation.view_unsuppressed"))


@dataclass(frozen=True)
class Cell:
    value: int | float | None  # a count, or a percentage as a fraction
    projects: int
    reason: str = ""  # why it is hidden ("" when shown)
    numerator: int | None = None
    denominator: int | None = None

    @property
    def shown(self) -> bool:
        return not self.reason

    @property
    def is_percentage(self) -> bool:
        return self.denominator is not None

    @property
    def published_value(self) -> int | float | str | None:
        """The value for a page, chart or export: ".." when hidden."""
        return self.value if self.shown else SUPPRESSED


class Protected:
    """The figures one audience may see. `internal` (admins, evaluators): all of them."""

    def __init__(self, figures: Figures, *, internal: bool) -> None:
        self.figures = figures
        self.internal = internal
        self.threshold = threshold()
        self._built: dict[CellKey, Cell] | None = None
        self._packed: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        # The result depends only on the stored aggregates (their version), the threshold and
        # the audience: kept in the shared cache, so that it is computed once per change. It
        # is kept packed (plain tuples, periods as day numbers), which loads many times faster
        # than the cells themselves; a cell is unpacked when read.
        key = (
            f"protected:v2:{figures.version}:{self.threshold}:{int(internal)}"
            if figures.version is not None
            else None
        )
        packed = cache.get(key) if key is not None else None
        self.from_cache = packed is not None
        if packed is not None:
            self._packed = packed
            return
        self._built = {}
        self._build()
        if not internal:
            self._suppress()
        if key is not None:
            cache.set(key, _pack(self._built), CACHE_SECONDS)

    @property
    def _cells(self) -> dict[CellKey, Cell]:
        """Every cell (unpacked from the cache if need be)."""
        if self._built is None:
            self._built = {_unpack_key(k): Cell(*v) for k, v in self._packed.items()}
        return self._built

    # -- reading -------------------------------------------------------------------------

    def cell(
        self,
        level: str,
        indicator_id: int,
        group: int = 0,
        period: Any = TOTAL,
        category: str = TOTAL_CATEGORY,
    ) -> Cell | None:
        """The cell, or None when no approved value exists for it."""
        if self._built is not None:
            return self._built.get((level, indicator_id, group, period, category))
        packed = self._packed.get((level, indicator_id, group, _day(period), category))
        return Cell(*packed) if packed is not None else None

    def target(self, level: str, indicator_id: int, group: int = 0, period: Any = TOTAL) -> Any:
        """The summed target: overall, or for the period starting on `period`. Targets are
        plans, not figures about people, so they are not suppressed."""
        if period is TOTAL:
            return self.figures.targets.get((level, indicator_id, group))
        return self.figures.period_targets.get((level, indicator_id, group, period))

    def footnote(self) -> str:
        return str(
            _(
                '".." means the figure is not published: it is fewer than %(threshold)s, '
                "built from fewer than 3 projects, or hidden so that another hidden figure "
                "cannot be recomputed from the totals."
            )
            % {"threshold": self.threshold}
        )

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        for (level, indicator_id, group, period), figure in self.figures.cells.items():
            indicator = self.figures.indicators.get(indicator_id)
            if indicator is None:
                continue
            if indicator.is_percentage:
                if figure.denominator:
                    self._cells[(level, indicator_id, group, period, TOTAL_CATEGORY)] = Cell(
                        figure.percentage,
                        figure.projects,
                        self._percentage_reason(
                            figure.numerator or 0, figure.denominator, figure.projects
                        ),
                        figure.numerator,
                        figure.denominator,
                    )
                continue
            if figure.total is None:
                continue
            base = (level, indicator_id, group, period)
            self._cells[(*base, TOTAL_CATEGORY)] = self._count(figure.total, figure.projects)
            for category in indicator.breakdown_fields:
                value = figure.breakdown.get(category)
                if value is not None:
                    self._cells[(*base, category)] = self._count(value, figure.projects)

    def _count(self, value: int, projects: int) -> Cell:
        reason = ""
        if not self.internal:
            if projects < MIN_PROJECTS:
                reason = FEW_PROJECTS
            elif 0 < value < self.threshold:
                reason = SMALL
        return Cell(value, projects, reason)

    def _percentage_reason(self, numerator: int, denominator: int, projects: int) -> str:
        if self.internal:
            return ""
        if projects < MIN_PROJECTS:
            return FEW_PROJECTS
        if 0 < numerator < self.threshold or 0 < denominator - numerator < self.threshold:
            return SMALL
        return ""

    # -- secondary suppression -------------------------------------------------------------

    def _relations(self) -> list[list[CellKey]]:
        """Every additive relation between count cells, as lists of the keys present."""
        figures = self.figures
        by_base: dict[tuple[int, Any, str], dict[tuple[str, int], CellKey]] = defaultdict(dict)
        by_group: dict[tuple[str, int, int, str], dict[Any, CellKey]] = defaultdict(dict)
        by_cell: dict[tuple[str, int, int, Any], dict[str, CellKey]] = defaultdict(dict)
        for key in self._cells:
            level, indicator_id, group, period, category = key
            if figures.indicators[indicator_id].is_percentage:
                continue
            by_base[(indicator_id, period, category)][(level, group)] = key
            by_group[(level, indicator_id, group, category)][period] = key
            by_cell[(level, indicator_id, group, period)][category] = key
        calls: dict[int, list[int]] = defaultdict(list)
        for project, call in figures.project_call.items():
            calls[call].append(project)
        coalitions: dict[int, list[int]] = defaultdict(list)
        for project, coalition in figures.project_coalition.items():
            coalitions[coalition].append(project)
        call_coalitions: dict[int, list[int]] = defaultdict(list)
        for coalition, call in figures.coalition_call.items():
            call_coalitions[call or NO_CALL].append(coalition)
        outside = {
            call: [p for p in projects if p not in figures.project_coalition]
            for call, projects in calls.items()
        }
        relations: list[list[CellKey]] = []

        def add(members: list[CellKey | None]) -> None:
            present = [m for m in members if m is not None]
            if len(present) > 1:
                relations.append(present)

        # Published figures have no project level (PUBLISHED_LEVELS): then the relations with
        # project cells would hold one present cell each and are not looked for at all.
        with_projects = any(key[0] == PROJECT for key in self._cells)
        for cells in by_base.values():
            add([cells.get((PROGRAMME, 0))] + [cells.get((CALL, c)) for c in calls])
            for call, projects in calls.items():
                add(
                    [cells.get((CALL, call)), cells.get((OUTSIDE, call))]
                    + [cells.get((COALITION, k)) for k in call_coalitions[call]]
                )
                if with_projects:
                    add([cells.get((CALL, call))] + [cells.get((PROJECT, p)) for p in projects])
                    add(
                        [cells.get((OUTSIDE, call))]
                        + [cells.get((PROJECT, p)) for p in outside[call]]
                    )
            if with_projects:
                for coalition, projects in coalitions.items():
                    add(
                        [cells.get((COALITION, coalition))]
                        + [cells.get((PROJECT, p)) for p in projects]
                    )
        for (_level, indicator_id, _group, _category), periods in by_group.items():
            if figures.indicators[indicator_id].adds_latest:
                continue
            add([periods.get(TOTAL)] + [k for p, k in periods.items() if p is not TOTAL])
        for categories in by_cell.values():
            for fields in (GENDER_FIELDS, AGE_FIELDS):
                if any(f in categories for f in fields):
                    add([categories.get(TOTAL_CATEGORY)] + [categories.get(f) for f in fields])
        return relations

    def _suppress(self) -> None:
        relations = self._relations()
        changed = True
        while changed:
            changed = False
            for members in relations:
                hidden = [k for k in members if self._cells[k].reason]
                if len(hidden) != 1:
                    continue
                visible = [k for k in members if not self._cells[k].reason]
                # The smallest non-zero visible cell; a zero only when nothing else is left.
                choice = min(
                    visible,
                    key=lambda k: (self._cells[k].value == 0, self._cells[k].value or 0),
                )
                cell = self._cells[choice]
                self._cells[choice] = Cell(cell.value, cell.projects, SECONDARY)
                changed = True


def _day(period: Any) -> int | None:
    return None if period is TOTAL else period.toordinal()


def _pack(cells: dict[CellKey, Cell]) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    return {
        (level, indicator, group, _day(period), category): (
            c.value,
            c.projects,
            c.reason,
            c.numerator,
            c.denominator,
        )
        for (level, indicator, group, period, category), c in cells.items()
    }


def _unpack_key(key: tuple[Any, ...]) -> CellKey:
    level, indicator, group, day, category = key
    period = TOTAL if day is None else datetime.date.fromordinal(day)
    return (level, indicator, group, period, category)


def protected_figures(user: Any, figures: Figures) -> Protected:
    return Protected(figures, internal=is_internal(user))
