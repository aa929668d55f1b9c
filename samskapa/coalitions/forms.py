from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samskapa.accounts.models import User
from samskapa.coalitions.enums import ReflectionTiming
from samskapa.coalitions.models import Coalition, FollowUp, Meeting
from samskapa.core.enums import FocusArea
from samskapa.core.widgets import DateInput, DateTimeInput
from samskapa.projects.models import Call, Project

NO_NAMES = _(
    "Write about the projects' work, not about people: no participants' names or health details."
)


def focus_area_field(**kwargs: Any) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=kwargs.pop("label", _("Focus areas")),
        choices=FocusArea.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        **kwargs,
    )


class ProjectChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        membership = getattr(obj, "coalition_membership", None)
        label = f"{obj.number} {obj.name}"
        if membership is not None:
            label += " – " + str(_("now in %(coalition)s") % {"coalition": membership.coalition})
        return label


class CoalitionForm(forms.ModelForm[Coalition]):
    projects = ProjectChoiceField(
        label=_("Projects"),
        queryset=Project.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Projects of the coalition's call. Choosing a project that is in another coalition "
            "moves it here."
        ),
    )

    class Meta:
        model = Coalition
        fields = ["name", "call", "theme", "description", "process_leaders"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "process_leaders": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["process_leaders"].queryset = User.objects.process_leaders()  # type: ignore[attr-defined]
        self.fields["call"].queryset = Call.objects.order_by("-opens")  # type: ignore[attr-defined]
        self.fields["projects"].queryset = Project.objects.select_related(  # type: ignore[attr-defined]
            "coalition_membership__coalition"
        ).order_by("number")
        if self.instance.pk:
            self.fields["projects"].initial = list(
                self.instance.members.values_list("project_id", flat=True)
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        call = data.get("call")
        wrong = [p.number for p in data.get("projects") or [] if call and p.call_id != call.pk]
        if wrong:
            self.add_error(
                "projects",
                _("These projects belong to another call: %(numbers)s.")
                % {"numbers": ", ".join(wrong)},
            )
        return data


class MeetingForm(forms.ModelForm[Meeting]):
    class Meta:
        model = Meeting
        fields = ["title", "starts_at", "ends_at", "place", "online_link", "description"]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "place": _("Address and room. Give a place, an online link, or both."),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The meeting must end after it starts."))
        if (
            not data.get("place")
            and not data.get("online_link")
            and "online_link" not in self.errors
        ):
            self.add_error("place", _("Give a place or an online link."))
        return data


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Agenda item"), max_length=250, required=False)
    focus_areas = focus_area_field()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("focus_areas") and not data.get("title"):
            self.add_error("title", _("Give the agenda item a title, or untick its focus areas."))
        return data


AgendaFormSet = forms.formset_factory(AgendaItemForm, extra=3, max_num=20)


def agenda_formset(meeting: Meeting | None, data: Any = None) -> Any:
    initial = (
        [{"title": i.title, "focus_areas": i.focus_areas} for i in meeting.agenda.all()]
        if meeting is not None and meeting.pk
        else []
    )
    return AgendaFormSet(data, initial=initial, prefix="agenda")


def agenda_items(formset: Any) -> list[dict[str, Any]]:
    return [
        {"title": form.cleaned_data["title"], "focus_areas": form.cleaned_data["focus_areas"]}
        for form in formset.forms
        if form.cleaned_data.get("title")
    ]


class AttendanceForm(forms.Form):
    present = forms.MultipleChoiceField(
        label=_("Present"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick everyone who took part."),
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [  # type: ignore[attr-defined]
            (value, f"{person} ({project})" if project else f"{person} ({_('process leader')})")
            for value, person, project in choices
        ]

    def present_pairs(self) -> list[tuple[int, int | None]]:
        pairs = []
        for value in self.cleaned_data["present"]:
            user_id, _sep, project_id = value.partition(":")
            pairs.append((int(user_id), int(project_id) if project_id else None))
        return pairs


class DocumentationForm(forms.ModelForm[Meeting]):
    class Meta:
        model = Meeting
        fields = ["notes", "key_insights"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 8}),
            "key_insights": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {"notes": NO_NAMES, "key_insights": NO_NAMES}


class LessonForm(forms.Form):
    text = forms.CharField(
        label=_("Lesson learned"), widget=forms.Textarea(attrs={"rows": 3}), help_text=NO_NAMES
    )
    focus_areas = focus_area_field()
    projects = forms.ModelMultipleChoiceField(
        label=_("The projects the lesson comes from"),
        queryset=Project.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, projects: QuerySet[Project], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["projects"].queryset = projects  # type: ignore[attr-defined]
        self.fields["projects"].label_from_instance = lambda p: f"{p.number} {p.name}"  # type: ignore[attr-defined]

    def clean_focus_areas(self) -> list[str]:
        areas: list[str] = self.cleaned_data["focus_areas"]
        if not areas:
            raise forms.ValidationError(_("Choose at least one focus area."))
        return areas


class FollowUpForm(forms.ModelForm[FollowUp]):
    class Meta:
        model = FollowUp
        fields = ["text", "owner", "project", "due_on"]
        widgets = {"due_on": DateInput()}

    def __init__(self, *args: Any, projects: QuerySet[Project], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects  # type: ignore[attr-defined]


class ReflectionForm(forms.Form):
    timing = forms.ChoiceField(
        label=_("When"), choices=ReflectionTiming.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Reflection"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Where does the project stand, what has changed since the last meeting, what do you "
            "want to discuss? No participants' names or health details."
        ),
    )


class LessonFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    focus_area = forms.ChoiceField(
        label=_("Focus area"), required=False, choices=[("", _("All")), *FocusArea.choices]
    )
    coalition = forms.ModelChoiceField(
        label=_("Coalition"),
        required=False,
        queryset=Coalition.objects.order_by("name"),
        empty_label=_("All"),
    )
    call = forms.ModelChoiceField(
        label=_("Call"),
        required=False,
        queryset=Call.objects.order_by("-opens"),
        empty_label=_("All"),
    )
    # A project number rather than a list of every project: the list grows into thousands.
    project = forms.CharField(
        label=_("Project number"),
        required=False,
        max_length=20,
        help_text=_("For example 23-012-S01."),
    )

    group = forms.ChoiceField(
        label=_("Group by"),
        required=False,
        choices=[
            ("", _("No grouping: list the lessons")),
            ("focus_area", _("Focus area")),
            ("coalition", _("Coalition")),
            ("meeting", _("Meeting")),
        ],
        help_text=_("Count the lessons that match the filters in groups."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["call"].label_from_instance = lambda c: c.reference  # type: ignore[attr-defined]

    def clean_project(self) -> Project | None:
        number = self.cleaned_data["project"].strip().upper()
        if not number:
            return None
        project = Project.objects.filter(number=number).first()
        if project is None:
            raise forms.ValidationError(_("There is no project with that number."))
        return project
