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


def _ids(rows: list[list[Any]]) -> dict[str, Any]:
    return {node.id: node for row in rows for node in row}


@pytest.mark.parametrize("size", SIZES)
def test_problem_tree_layout(size: str) -> None:
    nodes, links = _problem(SIZES[size])
    for objective in (False, True):
        tree = diagrams.problem_tree(
            uid=f"t-{size}", focal="Fokalt problem", nodes=nodes, links=links, objective=objective
        )
        boxes = _ids(tree["rows"])
        assert len(boxes) == len(nodes) + 1 == tree["count"]
        focal = boxes[f"t-{size}-focal"]
        assert focal.text == "Fokalt problem" and focal.number == ""
        # Every box is numbered once, and every arrow points at a box of the same tree.
        numbers = [b.number for b in boxes.values() if b.number]
        assert sorted(numbers, key=int) == [str(i) for i in range(1, len(nodes) + 1)]
        for box in boxes.values():
            for target, number in box.to:
                assert target in boxes and boxes[target].number == number
        # Effects are above the focal problem, causes below it.
        focal_row = next(i for i, row in enumerate(tree["rows"]) if focal in row)
        for i, row in enumerate(tree["rows"]):
            for box in row:
                if "dnode-effect" in box.css:
                    assert i < focal_row
                elif box is not focal:
                    assert i > focal_row
        if objective and nodes:
            assert any(box.text.startswith("Mål ") for box in boxes.values())


def test_a_cause_leading_nowhere_leads_to_the_focal_problem() -> None:
    cause = Row(
        pk=1, kind="cause", text="Orsak", objective="", level="individual", within_influence=False
    )
    effect = Row(pk=2, kind="effect", text="Effekt", objective="", level="", within_influence=True)
    tree = diagrams.problem_tree(uid="x", focal="", nodes=[cause, effect], links=[])
    boxes = _ids(tree["rows"])
    assert boxes["x-n1"].to == [("x-focal", "")]
    assert "dnode-outside" in boxes["x-n1"].css
    assert boxes["x-focal"].to == [("x-n2", boxes["x-n2"].number)]
    assert boxes["x-focal"].text == "The focal problem is not written yet."


@pytest.mark.parametrize("size", SIZES)
def test_theory_of_change_layout(size: str) -> None:
    n = SIZES[size]
    kinds = ["activity", "output", "precondition", "outcome", "assumption"]
    elements = [
        Row(pk=i, kind=kinds[i % 5], text=f"Element {i}", horizon=["short", "medium", "long"][i % 3] if i % 5 == 3 else "")
        for i in range(n)
    ]  # fmt: skip
    links = [
        Row(source_id=i, target_id=i + 1) for i in range(n - 1) if i % 5 != 4 and (i + 1) % 5 != 4
    ]
    toc = diagrams.theory_of_change(
        uid=f"c-{size}", goal="Långsiktigt mål", elements=elements, links=links
    )
    keys = [column["key"] for column in toc["columns"]]
    order = [key for key, _label in diagrams.change_columns()]
    assert keys == [key for key in order if key in keys] and keys[-1] == "goal"
    assert toc["width"] == len(keys) <= 7
    boxes = {node.id: node for column in toc["columns"] for node in column["nodes"]}
    assert boxes[f"c-{size}-goal"].text == "Långsiktigt mål"
    # Assumptions are listed beside the diagram, not in it.
    assert not any(box.text == "Element 4" for box in boxes.values())
    for box in boxes.values():
        assert all(target in boxes for target, _number in box.to)
    for column in toc["columns"]:
        if column["key"] == "outcome:long":
            assert all(box.to for box in column["nodes"])  # at least to the goal


def test_diagram_templates_escape_and_carry_no_styles() -> None:
    from django.template.loader import render_to_string

    node = Row(
        pk=1,
        kind="cause",
        text='<script>alert("x")</script>',
        objective="",
        level="individual",
        within_influence=True,
    )
    tree = diagrams.problem_tree(uid="x", focal="F", nodes=[node], links=[])
    html = render_to_string("toolkit/includes/diagram_problem_tree.html", {"tree": tree})
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "style=" not in html
    assert 'data-to="x-focal"' in html and 'id="x-n1"' in html
    # Without JavaScript the box names where it leads.
    assert "→&nbsp;the focal problem" in html


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
    # Never scaled: no viewBox and no transform, so a font size is the size as shown; the
    # actors sit at percentages inside the margins that leave room for their names.
    assert "viewBox" not in svg and "transform" not in svg
    assert all(int(size) >= 12 for size in re.findall(r'font-size="(\d+)"', svg))
    for x in re.findall(r'<svg x="([\d.]+)%"', svg):
        assert diagrams.X_RANGE[0] * 100 <= float(x) <= diagrams.X_RANGE[1] * 100
    assert svg.count('class="eco-number"') == n
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


def test_long_actor_names_are_wrapped_to_fit_beside_the_edge() -> None:
    lines = diagrams._label_lines(
        "Vävstolen arbetskooperativ ekonomisk förening i Vänersborg med omnejd"
    )
    assert len(lines) <= diagrams.LABEL_LINES
    assert all(len(line) <= diagrams.LABEL_CHARS for line in lines)
    assert lines[-1].endswith("…")


def test_diagram_stylesheet_never_sets_text_below_12_px() -> None:
    """The boxes' text is HTML sized in rem (16 px each): nothing under 0.75rem."""
    from pathlib import Path

    css = Path("samskapa/core/static/core/css/diagrams.css").read_text()
    sizes = re.findall(r"font-size:\s*([\d.]+)(rem|px)", css)
    assert sizes
    for value, unit in sizes:
        assert float(value) * (16 if unit == "rem" else 1) >= 12, value + unit
