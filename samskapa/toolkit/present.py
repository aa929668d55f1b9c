"""What each tool shows, built from a ToolState (live or as of a date): diagrams, charts,
text alternatives and readings. The tool pages and the overview's dated view share these."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from django.utils.translation import gettext as _

from samskapa.accounts.enums import Sector
from samskapa.core.enums import FocusArea
from samskapa.toolkit import charts, diagrams
from samskapa.toolkit.enums import (
    CURRENT_PERIOD,
    PRINCIPLES_BY_PERIOD,
    SCALE_LEVELS,
    ChangeKind,
    CollaborationDepth,
    ParticipationScale,
    level_label,
)
from samskapa.toolkit.models import ToolkitSettings
from samskapa.toolkit.selectors import ToolState, organisations_by_id


def _tree_items(
    roots: list[Any], children: dict[int, list[Any]], trail: frozenset[int]
) -> list[dict[str, Any]]:
    return [
        {
            "node": node,
            "children": _tree_items(children[node.pk], children, trail | {node.pk})
            if node.pk not in trail
            else [],
        }
        for node in roots
    ]


def problem_tree(state: ToolState, uid: str) -> dict[str, Any]:
    nodes, links = state.problem_nodes, state.problem_links
    kind = {n.pk: n.kind for n in nodes}
    by_pk = {n.pk: n for n in nodes}
    causes = [n for n in nodes if n.kind == "cause"]
    effects = [n for n in nodes if n.kind == "effect"]
    # Nested lists: effects from the focal problem outwards, causes from it downwards.
    effect_next: dict[int, list[Any]] = defaultdict(list)
    cause_deeper: dict[int, list[Any]] = defaultdict(list)
    leads_to: dict[int, list[Any]] = defaultdict(list)
    for link in links:
        if link.cause_id not in by_pk or link.effect_id not in by_pk:
            continue
        leads_to[link.cause_id].append(by_pk[link.effect_id])
        if kind[link.cause_id] == "effect" and kind[link.effect_id] == "effect":
            effect_next[link.cause_id].append(by_pk[link.effect_id])
        if kind[link.cause_id] == "cause" and kind[link.effect_id] == "cause":
            cause_deeper[link.effect_id].append(by_pk[link.cause_id])
    first_effects = [e for e in effects if not any(e in effect_next[o.pk] for o in effects)]
    direct_causes = [c for c in causes if not any(c in cause_deeper[o.pk] for o in causes)]
    focal = state.problem_tree.focal_problem if state.problem_tree else ""
    objective = state.problem_tree.focal_objective if state.problem_tree else ""
    return {
        "tree": state.problem_tree,
        "causes": causes,
        "effects": effects,
        "links": [
            {"link": link, "cause": by_pk.get(link.cause_id), "effect": by_pk.get(link.effect_id)}
            for link in links
        ],
        "leads_to": dict(leads_to),
        "groups": [
            {
                "key": "effect",
                "heading": _("Effects"),
                "caption": _("Every effect and what it leads to"),
                "empty": _("No effects yet."),
                "nodes": effects,
            },
            {
                "key": "cause",
                "heading": _("Causes"),
                "caption": _(
                    "Every cause with its level, whether the project can influence it, and what "
                    "it leads to"
                ),
                "empty": _("No causes yet."),
                "nodes": causes,
            },
        ],
        "effect_outline": _tree_items(first_effects, effect_next, frozenset()),
        "cause_outline": _tree_items(direct_causes, cause_deeper, frozenset()),
        "svg": diagrams.problem_tree_svg(uid=uid, focal=focal, nodes=nodes, links=links),
        "objective_svg": diagrams.problem_tree_svg(
            uid=f"{uid}-obj",
            focal=objective or (f"({focal})" if focal else ""),
            nodes=nodes,
            links=links,
            objective=True,
        ),
        "is_empty": not nodes and state.problem_tree is None,
    }


def theory_of_change(state: ToolState, uid: str) -> dict[str, Any]:
    elements, links = state.change_elements, state.change_links
    by_pk = {e.pk: e for e in elements}
    targets: dict[int, list[Any]] = defaultdict(list)
    for link in links:
        if link.target_id in by_pk:
            targets[link.source_id].append(by_pk[link.target_id])
    columns = []
    for key, label in diagrams.change_columns():
        if key == "goal":
            continue
        items = [
            {"element": e, "targets": targets[e.pk]}
            for e in elements
            if diagrams.column_of(e) == key
        ]
        columns.append({"key": key, "label": label, "items": items})
    goal = state.theory.long_term_goal if state.theory else ""
    return {
        "theory": state.theory,
        "columns": columns,
        "elements": elements,
        "assumptions": [e for e in elements if e.kind == ChangeKind.ASSUMPTION],
        "external_factors": [e for e in elements if e.kind == ChangeKind.EXTERNAL_FACTOR],
        "links": [
            {"link": link, "source": by_pk.get(link.source_id), "target": by_pk.get(link.target_id)}
            for link in links
        ],
        "svg": diagrams.theory_of_change_svg(uid=uid, goal=goal, elements=elements, links=links),
        "is_empty": not elements and state.theory is None,
    }


def indicators(state: ToolState) -> dict[str, Any]:
    elements = {e.pk: e for e in state.change_elements}
    values: dict[int, list[Any]] = defaultdict(list)
    for value in sorted(state.indicator_values, key=lambda v: (v.reported_on, v.pk)):
        values[value.indicator_id].append(value)
    rows = []
    for indicator in state.indicators:
        reported = values[indicator.pk]
        latest = reported[-1] if reported else None
        percent = None
        if latest is not None and indicator.target:
            percent = round(100 * latest.value / indicator.target)
        rows.append(
            {
                "indicator": indicator,
                "label": f"{indicator.code} {indicator.name}"[:48],
                "element": elements.get(indicator.element_id) if indicator.element_id else None,
                "values": reported,
                "latest": latest,
                "percent": percent,
            }
        )
    return {
        "rows": rows,
        "chart": charts.indicator_progress_chart(rows),
        "is_empty": not rows,
    }


def ecosystem_map(state: ToolState, uid: str) -> dict[str, Any]:
    actors, relations = state.actors, state.relations
    names = {a.pk: a for a in actors}
    reading = diagrams.read_ecosystem(actors, relations)
    return {
        "actors": [{"actor": a, "centrality": reading.centrality.get(a.pk, 0)} for a in actors],
        "relations": [
            {"relation": r, "source": names.get(r.source_id), "target": names.get(r.target_id)}
            for r in relations
        ],
        "reading": reading,
        "svg": diagrams.ecosystem_svg(uid=uid, actors=actors, relations=relations),
        "is_empty": not relations and all(a.organisation_id for a in actors),
    }


def collaboration(state: ToolState, partners: list[Any] | None = None) -> dict[str, Any]:
    organisations = organisations_by_id(
        [c.organisation_id for c in state.collaborations] + [p.pk for p in partners or []]
    )
    rows: list[dict[str, Any]] = [
        {"collaboration": c, "organisation": organisations.get(c.organisation_id)}
        for c in state.collaborations
    ]
    rows.sort(key=lambda r: r["organisation"].name if r["organisation"] else "")
    described = {c.organisation_id for c in state.collaborations}
    # The cross-sector summary: how many partners per sector sit at each depth.
    counts = Counter(
        (r["organisation"].sector, r["collaboration"].depth) for r in rows if r["organisation"]
    )
    summary = [
        {
            "sector": sector.label,
            "cells": [counts[(sector.value, depth.value)] for depth in CollaborationDepth],
            "total": sum(counts[(sector.value, d.value)] for d in CollaborationDepth),
        }
        for sector in Sector
    ]
    return {
        "rows": rows,
        "depths": list(CollaborationDepth),
        "summary": summary,
        "sectors_reached": sum(1 for s in summary if s["total"]),
        "undescribed": [p for p in partners or [] if p.pk not in described],
        "is_empty": not rows,
    }


def participation(state: ToolState) -> dict[str, Any]:
    profile = state.participation
    scale = profile.scale if profile else ParticipationScale.IAP2
    if profile is None:
        scale = ToolkitSettings.load().participation_scale
    activities = sorted(state.activities, key=lambda a: (a.held_on, a.pk))
    return {
        "profile": profile,
        "scale": scale,
        "scale_label": ParticipationScale(scale).label,
        "levels": [
            {"number": n, "label": level_label(scale, n)}
            for n in range(1, len(level_label_list(scale)) + 1)
        ],
        "current": level_label(scale, profile.current_level if profile else None),
        "aim": level_label(scale, profile.aim_level if profile else None),
        "activities": [{"activity": a, "level": level_label(scale, a.level)} for a in activities],
        "chart": charts.participation_chart(activities, scale),
        "is_empty": profile is None and not activities,
    }


def level_label_list(scale: str) -> list[str]:

    return [str(label) for label in SCALE_LEVELS[scale]]


def horizontal_principles(state: ToolState) -> dict[str, Any]:
    by_principle = {p.principle: p for p in state.principles if p.period == CURRENT_PERIOD}
    return {
        "period": CURRENT_PERIOD.label,
        "rows": [
            {"principle": principle, "work": by_principle.get(principle.value)}
            for principle in PRINCIPLES_BY_PERIOD[CURRENT_PERIOD]
        ],
        "is_empty": not by_principle,
    }


def sustainability_plan(state: ToolState) -> dict[str, Any]:
    plan = state.sustainability
    return {"plan": plan, "is_empty": plan is None}


def self_assessment(latest: Any, points: list[Any]) -> dict[str, Any]:
    labels = dict(FocusArea.choices)
    rows = []
    if latest is not None:
        order = {value: index for index, value in enumerate(FocusArea.values)}
        for rating in sorted(latest.ratings.all(), key=lambda r: order[r.focus_area]):
            rows.append(
                {
                    "label": labels[rating.focus_area],
                    "rating": rating.rating,
                    "comment": rating.comment,
                }
            )
    # The trend table: one row per assessment, one column per focus area.
    by_assessment: dict[int, dict[str, Any]] = {}
    for point in points:
        row = by_assessment.setdefault(
            point.assessment_id,
            {"date": point.assessed_on, "context": point.context, "ratings": {}},
        )
        row["ratings"][point.focus_area] = point.rating
    trend = list(by_assessment.values())
    # The table has a row per focus area and a column per assessment: dates are short.
    trend_rows = [
        {"label": labels[area], "cells": [column["ratings"].get(area) for column in trend]}
        for area in FocusArea.values
    ]
    return {
        "latest": latest,
        "latest_rows": rows,
        "latest_chart": charts.self_assessment_latest_chart(rows),
        "trend": trend,
        "trend_rows": trend_rows,
        "trend_chart": charts.self_assessment_trend_chart(points),
        "areas": [labels[a] for a in FocusArea.values],
        "is_empty": latest is None,
    }


def for_tool(
    key: str, state: ToolState, uid: str, partners: list[Any] | None = None
) -> dict[str, Any]:
    if key == "problem_tree":
        return problem_tree(state, uid)
    if key == "theory_of_change":
        return theory_of_change(state, uid)
    if key == "indicators":
        return indicators(state)
    if key == "ecosystem_map":
        return ecosystem_map(state, uid)
    if key == "collaboration":
        return collaboration(state, partners)
    if key == "participation":
        return participation(state)
    if key == "horizontal_principles":
        return horizontal_principles(state)
    if key == "sustainability_plan":
        return sustainability_plan(state)
    raise KeyError(key)
