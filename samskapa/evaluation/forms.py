"""Forms of the results pages. No form accepts a Swedish personal identity number: Samskapa
stores figures about groups, never about individual participants."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.accounts.validators import looks_like_personnummer
from samskapa.coalitions.models import Coalition
from samskapa.core.enums import FocusArea
from samskapa.core.widgets import DateInput
from samskapa.evaluation.cycles import ClusterSource, Code, EvaluationCycle, Excerpt
from samskapa.evaluation.enums import AGE_FIELDS, GENDER_FIELDS, AgeBand, Gender, IndicatorKind
from samskapa.evaluation.models import (
    Indicator,
    ProjectIndicator,
    ReportingPeriod,
    Value,
    check_value,
)
from samskapa.projects.models import Call, Project

PERSONNUMMER_REFUSED = _(
    "This looks like a Swedish personal identity number (personnummer). Samskapa stores "
    "figures about groups, never data about individual participants: remove it."
)
_TOKEN = re.compile(r"[\d+-]{10,13}")


def refuse_personnummer(text: str) -> str:
    for token in _TOKEN.findall(text or ""):
        if looks_like_personnummer(token):
            raise ValidationError(PERSONNUMMER_REFUSED, code="personnummer")
    return text


class RefusesPersonnummer:
    """A form mixin: no text field accepts a personal identity number."""

    def refuse_in(self, data: dict[str, Any]) -> None:
        for name, value in list(data.items()):
            if isinstance(value, str):
                try:
                    refuse_personnummer(value)
                except ValidationError as error:
                    self.add_error(name, error)  # type: ignore[attr-defined]


class IndicatorForm(RefusesPersonnummer, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "code",
            "kind",
            "name_sv",
            "name_en",
            "definition_sv",
            "definition_en",
            "focus_area",
            "level",
            "unit",
            "measure",
            "higher_is_better",
            "aggregation",
            "by_gender",
            "by_age",
            "active",
        ]
        widgets = {
            "definition_sv": forms.Textarea(attrs={"rows": 3}),
            "definition_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A project's own indicators are made from the project's toolkit, not here.
        field: Any = self.fields["kind"]
        field.choices = [c for c in field.choices if c[0] != IndicatorKind.PROJECT]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("measure") != "count" and (data.get("by_gender") or data.get("by_age")):
            raise ValidationError(_("Only counts can be broken down by gender or age band."))
        self.refuse_in(data)
        if self.instance.pk and self.instance.values.exists():
            for name in ("measure", "aggregation"):
                if name in self.changed_data:
                    self.add_error(
                        name,
                        _(
                            "Projects have reported values for this indicator, which were "
                            "given in this form: it cannot change. Create a new indicator."
                        ),
                    )
        return data


class PeriodForm(RefusesPersonnummer, forms.ModelForm):
    class Meta:
        model = ReportingPeriod
        fields = ["name", "starts", "ends", "due", "locks"]
        widgets = {
            "starts": DateInput(),
            "ends": DateInput(),
            "due": DateInput(),
            "locks": DateInput(),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        return data


class ProjectIndicatorForm(forms.ModelForm):
    """A project's indicator with its overall target and an optional target for each of the
    project's reporting periods. Editing an existing one (`instance`) changes its targets
    only."""

    class Meta:
        model = ProjectIndicator
        fields = ["indicator", "target"]
        labels = {"target": _("Overall target")}

    def __init__(
        self,
        *args: Any,
        project: Any,
        periods: list[ReportingPeriod] | None = None,
        current: dict[int, Decimal] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.instance.project = project
        if self.instance.pk:
            del self.fields["indicator"]
        else:
            taken = ProjectIndicator.objects.filter(project=project).values_list("indicator_id")
            field: Any = self.fields["indicator"]
            field.queryset = (
                Indicator.objects.filter(active=True)
                .filter(Q(project__isnull=True) | Q(project=project))
                .exclude(pk__in=taken)
            )
        self.periods = list(periods or [])
        current = current or {}
        for period in self.periods:
            self.fields[f"period_{period.pk}"] = forms.DecimalField(
                label=_("Target for %(period)s") % {"period": period.name},
                required=False,
                min_value=0,
                max_digits=12,
                decimal_places=2,
                initial=current.get(period.pk),
            )

    def period_targets(self) -> dict[ReportingPeriod, Decimal | None]:
        """Each period with its target, None where the field was left empty."""
        return {p: self.cleaned_data.get(f"period_{p.pk}") for p in self.periods}


class ValueForm(forms.Form):
    """One indicator's value for a period; only the fields its measure needs."""

    value = forms.IntegerField(label=_("Value"), min_value=0, required=False)
    numerator = forms.IntegerField(label=_("Numerator"), min_value=0, required=False)
    denominator = forms.IntegerField(label=_("Denominator"), min_value=1, required=False)
    text = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        keep: list[str] = []
        if indicator.is_count:
            keep = ["value", *indicator.breakdown_fields]
            self.fields["value"].label = _("Total")
        elif indicator.is_percentage:
            keep = ["numerator", "denominator"]
        else:
            keep = ["text"]
        labels = {**{g.value: g.label for g in Gender}, **{a.value: a.label for a in AgeBand}}
        for name in indicator.breakdown_fields:
            self.fields[name] = forms.IntegerField(label=labels[name], min_value=0, required=False)
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]

    @property
    def gender_fields(self) -> list[Any]:
        return [self[name] for name in GENDER_FIELDS if name in self.fields]

    @property
    def age_fields(self) -> list[Any]:
        return [self[name] for name in AGE_FIELDS if name in self.fields]

    @property
    def main_fields(self) -> list[Any]:
        return [self[n] for n in ("value", "numerator", "denominator", "text") if n in self.fields]

    def clean_text(self) -> str:
        return refuse_personnummer(self.cleaned_data.get("text", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        if self.indicator.is_percentage and (data.get("numerator") is None) != (
            data.get("denominator") is None
        ):
            raise ValidationError(_("Give both the numerator and the denominator."))
        probe = Value(**{k: v for k, v in data.items() if k != "text"})
        try:
            check_value(probe, self.indicator)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return data

    def has_input(self) -> bool:
        return any(v not in (None, "") for v in self.cleaned_data.values())


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What needs to change"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def clean_comment(self) -> str:
        return refuse_personnummer(self.cleaned_data["comment"])


class RevealForm(forms.Form):
    pseudonym = forms.RegexField(
        label=_("Pseudonym"), regex=r"^P-\d{2,3}$", max_length=6, help_text=_("For example P-03.")
    )
    reason = forms.CharField(
        label=_("Reason for revealing the project"),
        max_length=250,
        help_text=_("Recorded in the audit log, which admins read."),
    )

    def clean_reason(self) -> str:
        return refuse_personnummer(self.cleaned_data["reason"])


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (.xlsx or .csv)"),
        help_text=_("One row per project, indicator and period; see the example file."),
    )


# --- Evaluation cycles ----------------------------------------------------------------------


class CycleForm(RefusesPersonnummer, forms.ModelForm):
    """A cycle's year, title, cluster and evaluators. The cluster is every project of a call,
    every project of a coalition, or projects ticked by hand."""

    class Meta:
        model = EvaluationCycle
        fields = [
            "year",
            "title_sv",
            "title_en",
            "source",
            "call",
            "coalition",
            "projects",
            "evaluators",
        ]
        widgets = {
            "source": forms.RadioSelect,
            "projects": forms.CheckboxSelectMultiple,
            "evaluators": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "projects": _("Only for projects chosen by hand."),
            "evaluators": _("Assigned evaluators work on the cycle."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["call"].queryset = Call.objects.order_by("-reference")
        fields["coalition"].queryset = Coalition.objects.order_by("name")
        fields["projects"].queryset = Project.objects.order_by("number")
        fields["evaluators"].queryset = User.objects.with_role(StaffRole.EVALUATOR)
        fields["evaluators"].label_from_instance = lambda user: user.get_full_name()
        fields["source"].choices = ClusterSource.choices  # no empty choice

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        source = data.get("source")
        if source == ClusterSource.CALL and not data.get("call"):
            self.add_error("call", _("Choose the call whose projects are evaluated."))
        if source == ClusterSource.COALITION and not data.get("coalition"):
            self.add_error("coalition", _("Choose the coalition whose projects are evaluated."))
        if source == ClusterSource.MANUAL and not data.get("projects"):
            self.add_error("projects", _("Tick the projects that are evaluated."))
        return data


class QuestionForm(RefusesPersonnummer, forms.Form):
    focus_area = forms.ChoiceField(
        label=_("Focus area"), choices=[("", "—"), *FocusArea.choices], required=False
    )
    text_sv = forms.CharField(
        label=_("Question (Swedish)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    text_en = forms.CharField(
        label=_("Question (English)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        if (data.get("text_en") or data.get("focus_area")) and not data.get("text_sv"):
            self.add_error("text_sv", _("Write the question in Swedish, or empty the row."))
        if data.get("text_sv") and not data.get("focus_area"):
            self.add_error("focus_area", _("Choose the focus area the question belongs to."))
        return data


class KeyDateForm(RefusesPersonnummer, forms.Form):
    date = forms.DateField(label=_("Date"), required=False, widget=DateInput())
    label_sv = forms.CharField(label=_("What (Swedish)"), required=False, max_length=200)
    label_en = forms.CharField(label=_("What (English)"), required=False, max_length=200)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        labelled = data.get("label_sv") or data.get("label_en")
        if labelled and not data.get("date") and "date" not in self.errors:
            self.add_error("date", _("Give the date, or empty the row."))
        if data.get("date") and not data.get("label_sv"):
            self.add_error("label_sv", _("Say in Swedish what happens on this date."))
        return data


QuestionFormSet = forms.formset_factory(QuestionForm, extra=3, max_num=60)
KeyDateFormSet = forms.formset_factory(KeyDateForm, extra=2, max_num=30)


def cycle_formsets(cycle: EvaluationCycle, data: Any = None) -> tuple[Any, Any]:
    """The question and key-date rows of a cycle's form, filled from the saved cycle."""
    saved = cycle.pk is not None
    questions = [
        {"focus_area": q.focus_area, "text_sv": q.text_sv, "text_en": q.text_en}
        for q in (cycle.questions.all() if saved else [])
    ]
    dates = [
        {"date": d.date, "label_sv": d.label_sv, "label_en": d.label_en}
        for d in (cycle.dates.all() if saved else [])
    ]
    return (
        QuestionFormSet(data, initial=questions, prefix="questions"),
        KeyDateFormSet(data, initial=dates, prefix="dates"),
    )


def filled_rows(formset: Any, required: str) -> list[dict[str, Any]]:
    """The cleaned rows of a formset that have `required` filled in; empty rows drop out."""
    return [dict(form.cleaned_data) for form in formset.forms if form.cleaned_data.get(required)]


class CodeForm(RefusesPersonnummer, forms.ModelForm):
    """A code of the codebook; a sub-code takes the focus area of the code it is under."""

    class Meta:
        model = Code
        fields = [
            "parent",
            "focus_area",
            "name_sv",
            "name_en",
            "definition_sv",
            "definition_en",
        ]
        widgets = {
            "definition_sv": forms.Textarea(attrs={"rows": 3}),
            "definition_en": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "parent": _(
                "Leave empty for a code of its own; a sub-code has the focus area of "
                "the code it is under."
            ),
        }

    def __init__(self, *args: Any, cycle: EvaluationCycle, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.cycle = cycle
        field: Any = self.fields["parent"]
        tops = Code.objects.filter(cycle=cycle, parent__isnull=True)
        field.queryset = tops.exclude(pk=self.instance.pk) if self.instance.pk else tops
        if self.instance.pk and self.instance.children.exists():
            del self.fields["parent"]  # a code with sub-codes stays at the top
        self.fields["focus_area"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        if data.get("parent"):
            data["focus_area"] = data["parent"].focus_area
        elif not data.get("focus_area"):
            self.add_error("focus_area", _("Choose the focus area of the code."))
        return data


class CopyCodesForm(forms.Form):
    source = forms.ModelChoiceField(
        label=_("Copy the codebook of"), queryset=EvaluationCycle.objects.none()
    )

    def __init__(self, *args: Any, choices: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["source"]
        field.queryset = choices
        field.empty_label = None


def _code_choices(field: Any, cycle: EvaluationCycle) -> None:
    field.queryset = (
        Code.objects.filter(cycle=cycle).select_related("parent").order_by("focus_area", "name_sv")
    )
    field.label_from_instance = lambda code: (
        f"{code.get_focus_area_display()}: {code.name}"
        if code.parent_id is None
        else f"{code.get_focus_area_display()}: {code.parent.name} › {code.name}"
    )


class ExcerptForm(RefusesPersonnummer, forms.Form):
    """A passage of the chosen source: selected with the mouse (which fills the passage and
    its position) or, without JavaScript, copied into the passage field."""

    passage = forms.CharField(
        label=_("Passage"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Select the passage in the text above, or copy it here exactly as it stands."),
    )
    start = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    codes = forms.ModelMultipleChoiceField(
        label=_("Codes"),
        queryset=Code.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    memo = forms.CharField(
        label=_("Memo"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, cycle: EvaluationCycle, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _code_choices(self.fields["codes"], cycle)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        return data


class CodingForm(RefusesPersonnummer, forms.ModelForm):
    class Meta:
        model = Excerpt
        fields = ["codes", "memo"]
        widgets = {
            "codes": forms.CheckboxSelectMultiple,
            "memo": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _code_choices(self.fields["codes"], self.instance.cycle)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        return data
