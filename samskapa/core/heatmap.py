"""A heatmap: rows × columns, each cell the latest value of a series with its date and its
trend against the value before it, on a scale of levels (docs/DEVELOPING.md, Tables).

The builder knows nothing of projects or focus areas: the caller gives the rows and columns
(key and label) and the points (row key, column key, date, value) from the selector the rest
of its page uses; `core/includes/heatmap.html` renders the result as an accessible table.
The coalition page shows projects × focus areas of the self-assessments; the evaluation reuses
it for project × focus area × date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

UP = "up"
DOWN = "down"
SAME = "same"


@dataclass(frozen=True)
class Point:
    """One value of a series: the row and the column it belongs to, and when it was taken."""

    row: Hashable
    column: Hashable
    on: date
    value: float


@dataclass(frozen=True)
class Header:
    key: Hashable
    label: str
    url: str = ""
    note: str = ""  # a second, quieter line under the label (a project's number)


@dataclass(frozen=True)
class Cell:
    column: Header
    value: float | None = None
    on: date | None = None
    previous: float | None = None
    previous_on: date | None = None
    trend: str | None = None  # UP, DOWN, SAME, or None when there is nothing to compare with
    level: int | None = None

    @property
    def is_empty(self) -> bool:
        return self.value is None

    @property
    def css(self) -> str:
        return f"heat-{self.level}" if self.level is not None else "heat-empty"


@dataclass(frozen=True)
class Row:
    header: Header
    cells: list[Cell]


@dataclass(frozen=True)
class Heatmap:
    columns: list[Header]
    rows: list[Row]
    low: float
    high: float
    levels: list[int] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return all(cell.is_empty for row in self.rows for cell in row.cells)

    @property
    def scale(self) -> list[tuple[int, float]]:
        """Each level with the value it stands for, for the legend."""
        steps = max(len(self.levels) - 1, 1)
        return [
            (level, self.low + (level - 1) * (self.high - self.low) / steps)
            for level in self.levels
        ]


def level_of(value: float, *, low: float, high: float, levels: int) -> int:
    """The level (1..levels) of a value on the scale low..high, clamped to the scale."""
    if high <= low:
        return 1
    share = (min(max(value, low), high) - low) / (high - low)
    return 1 + round(share * (levels - 1))


def build(
    *,
    rows: Sequence[Header],
    columns: Sequence[Header],
    points: Iterable[Point],
    low: float,
    high: float,
    levels: int = 5,
) -> Heatmap:
    """The heatmap of `points`: for each row and column the latest point (the last one given
    on the latest date), the one before it for the trend, and the latest value's level.
    A row or column with no points gets empty cells; points of unknown rows or columns are
    left out."""
    series: dict[tuple[Hashable, Hashable], list[Point]] = defaultdict(list)
    for point in points:
        series[(point.row, point.column)].append(point)
    built = []
    for row in rows:
        cells = []
        for column in columns:
            ordered = sorted(series.get((row.key, column.key), []), key=lambda p: p.on)
            cells.append(_cell(column, ordered, low=low, high=high, levels=levels))
        built.append(Row(header=row, cells=cells))
    return Heatmap(
        columns=list(columns), rows=built, low=low, high=high, levels=list(range(1, levels + 1))
    )


def _cell(column: Header, ordered: list[Point], *, low: float, high: float, levels: int) -> Cell:
    if not ordered:
        return Cell(column)
    latest = ordered[-1]
    before = ordered[-2] if len(ordered) > 1 else None
    trend = None
    if before is not None:
        trend = UP if latest.value > before.value else DOWN if latest.value < before.value else SAME
    return Cell(
        column,
        value=latest.value,
        on=latest.on,
        previous=before.value if before else None,
        previous_on=before.on if before else None,
        trend=trend,
        level=level_of(latest.value, low=low, high=high, levels=levels),
    )
