"""Forms of the survey pages: a survey's titles, a section, a question with its choices and
its skip rule, and the XLSForm upload."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from samskapa.core.widgets import DateInput
from samskapa.evaluation.forms import RefusesPersonnummer
from samskapa.evaluation.surveys import (
    CHOICE_TYPES,
    InstrumentVersion,
    Question,
    QuestionType,
    Section,
    Survey,
    Wave,
    name_validator,
    shown_questions,
)
from samskapa.projects.models import Project


class SurveyForm(RefusesPersonnummer, forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title_sv", "title_en"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        return data


class SectionForm(RefusesPersonnummer, forms.ModelForm):
    class Meta:
        model = Section
        fields = ["name", "title_sv", "title_en"]
        help_texts = {"name": _("A short identifier, e.g. collaboration.")}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        return data


def parse_choices(text: str) -> list[tuple[str, str, str]]:
    """One choice a line: `value | Swedish label | English label` (the English may be left
    out)."""
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) < 2 or len(parts) > 3 or not parts[0] or not parts[1]:
            raise ValidationError(
                _("Line %(line)s: write value | Swedish label | English label.") % {"line": number}
            )
        if len(parts[0]) > 60 or any(len(p) > 200 for p in parts[1:]):
            raise ValidationError(_("Line %(line)s is too long.") % {"line": number})
        rows.append((parts[0], parts[1], parts[2] if len(parts) == 3 else ""))
    return rows


class QuestionForm(RefusesPersonnummer, forms.ModelForm):
    """A question: its type, labels, whether it is required, its focus area, its choices (one
    a line) and the skip rule (shown when an earlier question has a given answer)."""

    section_name = forms.ChoiceField(label=_("Section"), required=False)
    choices_text = forms.CharField(
        label=_("Choices"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "For choice questions and Likert scales: one choice a line, written "
            "value | Swedish label | English label, e.g. 1 | Instämmer inte alls | Strongly "
            "disagree."
        ),
    )
    relevant_name = forms.ChoiceField(label=_("Shown only when the question"), required=False)

    class Meta:
        model = Question
        fields = [
            "name",
            "kind",
            "label_sv",
            "label_en",
            "required",
            "focus_area",
            "relevant_value",
        ]
        widgets = {
            "label_sv": forms.Textarea(attrs={"rows": 2}),
            "label_en": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"relevant_value": _("has the answer")}
        help_texts = {
            "relevant_value": _(
                "The value of the answer (for a choice question, the choice's value). Leave both "
                "empty to always show the question."
            )
        }

    field_order = [
        "section_name",
        "name",
        "kind",
        "label_sv",
        "label_en",
        "required",
        "focus_area",
        "choices_text",
        "relevant_name",
        "relevant_value",
    ]

    def __init__(self, *args: Any, version: InstrumentVersion, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].validators = [name_validator]
        sections: Any = self.fields["section_name"]
        sections.choices = [("", _("No section"))] + [
            (s.name, s.title) for s in version.sections.all()
        ]
        earlier = version.questions.exclude(kind="note")
        if self.instance.pk:
            earlier = earlier.filter(position__lt=self.instance.position)
            self.initial.setdefault(
                "section_name", self.instance.section.name if self.instance.section else ""
            )
            self.initial.setdefault("relevant_name", self.instance.relevant_name)
            self.initial.setdefault(
                "choices_text",
                "\n".join(
                    " | ".join(p for p in (c.value, c.label_sv, c.label_en) if p)
                    for c in self.instance.choices.all()
                ),
            )
        relevant: Any = self.fields["relevant_name"]
        relevant.choices = [("", _("Always shown"))] + [
            (q.name, f"{q.name}: {q.label}"[:90]) for q in earlier
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        try:
            data["choices"] = parse_choices(data.get("choices_text", ""))
        except ValidationError as error:
            self.add_error("choices_text", error)
            data["choices"] = []
        if (
            data.get("kind") in CHOICE_TYPES
            and not data["choices"]
            and "choices_text" not in self.errors
        ):
            self.add_error("choices_text", _("A choice question needs at least one choice."))
        self.instance.relevant_name = data.get("relevant_name", "")
        return data


class XLSFormUploadForm(forms.Form):
    file = forms.FileField(
        label=_("XLSForm file (.xlsx)"),
        help_text=_("The sheets survey, choices and settings, as described on this page."),
    )
    survey = forms.ChoiceField(label=_("Import as"), required=False)

    def __init__(self, *args: Any, surveys: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["survey"]
        field.choices = [("", _("A new survey"))] + [
            (str(s.pk), _("A new version of “%(title)s”") % {"title": s.title}) for s in surveys
        ]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise ValidationError(_("Upload an Excel workbook (.xlsx)."))
        if upload.size > 5 * 1024 * 1024:
            raise ValidationError(_("The file is larger than 5 MB."))
        return upload


class WaveForm(RefusesPersonnummer, forms.ModelForm):
    class Meta:
        model = Wave
        fields = ["name_sv", "name_en", "opens", "closes"]
        widgets = {"opens": DateInput(), "closes": DateInput()}
        help_texts = {"name_sv": _("For example Baseline, Midpoint or End.")}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        return data


class InviteForm(forms.Form):
    """Addresses of partners and target-group representatives to send single-use links to."""

    project = forms.ModelChoiceField(label=_("Project"), queryset=Project.objects.none())
    addresses = forms.CharField(
        label=_("E-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "One or more addresses, separated by new lines, commas or spaces. Each gets its own "
            "link that works once; the addresses are deleted when the wave closes."
        ),
    )
    language = forms.ChoiceField(label=_("Language of the e-mail"), choices=settings.LANGUAGES)

    def __init__(self, *args: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["project"]
        field.queryset = projects

    def clean_addresses(self) -> list[str]:
        found = []
        for address in re.split(r"[\s,;]+", self.cleaned_data["addresses"]):
            if not address:
                continue
            try:
                validate_email(address)
            except ValidationError:
                raise ValidationError(
                    _("“%(address)s” is not an e-mail address.") % {"address": address}
                ) from None
            if address.lower() not in found:
                found.append(address.lower())
        if not found:
            raise ValidationError(_("Enter at least one address."))
        if len(found) > 500:
            raise ValidationError(_("At most 500 addresses at a time."))
        return found


def answer_field(question: Question) -> forms.Field:
    label = question.label
    required = question.required
    kind = question.kind
    if kind in (QuestionType.SELECT_ONE, QuestionType.LIKERT):
        return forms.ChoiceField(
            label=label,
            required=required,
            choices=[(c.value, c.label) for c in question.choices.all()],
            widget=forms.RadioSelect,
        )
    if kind == QuestionType.SELECT_MULTIPLE:
        return forms.MultipleChoiceField(
            label=label,
            required=required,
            choices=[(c.value, c.label) for c in question.choices.all()],
            widget=forms.CheckboxSelectMultiple,
        )
    if kind == QuestionType.INTEGER:
        return forms.IntegerField(
            label=label, required=required, min_value=-(10**9), max_value=10**9
        )
    if kind == QuestionType.DECIMAL:
        return forms.DecimalField(label=label, required=required, max_digits=14, decimal_places=4)
    if kind == QuestionType.DATE:
        return forms.DateField(label=label, required=required, widget=DateInput())
    return forms.CharField(
        label=label, required=required, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class AnswerForm(forms.Form):
    """The answers to a wave's version: one field a question (notes have none). The skip rule
    is applied to what was sent: a hidden question is neither required nor kept."""

    use_required_attribute = False

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            if not question.is_note:
                self.fields[question.name] = answer_field(question)
        if self.is_bound:
            data = self.data

            def sent(name: str) -> list[str]:
                return data.getlist(name) if hasattr(data, "getlist") else [data.get(name, "")]

            self.shown = shown_questions(questions, sent)
            for name, field in self.fields.items():
                if name not in self.shown:
                    field.required = False
        else:
            self.shown = {q.name for q in questions}

    def answers(self) -> dict[str, Any]:
        """The cleaned answers of the shown questions that were answered."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name in self.shown and value not in (None, "", [])
        }
