"""What the tools' forms share: the base of every tool's form (each tool's own forms are in
its module under samskapa/toolkit/tools/) and the date form of the history and comparison.
Validation of one row is in the forms; rules across rows live in services.py."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.core.widgets import DateInput
from samskapa.projects.models import Project
from samskapa.toolkit import registry

DATE = DateInput()
TEXT = forms.Textarea(attrs={"rows": 3})


class ToolForm(forms.ModelForm[Any]):
    """A form for one row of a project's tool: the project is given, never posted."""

    # Two fields that must not name the same row (a link from an element to itself), and the
    # message shown at the second.
    different: tuple[str, str, Any] | None = None

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.project = project
        self.instance.project = project
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                # Offer only the project's own elements; a crafted POST with another
                # project's element is refused as "not one of the available choices".
                queryset = field.queryset
                if queryset is not None and any(
                    f.name == "project" for f in queryset.model._meta.fields
                ):
                    field.queryset = queryset.filter(project=project)
            if isinstance(field.widget, forms.RadioSelect) and isinstance(field, forms.ChoiceField):
                # A set of radio buttons needs no "---------" choice: nothing checked is empty.
                choices: Any = field.choices
                field.choices = [(k, v) for k, v in choices if k not in ("", None)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.different is not None:
            first, second, message = self.different
            if data.get(first) and data.get(first) == data.get(second):
                self.add_error(second, message)
        return data


class DateForm(forms.Form):
    """`?at=` and the comparison's `?from=&to=`: days the tools are shown as of."""

    def __init__(self, *args: Any, names: tuple[str, ...] = ("at",), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = {"at": _("Show the tools as they were on"), "from": _("From"), "to": _("To")}
        for name in names:
            if name == "tool":
                self.fields[name] = forms.ChoiceField(
                    label=_("Tool"),
                    required=False,
                    choices=[("", _("All tools"))]
                    + [(tool.key, tool.name) for tool in registry.state_tools()],
                )
                continue
            self.fields[name] = forms.DateField(label=labels[name], widget=DATE)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("from"), data.get("to")
        if isinstance(start, date) and isinstance(end, date) and start > end:
            self.add_error("to", _("Choose a date after the first one."))
        return data
