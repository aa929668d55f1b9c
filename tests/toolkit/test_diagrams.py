"""Every diagram and chart renders for an empty, a small and a large tool, without inline styles."""

from __future__ import annotations

import re
from datetime import date, timedelta
from types import SimpleNamespace as Row
from typing import Any

import pytest

from samskapa.toolkit import charts, diagrams
from samskapa.toolkit.selectors import RatingPoint

SIZES = {"empty": 0, "small": 3, "large": 60}


def _check_svg(svg: str) -> None:
    assert svg.startswith("<svg ") and svg.endswith("</svg>")
    assert 'role="img"' in svg and "<title " in svg
    # The CSP forbids inline styles: only presentation attributes.
    assert "style=" not in svg and "<style" not in svg and "<script" not in svg


def _problem(n: int) -> tuple[list[Any], list[Any]]:
    nodes = [
        Row(pk=i, kind="cause" if i % 3 else "effect", text=f"Punkt {i} " * (1 + i % 4),
            objective="" if i % 2 else f"Mål {i}", level=["individual", "organisational", "structural"][i % 3] if i % 3 else "",
            within_influence=i % 2 == 0)
        for i in range(1, n + 1)
    ]  # fmt: skip
    links = [Row(cause_id=i, effect_id=i + 1) for i in range(1, n)]
    return nodes, links


@pytest.mark.parametrize("size", SIZES)
def test_problem_tree_svg(size: str) -> None:
    nodes, links = _problem(SIZES[size])
    for objective in (False, True):
        svg = diagrams.problem_tree_svg(
            uid=f"t-{size}",
            focal="Fokalt <problem> & mer",
            nodes=nodes,
            links=links,
            objective=objective,
        )
        _check_svg(svg)
        assert "Fokalt &lt;problem&gt; &amp; mer" in svg
        assert svg.count("<rect") >= len(nodes) + 1


def test_problem_tree_svg_escapes_element_text() -> None:
    nodes = [
        Row(
            pk=1,
            kind="cause",
            text='<script>alert("x")</script>',
            objective="",
            level="individual",
            within_influence=True,
        )
    ]
    svg = diagrams.problem_tree_svg(uid="x", focal="", nodes=nodes, links=[])
    assert "<script>" not in svg and "&lt;script&gt;" in svg


@pytest.mark.parametrize("size", SIZES)
def test_theory_of_change_svg(size: str) -> None:
    n = SIZES[size]
    kinds = ["activity", "output", "precondition", "outcome", "assumption"]
    elements = [
        Row(pk=i, kind=kinds[i % 5], text=f"Element {i}", horizon=["short", "medium", "long"][i % 3] if i % 5 == 3 else "")
        for i in range(n)
    ]  # fmt: skip
    links = [
        Row(source_id=i, target_id=i + 1) for i in range(n - 1) if i % 5 != 4 and (i + 1) % 5 != 4
    ]
    svg = diagrams.theory_of_change_svg(
        uid=f"c-{size}", goal="Långsiktigt mål", elements=elements, links=links
    )
    _check_svg(svg)
    assert "Långsiktigt mål" in svg


@pytest.mark.parametrize("size", SIZES)
def test_ecosystem_svg_and_readings(size: str) -> None:
    n = SIZES[size]
    sectors = ["public", "private", "civil_society", "academia"]
    actors = [
        Row(pk=i, name=f"Aktör {i}", sector=sectors[i % 3], organisation_id=i if i < 2 else None)
        for i in range(n)
    ]
    relations = [Row(source_id=0, target_id=i, strength=1 + i % 3) for i in range(1, n)]
    svg = diagrams.ecosystem_svg(uid=f"e-{size}", actors=actors, relations=relations)
    _check_svg(svg)
    reading = diagrams.read_ecosystem(actors, relations)
    if n:
        assert reading.central[0][0] == "Aktör 0"  # the hub
        assert reading.missing_sectors == ["Academia"]
    else:
        assert reading.central == [] and len(reading.missing_sectors) == 4
    # The layout is the same every time (a fixed seed).
    assert svg == diagrams.ecosystem_svg(uid=f"e-{size}", actors=actors, relations=relations)


def test_spring_layout_keeps_the_nodes_apart() -> None:
    import networkx as nx

    positions = diagrams.spring_layout(nx.path_graph(6))
    points = list(positions.values())
    distances = [
        ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5
        for i, a in enumerate(points)
        for b in points[i + 1 :]
    ]
    assert min(distances) > 0.05


def _img(html: str) -> None:
    assert re.fullmatch(
        r'<picture class="chart-picture"><source media="[^"]+" srcset="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+" width="\d+" height="\d+">'
        r'<img class="chart-image" src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+" width="\d+" height="\d+" alt="[^"]+"></picture>',
        html,
    )


@pytest.mark.parametrize("size", SIZES)
def test_charts(size: str) -> None:
    n = SIZES[size]
    rows = [{"label": f"K{i} Indikator", "percent": i * 7} for i in range(n)]
    points = [
        RatingPoint(assessment_id=i // 5, assessed_on=date(2025, 1, 1) + timedelta(days=30 * (i // 5)),
                    context="", focus_area=a, focus_area_label=a, rating=1 + i % 5, comment="")
        for i, a in enumerate(["causes", "collaboration", "participation", "ecosystem", "results"] * n)
    ]  # fmt: skip
    activities = [
        Row(held_on=date(2025, 1, 1) + timedelta(days=9 * i), level=1 + i % 5, title=f"A {i}")
        for i in range(n)
    ]
    latest = [{"label": p.focus_area_label, "rating": p.rating} for p in points[:5]]
    results = [
        charts.indicator_progress_chart(rows),
        charts.self_assessment_latest_chart(latest),
        charts.self_assessment_trend_chart(points),
        charts.participation_chart(activities, "iap2"),
    ]
    for result in results:
        if n == 0:
            assert result is None
        else:
            _img(result)
