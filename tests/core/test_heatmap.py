"""The shared heatmap builder (samskapa.core.heatmap): the latest value of each cell, its trend
against the value before it, its level on the scale, and empty cells."""

from __future__ import annotations

from datetime import date

from samskapa.core import heatmap
from samskapa.core.heatmap import Header, Point

ROWS = [Header("a", "Project A"), Header("b", "Project B")]
COLUMNS = [Header("causes", "Causes"), Header("results", "Results")]


def build(points: list[Point]) -> heatmap.Heatmap:
    return heatmap.build(rows=ROWS, columns=COLUMNS, points=points, low=1, high=5)


def cell(result: heatmap.Heatmap, row: int, column: int) -> heatmap.Cell:
    return result.rows[row].cells[column]


def test_each_cell_shows_the_latest_value_whatever_the_order_of_the_points() -> None:
    result = build(
        [
            Point("a", "causes", date(2026, 9, 1), 4),
            Point("a", "causes", date(2026, 3, 1), 2),
            Point("a", "causes", date(2026, 6, 1), 3),
        ]
    )
    latest = cell(result, 0, 0)
    assert (latest.value, latest.on) == (4, date(2026, 9, 1))
    assert (latest.previous, latest.previous_on) == (3, date(2026, 6, 1))
    assert latest.column == COLUMNS[0]


def test_the_trend_compares_with_the_value_before() -> None:
    result = build(
        [
            Point("a", "causes", date(2026, 3, 1), 2),
            Point("a", "causes", date(2026, 6, 1), 3),
            Point("a", "results", date(2026, 3, 1), 4),
            Point("a", "results", date(2026, 6, 1), 1),
            Point("b", "causes", date(2026, 3, 1), 3),
            Point("b", "causes", date(2026, 6, 1), 3),
            Point("b", "results", date(2026, 6, 1), 5),
        ]
    )
    assert cell(result, 0, 0).trend == heatmap.UP
    assert cell(result, 0, 1).trend == heatmap.DOWN
    assert cell(result, 1, 0).trend == heatmap.SAME
    assert cell(result, 1, 1).trend is None  # only one value: nothing to compare with


def test_on_the_same_day_the_last_point_given_wins() -> None:
    day = date(2026, 6, 1)
    result = build([Point("a", "causes", day, 2), Point("a", "causes", day, 5)])
    assert cell(result, 0, 0).value == 5
    assert cell(result, 0, 0).trend == heatmap.UP


def test_cells_without_points_are_empty_and_unknown_keys_are_left_out() -> None:
    result = build(
        [Point("a", "causes", date(2026, 6, 1), 3), Point("x", "causes", date(2026, 6, 1), 1)]
    )
    assert [r.header.key for r in result.rows] == ["a", "b"]
    assert cell(result, 0, 1).is_empty and cell(result, 0, 1).css == "heat-empty"
    assert all(c.is_empty for c in result.rows[1].cells)
    assert not result.is_empty
    assert build([]).is_empty


def test_levels_follow_the_scale_and_are_clamped() -> None:
    levels = [heatmap.level_of(v, low=1, high=5, levels=5) for v in (1, 2, 3, 4, 5)]
    assert levels == [1, 2, 3, 4, 5]
    assert heatmap.level_of(0, low=1, high=5, levels=5) == 1
    assert heatmap.level_of(9, low=1, high=5, levels=5) == 5
    assert heatmap.level_of(50, low=0, high=100, levels=5) == 3
    result = build([Point("a", "causes", date(2026, 6, 1), 4)])
    assert cell(result, 0, 0).css == "heat-4"
    assert result.scale == [(1, 1.0), (2, 2.0), (3, 3.0), (4, 4.0), (5, 5.0)]
