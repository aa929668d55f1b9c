"""Conference views. Public pages and token pages are @login_not_required; token pages answer
404 for unknown or expired tokens. Organiser pages need `conference.organise_conference`."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_POST

from samskapa.accounts.models import User
from samskapa.conference import charts, ics, selectors, services
from samskapa.conference.enums import (
    BookingStatus,
    DietaryNeed,
    RegistrationStatus,
    SubmissionStatus,
)
from samskapa.conference.exports import FIELDS, participants_response
from samskapa.conference.forms import (
    AgendaForm,
    AssignReviewerForm,
    CriterionFormSet,
    DecisionForm,
    DocumentForm,
    EditionForm,
    FeedbackForm,
    NewEditionForm,
    ParticipantSearchForm,
    PlaceForm,
    RegistrationForm,
    ReviewForm,
    RoomFormSet,
    ScheduleForm,
    SessionForm,
    SpeakerFormSet,
    SubmissionForm,
    TrackFormSet,
    clash_message,
    speaker_initial,
    speakers_are_valid,
    speakers_from,
)
from samskapa.conference.models import Edition, Review, Session, SessionDocument
from samskapa.core import pdf, ratelimit
from samskapa.core.access import get_object_for_user
from samskapa.core.audit import record_event
from samskapa.core.enums import FocusArea
from samskapa.core.models import AuditAction
from samskapa.core.pagecache import public_cache
from samskapa.core.typing import AuthenticatedHttpRequest

ORGANISE = "conference.organise_conference"
MIN_ANSWERS = 5
# The conference start page and an edition's page follow the clock as well as their content
# (registration and the call open and close at a time): from the public cache for a minute at most.
CLOCK_TIMEOUT = 60


def _focus_labels(values: list[str]) -> list[str]:
    labels = dict(FocusArea.choices)
    return [str(labels[v]) for v in values if v in labels]


def _site(request: HttpRequest) -> str:
    """Links in e-mails point at the address the person used."""
    return request.build_absolute_uri("/")


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- Public ---------------------------------------------------------------------------------


@login_not_required
@public_cache("conference", timeout=CLOCK_TIMEOUT)
def index(request: HttpRequest) -> HttpResponse:
    edition = selectors.current_edition()
    archive = selectors.earlier_editions(edition)
    return render(request, "conference/index.html", {"edition": edition, "archive": list(archive)})


@login_not_required
@public_cache("conference", timeout=CLOCK_TIMEOUT)
def edition_detail(request: HttpRequest, year: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    counts = selectors.registration_counts(edition)
    return render(
        request,
        "conference/edition_detail.html",
        {
            "edition": edition,
            "seats_left": max(edition.capacity - counts["registered"], 0),
            "registration_open": edition.registration_is_open(),
            "call_open": edition.call_is_open(),
            "is_past": edition.is_past(),
        },
    )


@login_not_required
@public_cache("conference")
def programme(request: HttpRequest, year: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    if not edition.programme_published:
        raise Http404
    return render(
        request,
        "conference/programme.html",
        {
            "edition": edition,
            "days": selectors.programme_by_day(edition),
            "tracks": list(edition.tracks.all()),
        },
    )


@login_not_required
def programme_ics(request: HttpRequest, year: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    if not edition.programme_published:
        raise Http404
    sessions = edition.sessions.select_related("track").order_by("starts_at")
    return _ics_response(
        ics.sessions_calendar(edition, sessions), f"samskapa-{edition.year}-programme.ics"
    )


def _published_session(pk: int) -> Session:
    session = (
        Session.objects.select_related("edition", "track")
        .prefetch_related("speakers")
        .filter(pk=pk, edition__programme_published=True)
        .first()
    )
    if session is None:
        raise Http404
    return session


@login_not_required
@public_cache("conference")
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = _published_session(pk)
    return render(
        request, "conference/session_detail.html", {"session": session, "edition": session.edition}
    )


@login_not_required
def session_ics(request: HttpRequest, pk: int) -> HttpResponse:
    session = _published_session(pk)
    return _ics_response(
        ics.sessions_calendar(session.edition, [session]), f"samskapa-session-{session.pk}.ics"
    )


# --- Registration (no account; managed through the token link) -------------------------------


@login_not_required
@require_http_methods(["GET", "POST"])
@public_cache("conference", timeout=CLOCK_TIMEOUT)
def register(request: HttpRequest, year: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    if not edition.registration_is_open():
        return render(request, "conference/registration_closed.html", {"edition": edition})
    sessions = selectors.bookable_sessions(edition)
    form = RegistrationForm(
        request.POST or None,
        sessions=sessions,
        initial={"language": request.LANGUAGE_CODE},
    )
    if request.method == "POST" and ratelimit.client_exceeded(request, ratelimit.PUBLIC_FORM):
        return ratelimit.too_many(request, ratelimit.PUBLIC_FORM)
    if request.method == "POST" and form.is_valid():
        data = {
            name: form.cleaned_data[name]
            for name in ("name", "email", "organisation", "sector", "country", "category")
        }
        data["language"] = form.cleaned_data["language"]
        registration = services.register_participant(
            edition=edition,
            data=data,
            sessions=form.cleaned_data["sessions"],
            needs=form.needs(),
            site_url=_site(request),
        )
        # An address that was already registered gets no status here: the personal link and
        # the registration's status only ever go to the e-mail address.
        context: dict[str, Any] = {"edition": edition, "email": registration.email}
        if not registration.already_registered:
            context.update(
                registration=registration,
                position=selectors.waiting_list_position(registration),
                agenda=selectors.agenda(registration),
            )
        return render(request, "conference/registration_received.html", context)
    return render(
        request,
        "conference/register.html",
        {
            "edition": edition,
            "form": form,
            "conference_full": edition.is_full,
            "full_sessions": [session for session in sessions if session.is_full],
        },
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def registration_manage(request: HttpRequest, token: str) -> HttpResponse:
    registration = selectors.get_registration_by_token(token)
    edition = registration.edition
    agenda = selectors.agenda(registration)
    booked = [item.session.pk for item in agenda]
    form = AgendaForm(
        request.POST or None,
        sessions=selectors.bookable_sessions(edition),
        booked=booked,
        initial={"sessions": booked},
    )
    if request.method == "POST" and form.is_valid():
        services.update_agenda(
            registration=registration,
            sessions=form.cleaned_data["sessions"],
            site_url=_site(request),
        )
        messages.success(request, _("Your sessions have been saved."))
        return redirect("conference:registration-manage", token=token)
    return render(
        request,
        "conference/registration_manage.html",
        {
            "registration": registration,
            "edition": edition,
            "agenda": agenda,
            "form": form,
            "position": selectors.waiting_list_position(registration),
        },
    )


@login_not_required
def registration_ics(request: HttpRequest, token: str) -> HttpResponse:
    registration = selectors.get_registration_by_token(token)
    sessions = Session.objects.filter(
        bookings__registration=registration, bookings__status=BookingStatus.CONFIRMED
    ).select_related("track")
    return _ics_response(
        ics.registration_calendar(registration.edition, sessions), "samskapa-konferens.ics"
    )


@login_not_required
@require_POST
def registration_cancel(request: HttpRequest, token: str) -> HttpResponse:
    registration = selectors.get_registration_by_token(token)
    edition = registration.edition
    services.cancel_registration(registration=registration, site_url=_site(request))
    messages.success(
        request,
        _("Your registration has been cancelled. We have sent you a confirmation by e-mail."),
    )
    return redirect(edition)


@login_not_required
@require_http_methods(["GET", "POST"])
def feedback(request: HttpRequest, token: str) -> HttpResponse:
    registration = selectors.get_registration_by_feedback_token(token)
    existing = getattr(registration, "feedback", None)
    form = FeedbackForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        services.save_feedback(
            registration=registration,
            data={k: form.cleaned_data[k] for k in ("overall", "relevance", "comment")},
        )
        return render(request, "conference/feedback_thanks.html", {"edition": registration.edition})
    return render(
        request,
        "conference/feedback.html",
        {"form": form, "edition": registration.edition, "registration": registration},
    )


# --- Call for input (no account; managed through the token link) ----------------------------


@login_not_required
@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest, year: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    if not edition.call_is_open():
        return render(request, "conference/call_closed.html", {"edition": edition})
    form = SubmissionForm(request.POST or None)
    speakers = SpeakerFormSet(request.POST or None, prefix="speakers")
    if request.method == "POST" and ratelimit.client_exceeded(request, ratelimit.PUBLIC_FORM):
        return ratelimit.too_many(request, ratelimit.PUBLIC_FORM)
    if request.method == "POST" and form.is_valid() and speakers_are_valid(form, speakers):
        data = {name: form.cleaned_data[name] for name in SubmissionForm.Meta.fields}
        data["submitter_language"] = request.LANGUAGE_CODE
        submission = services.submit_input(
            edition=edition, data=data, speakers=speakers_from(speakers), site_url=_site(request)
        )
        messages.success(
            request,
            _("Thank you! Your input has been received. We have sent you a link by e-mail."),
        )
        return redirect("conference:submission-manage", token=submission.token)
    return render(
        request,
        "conference/submission_form.html",
        {"edition": edition, "form": form, "speakers": speakers},
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def submission_manage(request: HttpRequest, token: str) -> HttpResponse:
    submission = selectors.get_submission_by_token(token)
    editable = submission.is_editable()
    form = SubmissionForm(request.POST or None, instance=submission)
    # Initial values only when showing the form: a bound form equal to its initial values
    # would count as unchanged, and its speaker would be dropped.
    speakers = (
        SpeakerFormSet(request.POST, prefix="speakers")
        if request.method == "POST"
        else SpeakerFormSet(prefix="speakers", initial=speaker_initial(submission))
    )
    if request.method == "POST":
        if not editable:
            raise Http404
        if form.is_valid() and speakers_are_valid(form, speakers):
            data = {name: form.cleaned_data[name] for name in SubmissionForm.Meta.fields}
            services.update_submission(
                submission=submission, data=data, speakers=speakers_from(speakers)
            )
            messages.success(request, _("Your input has been saved."))
            return redirect("conference:submission-manage", token=token)
    return render(
        request,
        "conference/submission_manage.html",
        {
            "submission": submission,
            "edition": submission.edition,
            "form": form,
            "speakers": speakers,
            "editable": editable,
        },
    )


@login_not_required
@require_POST
def submission_withdraw(request: HttpRequest, token: str) -> HttpResponse:
    submission = selectors.get_submission_by_token(token)
    services.withdraw_submission(submission=submission, site_url=_site(request))
    messages.success(request, _("Your input has been withdrawn."))
    return redirect(submission.edition)


# --- Organisers -----------------------------------------------------------------------------


@permission_required(ORGANISE, raise_exception=True)
def organise(request: AuthenticatedHttpRequest) -> HttpResponse:
    editions = Edition.objects.annotate(
        registered=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)
        ),
        waitlisted=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)
        ),
    ).order_by("-year")
    return render(request, "conference/organise.html", {"editions": editions})


@permission_required(ORGANISE, raise_exception=True)
def organise_edition(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    return render(
        request,
        "conference/organise_edition.html",
        {
            "edition": edition,
            "counts": selectors.registration_counts(edition),
            "waiting": list(selectors.waiting_list(edition)[:20]),
            "catering": selectors.caterer_counts(edition),
            "conflicts": services.session_conflicts(edition),
            "sessions": list(selectors.published_sessions(edition)),
        },
    )


@permission_required("conference.view_participantneeds", raise_exception=True)
def needs_list(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:

    edition = selectors.get_edition(year)
    page = Paginator(selectors.list_needs(edition), 50).get_page(request.GET.get("page"))
    # Reads of special-category data are audited (names of fields, never values).
    record_event(
        action=AuditAction.SENSITIVE_READ,
        actor=request.user,
        obj=edition,
        fields=["dietary", "dietary_other", "accessibility"],
        path=request.path,
    )
    labels = dict(DietaryNeed.choices)
    rows = [(n, [labels.get(v, v) for v in n.dietary]) for n in page.object_list]
    return render(
        request,
        "conference/needs_list.html",
        {
            "edition": edition,
            "page": page,
            "rows": rows,
            "catering": selectors.caterer_counts(edition),
        },
    )


@permission_required(ORGANISE, raise_exception=True)
def participants(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:

    edition = selectors.get_edition(year)
    form = ParticipantSearchForm(request.GET or None)
    q = form.cleaned_data.get("q", "") if form.is_valid() else ""
    page = Paginator(selectors.search_participants(edition, q), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "conference/participants.html",
        {
            "edition": edition,
            "form": form,
            "page": page,
            "q": q,
            "counts": selectors.registration_counts(edition),
        },
    )


@permission_required(ORGANISE, raise_exception=True)
@require_POST
def check_in(request: AuthenticatedHttpRequest, year: int, pk: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    registration = edition.registrations.filter(pk=pk, status=RegistrationStatus.REGISTERED).first()
    if registration is None:
        raise Http404
    attended = request.POST.get("attended") == "1"
    services.set_attendance(registration=registration, attended=attended)
    if request.headers.get("HX-Request") == "true":
        # The row's form, and the counter above the list swapped out of band: both from the
        # same figure (`registration_counts`) the full page shows.
        row = render_to_string(
            "conference/participants.html#checkin",
            {"r": registration, "edition": edition},
            request=request,
        )
        counter = render_to_string(
            "conference/participants.html#checkin_count",
            {"counts": selectors.registration_counts(edition), "oob": True},
            request=request,
        )
        return HttpResponse(row + counter)
    url = reverse("conference:participants", args=[edition.year])
    q = request.POST.get("q", "")
    return redirect(f"{url}?q={q}#p{registration.pk}" if q else f"{url}#p{registration.pk}")


@permission_required(ORGANISE, raise_exception=True)
def participants_export(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:

    edition = selectors.get_edition(year)
    record_event(
        action=AuditAction.EXPORT, actor=request.user, obj=edition, fields=FIELDS, path=request.path
    )
    return participants_response(edition)


@permission_required(ORGANISE, raise_exception=True)
def badges(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    people = selectors.search_participants(edition).filter(status=RegistrationStatus.REGISTERED)
    return pdf.render_pdf(
        request,
        "conference/badges.html",
        {"edition": edition, "people": people},
        title=f"{_('Name badges')} · {edition.title}",
        filename=f"samskapa-{edition.year}-badges.pdf",
    )


@permission_required(ORGANISE, raise_exception=True)
def statistics(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:

    edition = selectors.get_edition(year)
    return render(
        request,
        "conference/statistics.html",
        {"edition": edition, **charts.statistics_context(edition)},
    )


@permission_required(ORGANISE, raise_exception=True)
def feedback_results(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    summary = selectors.feedback_summary(edition)
    return render(
        request,
        "conference/feedback_results.html",
        {
            "edition": edition,
            "summary": summary,
            # Like survey results (docs/quality.md, privacy 4): nothing is shown from fewer than 5 answers.
            "enough": summary["count"] >= MIN_ANSWERS,
            "can_invite": edition.feedback_is_open(),
            "comments": selectors.feedback_comments(edition)
            if summary["count"] >= MIN_ANSWERS
            else [],
        },
    )


# --- Review ---------------------------------------------------------------------------------


@permission_required("conference.view_review_list", raise_exception=True)
def review_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    reviews = selectors.reviews_for_reviewer(request.user)
    return render(request, "conference/review_list.html", {"reviews": reviews})


@require_http_methods(["GET", "POST"])
def review(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:

    review = get_object_for_user(
        # Only one's own assignments: administrators are superusers and pass every rule, but
        # reviewing someone else's assignment is not theirs to do either.
        Review.objects.select_related("submission", "submission__edition")
        .filter(reviewer_id=request.user.pk)
        .exclude(submission__status=SubmissionStatus.WITHDRAWN),
        user=request.user,
        perm="conference.change_review",
        path=request.path,
        pk=pk,
    )
    submission = review.submission
    criteria = list(submission.edition.criteria.all())
    initial: dict[str, Any] = {f"score_{s.criterion_id}": s.score for s in review.scores.all()}
    initial["comment"] = review.comment
    form = ReviewForm(request.POST or None, criteria=criteria, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_review(
            review=review, scores=form.scores(), comment=form.cleaned_data["comment"]
        )
        messages.success(request, _("Your review has been saved."))
        return redirect("conference:review-list")
    return render(
        request,
        "conference/review_form.html",
        {
            "review": review,
            "submission": submission,
            "form": form,
            "anonymous": submission.edition.anonymous_review,
            "focus_labels": _focus_labels(submission.focus_areas),
            "speakers": list(submission.speakers.all()),
        },
    )


@permission_required(ORGANISE, raise_exception=True)
def submissions(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:

    edition = selectors.get_edition(year)
    return render(
        request,
        "conference/submissions.html",
        {
            "edition": edition,
            "submissions": selectors.submissions_with_scores(edition),
            **charts.score_spread_context(selectors.score_spread(edition)),
        },
    )


@permission_required(ORGANISE, raise_exception=True)
@require_http_methods(["GET", "POST"])
def submission_decide(request: AuthenticatedHttpRequest, year: int, pk: int) -> HttpResponse:

    edition = selectors.get_edition(year)
    submission = (
        edition.submissions.exclude(status=SubmissionStatus.WITHDRAWN).filter(pk=pk).first()
    )
    if submission is None:
        raise Http404
    # Any centre-team role can be assigned (samskapa.accounts.rules.is_centre_team).
    reviewers = User.objects.centre_team()
    assign_form = AssignReviewerForm(
        request.POST if "assign" in request.POST else None, reviewers=reviewers
    )
    decision_form = DecisionForm(request.POST if "decide" in request.POST else None)
    schedule_form = ScheduleForm(
        request.POST if "schedule" in request.POST else None,
        submission=submission,
        tracks=edition.tracks.all(),
    )
    can_schedule = (
        submission.status == SubmissionStatus.ACCEPTED
        and not Session.objects.filter(submission=submission).exists()
    )
    if request.method == "POST":
        if (
            "schedule" in request.POST
            and can_schedule
            and schedule_form.is_valid()
            and _saved_or_clash(
                schedule_form,
                lambda: services.create_session_from_submission(
                    submission=submission, **schedule_form.cleaned_data
                ),
            )
        ):
            messages.success(request, _("The session has been added to the programme."))
            return redirect("conference:organise-edition", year=edition.year)
        if "assign" in request.POST and assign_form.is_valid():
            services.assign_reviewer(
                submission=submission, reviewer=assign_form.cleaned_data["reviewer"]
            )
            messages.success(request, _("The reviewer has been assigned."))
            return redirect(request.path)
        if "decide" in request.POST and decision_form.is_valid():
            services.decide_submission(
                submission=submission,
                decision=decision_form.cleaned_data["decision"],
                note=decision_form.cleaned_data["note"],
                site_url=_site(request),
            )
            messages.success(request, _("The decision has been saved and the submitter told."))
            return redirect("conference:submissions", year=edition.year)
    reviews = list(
        submission.reviews.select_related("reviewer").prefetch_related("scores__criterion")
    )
    return render(
        request,
        "conference/submission_decide.html",
        {
            "edition": edition,
            "submission": submission,
            "reviews": reviews,
            "speakers": list(submission.speakers.all()),
            "focus_labels": _focus_labels(submission.focus_areas),
            "assign_form": assign_form,
            "decision_form": decision_form,
            "schedule_form": schedule_form,
            "can_schedule": can_schedule,
        },
    )


@permission_required(ORGANISE, raise_exception=True)
@require_POST
def feedback_invite(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    try:
        count = services.invite_feedback(edition=edition, site_url=_site(request))
    except services.FeedbackClosed:
        messages.error(
            request,
            _(
                "Feedback invitations can be sent from the first day of the conference "
                "until %(date)s, while the feedback form is open."
            )
            % {"date": date_format(edition.feedback_closes_on)},
        )
    else:
        messages.success(request, _("Feedback invitations sent: %(count)s.") % {"count": count})
    return redirect("conference:feedback-results", year=edition.year)


# --- The back office: edition settings, rooms, tracks, criteria, programme grid ---------------


@permission_required(ORGANISE, raise_exception=True)
@require_http_methods(["GET", "POST"])
def edition_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = NewEditionForm(request.POST or None, initial={"languages": ["sv"]})
    if request.method == "POST" and form.is_valid():
        edition = services.save_edition(edition=form.save(commit=False), by=request.user)
        messages.success(
            request, _("The edition has been created. Add its rooms, tracks and review criteria.")
        )
        return redirect("conference:edition-structure", year=edition.year)
    return render(request, "conference/edition_form.html", {"form": form, "edition": None})


@permission_required(ORGANISE, raise_exception=True)
@require_http_methods(["GET", "POST"])
def edition_settings(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    form = EditionForm(request.POST or None, instance=edition)
    if request.method == "POST" and form.is_valid():
        services.save_edition(
            edition=form.save(commit=False), by=request.user, fields=form.changed_data
        )
        messages.success(request, _("The settings have been saved."))
        return redirect("conference:organise-edition", year=edition.year)
    return render(request, "conference/edition_form.html", {"form": form, "edition": edition})


def _structure_formsets(edition: Edition, data: Any = None, section: str = "") -> dict[str, Any]:
    rooms = [room.name for room in edition.rooms.all()]

    def bound(name: str) -> Any:
        return data if section == name else None

    return {
        "rooms": RoomFormSet(bound("rooms"), queryset=edition.rooms.all(), prefix="rooms"),
        "tracks": TrackFormSet(
            bound("tracks"),
            queryset=edition.tracks.all(),
            prefix="tracks",
            form_kwargs={"rooms": rooms},
        ),
        "criteria": CriterionFormSet(
            bound("criteria"), queryset=edition.criteria.all(), prefix="criteria"
        ),
    }


@permission_required(ORGANISE, raise_exception=True)
@require_http_methods(["GET", "POST"])
def edition_structure(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    """Rooms, tracks and review criteria: one form each on one page."""
    edition = selectors.get_edition(year)
    section = request.POST.get("section", "")
    formsets = _structure_formsets(edition, request.POST or None, section)
    formset = formsets.get(section)
    if request.method == "POST" and formset is not None and formset.is_valid():
        saved = formset.save(commit=False)
        if section == "rooms":
            services.save_rooms(
                edition=edition,
                saved=[(room, _old_name(formset, room)) for room in saved],
                deleted=formset.deleted_objects,
                by=request.user,
            )
        elif section == "tracks":
            services.save_tracks(
                edition=edition, saved=saved, deleted=formset.deleted_objects, by=request.user
            )
        else:
            services.save_criteria(
                edition=edition, saved=saved, deleted=formset.deleted_objects, by=request.user
            )
        messages.success(request, _("Your changes have been saved."))
        return redirect(f"{request.path}#{section}")
    return render(request, "conference/edition_structure.html", {"edition": edition, **formsets})


def _old_name(formset: Any, room: Any) -> str:
    """The name a saved room had before this change ("" for a new room)."""
    for form in formset.forms:
        if form.instance is room:
            return str(form.initial.get("name", "")) if room.pk else ""
    return ""


def _grid_context(
    edition: Edition, bound: PlaceForm | None = None, new_form: SessionForm | None = None
) -> dict[str, Any]:
    """The grid, each session with its small form (`session.place_form`); `bound` is the one
    just posted with its errors."""
    grid = selectors.programme_grid(edition)
    rooms = [c.key for c in grid["columns"] if c.key] if grid["by_rooms"] else []
    tracks = list(edition.tracks.all())
    placed = [
        session
        for day in grid["days"]
        for row in day["rows"]
        for _column, sessions in row["cells"]
        for session in sessions
    ]
    for session in [*placed, *grid["outside"]]:
        session.edition = edition
        if bound is not None and bound.session.pk == session.pk:
            session.place_form = bound
        else:
            session.place_form = PlaceForm(session=session, rooms=rooms, tracks=tracks)
    return {
        "edition": edition,
        "grid": grid,
        "conflicts": services.session_conflicts(edition),
        "new_form": new_form or SessionForm(edition=edition),
        "unsaved": bound.session if bound is not None else None,
    }


@permission_required(ORGANISE, raise_exception=True)
def programme_grid(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    return render(request, "conference/programme_grid.html", _grid_context(edition))


@permission_required(ORGANISE, raise_exception=True)
def programme_grid_current(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The navigation's way into the grid: the coming (or running) edition's."""
    edition = selectors.current_edition()
    if edition is None:
        return redirect("conference:organise")
    return redirect("conference:programme-grid", year=edition.year)


