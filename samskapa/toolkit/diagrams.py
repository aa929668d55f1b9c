"""The tools' diagrams: problem tree, objective tree, theory of change and ecosystem map.

The problem tree and the theory of change are laid out in HTML and CSS
(toolkit/includes/diagram_*.html, core/css/diagrams.css): every point is a box whose text
wraps inside it, rows of boxes wrap to the width of the page, and the theory of change turns
from columns into a chain from top to bottom when its columns do not fit. The arrows are drawn
by toolkit/js/diagrams.js in an SVG behind the boxes (no text in it); without JavaScript each
box names the numbers of the boxes it leads to. So no text is ever scaled down: it has the
page's own font size on every screen.

The ecosystem map is an inline SVG without a viewBox: it is as wide as its container, the
actors sit at percentages of its width and height, and the names are at 13 px, wrapped to
fit between the node and the picture's edge. It may carry only presentation attributes (the
Content-Security-Policy, style-src 'self', blocks `style` attributes). Every text is escaped.
Each diagram has a text alternative on its page (nested lists, an outline or a table).
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samskapa.accounts.enums import Sector

INK = "#1b1b1b"
LINE = "#4a5560"
SECTOR_FILL = {
    Sector.PUBLIC: "#9cc3e6",
    Sector.PRIVATE: "#f5c26b",
    Sector.CIVIL_SOCIETY: "#9ed3a8",
    Sector.ACADEMIA: "#c9a9dd",
}


@dataclass
class Node:
    """One box of a diagram: `id` is its HTML id, `number` what the other boxes call it,
    `css` its classes (colour and outline), `to` the ids and numbers of what it leads to."""

    id: str
    number: str
    text: str
    css: str
    to: list[tuple[str, str]] = field(default_factory=list)

    @property
    def targets(self) -> str:
        return " ".join(target for target, _number in self.to)

    @property
    def target_numbers(self) -> list[str]:
        return [number for _target, number in self.to]


# --- Problem tree -------------------------------------------------------------------------


def problem_tree(
    *, uid: str, focal: str, nodes: Sequence[Any], links: Sequence[Any], objective: bool = False
) -> dict[str, Any]:
    """Effects above the focal problem, causes below, deeper causes further down: rows of
    boxes from the top of the tree to its roots, each box numbered.

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

    effect_rows = max((effect_height(n.pk) for n in effects), default=0)
    cause_rows = max((cause_depth(n.pk) for n in causes), default=0)
    rows: list[list[Any]] = [[] for _ in range(effect_rows + 1 + cause_rows)]
    for n in effects:
        rows[effect_rows - effect_height(n.pk)].append(n)
    rows[effect_rows].append("focal")
    for n in causes:
        rows[effect_rows + cause_depth(n.pk)].append(n)

    focal_id = f"{uid}-focal"
    numbers: dict[int, str] = {}
    for row in rows:
        for n in row:
            if n != "focal":
                numbers[n.pk] = str(len(numbers) + 1)
    focal_text = focal or _("The focal problem is not written yet.")
    out: list[list[Node]] = []
    for row in rows:
        boxes = []
        for n in row:
            if n == "focal":
                boxes.append(Node(focal_id, "", focal_text, "dnode-focal"))
                continue
            to = [(f"{uid}-n{t}", numbers[t]) for t in graph.successors(n.pk)]
            # Causes that lead to no other point lead to the focal problem.
            if n.kind == "cause" and not to:
                to = [(focal_id, "")]
            css = f"dnode-{n.level or 'cause'}" if n.kind == "cause" else "dnode-effect"
            if n.kind == "cause" and not n.within_influence:
                css += " dnode-outside"
            boxes.append(Node(f"{uid}-n{n.pk}", numbers[n.pk], label(n.text, n.objective), css, to))
        out.append(boxes)
    # Effects that follow from no other point follow from the focal problem.
    first_effects = [
        f"{uid}-n{n.pk}"
        for n in effects
        if not any(kind[s] in ("effect", "cause") for s in graph.predecessors(n.pk))
    ]
    focal_box = out[effect_rows][0]
    focal_box.to = [(target, numbers[int(target.rsplit("-n", 1)[1])]) for target in first_effects]
    ends, means = (_("Ends"), _("Means")) if objective else (_("Effects"), _("Causes"))
    return {
        "id": uid,
        "rows": out,
        "top": ends,
        "bottom": means,
        "title": _("Objective tree") if objective else _("Problem tree"),
        "count": len(nodes) + 1,
    }


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


def theory_of_change(
    *, uid: str, goal: str, elements: Sequence[Any], links: Sequence[Any]
) -> dict[str, Any]:
    """Columns from the activities to the long-term goal (the empty ones left out), each box
    numbered; `width` is how many columns there are (the stylesheet lays them side by side
    only where that many fit, and top to bottom elsewhere)."""
    columns = change_columns()
    by_column: dict[str, list[Any]] = {key: [] for key, _label in columns}
    for element in elements:
        key = column_of(element)
        if key in by_column:  # assumptions and external factors are listed beside it
            by_column[key].append(element)
    goal_id = f"{uid}-goal"
    numbers: dict[int, str] = {}
    for key, _label in columns:
        for element in by_column[key]:
            numbers[element.pk] = str(len(numbers) + 1)
    targets: dict[int, list[tuple[str, str]]] = {pk: [] for pk in numbers}
    for link in links:
        if link.source_id in numbers and link.target_id in numbers:
            targets[link.source_id].append((f"{uid}-e{link.target_id}", numbers[link.target_id]))
    out = []
    for key, label in columns:
        if key == "goal":
            text = goal or _("The long-term goal is not written yet.")
            out.append(
                {"key": "goal", "label": label, "nodes": [Node(goal_id, "", text, "dnode-goal")]}
            )
            continue
        if not by_column[key]:
            continue
        nodes = []
        for element in by_column[key]:
            to = targets[element.pk]
            if key == "outcome:long" and not to:
                to = [(goal_id, "")]
            css = "dnode-" + key.replace(":", "-")
            nodes.append(Node(f"{uid}-e{element.pk}", numbers[element.pk], element.text, css, to))
        out.append({"key": key, "label": label, "nodes": nodes})
    return {
        "id": uid,
        "columns": out,
        "width": len(out),
        "title": _("Theory of change"),
        "count": len(numbers) + 1,
    }


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


