from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samskapa.conference import selectors
from samskapa.conference.enums import FORMATS_WITH_SPEAKERS, Decision, DietaryNeed, Language
from samskapa.conference.models import (
    Edition,
    Feedback,
    Registration,
    ReviewCriterion,
    Room,
    Session,
    Speaker,
    Submission,
    Track,
)
from samskapa.core.enums import FocusArea
from samskapa.core.widgets import DateInput, DateTimeInput, TimeInput
from samskapa.library.forms import AttachmentForm

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
        label=pgettext_lazy("session time", "Starts"),
        widget=DateTimeInput(),
        help_text=_("For example 2027-04-21 10:30."),
    )
    ends_at = forms.DateTimeField(
        label=pgettext_lazy("session time", "Ends"),
        widget=DateTimeInput(),
    )
    seats = forms.IntegerField(
        label=_("Limited seats"),
        min_value=1,
        required=False,
        help_text=_("Leave empty when the session is open to everyone."),
    )

    def __init__(
        self, *args: Any, submission: Submission, tracks: QuerySet[Track], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.submission = submission
        self.fields["track"].queryset = tracks  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The session must end after it starts."))
        elif starts and ends:
            track = cleaned.get("track")
            for clash in selectors.clashes(
                self.submission.edition,
                starts_at=starts,
                ends_at=ends,
                place=track.room if track else "",
                speaker_ids={s.pk for s in self.submission.speakers.all()},
            ):
                self.add_error(None, clash_message(clash))
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


# --- The back office ------------------------------------------------------------------------

EDITION_FIELDS = [
    "title_sv",
    "title_en",
    "theme_sv",
    "theme_en",
    "starts_on",
    "ends_on",
    "venue",
    "online",
    "languages",
    "capacity",
    "registration_opens_on",
    "registration_closes_on",
    "call_opens_on",
    "call_closes_on",
    "anonymous_review",
    "programme_published",
]


class EditionForm(forms.ModelForm[Edition]):
    """An edition's settings. The feedback window follows from the dates
    (Edition.feedback_is_open); the page says so."""

    languages = forms.MultipleChoiceField(
        label=_("Languages of the conference"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one or both."),
    )

    class Meta:
        model = Edition
        fields = EDITION_FIELDS
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "registration_opens_on": DateInput(),
            "registration_closes_on": DateInput(),
            "call_opens_on": DateInput(),
            "call_closes_on": DateInput(),
            "theme_sv": forms.Textarea(attrs={"rows": 3}),
            "theme_en": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "capacity": _("When every place is taken, new registrations go on the waiting list."),
            "registration_closes_on": _("Leave empty to keep registration open until the end."),
            "call_opens_on": _("Leave both dates empty when there is no call for input."),
            "programme_published": _(
                "Published: the programme and its documents are public and participants can "
                "choose sessions."
            ),
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        opens, closes = cleaned.get("registration_opens_on"), cleaned.get("registration_closes_on")
        if opens and closes and closes < opens:
            self.add_error("registration_closes_on", _("Registration must close after it opens."))
        if closes and not opens:
            self.add_error("registration_opens_on", _("Give the day registration opens."))
        if ends and closes and closes > ends:
            self.add_error("registration_closes_on", _("Registration must close by the last day."))
        call_opens, call_closes = cleaned.get("call_opens_on"), cleaned.get("call_closes_on")
        if bool(call_opens) != bool(call_closes):
            field = "call_closes_on" if call_opens else "call_opens_on"
            self.add_error(field, _("Give both dates of the call for input, or neither."))
        elif call_opens and call_closes and call_closes < call_opens:
            self.add_error("call_closes_on", _("The call must close after it opens."))
        return cleaned


class NewEditionForm(EditionForm):
    class Meta(EditionForm.Meta):
        fields = ["year", *EDITION_FIELDS]
        help_texts = {
            **EditionForm.Meta.help_texts,
            "year": _("The year is the edition's address and cannot be changed later."),
        }


class RoomForm(forms.ModelForm[Room]):
    class Meta:
        model = Room
        fields = ["name", "seats", "order"]


class TrackForm(forms.ModelForm[Track]):
    room = forms.ChoiceField(label=_("Room"), required=False)

    class Meta:
        model = Track
        fields = ["name_sv", "name_en", "room", "order"]

    def __init__(self, *args: Any, rooms: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        names = list(rooms)
        if self.instance.room and self.instance.room not in names:
            names.append(self.instance.room)
        self.fields["room"].choices = [("", _("No room of its own")), *((n, n) for n in names)]  # type: ignore[attr-defined]


class CriterionForm(forms.ModelForm[ReviewCriterion]):
    class Meta:
        model = ReviewCriterion
        fields = ["name_sv", "name_en", "order"]


class _UniqueRoomNames(forms.BaseModelFormSet):
    def clean(self) -> None:
        super().clean()
        names = [
            f.cleaned_data["name"].strip().casefold()
            for f in self.forms
            if f.cleaned_data.get("name") and not f.cleaned_data.get("DELETE")
        ]
        if len(names) != len(set(names)):
            raise forms.ValidationError(_("Two rooms cannot have the same name."))


RoomFormSet = forms.modelformset_factory(
    Room, form=RoomForm, formset=_UniqueRoomNames, extra=2, can_delete=True
)
TrackFormSet = forms.modelformset_factory(Track, form=TrackForm, extra=2, can_delete=True)
CriterionFormSet = forms.modelformset_factory(
    ReviewCriterion, form=CriterionForm, extra=2, can_delete=True
)


def clash_message(clash: selectors.Clash) -> str:
    """The clash said with the other session named, its time, and the room or speakers."""
    other = clash.session
    values = {
        "title": other.title,
        "day": formats.date_format(timezone.localtime(other.starts_at), "j F"),
        "start": formats.time_format(timezone.localtime(other.starts_at), "H:i"),
        "end": formats.time_format(timezone.localtime(other.ends_at), "H:i"),
        "detail": clash.detail,
    }
    if clash.kind == "room":
        return str(
            _(
                "Clash: “%(title)s” (%(day)s, %(start)s–%(end)s) is in %(detail)s at an "
                "overlapping time. Choose another room or time."
            )
            % values
        )
    return str(
        _(
            "Clash: %(detail)s also speaks in “%(title)s” (%(day)s, %(start)s–%(end)s) at an "
            "overlapping time. Choose another time."
        )
        % values
    )


class _PlacementFields(forms.Form):
    """Day, start and end of a session, and the check for clashes."""

    day = forms.TypedChoiceField(label=_("Day"), coerce=datetime.date.fromisoformat)
    starts = forms.TimeField(label=pgettext_lazy("session time", "Starts"), widget=TimeInput())
    ends = forms.TimeField(label=pgettext_lazy("session time", "Ends"), widget=TimeInput())

    edition: Edition
    session_pk: int | None = None

    def _set_days(self, edition: Edition) -> None:
        self.edition = edition
        self.fields["day"].choices = [  # type: ignore[attr-defined]
            (day.isoformat(), formats.date_format(day, "l j F Y"))
            for day in selectors.edition_days(edition)
        ]

    def times(self) -> tuple[datetime.datetime, datetime.datetime] | None:
        data = self.cleaned_data
        day, starts, ends = data.get("day"), data.get("starts"), data.get("ends")
        if not (day and starts and ends):
            return None
        zone = timezone.get_current_timezone()
        return (
            datetime.datetime.combine(day, starts, tzinfo=zone),
            datetime.datetime.combine(day, ends, tzinfo=zone),
        )

    def check_times_and_clashes(self, *, place: str, speaker_ids: set[int]) -> None:
        times = self.times()
        if times is None:
            return
        if times[1] <= times[0]:
            self.add_error("ends", _("The session must end after it starts."))
            return
        for clash in selectors.clashes(
            self.edition,
            starts_at=times[0],
            ends_at=times[1],
            place=place,
            speaker_ids=speaker_ids,
            exclude_pk=self.session_pk,
        ):
            self.add_error(None, clash_message(clash))


def _initial_times(session: Session | None) -> dict[str, Any]:
    if session is None or session.pk is None:
        return {}
    starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
    return {"day": starts.date().isoformat(), "starts": starts.time(), "ends": ends.time()}


def _room_choices(rooms: list[str], current: str = "") -> list[tuple[str, Any]]:
    names = list(rooms)
    if current and current not in names:
        names.append(current)
    return [("", _("The track's room")), *((name, name) for name in names)]


class PlaceForm(_PlacementFields):
    """The small form of each session in the grid: day, times, and room (or track)."""

    def __init__(
        self,
        *args: Any,
        session: Session,
        rooms: list[str],
        tracks: list[Track],
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("prefix", f"s{session.pk}")
        kwargs.setdefault(
            "initial", {**_initial_times(session), "room": session.room, "track": session.track_id}
        )
        super().__init__(*args, **kwargs)
        self.session = session
        self.session_pk = session.pk
        self._set_days(session.edition)
        self.by_rooms = bool(rooms)
        if self.by_rooms:
            self.fields["room"] = forms.ChoiceField(
                label=_("Room"), required=False, choices=_room_choices(rooms, session.room)
            )
        else:
            # Choices from the list the grid already holds: no query per session.
            self.tracks = {str(t.pk): t for t in tracks}
            self.fields["track"] = forms.TypedChoiceField(
                label=_("Track"),
                required=False,
                choices=[("", _("No track")), *((pk, t.name) for pk, t in self.tracks.items())],
                coerce=lambda pk: self.tracks[pk],
                empty_value=None,
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.by_rooms:
            track = self.session.track
            place = cleaned.get("room") or (track.room if track else "")
        else:
            track = cleaned.get("track")
            place = self.session.room or (track.room if track else "")
        speakers = {s.pk for s in self.session.speakers.all()}
        self.check_times_and_clashes(place=place, speaker_ids=speakers)
        return cleaned

    def placement(self) -> dict[str, Any]:
        times = self.times()
        assert times is not None
        where: dict[str, Any]
        if self.by_rooms:
            where = {"room": self.cleaned_data.get("room") or ""}
        else:
            where = {"track": self.cleaned_data.get("track")}
        return {"starts_at": times[0], "ends_at": times[1], "where": where}


class SessionForm(_PlacementFields, forms.ModelForm[Session]):
    """A session made from scratch (or changed): what, when, where and who."""

    room = forms.ChoiceField(label=_("Room"), required=False)
    speakers = forms.ModelMultipleChoiceField(
        label=_("Speakers"),
        queryset=Speaker.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_speaker_name = forms.CharField(
        label=_("New speaker's name"),
        max_length=150,
        required=False,
        help_text=_("To add a speaker who is not in the list above."),
    )
    new_speaker_organisation = forms.CharField(
        label=_("New speaker's organisation"), max_length=200, required=False
    )
    new_speaker_consent = forms.BooleanField(
        label=_("The new speaker agrees to be named in the public programme"), required=False
    )

    class Meta:
        model = Session
        fields = [
            "title",
            "description",
            "format",
            "language",
            "track",
            "room",
            "seats",
            "documentation",
            "links",
        ]
        labels = {"seats": _("Limited seats"), "documentation": _("Notes from the session")}
        help_texts = {
            "documentation": _("Shown on the programme. Add slides and other files below."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "documentation": forms.Textarea(attrs={"rows": 4}),
            "links": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})
        kwargs["initial"] = {**_initial_times(kwargs.get("instance")), **kwargs["initial"]}
        super().__init__(*args, **kwargs)
        self.session_pk = self.instance.pk
        self._set_days(edition)
        self.fields["track"].queryset = edition.tracks.all()  # type: ignore[attr-defined]
        self.fields["speakers"].queryset = edition.speakers.all()  # type: ignore[attr-defined]
        rooms = [room.name for room in edition.rooms.all()]
        self.fields["room"].choices = _room_choices(rooms, self.instance.room)  # type: ignore[attr-defined]
        if self.instance.pk:
            self.initial["speakers"] = list(self.instance.speakers.values_list("pk", flat=True))
        order = ["title", "description", "format", "language", "day", "starts", "ends"]
        self.order_fields(order)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (cleaned.get("new_speaker_organisation") or cleaned.get("new_speaker_consent")) and (
            not cleaned.get("new_speaker_name")
        ):
            self.add_error("new_speaker_name", _("Give the speaker's name."))
        track = cleaned.get("track")
        place = cleaned.get("room") or (track.room if track else "")
        speaker_ids = {s.pk for s in cleaned.get("speakers") or []}
        self.check_times_and_clashes(place=place, speaker_ids=speaker_ids)
        times = self.times()
        if times and times[1] > times[0]:
            self.instance.starts_at, self.instance.ends_at = times
        return cleaned

    def new_speaker(self) -> dict[str, Any] | None:
        name = self.cleaned_data.get("new_speaker_name")
        if not name:
            return None
        return {
            "name": name,
            "organisation": self.cleaned_data.get("new_speaker_organisation", ""),
            "publication_consent": bool(self.cleaned_data.get("new_speaker_consent")),
        }


class DocumentForm(AttachmentForm):
    """Slides or notes for a session: the knowledge bank's checks (size, type by content)."""

    title = forms.CharField(
        label=_("Document title"),
        max_length=200,
        help_text=_("For example “Slides” or “Notes from the workshop”."),
    )

    field_order = ["title", "file"]
