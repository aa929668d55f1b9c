"""Theory of change (focus area: results): the long-term goal, the outcomes, preconditions,
outputs and activities that lead to it, linked into chains, with assumptions and external
factors beside them. Also offered as a PDF (`toolkit:theory-pdf`)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.core.enums import FocusArea
from samskapa.toolkit import diagrams, services
from samskapa.toolkit.compare import field_label, link_label
from samskapa.toolkit.enums import LINKABLE_KINDS, ChangeKind, chain_step
from samskapa.toolkit.forms import TEXT, ToolForm
from samskapa.toolkit.models import ChangeElement, ChangeLink, TheoryOfChange
from samskapa.toolkit.registry import Part, Tool, count_rows, register
from samskapa.toolkit.selectors import ToolState


def element_label(element: ChangeElement) -> str:
    """How an element is offered in a form's list: "Outcome: More people in work"."""
    return f"{element.get_kind_display()}: {element.text}"


class TheoryOfChangeForm(ToolForm):
    class Meta:
        model = TheoryOfChange
        fields = ["long_term_goal", "narrative"]
        widgets = {"long_term_goal": TEXT, "narrative": forms.Textarea(attrs={"rows": 8})}


class ChangeElementForm(ToolForm):
    class Meta:
        model = ChangeElement
        fields = ["kind", "text", "horizon"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == ChangeKind.OUTCOME and not data.get("horizon"):
            self.add_error("horizon", _("Choose the horizon of the outcome."))
        elif data.get("kind") and data.get("kind") != ChangeKind.OUTCOME:
            data["horizon"] = ""  # only outcomes have a horizon (a check constraint)
        return data


class ChangeLinkForm(ToolForm):
    class Meta:
        model = ChangeLink
        fields = ["source", "target"]

    different = ("source", "target", _("Choose another element than the first one."))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only elements of the chain; nothing contributes to an activity.
        for name, kinds in (
            ("source", LINKABLE_KINDS),
            ("target", [k for k in LINKABLE_KINDS if k != ChangeKind.ACTIVITY]),
        ):
            field: Any = self.fields[name]
            field.queryset = field.queryset.filter(kind__in=kinds)
            field.label_from_instance = element_label

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        source, target = data.get("source"), data.get("target")
        if (
            source is not None
            and target is not None
            and chain_step(target.kind, target.horizon) < chain_step(source.kind, source.horizon)
        ):
            self.add_error("target", services.CHANGE_LINK_BACKWARDS)
        return data


def present(state: ToolState, uid: str, live: bool) -> dict[str, Any]:
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
        "diagram": diagrams.theory_of_change(uid=uid, goal=goal, elements=elements, links=links),
        "is_empty": not elements and state.theory is None,
    }


TOOL = register(
    Tool(
        key="theory_of_change",
        name=_("Theory of change"),
        focus_area=FocusArea.RESULTS,
        guide=_(
            "Work backwards from the long-term goal: which outcomes must come first, in the "
            "long, medium and short term? Which preconditions must be in place, and which "
            "activities and outputs bring them about? Write down the assumptions you make and "
            "the external factors you cannot control, and link the elements into chains."
        ),
        order=20,
        parts=(
            Part(
                "theory",
                "theory",
                TheoryOfChange,
                TheoryOfChangeForm,
                single=True,
                label=field_label("long_term_goal"),
            ),
            Part(
                "change-element",
                "change_elements",
                ChangeElement,
                ChangeElementForm,
                check=services.tidy_change_element,
            ),
            Part(
                "change-link",
                "change_links",
                ChangeLink,
                ChangeLinkForm,
                check=services.check_change_link,
                label=link_label("source", "target"),
            ),
        ),
        present=present,
        summary=count_rows("theory", "change_elements"),
        diagram=True,
    )
)
