"""The project's form renderer (settings.FORM_RENDERER): one field template, widgets in Python.

Every field is rendered by `{{ field.as_field_group }}` with the field template
`core/forms/field.html` (label, "(required)", help text, errors, `aria-describedby`), set once
here as `field_template_name`; templates no longer include a template per field.

Django renders each widget, each choice of a radio or checkbox list, each option of a select
and each error list from a template of its own (django/forms/widgets/*.html): a form with a
list of 37 sessions renders some 200 templates. This renderer writes the HTML of those
templates in Python instead, character for character (tests/core/test_formrenderer.py renders
every widget both ways and compares), and leaves every other template (a widget with a template
of its own, the field template) to Django's template engine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData

FIELD_TEMPLATE = "core/forms/field.html"

W = "django/forms/widgets/"
_CONTEXT = Context()  # autoescape on; numbers and dates localised as in any template


class _Unknown(Exception):
    """An option with a template this module does not write: render the widget from templates."""


def _var(value: Any) -> str:
    """`{{ value }}`"""
    return str(render_value_in_context(value, _CONTEXT))


def _string(value: Any) -> str:
    """`{{ value|stringformat:'s' }}`"""
    if isinstance(value, SafeData):
        return str(value)
    if isinstance(value, tuple):
        value = str(value)
    return escape("%s" % value)  # noqa: UP031  # exactly what the filter does


def _attrs(attrs: Mapping[str, Any]) -> str:
    """django/forms/widgets/attrs.html"""
    out = []
    for name, value in attrs.items():
        if value is not False:
            out.append(" " + _var(name))
            if value is not True:
                out.append('="' + _string(value) + '"')
    return "".join(out)


def _input(widget: Mapping[str, Any]) -> str:
    """django/forms/widgets/input.html"""
    value = widget["value"]
    return (
        f'<input type="{_var(widget["type"])}" name="{_var(widget["name"])}"'
        + (f' value="{_string(value)}"' if value is not None else "")
        + _attrs(widget["attrs"])
        + ">\n"
    )


def _input_option(widget: Mapping[str, Any]) -> str:
    """django/forms/widgets/input_option.html"""
    wrap = widget.get("wrap_label")
    out = ""
    if wrap:
        option_id = widget["attrs"].get("id")
        out += "<label" + (f' for="{_var(option_id)}"' if option_id else "") + ">"
    out += _input(widget)
    if wrap:
        out += " " + _var(widget["label"]) + "</label>"
    return out + "\n"


def _choice_option(widget: Mapping[str, Any]) -> str:
    """django/forms/widgets/radio_option.html, checkbox_option.html (include input_option.html)"""
    return _input_option(widget) + "\n"


def _select_option(widget: Mapping[str, Any]) -> str:
    """django/forms/widgets/select_option.html"""
    return (
        f'<option value="{_string(widget["value"])}"{_attrs(widget["attrs"])}>'
        f"{_var(widget['label'])}</option>\n"
    )


def _option(option: Mapping[str, Any]) -> str:
    """`{% include option.template_name with widget=option %}`"""
    write = _OPTIONS.get(option["template_name"])
    if write is None:
        raise _Unknown
    return write(option)


def _select(widget: Mapping[str, Any]) -> str:
    """django/forms/widgets/select.html"""
    out = f'<select name="{_var(widget["name"])}"{_attrs(widget["attrs"])}>'
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            out += f'\n  <optgroup label="{_var(group_name)}">'
        for option in group_choices:
            out += "\n  " + _option(option)
        if group_name:
            out += "\n  </optgroup>"
    return out + "\n</select>\n"


def _multiple_input(widget: Mapping[str, Any]) -> str:
    """django/forms/widgets/multiple_input.html (radio.html, checkbox_select.html)"""
    widget_id = widget["attrs"].get("id")
    css = widget["attrs"].get("class")
    out = (
        "<div"
        + (f' id="{_var(widget_id)}"' if widget_id else "")
        + (f' class="{_var(css)}"' if css else "")
        + ">"
    )
    for group, options, _index in widget["optgroups"]:
        if group:
            out += f"\n  <div><label>{_var(group)}</label>"
        for option in options:
            out += "<div>\n    " + _option(option) + "</div>"
        if group:
            out += "\n  </div>"
    return out + "\n</div>\n"


def _textarea(widget: Mapping[str, Any]) -> str:
    """django/forms/widgets/textarea.html"""
    value = widget["value"]
    return (
        f'<textarea name="{_var(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        + (_var(value) if value else "")
        + "</textarea>\n"
    )


def _error_list(context: Mapping[str, Any]) -> str:
    """django/forms/errors/list/ul.html (and default.html)"""
    errors = context["errors"]
    if not errors:
        return ""
    field_id = getattr(errors, "field_id", None)
    return (
        f'<ul class="{_var(context["error_class"])}"'
        + (f' id="{_var(field_id)}_error"' if field_id else "")
        + ">"
        + "".join(f"<li>{conditional_escape(error)}</li>" for error in errors)
        + "</ul>"
    )


_OPTIONS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    W + "select_option.html": _select_option,
    W + "input_option.html": _input_option,
    W + "radio_option.html": _choice_option,
    W + "checkbox_option.html": _choice_option,
}

_INPUTS = [
    "input",
    "checkbox",
    "color",
    "date",
    "datetime",
    "email",
    "file",
    "hidden",
    "number",
    "password",
    "search",
    "tel",
    "text",
    "time",
    "url",
]

_WIDGETS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    **{f"{W}{name}.html": _input for name in _INPUTS},
    W + "textarea.html": _textarea,
    W + "select.html": _select,
    W + "radio.html": _multiple_input,
    W + "checkbox_select.html": _multiple_input,
    W + "multiple_input.html": _multiple_input,
    **_OPTIONS,
}

_ERROR_LISTS = ("django/forms/errors/list/default.html", "django/forms/errors/list/ul.html")


class FormRenderer(DjangoTemplates):
    field_template_name = FIELD_TEMPLATE

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        write = _WIDGETS.get(template_name)
        try:
            if write is not None:
                return write(context["widget"]).strip()
            if template_name in _ERROR_LISTS:
                return _error_list(context)
        except _Unknown:
            pass
        return str(super().render(template_name, context, request=request))
