"""One date widget: every date and date-and-time field of every form in Samskapa uses
samskapa.core.widgets, so all date fields look, behave and format their values alike."""

from __future__ import annotations

import datetime
import importlib
import inspect
from pathlib import Path

import pytest
from django import forms

from samskapa.core.widgets import DateInput, DateTimeInput

APPS = Path(__file__).resolve().parents[2] / "samskapa"


def _form_classes() -> list[type[forms.BaseForm]]:
    found = []
    for path in sorted(APPS.glob("*/forms.py")):
        module = importlib.import_module(f"samskapa.{path.parent.name}.forms")
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def _date_fields() -> list[tuple[str, forms.Field]]:
    return [
        (f"{cls.__module__}.{cls.__name__}.{name}", field)
        for cls in _form_classes()
        for name, field in cls.base_fields.items()
        if isinstance(field, forms.DateField | forms.DateTimeField)
    ]


def test_there_are_date_fields_to_check() -> None:
    assert len(_date_fields()) >= 10


@pytest.mark.parametrize(("where", "field"), _date_fields(), ids=[w for w, _f in _date_fields()])
def test_every_date_field_uses_the_core_widget(where: str, field: forms.Field) -> None:
    expected = DateTimeInput if isinstance(field, forms.DateTimeField) else DateInput
    assert type(field.widget) is expected


def test_the_widgets_render_browser_pickers_with_iso_values() -> None:
    assert 'type="date"' in DateInput().render("d", datetime.date(2026, 11, 27))
    assert 'value="2026-11-27"' in DateInput().render("d", datetime.date(2026, 11, 27))
    rendered = DateTimeInput().render(
        "t", datetime.datetime(2026, 11, 27, 9, 30, tzinfo=datetime.UTC)
    )
    assert 'type="datetime-local"' in rendered
    assert 'value="2026-11-27T09:30"' in rendered
