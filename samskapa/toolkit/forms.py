"""Forms of the tools: validation of one row. Rules across rows live in services.py."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samskapa.core.enums import FocusArea
from samskapa.core.widgets import DateInput
from samskapa.projects.models import Project
from samskapa.toolkit.enums import (
    CURRENT_PERIOD,
    LINKABLE_KINDS,
    PRINCIPLES_BY_PERIOD,
    ChangeKind,
    ProblemNodeKind,
    level_choices,
)
from samskapa.toolkit.models import (
    Actor,
    ActorRelation,
    ChangeElement,
    ChangeLink,
    Indicator,
    IndicatorValue,
    ParticipationActivity,
    ParticipationProfile,
    PartnerCollaboration,
    PrincipleWork,
    ProblemLink,
    ProblemNode,
    ProblemTree,
    SustainabilityPlan,
    TheoryOfChange,
    ToolkitSettings,
)
from samskapa.toolkit.selectors import partner_organisations
from samskapa.toolkit.tools import EDITABLE_TOOL_KEYS, TOOLS_BY_KEY

DATE = DateInput()
TEXT = forms.Textarea(attrs={"rows": 3})


class ToolForm(forms.ModelForm[Any]):
    """A form for one row of a project's tool: the project is given, never posted."""

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


class ProblemTreeForm(ToolForm):
    class Meta:
        model = ProblemTree
        fields = ["focal_problem", "focal_objective"]
        widgets = {"focal_problem": TEXT, "focal_objective": TEXT}


class ProblemNodeForm(ToolForm):
    class Meta:
        model = ProblemNode
        fields = ["kind", "text", "level", "within_influence", "objective"]
        widgets = {"kind": forms.RadioSelect}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == ProblemNodeKind.CAUSE and not data.get("level"):
            self.add_error("level", _("Choose the level of the cause."))
        return data


