from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from samskapa.conference.enums import FORMATS_WITH_SPEAKERS, Decision, DietaryNeed
from samskapa.conference.models import (
    Edition,
    Feedback,
    Registration,
    ReviewCriterion,
    Session,
    Submission,
    Track,
)
from samskapa.core.enums import FocusArea
from samskapa.core.widgets import DateTimeInput

SPEAKER_SLOTS = 3

RATING_CHOICES = [(i, str(i)) for i in range(1, 6)]


class SessionChoiceField(forms.ModelMultipleChoiceField):
    # Sessions the person has already booked: a full one is not a waiting list for them.
    booked: frozenset[int] = frozenset()

    def label_from_instance(self, obj: Any) -> str:
        when = formats.date_format(timezone.localtime(obj.starts_at), "SHORT_DATETIME_FORMAT")
        if obj.is_full and obj.pk in self.booked:
            return str(_("%(title)s (%(when)s, full)") % {"title": obj.title, "when": when})
        if obj.is_full:
            return str(
                _("%(title)s (%(when)s, full: you join its waiting list)")
                % {"title": obj.title, "when": when}
            )
        if obj.seats is not None:
            return str(
                _("%(title)s (%(when)s, limited seats)") % {"title": obj.title, "when": when}
            )
        return f"{obj.title} ({when})"


class RegistrationForm(forms.ModelForm[Registration]):
    sessions = SessionChoiceField(
        label=_("Sessions you want to attend"),
        queryset=Session.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Some sessions have limited seats. If a session is full you are put on its "
            "waiting list and get an e-mail if a seat becomes free."
        ),
    )
    dietary = forms.MultipleChoiceField(
        label=_("Dietary needs"),
        choices=DietaryNeed.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    dietary_other = forms.CharField(label=_("Other dietary needs"), max_length=300, required=False)
    accessibility = forms.CharField(
        label=_("Accessibility needs"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example a hearing loop, step-free access or a sign language interpreter."),
    )
    needs_consent = forms.BooleanField(
        label=_(
            "I agree that Samskapa stores my dietary and accessibility needs for this "
            "conference. Only the conference organisers see them, the caterer gets numbers "
            "without names, and they are deleted 30 days after the conference."
        ),
        required=False,
    )

    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "sector", "country", "category", "language"]

    def __init__(self, *args: Any, sessions: QuerySet[Session], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sessions"].queryset = sessions  # type: ignore[attr-defined]

    def about_you(self) -> list[Any]:
        return [self[name] for name in self.Meta.fields]

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        gave_needs = (
            cleaned.get("dietary") or cleaned.get("dietary_other") or cleaned.get("accessibility")
        )
        if gave_needs and not cleaned.get("needs_consent"):
            self.add_error(
                "needs_consent",
                _("Tick the box to let us store your needs, or leave the needs fields empty."),
            )
        return cleaned

    def needs(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        if not data.get("needs_consent"):
            return None
        if not (data.get("dietary") or data.get("dietary_other") or data.get("accessibility")):
            return None
        return {
            "dietary": data.get("dietary") or [],
            "dietary_other": data.get("dietary_other", ""),
            "accessibility": data.get("accessibility", ""),
        }


class AgendaForm(forms.Form):
    sessions = SessionChoiceField(
        label=_("My sessions"),
        queryset=Session.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, sessions: QuerySet[Session], booked: Iterable[int] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sessions"].queryset = sessions  # type: ignore[attr-defined]
        self.fields["sessions"].booked = frozenset(booked)  # type: ignore[attr-defined]


class SubmissionForm(forms.ModelForm[Submission]):
    focus_areas = forms.MultipleChoiceField(
        label=_("Focus areas"),
        choices=FocusArea.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one or more."),
    )

    class Meta:
        model = Submission
        fields = [
            "title",
            "abstract",
            "format",
            "focus_areas",
            "language",
            "submitter_name",
            "submitter_email",
        ]
        widgets = {"abstract": forms.Textarea(attrs={"rows": 8})}
        help_texts = {"abstract": _("At most 3,000 characters.")}


class SpeakerForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    bio = forms.CharField(
        label=_("Short bio"),
        max_length=800,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    publication_consent = forms.BooleanField(
        label=_("The speaker agrees to be named in the public programme"), required=False
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (cleaned.get("organisation") or cleaned.get("bio")) and not cleaned.get("name"):
            self.add_error("name", _("Give the speaker's name."))
        return cleaned


SpeakerFormSet = forms.formset_factory(SpeakerForm, extra=SPEAKER_SLOTS, max_num=SPEAKER_SLOTS)


def speakers_are_valid(form: SubmissionForm, formset: Any) -> bool:
    """The speaker forms are valid, and a format that needs a speaker has one (the form says
    so beside the first speaker). Call after `form.is_valid()`."""
    if not formset.is_valid():
        return False
    if form.cleaned_data.get("format") in FORMATS_WITH_SPEAKERS and not speakers_from(formset):
        formset.forms[0].add_error(
            "name", _("Talks, workshops and panels need at least one speaker. Give a name.")
        )
        return False
    return True


def speakers_from(formset: Any) -> list[dict[str, Any]]:
    return [form.cleaned_data for form in formset.forms if form.cleaned_data.get("name")]


def speaker_initial(submission: Submission) -> list[dict[str, Any]]:
    return [
        {
            "name": s.name,
            "organisation": s.organisation,
            "bio": s.bio,
            "publication_consent": s.publication_consent,
        }
        for s in submission.speakers.all()
    ]


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args: Any, criteria: list[ReviewCriterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        fields = {}
        for criterion in criteria:
            fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name,
                choices=RATING_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                help_text=_("1 = weak, 5 = excellent"),
            )
        self.fields = {**fields, **self.fields}

    def scores(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"score_{c.pk}"] for c in self.criteria}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)
    note = forms.CharField(
        label=_("Message to the submitter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Included in the e-mail. Say what to change when you ask for a revision."),
    )


class AssignReviewerForm(forms.Form):
    reviewer: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Reviewer"), queryset=Edition.objects.none()
    )

    def __init__(self, *args: Any, reviewers: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers  # type: ignore[attr-defined]


class ScheduleForm(forms.Form):
    """Put accepted input into the programme as a session."""

    track = forms.ModelChoiceField(label=_("Track"), queryset=Track.objects.none(), required=False)
    starts_at = forms.DateTimeField(
        label=_("Starts"),
        widget=DateTimeInput(),
        help_text=_("For example 2027-04-21 10:30."),
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"),
        widget=DateTimeInput(),
    )
    seats = forms.IntegerField(
        label=_("Limited seats"),
        min_value=1,
        required=False,
        help_text=_("Leave empty when the session is open to everyone."),
    )

    def __init__(self, *args: Any, tracks: QuerySet[Track], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["track"].queryset = tracks  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The session must end after it starts."))
        return cleaned


class ParticipantSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name, e-mail or organisation"), required=False)


class FeedbackForm(forms.ModelForm[Feedback]):
    overall = forms.TypedChoiceField(
        label=_("Overall, how good was the conference?"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 = poor, 5 = excellent"),
    )
    relevance = forms.TypedChoiceField(
        label=_("How useful was it for your work?"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 = not useful, 5 = very useful"),
    )

    class Meta:
        model = Feedback
        fields = ["overall", "relevance", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"comment": _("Please do not write names or health details.")}