# Where the actors may sit, as fractions of the map's width and height: far enough from the
# edges that a name of LABEL_CHARS characters per line at LABEL_PX fits beside the edge on a
# 286 px wide map (a 320 px screen), and that three lines of it fit below the lowest node.
X_RANGE = (0.1, 0.9)
Y_RANGE = (0.07, 0.78)
LABEL_PX = 13
LABEL_CHARS = 18
LABEL_LINES = 3


def _label_lines(name: str) -> list[str]:
    lines = textwrap.wrap(" ".join(name.split()), LABEL_CHARS, break_long_words=True) or [""]
    if len(lines) > LABEL_LINES:
        lines = [*lines[: LABEL_LINES - 1], lines[LABEL_LINES - 1][: LABEL_CHARS - 1] + "…"]
    return lines


def ecosystem_svg(*, uid: str, actors: Sequence[Any], relations: Sequence[Any]) -> SafeString:
    """The actors as numbered circles coloured by sector (the legend is in the page), the
    relations as lines (thicker: stronger). Coordinates are percentages, so the map takes the
    width of its container without scaling its text; names are wrapped and anchored away from
    the nearer edge so that they stay inside the picture. On a narrow map the names would
    cover each other: there the stylesheet shows only the numbers, and the page lists the
    actors by number under the map."""
    graph = ecosystem_graph(actors, relations)
    if len(graph) == 0:
        positions: dict[int, tuple[float, float]] = {}
    elif len(graph) == 1:
        positions = {next(iter(graph)): (0.0, 0.0)}
    else:
        positions = spring_layout(graph)
    xs = [p[0] for p in positions.values()] or [0.0]
    ys = [p[1] for p in positions.values()] or [0.0]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0

    def place(pk: int) -> tuple[float, float]:
        """Percentages of the map's width and height."""
        if len(graph) == 1:
            return 50.0, 40.0
        x, y = positions[pk]
        fx = X_RANGE[0] + (x - min(xs)) / span_x * (X_RANGE[1] - X_RANGE[0])
        fy = Y_RANGE[0] + (y - min(ys)) / span_y * (Y_RANGE[1] - Y_RANGE[0])
        return fx * 100, fy * 100

    body = []
    for source, target, data in graph.edges(data=True):
        (x1, y1), (x2, y2) = place(source), place(target)
        body.append(
            f'<line x1="{x1:.1f}%" y1="{y1:.1f}%" x2="{x2:.1f}%" y2="{y2:.1f}%" stroke="{LINE}" '
            f'stroke-opacity="0.7" stroke-width="{1 + 1.2 * data.get("weight", 1):.1f}"/>'
        )
    for number, actor in enumerate(actors, start=1):
        x, y = place(actor.pk)
        radius = 10 + 4 * graph.degree(actor.pk) ** 0.5
        own = actor.organisation_id is not None
        anchor, dx = ("start", -8) if x < 36 else ("end", 8) if x > 64 else ("middle", 0)
        lines = "".join(
            f'<tspan x="{dx}" dy="{0 if index == 0 else LABEL_PX + 3}">{escape(line)}</tspan>'
            for index, line in enumerate(_label_lines(actor.name))
        )
        body.append(
            f'<svg x="{x:.1f}%" y="{y:.1f}%" overflow="visible">'
            f'<circle cx="0" cy="0" r="{radius:.1f}" '
            f'fill="{SECTOR_FILL.get(actor.sector, "#dddddd")}" stroke="{INK}" '
            f'stroke-width="{2.5 if own else 1}"/>'
            f'<text class="eco-number" y="4.5" fill="{INK}" font-size="12" font-weight="bold" '
            f'text-anchor="middle">{number}</text>'
            f'<text class="eco-name" y="{radius + LABEL_PX + 2:.1f}" fill="{INK}" '
            f'font-size="{LABEL_PX}" '
            f'text-anchor="{anchor}" stroke="#ffffff" stroke-width="3" paint-order="stroke" '
            f'stroke-linejoin="round">{lines}</text></svg>'
        )
    if not actors:
        empty = _("No actors on the map yet.")  # outside the f-string, where makemessages finds it
        body.append(
            f'<text x="50%" y="45%" fill="{INK}" font-size="14" text-anchor="middle">'
            f"{escape(empty)}</text>"
        )
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ecomap" role="img" '
        f'aria-labelledby="{uid}-map-title" width="100%">'
        f'<title id="{uid}-map-title">{escape(_("Ecosystem map"))}</title>'
        f'<rect x="0" y="0" width="100%" height="100%" fill="#ffffff"/>'
    )
    return mark_safe(head + "".join(body) + "</svg>")  # noqa: S308  (every text is escaped above)


def sector_legend() -> list[tuple[str, str]]:
    """The sectors' colours and names, for the legend under the map (in the page's language)."""
    return [(str(sector.value), str(sector.label)) for sector in Sector]
