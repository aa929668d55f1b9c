"""Diagrams of the tools drawn on the server as SVG: problem tree, theory of change, ecosystem.

The SVG is inline in the page, so it may carry only presentation attributes (fill, stroke,
font-size): the Content-Security-Policy (style-src 'self') blocks `style` attributes and
<style> elements. Every text is escaped. Each diagram has a text alternative on its page (a
nested list, an outline or a table); the SVG itself is an image with a title.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samskapa.accounts.enums import Sector

FONT = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"
INK = "#1b1b1b"
LINE = "#4a5560"
BOX_W = 190
LINE_H = 16
CHARS = 27
MAX_LINES = 4
GAP_X = 24
GAP_Y = 56
PAD = 20

LEVEL_FILL = {
    "individual": "#e3f0fa",
    "organisational": "#e6f4ea",
    "structural": "#f3e8f7",
    "": "#eef0f2",
}
EFFECT_FILL = "#fdf0e1"
FOCAL_FILL = "#fbe3e3"
SECTOR_FILL = {
    Sector.PUBLIC: "#9cc3e6",
    Sector.PRIVATE: "#f5c26b",
    Sector.CIVIL_SOCIETY: "#9ed3a8",
    Sector.ACADEMIA: "#c9a9dd",
}


@dataclass
class Box:
    key: str
    text: str
    fill: str
    dashed: bool = False
    strong: bool = False
    x: float = 0
    y: float = 0
    lines: list[str] = field(default_factory=list)

    @property
    def height(self) -> float:
        return len(self.lines) * LINE_H + 16


def _wrap(text: str, strong: bool = False) -> list[str]:
    # Bold letters are wider: fewer of them fit on a line.
    chars = CHARS - 5 if strong else CHARS
    lines = textwrap.wrap(" ".join(text.split()), chars) or [""]
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], lines[MAX_LINES - 1][: chars - 1] + "…"]
    return lines


def _svg(uid: str, width: float, height: float, title: str, body: Iterable[str]) -> SafeString:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="diagram" role="img" '
        f'aria-labelledby="{uid}-title" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" font-family="{FONT}" font-size="13">'
        f'<title id="{uid}-title">{escape(title)}</title>'
        f'<defs><marker id="{uid}-arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        f'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{LINE}"/></marker></defs>'
        f'<rect x="0" y="0" width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>'
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308  (every text is escaped above)


def _box(box: Box) -> str:
    dash = ' stroke-dasharray="5 3"' if box.dashed else ""
    width = 2.5 if box.strong else 1.2
    parts = [
        f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{BOX_W}" height="{box.height:.1f}" '
        f'rx="6" fill="{box.fill}" stroke="{LINE}" stroke-width="{width}"{dash}/>'
    ]
    for index, line in enumerate(box.lines):
        weight = ' font-weight="bold"' if box.strong else ""
        parts.append(
            f'<text x="{box.x + 10:.1f}" y="{box.y + 20 + index * LINE_H:.1f}" fill="{INK}"'
            f"{weight}>{escape(line)}</text>"
        )
    return "".join(parts)


def _arrow(uid: str, start: Box, end: Box, dashed: bool = False) -> str:
    """A line from the edge of one box to the nearest edge of the other."""
    sx, sy, ex, ey = start.x + BOX_W / 2, start.y, end.x + BOX_W / 2, end.y
    if abs(start.y - end.y) < 1:  # side by side
        sy, ey = start.y + start.height / 2, end.y + end.height / 2
        sx, ex = (start.x + BOX_W, end.x) if start.x < end.x else (start.x, end.x + BOX_W)
    elif start.y > end.y:  # upwards
        ey = end.y + end.height
    else:
        sy = start.y + start.height
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    return (
        f'<line x1="{sx:.1f}" y1="{sy:.1f}" x2="{ex:.1f}" y2="{ey:.1f}" stroke="{LINE}" '
        f'stroke-width="1.4" marker-end="url(#{uid}-arrow)"{dash}/>'
    )


def _arrow_right(uid: str, start: Box, end: Box, dashed: bool = False) -> str:
    sx, sy = start.x + BOX_W, start.y + start.height / 2
    ex, ey = end.x, end.y + end.height / 2
    if end.x <= start.x:  # a link backwards: from the left edge
        sx, ex = start.x, end.x + BOX_W
    dash = ' stroke-dasharray="4 3"' if dashed else ""
    return (
        f'<path d="M{sx:.1f},{sy:.1f} C{(sx + ex) / 2:.1f},{sy:.1f} {(sx + ex) / 2:.1f},'
        f'{ey:.1f} {ex:.1f},{ey:.1f}" fill="none" stroke="{LINE}" stroke-width="1.3" '
        f'marker-end="url(#{uid}-arrow)"{dash}/>'
    )


def _legend(x: float, y: float, items: Sequence[tuple[str, str, bool]]) -> tuple[str, float]:
    parts, cx = [], x
    for fill, label, dashed in items:
        dash = ' stroke-dasharray="5 3"' if dashed else ""
        parts.append(
            f'<rect x="{cx:.1f}" y="{y:.1f}" width="16" height="16" rx="3" fill="{fill}" '
            f'stroke="{LINE}"{dash}/><text x="{cx + 22:.1f}" y="{y + 13:.1f}" fill="{INK}">'
            f"{escape(label)}</text>"
        )
        cx += 34 + len(label) * 7
    return "".join(parts), cx


def _layout_rows(rows: list[list[Box]], top: float) -> tuple[float, float]:
    """Centre each row; return (width, bottom)."""
    width = max([len(row) for row in rows] + [1]) * (BOX_W + GAP_X) - GAP_X + 2 * PAD
    y = top
    for row in rows:
        row_w = len(row) * (BOX_W + GAP_X) - GAP_X
        x = (width - row_w) / 2
        height = max([b.height for b in row] + [0])
        for box in row:
            box.x, box.y = x, y
            x += BOX_W + GAP_X
        y += height + GAP_Y
    return max(width, 560), y - GAP_Y


# --- Problem tree -------------------------------------------------------------------------


def problem_tree_svg(
    *, uid: str, focal: str, nodes: Sequence[Any], links: Sequence[Any], objective: bool = False
) -> SafeString:
    """Effects above the focal problem, causes below, deeper causes further down.

    With `objective=True` the same tree as an objective tree: each point's positive statement
    (causes become means, effects ends) where the project has written one.
    """

    def label(text: str, positive: str) -> str:
        return (positive or f"({text})") if objective else text

    causes = [n for n in nodes if n.kind == "cause"]
    effects = [n for n in nodes if n.kind == "effect"]
    ids = {n.pk for n in nodes}
    kind = {n.pk: n.kind for n in nodes}
    edges = [
        (link.cause_id, link.effect_id)
        for link in links
        if link.cause_id in ids and link.effect_id in ids
    ]
    graph: nx.DiGraph[int] = nx.DiGraph(edges)
    graph.add_nodes_from(ids)

    depth: dict[int, int] = {}

    def cause_depth(pk: int, seen: frozenset[int] = frozenset()) -> int:
        if pk not in depth:
            onward = [t for t in graph.successors(pk) if kind[t] == "cause" and t not in seen]
            depth[pk] = 1 + max((cause_depth(t, seen | {pk}) for t in onward), default=0)
        return depth[pk]

    height: dict[int, int] = {}

    def effect_height(pk: int, seen: frozenset[int] = frozenset()) -> int:
        if pk not in height:
            before = [s for s in graph.predecessors(pk) if kind[s] == "effect" and s not in seen]
            height[pk] = 1 + max((effect_height(s, seen | {pk}) for s in before), default=0)
        return height[pk]

    boxes: dict[Any, Box] = {}
    for n in causes:
        boxes[n.pk] = Box(
            str(n.pk),
            label(n.text, n.objective),
            LEVEL_FILL.get(n.level, LEVEL_FILL[""]),
            dashed=not n.within_influence,
        )
    for n in effects:
        boxes[n.pk] = Box(str(n.pk), label(n.text, n.objective), EFFECT_FILL)
    focal_text = focal or _("The focal problem is not written yet.")
    boxes["focal"] = Box("focal", focal_text, FOCAL_FILL, strong=True)
    for box in boxes.values():
        box.lines = _wrap(box.text, box.strong)

    effect_rows = max((effect_height(n.pk) for n in effects), default=0)
    cause_rows = max((cause_depth(n.pk) for n in causes), default=0)
    rows: list[list[Box]] = [[] for _ in range(effect_rows + 1 + cause_rows)]
    for n in effects:
        rows[effect_rows - effect_height(n.pk)].append(boxes[n.pk])
    rows[effect_rows].append(boxes["focal"])
    for n in causes:
        rows[effect_rows + cause_depth(n.pk)].append(boxes[n.pk])
    width, bottom = _layout_rows(rows, PAD + 24)

    body = []
    ends, means = (_("Ends"), _("Means")) if objective else (_("Effects"), _("Causes"))
    body.append(
        f'<text x="{PAD}" y="{PAD + 6}" fill="{INK}" font-weight="bold">↑ {escape(ends)}</text>'
    )
    for source, target in edges:
        body.append(_arrow(uid, boxes[source], boxes[target]))
    # Causes that lead to no other cause lead to the focal problem; effects that follow from
    # no other effect follow from it.
    for n in causes:
        if not any(kind[t] == "cause" for t in graph.successors(n.pk)) and not any(
            kind[t] == "effect" for t in graph.successors(n.pk)
        ):
            body.append(_arrow(uid, boxes[n.pk], boxes["focal"], dashed=True))
    for n in effects:
        if not any(kind[s] in ("effect", "cause") for s in graph.predecessors(n.pk)):
            body.append(_arrow(uid, boxes["focal"], boxes[n.pk], dashed=True))
    body.extend(_box(b) for b in boxes.values())
    legend_y = bottom + 30
    body.append(
        f'<text x="{PAD}" y="{legend_y - 8:.1f}" fill="{INK}" font-weight="bold">↓ '
        f"{escape(means)}</text>"
    )
    legend, _end = _legend(
        PAD,
        legend_y + 8,
        [
            (LEVEL_FILL["individual"], _("Individual"), False),
            (LEVEL_FILL["organisational"], _("Organisational"), False),
            (LEVEL_FILL["structural"], _("Structural"), False),
            ("#ffffff", _("Outside the project's influence"), True),
        ],
    )
    body.append(legend)
    title = _("Objective tree") if objective else _("Problem tree")
    return _svg(uid, max(width, 760), legend_y + 40, title, body)


# --- Theory of change ---------------------------------------------------------------------


def change_columns() -> list[tuple[str, str]]:
    return [
        ("activity", _("Activities")),
        ("output", _("Outputs")),
        ("precondition", _("Preconditions")),
        ("outcome:short", _("Short-term outcomes")),
        ("outcome:medium", _("Medium-term outcomes")),
        ("outcome:long", _("Long-term outcomes")),
        ("goal", _("Long-term goal")),
    ]


def column_of(element: Any) -> str:
    if element.kind == "outcome":
        return f"outcome:{element.horizon or 'medium'}"
    return str(element.kind)


CHANGE_FILL = {
    "activity": "#e3f0fa",
    "output": "#e6f4ea",
    "precondition": "#fff6d9",
    "outcome:short": "#f3e8f7",
    "outcome:medium": "#ecdff3",
    "outcome:long": "#e4d3ee",
    "goal": "#fbe3e3",
}


def theory_of_change_svg(
    *, uid: str, goal: str, elements: Sequence[Any], links: Sequence[Any]
) -> SafeString:
    """Columns from activities on the left to the long-term goal on the right."""
    columns = change_columns()
    by_column: dict[str, list[Box]] = {key: [] for key, _label in columns}
    boxes: dict[Any, Box] = {}
    for element in elements:
        key = column_of(element)
        if key not in by_column:
            continue  # assumptions and external factors are listed beside the diagram
        box = Box(str(element.pk), element.text, CHANGE_FILL[key])
        box.lines = _wrap(element.text)
        boxes[element.pk] = box
        by_column[key].append(box)
    goal_box = Box(
        "goal",
        goal or _("The long-term goal is not written yet."),
        CHANGE_FILL["goal"],
        strong=True,
    )
    goal_box.lines = _wrap(goal_box.text, strong=True)
    by_column["goal"].append(goal_box)
    used = [(key, label) for key, label in columns if by_column[key] or key == "goal"]

    col_w = BOX_W + 60
    top = PAD + 40
    height: float = top
    for index, (key, _label) in enumerate(used):
        y: float = top
        for box in by_column[key]:
            box.x, box.y = PAD + index * col_w, y
            y += box.height + 18
        height = max(height, y)
    width = PAD * 2 + len(used) * col_w - 60
    body = []
    for index, (_key, label) in enumerate(used):
        for line_no, line in enumerate(textwrap.wrap(str(label), 26)[:2]):
            body.append(
                f'<text x="{PAD + index * col_w:.1f}" y="{PAD + 4 + line_no * 15:.1f}" '
                f'fill="{INK}" font-weight="bold">{escape(line)}</text>'
            )
    for link in links:
        if link.source_id in boxes and link.target_id in boxes:
            body.append(_arrow_right(uid, boxes[link.source_id], boxes[link.target_id]))
    linked_out = {link.source_id for link in links}
    for element in elements:
        if column_of(element) == "outcome:long" and element.pk not in linked_out:
            body.append(_arrow_right(uid, boxes[element.pk], goal_box, dashed=True))
    for column in by_column.values():
        body.extend(_box(box) for box in column)
    return _svg(uid, max(width, 560), height + PAD, _("Theory of change"), body)


# --- Ecosystem map ------------------------------------------------------------------------


@dataclass(frozen=True)
class EcosystemReading:
    sector_mix: list[tuple[str, int]]
    central: list[tuple[str, float]]
    missing_sectors: list[str]
    centrality: dict[int, float]


def ecosystem_graph(actors: Sequence[Any], relations: Sequence[Any]) -> nx.Graph[int]:
    graph: nx.Graph[int] = nx.Graph()
    graph.add_nodes_from(a.pk for a in actors)
    for relation in relations:
        if relation.source_id in graph and relation.target_id in graph:
            graph.add_edge(relation.source_id, relation.target_id, weight=relation.strength)
    return graph


def read_ecosystem(actors: Sequence[Any], relations: Sequence[Any]) -> EcosystemReading:
    graph = ecosystem_graph(actors, relations)
    counts = Counter(a.sector for a in actors)
    labels = dict(Sector.choices)
    centrality: dict[int, float] = (
        nx.betweenness_centrality(graph) if graph.number_of_edges() else {}
    )
    degree: dict[int, float] = nx.degree_centrality(graph) if len(graph) > 1 else {}
    names = {a.pk: a.name for a in actors}
    ranked = sorted(
        (pk for pk in graph if degree.get(pk, 0) > 0),
        key=lambda pk: (-centrality.get(pk, 0), -degree.get(pk, 0), names[pk]),
    )
    return EcosystemReading(
        sector_mix=[(str(labels[s]), counts[s]) for s in Sector if counts[s]],
        central=[(names[pk], round(degree.get(pk, 0), 2)) for pk in ranked[:3]],
        missing_sectors=[str(labels[s]) for s in Sector if not counts[s]],
        centrality={pk: round(degree.get(pk, 0), 2) for pk in graph},
    )


def spring_layout(graph: nx.Graph[int]) -> dict[int, tuple[float, float]]:
    """networkx's force-directed layout with a fixed seed: the same map is drawn the same way
    every time. Strong relations pull harder (edge weight)."""
    positions = nx.spring_layout(graph, seed=7, iterations=150, weight="weight")
    return {int(n): (float(p[0]), float(p[1])) for n, p in positions.items()}


def ecosystem_svg(*, uid: str, actors: Sequence[Any], relations: Sequence[Any]) -> SafeString:
    width, height = 820.0, 560.0
    graph = ecosystem_graph(actors, relations)
    if len(graph) == 0:
        positions: dict[int, Any] = {}
    elif len(graph) == 1:
        positions = {next(iter(graph)): (0.0, 0.0)}
    else:
        positions = spring_layout(graph)
    xs = [p[0] for p in positions.values()] or [0.0]
    ys = [p[1] for p in positions.values()] or [0.0]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    margin = 90.0

    def place(pk: int) -> tuple[float, float]:
        x, y = positions[pk]
        px = margin + (x - min(xs)) / span_x * (width - 2 * margin)
        py = margin - 40 + (y - min(ys)) / span_y * (height - 2 * margin)
        if len(graph) == 1:
            return width / 2, height / 2 - 40
        return px, py

    body = []
    for source, target, data in graph.edges(data=True):
        (x1, y1), (x2, y2) = place(source), place(target)
        body.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{LINE}" '
            f'stroke-opacity="0.7" stroke-width="{1 + 1.2 * data.get("weight", 1):.1f}"/>'
        )
    for actor in actors:
        x, y = place(actor.pk)
        radius = 10 + 4 * graph.degree(actor.pk) ** 0.5
        own = actor.organisation_id is not None
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" '
            f'fill="{SECTOR_FILL.get(actor.sector, "#dddddd")}" stroke="{INK}" '
            f'stroke-width="{2.5 if own else 1}"/>'
        )
        name = actor.name if len(actor.name) <= 28 else actor.name[:27] + "…"
        body.append(
            f'<text x="{x:.1f}" y="{y + radius + 14:.1f}" fill="{INK}" text-anchor="middle" '
            f'font-size="12">{escape(name)}</text>'
        )
    if not actors:
        body.append(
            f'<text x="{width / 2:.1f}" y="{height / 2 - 40:.1f}" fill="{INK}" '
            f'text-anchor="middle">{escape(_("No actors on the map yet."))}</text>'
        )
    legend, _end = _legend(
        PAD, height - 60, [(SECTOR_FILL[s], str(s.label), False) for s in Sector]
    )
    body.append(legend)
    # Outside the f-string, so that makemessages finds it (inside one it was never translated).
    key = _("Thick outline: the project’s own organisations. Thicker line: stronger relation.")
    body.append(
        f'<text x="{PAD}" y="{height - 20:.1f}" fill="{INK}" font-size="12">{escape(key)}</text>'
    )
    return _svg(uid, width, height, _("Ecosystem map"), body)