def _organiser_session(request: AuthenticatedHttpRequest, edition: Edition, pk: int) -> Session:
    """A session of this edition; one of another edition answers 404."""
    return get_object_for_user(
        Session.objects.filter(edition=edition).select_related("track", "edition"),
        user=request.user,
        perm="conference.change_session",
        path=request.path,
        pk=pk,
    )


def _saved_or_clash(form: Any, save: Any) -> bool:
    """Run the service; a clash that appeared since the form was checked goes to the form."""
    try:
        save()
    except services.ProgrammeClash as clash:
        for found in clash.clashes:
            form.add_error(None, clash_message(found))
        return False
    return True


@permission_required(ORGANISE, raise_exception=True)
@require_POST
def session_place(request: AuthenticatedHttpRequest, year: int, pk: int) -> HttpResponse:
    """The small form of a session in the grid. A clash is refused and shown in the grid."""
    edition = selectors.get_edition(year)
    session = _organiser_session(request, edition, pk)
    rooms = [room.name for room in edition.rooms.all()]
    form = PlaceForm(request.POST, session=session, rooms=rooms, tracks=list(edition.tracks.all()))
    if form.is_valid() and _saved_or_clash(
        form,
        lambda: services.place_session(session=session, by=request.user, **form.placement()),
    ):
        messages.success(request, _("“%(title)s” has been moved.") % {"title": session.title})
        return redirect(f"{reverse('conference:programme-grid', args=[edition.year])}#session-{pk}")
    return render(
        request, "conference/programme_grid.html", _grid_context(edition, bound=form), status=200
    )


