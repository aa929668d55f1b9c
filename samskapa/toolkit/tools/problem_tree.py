"""Problem tree (focus area: causes): a focal problem, its causes below and its effects above,
linked by what leads to what, and the same tree turned positive as the objective tree."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskapa.core.enums import FocusArea
from samskapa.toolkit import diagrams, services
from samskapa.toolkit.compare import field_label, link_label
from samskapa.toolkit.enums import ProblemNodeKind
from samskapa.toolkit.forms import TEXT, ToolForm
from samskapa.toolkit.models import ProblemLink, ProblemNode, ProblemTree
from samskapa.toolkit.registry import Part, Tool, count_rows, register
from samskapa.toolkit.selectors import ToolState


class ProblemTreeForm(ToolForm):
    class Meta:
        model = ProblemTree
        fields = ["focal_problem", "focal_objective"]
        widgets = {"focal_problem": TEXT, "focal_objective": TEXT}


class ProblemNodeForm(ToolForm):
    class Meta:
        model = ProblemNode
        fields = ["kind", "text", "level", "within_influence", "objective"]
        widgets = {"kind": forms.RadioSelect}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == ProblemNodeKind.CAUSE and not data.get("level"):
            self.add_error("level", gettext_lazy("Choose the level of the cause."))
        elif data.get("kind") == ProblemNodeKind.EFFECT:
            data["level"] = ""  # only causes have a level (a check constraint of the model)
        return data


class ProblemLinkForm(ToolForm):
    class Meta:
        model = ProblemLink
        fields = ["cause", "effect"]

    different = ("cause", "effect", gettext_lazy("Choose another element than the first one."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Both lists grouped into causes and effects; "leads to" offers what a point may
        # lead to (a cause to a cause or an effect; an effect only to an effect, checked below).
        nodes = list(ProblemNode.objects.filter(project=self.project).order_by("kind", "id"))
        groups = [
            (str(label), [(n.pk, n.text) for n in nodes if n.kind == value])
            for value, label in ProblemNodeKind.choices
        ]
        for name in ("cause", "effect"):
            field: Any = self.fields[name]
            field.choices = [("", "---------"), *[g for g in groups if g[1]]]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        cause, effect = data.get("cause"), data.get("effect")
        if (
            cause is not None
            and effect is not None
            and cause.kind == ProblemNodeKind.EFFECT
            and effect.kind == ProblemNodeKind.CAUSE
        ):
            self.add_error("effect", services.PROBLEM_LINK_BACKWARDS)
        return data


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


def present(state: ToolState, uid: str, live: bool) -> dict[str, Any]:
    nodes, links = state.problem_nodes, state.problem_links
    kind = {n.pk: n.kind for n in nodes}
    by_pk = {n.pk: n for n in nodes}
    causes = [n for n in nodes if n.kind == ProblemNodeKind.CAUSE]
    effects = [n for n in nodes if n.kind == ProblemNodeKind.EFFECT]
    # Nested lists: effects from the focal problem outwards, causes from it downwards.
    effect_next: dict[int, list[Any]] = defaultdict(list)
    cause_deeper: dict[int, list[Any]] = defaultdict(list)
    leads_to: dict[int, list[Any]] = defaultdict(list)
    for link in links:
        if link.cause_id not in by_pk or link.effect_id not in by_pk:
            continue
        leads_to[link.cause_id].append(by_pk[link.effect_id])
        if kind[link.cause_id] == kind[link.effect_id] == ProblemNodeKind.EFFECT:
            effect_next[link.cause_id].append(by_pk[link.effect_id])
        if kind[link.cause_id] == kind[link.effect_id] == ProblemNodeKind.CAUSE:
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
        "diagram": diagrams.problem_tree(uid=uid, focal=focal, nodes=nodes, links=links),
        "objective_diagram": diagrams.problem_tree(
            uid=f"{uid}-obj",
            focal=objective or (f"({focal})" if focal else ""),
            nodes=nodes,
            links=links,
            objective=True,
        ),
        "is_empty": not nodes and state.problem_tree is None,
    }


TOOL = register(
    Tool(
        key="problem_tree",
        name=gettext_lazy("Problem tree"),
        focus_area=FocusArea.CAUSES,
        guide=gettext_lazy(
            "Start from one focal problem. Put its causes below it and its effects above it, "
            "and link what leads to what. Mark for each cause whether it is about individuals, "
            "organisations or structures, and whether the project can influence it. Then turn "
            "each point into a positive statement: the causes become means and the effects ends."
        ),
        order=10,
        parts=(
            Part(
                "problem-tree",
                "problem_tree",
                ProblemTree,
                ProblemTreeForm,
                single=True,
                label=field_label("focal_problem"),
            ),
            Part(
                "problem-node",
                "problem_nodes",
                ProblemNode,
                ProblemNodeForm,
                check=services.tidy_problem_node,
            ),
            Part(
                "problem-link",
                "problem_links",
                ProblemLink,
                ProblemLinkForm,
                check=services.check_problem_link,
                label=link_label("cause", "effect"),
            ),
        ),
        present=present,
        summary=count_rows("problem_tree", "problem_nodes"),
    )
)
