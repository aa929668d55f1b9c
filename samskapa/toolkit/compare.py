"""What changed in a project's tools between two moments: added, removed and changed elements,
with the changed fields and their old and new values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _

from samskapa.toolkit.enums import level_label
from samskapa.toolkit.selectors import STATE_MODELS, ToolState, organisations_by_id
from samskapa.toolkit.tools import TOOLS_BY_KEY

SKIPPED = {"id", "project", "updated_at"}


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


def _rows(state: ToolState, attr: str, single: bool) -> dict[int, Any]:
    value = getattr(state, attr)
    rows = ([value] if value is not None else []) if single else value
    return {row.pk: row for row in rows}


class _Names:
    """Readable names for the elements a row points at, from either moment."""

    def __init__(self, *states: ToolState) -> None:
        self.rows: dict[tuple[type[Model], int], Any] = {}
        organisation_ids = []
        for state in states:
            for entries in STATE_MODELS.values():
                for attr, model, single in entries:
                    for pk, row in _rows(state, attr, single).items():
                        self.rows[(model, pk)] = row
                        if getattr(row, "organisation_id", None):
                            organisation_ids.append(row.organisation_id)
        self.organisations = organisations_by_id(organisation_ids)
        self.scale = next(
            (s.participation.scale for s in states if s.participation is not None), "iap2"
        )

    def label(self, row: Any) -> str:
        for name in ("text", "name", "title", "focal_problem", "long_term_goal"):
            value = getattr(row, name, None)
            if value:
                text = str(value)
                return text if len(text) <= 120 else text[:119] + "…"
        if hasattr(row, "principle"):
            return str(row.get_principle_display())
        if hasattr(row, "organisation_id") and row.organisation_id:
            organisation = self.organisations.get(row.organisation_id)
            return organisation.name if organisation else "–"
        if hasattr(row, "reported_on"):
            indicator = self.rows.get(
                (row._meta.get_field("indicator").related_model, row.indicator_id)
            )
            return f"{self.label(indicator) if indicator else '–'}: {row.reported_on:%Y-%m-%d}"
        for source, target in (("cause", "effect"), ("source", "target")):
            if hasattr(row, f"{source}_id"):
                model = row._meta.get_field(source).related_model
                first = self.rows.get((model, getattr(row, f"{source}_id")))
                second = self.rows.get((model, getattr(row, f"{target}_id")))
                return f"{self.label(first) if first else '–'} → {self.label(second) if second else '–'}"
        return str(row._meta.verbose_name)

    def value(self, row: Any, model_field: Any) -> str:
        raw = getattr(row, model_field.attname)
        if raw in (None, ""):
            return ""
        if model_field.name in ("current_level", "aim_level", "level") and row._meta.model_name in (
            "participationprofile",
            "participationactivity",
        ):
            return level_label(self.scale, raw)
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(raw, raw))
        if isinstance(raw, bool):
            return _("yes") if raw else _("no")
        if model_field.is_relation:
            if model_field.name == "organisation":
                organisation = self.organisations.get(raw)
                return organisation.name if organisation else "–"
            target = self.rows.get((model_field.related_model, raw))
            return self.label(target) if target else "–"
        text = str(raw)
        return text if len(text) <= 300 else text[:299] + "…"


def compare_states(before: ToolState, after: ToolState) -> list[ToolDiff]:
    names = _Names(before, after)
    diffs = []
    seen: set[str] = set()
    for key, entries in STATE_MODELS.items():
        diff = ToolDiff(key=key, name=str(TOOLS_BY_KEY[key].name))
        for attr, model, single in entries:
            if attr in seen:
                continue  # the theory of change's elements are compared once, under that tool
            seen.add(attr)
            what = str(model._meta.verbose_name).capitalize()
            old, new = _rows(before, attr, single), _rows(after, attr, single)
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
