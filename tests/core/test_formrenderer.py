"""The form renderer writes widgets in Python exactly as Django's widget templates would, and a
field renders exactly as the per-field include did before it (samskapa/core/formrenderer.py)."""

from __future__ import annotations

import decimal
import re
from typing import Any

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.template import engines
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _lazy

from samskapa.core import widgets
from samskapa.core.formrenderer import FormRenderer
from tests.factories.conference import NOW, EditionFactory, SessionFactory

TEMPLATES_ONLY = f"{__name__}.TemplatesOnly"
# Each page has a CSRF token of its own; the rest of the pages is compared.
TOKEN = re.compile(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+')

# The field include as it was before the form renderer, word for word (but for the id its error
# wrapper carried twice: Django's error list has it): the field template must give the same HTML.
OLD_FIELD_INCLUDE = """{% load i18n %}<div class="field{% if field.errors %} field-error{% endif %}{% if field.widget_type == 'checkbox' %} field-checkbox{% endif %}">
  {% if field.widget_type == "checkbox" %}
    {{ field }}
    <label for="{{ field.id_for_label }}">{{ field.label }}</label>
    {% if field.help_text %}<p class="help" id="{{ field.auto_id }}_helptext">{{ field.help_text }}</p>{% endif %}
    {% if field.errors %}<div class="errors">{{ field.errors }}</div>{% endif %}
  {% elif field.widget_type == "radioselect" or field.widget_type == "checkboxselectmultiple" %}
    <fieldset{% if field.help_text %} aria-describedby="{{ field.auto_id }}_helptext"{% endif %}>
      <legend>{{ field.label }}{% if field.field.required %} <span class="required">({% translate "required" %})</span>{% endif %}</legend>
      {% if field.help_text %}<p class="help" id="{{ field.auto_id }}_helptext">{{ field.help_text }}</p>{% endif %}
      {% if field.errors %}<div class="errors">{{ field.errors }}</div>{% endif %}
      <div class="choices">{% for choice in field %}<div class="choice">{{ choice.tag }} <label for="{{ choice.id_for_label }}">{{ choice.choice_label }}</label></div>{% endfor %}</div>
    </fieldset>
  {% else %}
    <label for="{{ field.id_for_label }}">{{ field.label }}{% if field.field.required %} <span class="required">({% translate "required" %})</span>{% endif %}</label>
    {% if field.help_text %}<p class="help" id="{{ field.auto_id }}_helptext">{{ field.help_text }}</p>{% endif %}
    {% if field.errors %}<div class="errors">{{ field.errors }}</div>{% endif %}
    {{ field }}
  {% endif %}
</div>
"""


class TemplatesOnly(DjangoTemplates):
    """Django's own renderer with the project's field template: every widget from templates."""

    field_template_name = FormRenderer.field_template_name


GROUPED = [
    ("Nära <grupp>", [("a", "A & a"), ("b", 'B "b"')]),
    ("Annan", [("c", "C")]),
    ("d", "Ensam"),
]


class EveryWidget(forms.Form):
    name = forms.CharField(label="Namn <b>", help_text="Hjälp & text", max_length=5)
    email = forms.EmailField(required=False)
    count = forms.IntegerField(min_value=0, help_text="Antal")
    share = forms.DecimalField(required=False, decimal_places=2)
    site = forms.URLField(required=False)
    phone = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "tel"}))
    secret = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    day = forms.DateField(widget=widgets.DateInput())
    moment = forms.DateTimeField(required=False, widget=widgets.DateTimeInput())
    at = forms.TimeField(required=False, widget=widgets.TimeInput())
    agree = forms.BooleanField(help_text="Måste kryssas")
    maybe = forms.BooleanField(required=False, widget=forms.CheckboxInput(attrs={"class": "x"}))
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    one = forms.ChoiceField(choices=[("", "—"), ("x", "X <x>"), ("y", "Y")])
    grouped = forms.ChoiceField(required=False, choices=GROUPED)
    many = forms.MultipleChoiceField(required=False, choices=GROUPED)
    radio = forms.ChoiceField(
        widget=forms.RadioSelect, choices=[("1", "Ett"), ("2", "Två & tre")], help_text="Välj"
    )
    boxes = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple(attrs={"class": "grid"}), choices=GROUPED
    )
    amounts = forms.TypedChoiceField(
        required=False, coerce=decimal.Decimal, choices=[(decimal.Decimal("1.5"), 1.5)]
    )
    safe = forms.CharField(required=False, initial=mark_safe("<i>säker</i>"))
    hidden = forms.CharField(required=False, widget=forms.HiddenInput)
    upload = forms.FileField(required=False)
    plain_upload = forms.FileField(required=False, widget=forms.FileInput)
    unknown = forms.NullBooleanField(required=False)
    colour = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "color"}))
    search = forms.CharField(
        required=False, widget=forms.SearchInput(attrs={"placeholder": _lazy("Sök <här>")})
    )

    def clean(self) -> dict[str, Any]:
        self.add_error(None, "Fel i formuläret <alltså>")
        return self.cleaned_data


