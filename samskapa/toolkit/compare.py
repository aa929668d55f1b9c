"""What changed in a project's tools between two moments: added, removed and changed elements,
with the changed fields and their old and new values.

Every part of every registered tool is compared field by field; a tool names its rows and
reads its fields through its parts' `label` and `values` hooks where the defaults do not fit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _

from samskapa.toolkit import registry
from samskapa.toolkit.registry import Part, RowLabel
from samskapa.toolkit.selectors import ToolState, organisations_by_id

# `catalogue`: an indicator's link to the results catalogue (a row of another app, which the
# comparison cannot name without a query per row) is shown on the tool's page, not compared.
SKIPPED = {"id", "project", "updated_at", "catalogue"}


@dataclass
class FieldChange:
    field: str
    old: str
    new: str


@dataclass
class ElementChange:
    what: str  # the kind of element, e.g. "Cause or effect"
    label: str
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class ToolDiff:
    key: str
    name: str
    added: list[ElementChange] = field(default_factory=list)
    removed: list[ElementChange] = field(default_factory=list)
    changed: list[ElementChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _rows(state: ToolState, part: Part) -> dict[int, Any]:
    value = getattr(state, part.attr)
    rows = ([value] if value is not None else []) if part.single else value
    return {row.pk: row for row in rows}


def short(value: Any, limit: int = 120) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Names:
    """Readable names for the rows of either moment (a tool's `Part.label` and `Part.values`
    hooks get this to name what a row points at)."""

    def __init__(self, *states: ToolState) -> None:
        self.states = states
        self.rows: dict[tuple[type[Model], int], Any] = {}
        organisation_ids = []
        for state in states:
            for part in registry.parts():
                for pk, row in _rows(state, part).items():
                    self.rows[(part.model, pk)] = row
                    if getattr(row, "organisation_id", None):
                        organisation_ids.append(row.organisation_id)
        self.organisations = organisations_by_id(organisation_ids)

    def target(self, row: Any, name: str) -> Any:
        """The row that `row.<name>` points at, from either moment, or None."""
        model = row._meta.get_field(name).related_model
        return self.rows.get((model, getattr(row, f"{name}_id")))

    def label(self, row: Any) -> str:
        if row is None:
            return "–"
        part = registry.part_for_model(type(row))
        if part is not None and part.label is not None:
            return part.label(row, self)
        for name in ("text", "name", "title"):
            value = getattr(row, name, None)
            if value:
                return short(value)
        if getattr(row, "organisation_id", None):
            organisation = self.organisations.get(row.organisation_id)
            return organisation.name if organisation else "–"
        return str(row._meta.verbose_name)

    def value(self, row: Any, model_field: Any) -> str:
        raw = getattr(row, model_field.attname)
        if raw in (None, ""):
            return ""
        part = registry.part_for_model(type(row))
        if part is not None and model_field.name in part.values:
            return part.values[model_field.name](raw, self)
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(raw, raw))
        if isinstance(raw, bool):
            return _("yes") if raw else _("no")
        if model_field.is_relation:
            if model_field.name == "organisation":
                organisation = self.organisations.get(raw)
                return organisation.name if organisation else "–"
            return self.label(self.rows.get((model_field.related_model, raw)))
        return short(raw, 300)


def field_label(name: str) -> RowLabel:
    """`Part.label` for a row named by one of its fields (a focal problem, a goal)."""
    return lambda row, names: short(getattr(row, name))


def link_label(source: str, target: str) -> RowLabel:
    """`Part.label` for a link between two rows: "cause → effect"."""
    return lambda row, names: (
        f"{names.label(names.target(row, source))} → {names.label(names.target(row, target))}"
    )


def compare_states(before: ToolState, after: ToolState) -> list[ToolDiff]:
    names = Names(before, after)
    diffs = []
    for tool in registry.state_tools():
        diff = ToolDiff(key=tool.key, name=str(tool.name))
        for part in tool.parts:
            model = part.model
            what = str(model._meta.verbose_name).capitalize()
            old, new = _rows(before, part), _rows(after, part)
            for pk in sorted(new.keys() - old.keys()):
                diff.added.append(ElementChange(what, names.label(new[pk])))
            for pk in sorted(old.keys() - new.keys()):
                diff.removed.append(ElementChange(what, names.label(old[pk])))
            for pk in sorted(old.keys() & new.keys()):
                changes = []
                for model_field in model._meta.concrete_fields:
                    if model_field.name in SKIPPED:
                        continue
                    a, b = names.value(old[pk], model_field), names.value(new[pk], model_field)
                    if a != b:
                        changes.append(
                            FieldChange(str(model_field.verbose_name).capitalize(), a, b)
                        )
                if changes:
                    diff.changed.append(ElementChange(what, names.label(new[pk]), changes))
        diffs.append(diff)
    return diffs