class ProblemLinkForm(ToolForm):
    class Meta:
        model = ProblemLink
        fields = ["cause", "effect"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("cause") and data.get("cause") == data.get("effect"):
            self.add_error("effect", _("Choose another element than the first one."))
        return data


class TheoryOfChangeForm(ToolForm):
    class Meta:
        model = TheoryOfChange
        fields = ["long_term_goal", "narrative"]
        widgets = {"long_term_goal": TEXT, "narrative": forms.Textarea(attrs={"rows": 8})}


class ChangeElementForm(ToolForm):
    class Meta:
        model = ChangeElement
        fields = ["kind", "text", "horizon"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == ChangeKind.OUTCOME and not data.get("horizon"):
            self.add_error("horizon", _("Choose the horizon of the outcome."))
        return data


class ChangeLinkForm(ToolForm):
    class Meta:
        model = ChangeLink
        fields = ["source", "target"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("source", "target"):
            field: Any = self.fields[name]
            field.queryset = field.queryset.filter(kind__in=LINKABLE_KINDS)
            field.label_from_instance = lambda e: f"{e.get_kind_display()}: {e.text}"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("source") and data.get("source") == data.get("target"):
            self.add_error("target", _("Choose another element than the first one."))
        return data


class IndicatorForm(ToolForm):
    class Meta:
        model = Indicator
        fields = ["code", "name", "kind", "unit", "baseline", "target", "element"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["element"]
        field.queryset = field.queryset.filter(kind__in=[ChangeKind.OUTCOME, ChangeKind.OUTPUT])
        field.label_from_instance = lambda e: f"{e.get_kind_display()}: {e.text}"

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        taken = Indicator.objects.filter(project=self.project, code__iexact=code)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("The project already has an indicator with this code."))
        return code


class IndicatorValueForm(ToolForm):
    class Meta:
        model = IndicatorValue
        fields = ["indicator", "reported_on", "value", "women", "men", "non_binary"]
        widgets = {"reported_on": DATE}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        total = data.get("value")
        split = sum(int(data.get(name) or 0) for name in ("women", "men", "non_binary"))
        if total is not None and split > total:
            self.add_error(
                None,
                _("Women, men and non-binary together (%(split)s) cannot be more than the total.")
                % {"split": split},
            )
        return data


class ActorForm(ToolForm):
    class Meta:
        model = Actor
        fields = ["name", "sector", "role", "level"]


class ActorRelationForm(ToolForm):
    class Meta:
        model = ActorRelation
        fields = ["source", "target", "kind", "strength"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("source") and data.get("source") == data.get("target"):
            self.add_error("target", _("Choose another actor than the first one."))
        return data


class CollaborationForm(ToolForm):
    class Meta:
        model = PartnerCollaboration
        fields = [
            "organisation",
            "depth",
            "interorganisational",
            "interprofessional",
            "intersectoral",
            "contribution",
        ]
        widgets = {"depth": forms.RadioSelect, "contribution": TEXT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["organisation"]
        field.queryset = field.queryset.filter(
            pk__in=[o.pk for o in partner_organisations(self.project)]
        )
        if self.instance.pk:
            field.disabled = True

    def clean_organisation(self) -> Any:
        organisation = self.cleaned_data["organisation"]
        taken = PartnerCollaboration.objects.filter(project=self.project, organisation=organisation)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("This partner is already described. Change that description instead.")
            )
        return organisation


def _level_field(scale: str, label: Any, required: bool) -> forms.TypedChoiceField:
    empty: list[tuple[Any, Any]] = [] if required else [("", _("Not chosen"))]
    return forms.TypedChoiceField(
        label=label,
        choices=empty + [(n, f"{n}. {name}") for n, name in level_choices(scale)],
        coerce=int,
        empty_value=None,
        required=required,
        widget=forms.RadioSelect,
    )


class ParticipationProfileForm(ToolForm):
    class Meta:
        model = ParticipationProfile
        fields = ["current_level", "aim_level", "description"]
        widgets = {"description": TEXT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.instance.scale = ToolkitSettings.load().participation_scale
        scale = self.instance.scale
        self.fields["current_level"] = _level_field(scale, _("Current level"), False)
        self.fields["aim_level"] = _level_field(scale, _("Level we aim for"), False)


class ParticipationActivityForm(ToolForm):
    class Meta:
        model = ParticipationActivity
        fields = ["held_on", "title", "level", "participants", "notes"]
        widgets = {"held_on": DATE, "notes": TEXT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        profile = ParticipationProfile.objects.filter(project=self.project).first()
        scale = profile.scale if profile else ToolkitSettings.load().participation_scale
        self.fields["level"] = _level_field(scale, _("Level of participation"), True)


class PrincipleWorkForm(ToolForm):
    class Meta:
        model = PrincipleWork
        fields = ["principle", "status", "analysis", "actions"]
        widgets = {"analysis": TEXT, "actions": TEXT, "status": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        period = self.instance.period or CURRENT_PERIOD
        self.instance.period = period
        field: Any = self.fields["principle"]
        field.choices = [(p.value, p.label) for p in PRINCIPLES_BY_PERIOD[period]]
        if self.instance.pk:
            field.disabled = True

    def clean_principle(self) -> str:
        principle = self.cleaned_data["principle"]
        taken = PrincipleWork.objects.filter(
            project=self.project, period=self.instance.period, principle=principle
        )
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("This principle is already described. Change that description instead.")
            )
        return str(principle)


class SustainabilityPlanForm(ToolForm):
    class Meta:
        model = SustainabilityPlan
        fields = ["takeover", "implementation", "dissemination", "risks"]
        widgets = dict.fromkeys(fields, TEXT)


RATING_CHOICES = [
    (1, _("1 – just started")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, _("5 – well developed")),
]


class SelfAssessmentForm(forms.Form):
    assessed_on = forms.DateField(label=_("Date"), widget=DATE)
    context = forms.CharField(
        label=_("Occasion"),
        max_length=200,
        required=False,
        help_text=_("For example: before the coalition meeting in March."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for area in FocusArea:
            self.fields[f"rating_{area.value}"] = forms.TypedChoiceField(
                label=area.label,
                choices=RATING_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose a rating from 1 to 5.")},
            )
            self.fields[f"comment_{area.value}"] = forms.CharField(
                label=_("Comment on %(area)s") % {"area": str(area.label).lower()},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def area_fields(self) -> list[tuple[Any, Any]]:
        return [(self[f"rating_{a.value}"], self[f"comment_{a.value}"]) for a in FocusArea]

    def ratings(self) -> dict[str, tuple[int, str]]:
        data = self.cleaned_data
        return {a.value: (data[f"rating_{a.value}"], data[f"comment_{a.value}"]) for a in FocusArea}


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
                    + [(key, TOOLS_BY_KEY[key].name) for key in EDITABLE_TOOL_KEYS],
                )
                continue
            self.fields[name] = forms.DateField(label=labels[name], widget=DATE)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("from"), data.get("to")
        if isinstance(start, date) and isinstance(end, date) and start > end:
            self.add_error("to", _("Choose a date after the first one."))
        return data


FORMS: dict[str, type[ToolForm]] = {
    "problem-tree": ProblemTreeForm,
    "problem-node": ProblemNodeForm,
    "problem-link": ProblemLinkForm,
    "theory": TheoryOfChangeForm,
    "change-element": ChangeElementForm,
    "change-link": ChangeLinkForm,
    "indicator": IndicatorForm,
    "indicator-value": IndicatorValueForm,
    "actor": ActorForm,
    "relation": ActorRelationForm,
    "collaboration": CollaborationForm,
    "participation": ParticipationProfileForm,
    "activity": ParticipationActivityForm,
    "principle": PrincipleWorkForm,
    "sustainability": SustainabilityPlanForm,
}
