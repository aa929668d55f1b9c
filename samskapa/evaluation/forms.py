"""Forms of the results pages. No form accepts a Swedish personal identity number: Samskapa
stores figures about groups, never about individual participants."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samskapa.accounts.validators import looks_like_personnummer
from samskapa.core.widgets import DateInput
from samskapa.evaluation.enums import AGE_FIELDS, GENDER_FIELDS, AgeBand, Gender
from samskapa.evaluation.models import (
    Indicator,
    ProjectIndicator,
    ReportingPeriod,
    Value,
    check_value,
)

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
            field.queryset = Indicator.objects.filter(active=True).exclude(pk__in=taken)
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
