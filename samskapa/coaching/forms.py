from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samskapa.accounts.models import User
from samskapa.coaching.enums import ActionStatus, NoteVisibility
from samskapa.coaching.selectors import coaches
from samskapa.core.enums import FocusArea
from samskapa.core.widgets import DateInput, DateTimeInput
from samskapa.projects.models import Project

PRIVACY_HELP = _(
    "Describe the project's work, not people: no participants' names or health details."
)


def focus_area_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("Focus areas"),
        choices=FocusArea.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class AssignCoachForm(forms.Form):
    # A project number rather than a list of every project: the list grows into thousands.
    project = forms.CharField(
        label=_("Project number"), max_length=20, help_text=_("For example 23-012-S01.")
    )
    coach = forms.ModelChoiceField(label=_("Coach"), queryset=User.objects.none())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coach"].queryset = coaches()  # type: ignore[attr-defined]

    def clean_project(self) -> Project:
        number = self.cleaned_data["project"].strip().upper()
        project = Project.objects.filter(number=number).first()
        if project is None:
            raise forms.ValidationError(_("There is no project with that number."))
        return project


class SessionForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Date and time"), widget=DateTimeInput())
    focus_areas = focus_area_field()


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 5}), help_text=PRIVACY_HELP
    )
    visibility = forms.ChoiceField(
        label=_("Who may read the note?"),
        choices=NoteVisibility.choices,
        widget=forms.RadioSelect,
        help_text=_("You choose for each note. A private note is never shown to the project."),
    )
    is_lesson = forms.BooleanField(
        label=_("Add to the lessons register"),
        required=False,
        help_text=_("Only for shared notes. Centre staff read the register across projects."),
    )
    focus_areas = focus_area_field()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("is_lesson") and data.get("visibility") == NoteVisibility.PRIVATE:
            self.add_error(
                "is_lesson", _("A private note cannot be a lesson. Share it or untick the box.")
            )
        return data


class FirstNoteForm(SessionForm):
    """A new session with an optional first note."""

    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=PRIVACY_HELP,
    )
    visibility = forms.ChoiceField(
        label=_("Who may read the note?"),
        choices=NoteVisibility.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("You choose for each note. A private note is never shown to the project."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("note", "").strip() and not data.get("visibility"):
            self.add_error("visibility", _("Choose who may read the note."))
        return data


class ActionForm(forms.Form):
    text = forms.CharField(label=_("Agreed action"), max_length=300)
    owner = forms.ModelChoiceField(
        label=_("Responsible"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("If nobody is chosen, the project's leads get the reminder."),
    )
    due_on = forms.DateField(label=_("Due"), widget=DateInput())

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = User.objects.filter(
            Q(project_memberships__project=project) | Q(coaching_assignments__project=project),
            is_active=True,
        )
        self.fields["owner"].queryset = people.distinct().order_by("name")  # type: ignore[attr-defined]


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