def _session_form_page(
    request: AuthenticatedHttpRequest, edition: Edition, session: Session | None
) -> HttpResponse:
    form = SessionForm(request.POST or None, instance=session, edition=edition)
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        obj.edition = edition
        if _saved_or_clash(
            form,
            lambda: services.save_session(
                session=obj,
                speakers=form.cleaned_data["speakers"],
                new_speaker=form.new_speaker(),
                by=request.user,
            ),
        ):
            messages.success(request, pgettext("conference session", "The session has been saved."))
            return redirect(
                f"{reverse('conference:programme-grid', args=[edition.year])}#session-{obj.pk}"
            )
    context: dict[str, Any] = {"edition": edition, "session": session, "form": form}
    if session is not None:
        context["documents"] = list(session.documents.all())
        context["document_form"] = DocumentForm()
    return render(request, "conference/session_form.html", context)


@permission_required(ORGANISE, raise_exception=True)
@require_http_methods(["GET", "POST"])
def session_create(request: AuthenticatedHttpRequest, year: int) -> HttpResponse:
    return _session_form_page(request, selectors.get_edition(year), None)


@permission_required(ORGANISE, raise_exception=True)
@require_http_methods(["GET", "POST"])
def session_edit(request: AuthenticatedHttpRequest, year: int, pk: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    return _session_form_page(request, edition, _organiser_session(request, edition, pk))


@permission_required(ORGANISE, raise_exception=True)
@require_POST
def session_delete(request: AuthenticatedHttpRequest, year: int, pk: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    session = _organiser_session(request, edition, pk)
    if request.POST.get("confirm") != "1":
        messages.error(request, _("Tick the box to confirm that the session is to be removed."))
        return redirect("conference:session-edit", year=edition.year, pk=session.pk)
    services.delete_session(session=session, by=request.user)
    messages.success(request, _("“%(title)s” has been removed.") % {"title": session.title})
    return redirect("conference:programme-grid", year=edition.year)


@permission_required(ORGANISE, raise_exception=True)
@require_POST
def document_upload(request: AuthenticatedHttpRequest, year: int, pk: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    session = _organiser_session(request, edition, pk)
    document_form = DocumentForm(request.POST, request.FILES)
    if document_form.is_valid():
        services.add_document(
            session=session,
            title=document_form.cleaned_data["title"],
            upload=document_form.cleaned_data["file"],
            content_type=document_form.cleaned_data["content_type"],
            by=request.user,
        )
        messages.success(request, _("The document has been added."))
        return redirect(f"{reverse('conference:session-edit', args=[year, pk])}#documents")
    return render(
        request,
        "conference/session_form.html",
        {
            "edition": edition,
            "session": session,
            "form": SessionForm(instance=session, edition=edition),
            "documents": list(session.documents.all()),
            "document_form": document_form,
        },
    )


@permission_required(ORGANISE, raise_exception=True)
@require_POST
def document_delete(request: AuthenticatedHttpRequest, year: int, pk: int) -> HttpResponse:
    edition = selectors.get_edition(year)
    document = get_object_for_user(
        SessionDocument.objects.filter(session__edition=edition).select_related("session"),
        user=request.user,
        perm="conference.change_session",
        path=request.path,
        pk=pk,
    )
    session_pk = document.session_id
    services.delete_document(document=document, by=request.user)
    messages.success(request, _("The document has been removed."))
    return redirect(f"{reverse('conference:session-edit', args=[year, session_pk])}#documents")


@login_not_required
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    """Public once the programme is published; organisers always. Served as a download."""
    document = get_object_for_user(
        SessionDocument.objects.select_related("session__edition"),
        user=request.user,
        perm="conference.view_sessiondocument",
        path=request.path,
        pk=pk,
    )
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
