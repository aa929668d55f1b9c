"""Forms of themes, findings, recommendations and answers to recommendations."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.conference.models import Session
from samskapa.evaluation.cycles import EvaluationCycle, Excerpt
from samskapa.evaluation.enums import Measure
from samskapa.evaluation.findings import (
    Audience,
    Finding,
    Recommendation,
    RecommendationResponse,
    Theme,
)
from samskapa.evaluation.forms import RefusesPersonnummer, _code_choices
from samskapa.evaluation.models import Indicator
from samskapa.evaluation.reports import AnalysisReport
from samskapa.evaluation.selectors_surveys import citable_questions
from samskapa.evaluation.surveys import Question
from samskapa.projects.models import Project


class ThemeForm(RefusesPersonnummer, forms.ModelForm):
    class Meta:
        model = Theme
        fields = ["name_sv", "name_en", "description_sv", "description_en", "codes"]
        widgets = {
            "description_sv": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "codes": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "codes": _("Excerpts coded with these codes or their sub-codes support the theme."),
        }

    def __init__(self, *args: Any, cycle: EvaluationCycle, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.cycle = cycle
        _code_choices(self.fields["codes"], cycle)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        return data


class FindingForm(RefusesPersonnummer, forms.ModelForm):
    audiences = forms.MultipleChoiceField(
        label=_("Audiences"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one audience.")},
    )

    class Meta:
        model = Finding
        fields = [
            "theme",
            "focus_area",
            "claim_sv",
            "claim_en",
            "strength",
            "audiences",
            "excerpts",
            "indicators",
            "survey_questions",
            "session",
            "shared",
        ]
        widgets = {
            "claim_sv": forms.Textarea(attrs={"rows": 3}),
            "claim_en": forms.Textarea(attrs={"rows": 3}),
            "excerpts": forms.CheckboxSelectMultiple,
            "indicators": forms.CheckboxSelectMultiple,
            "survey_questions": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "strength": _(
                "Strong: confirmed by several projects and kinds of source; moderate: by "
                "several projects or kinds of source; emerging: a first sign."
            ),
            "indicators": _(
                "The cluster's figure of each indicator is shown with the finding, through "
                "disclosure control."
            ),
            "survey_questions": _(
                "Choice, scale and number questions of the cycle's surveys, as asked in a "
                "wave. The finding shows each one's results per wave for the whole cluster, "
                "through disclosure control."
            ),
        }

    def __init__(self, *args: Any, cycle: EvaluationCycle, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.cycle = cycle
        fields: Any = self.fields
        fields["theme"].queryset = Theme.objects.filter(cycle=cycle)
        fields["excerpts"].queryset = Excerpt.objects.filter(cycle=cycle).select_related("project")
        fields["excerpts"].label_from_instance = lambda e: f"{e.project.number}: {e.text[:140]}"
        fields["indicators"].queryset = (
            Indicator.objects.filter(active=True)
            .exclude(measure=Measure.QUALITATIVE)
            .order_by("code")
        )
        fields["indicators"].label_from_instance = lambda i: f"{i.code} {i.name}"
        citable = citable_questions(cycle)
        fields["survey_questions"].queryset = Question.objects.filter(
            pk__in=[q.pk for q in citable]
        ).select_related("version__survey")
        fields["survey_questions"].label_from_instance = lambda q: (
            f"{q.version.survey.title}: {q.label}"
        )
        if not self.is_bound and self.instance.pk is not None:
            # A question is cited by its name: one cited in an earlier version is checked
            # as the same question of the latest one.
            latest = {(q.version.survey_id, q.name): q.pk for q in citable}
            self.initial["survey_questions"] = [
                latest[key]
                for key in (
                    (q.version.survey_id, q.name)
                    for q in self.instance.survey_questions.select_related("version")
                )
                if key in latest
            ]
        fields["session"].queryset = Session.objects.select_related("edition").order_by(
            "-starts_at"
        )
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("audiences", [Audience.PROJECTS])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        return data


class RecommendationForm(RefusesPersonnummer, forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["text_sv", "text_en", "owner"]
        widgets = {
            "text_sv": forms.Textarea(attrs={"rows": 3}),
            "text_en": forms.Textarea(attrs={"rows": 3}),
            "owner": forms.RadioSelect,
        }

    def __init__(self, *args: Any, finding: Finding, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.finding = finding

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        return data


class AnswerForm(RefusesPersonnummer, forms.ModelForm):
    """An answer to a recommendation: for one of the person's projects of the cluster (owner:
    the projects), or for the centre."""

    project = forms.ModelChoiceField(label=_("For the project"), queryset=Project.objects.none())

    class Meta:
        model = RecommendationResponse
        fields = ["project", "status", "comment"]
        widgets = {"status": forms.RadioSelect, "comment": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["project"]
        if projects is None:
            del self.fields["project"]
        else:
            field.queryset = projects
            field.label_from_instance = lambda p: f"{p.number} {p.name}"
            only = list(projects[:2])
            if len(only) == 1:
                field.initial = only[0].pk
                field.widget = forms.HiddenInput()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        return data


class ReportForm(RefusesPersonnummer, forms.ModelForm):
    class Meta:
        model = AnalysisReport
        fields = [
            "summary_sv",
            "summary_en",
            "method_sv",
            "method_en",
            "conclusions_sv",
            "conclusions_en",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in fields}
        help_texts = {
            "summary_sv": _("Markdown: headings, lists, links and tables."),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.refuse_in(data)
        return data


class ConsentForm(forms.Form):
    may_be_named = forms.BooleanField(
        label=_("The project may be named and quoted in published evaluation reports"),
        required=False,
    )