BAD = {
    "name": 'för långt "namn" <script>',
    "count": "-3",
    "day": "inte ett datum",
    "text": "rad ett\n<rad två> & mer",
    "one": "x",
    "grouped": "b",
    "many": ["a", "c"],
    "radio": "2",
    "boxes": ["b", "d"],
    "hidden": "dolt & <värde>",
}


SPECS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    ((), {}),
    ((BAD,), {}),
    ((), {"auto_id": False}),
    ((BAD,), {"prefix": "p"}),
]


def _forms(renderer: Any = None) -> list[forms.Form]:
    made = []
    for args, kwargs in SPECS:
        form = EveryWidget(*args, renderer=renderer or FormRenderer(), **kwargs)
        form.is_valid()
        made.append(form)
    return made


def _rendered(form: forms.Form) -> list[str]:
    out = [str(form.non_field_errors())]
    for bound in form:
        out += [str(bound), str(bound.errors), "|".join(str(c.tag()) for c in bound.subwidgets)]
    return out


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_widget_renders_exactly_as_from_django_templates(language: str) -> None:
    with translation.override(language):
        for fast, slow in zip(_forms(), _forms(TemplatesOnly()), strict=True):
            assert _rendered(fast) == _rendered(slow)
    assert 'class="errorlist nonfield"' in _rendered(_forms()[1])[0]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_field_group_is_the_html_of_the_old_field_include(language: str) -> None:
    old = engines["django"].from_string(OLD_FIELD_INCLUDE)
    with translation.override(language):
        for form in _forms():
            for bound in form:
                assert bound.as_field_group() + "\n" == old.render({"field": bound}), bound.name


def test_the_old_include_still_renders_a_field_for_templates_not_yet_converted() -> None:
    page = engines["django"].from_string(
        '{% for field in form %}{% include "core/includes/field.html" %}{% endfor %}'
    )
    form = EveryWidget(BAD)
    assert page.render({"form": form}) == "".join(f"{b.as_field_group()}\n" for b in form)


def test_the_project_renders_fields_with_the_one_field_template() -> None:
    html = EveryWidget().as_div()  # any form, without the template naming a field template
    assert '<div class="field field-checkbox">' in EveryWidget()["agree"].as_field_group()
    assert "django/forms" not in html


@pytest.mark.django_db
def test_the_registration_form_page_is_the_same_as_from_templates(
    client: Any, time_machine: Any
) -> None:
    time_machine.move_to(NOW, tick=False)
    edition = EditionFactory(year=2030)
    for index in range(3):
        SessionFactory(edition=edition, title=f"Pass {index} <&>")
    url = reverse("conference:register", args=[edition.year])
    pages = []
    for renderer in ("samskapa.core.formrenderer.FormRenderer", TEMPLATES_ONLY):
        with override_settings(FORM_RENDERER=renderer):
            get = client.get(url)
            post = client.post(url, {"name": "", "email": "inte en adress"})
        assert get.status_code == 200 and post.status_code == 200
        pages.append(
            (TOKEN.sub(r"\1", get.content.decode()), TOKEN.sub(r"\1", post.content.decode()))
        )
    assert pages[0] == pages[1]
    assert 'aria-invalid="true"' in pages[0][1] and "error-summary" in pages[0][1]


def test_a_field_with_errors_names_its_error_list_once() -> None:
    class Form(forms.Form):
        name = forms.CharField()
        kind = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect)
        agree = forms.BooleanField()

    form = Form({})
    assert not form.is_valid()
    for name in ("name", "kind", "agree"):
        rendered = form[name].as_field_group()
        assert rendered.count(f'id="id_{name}_error"') == 1, rendered
    assert 'aria-describedby="id_name_error"' in form["name"].as_field_group()
