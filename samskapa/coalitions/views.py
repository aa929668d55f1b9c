"""Coalition pages: the coalition and its projects, meetings (plan, invite, attendance,
documentation), reflections, calendar feeds and the lessons register."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from samskapa.accounts.rules import is_centre_team
from samskapa.coaching import selectors as coaching_selectors
from samskapa.coalitions import assessments, ics, selectors, services
from samskapa.coalitions.enums import FollowUpStatus
from samskapa.coalitions.forms import (
    AttendanceForm,
    CoalitionForm,
    DocumentationForm,
    FollowUpForm,
    LessonFilterForm,
    LessonForm,
    MeetingForm,
    agenda_formset,
    agenda_items,
)
from samskapa.coalitions.models import CalendarFeed, Coalition, FollowUp, Meeting, Reflection
from samskapa.core.pagecache import personal_cache
from samskapa.core.typing import AuthenticatedHttpRequest
from samskapa.projects.models import Project


def _ics_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- Coalitions ---------------------------------------------------------------------------


@permission_required("coalitions.list_coalitions", raise_exception=True)
def coalition_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    coalitions = selectors.list_coalitions_for_user(user=request.user)
    page = Paginator(coalitions, 25).get_page(request.GET.get("page"))
    return render(request, "coalitions/coalition_list.html", {"page": page})


@permission_required("coalitions.add_coalition", raise_exception=True)
@require_http_methods(["GET", "POST"])
def coalition_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _coalition_form(request, Coalition())


@require_http_methods(["GET", "POST"])
def coalition_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    coalition = selectors.get_coalition_for_user(
        request.user, pk, "coalitions.change_coalition", request.path
    )
    return _coalition_form(request, coalition)


def _coalition_form(request: AuthenticatedHttpRequest, coalition: Coalition) -> HttpResponse:
    form = CoalitionForm(request.POST or None, instance=coalition)
    if request.method == "POST" and form.is_valid():
        coalition = services.save_coalition(
            coalition=form.save(commit=False),
            process_leaders=form.cleaned_data["process_leaders"],
            projects=form.cleaned_data["projects"],
            by=request.user,
        )
        messages.success(request, _("The coalition has been saved."))
        return redirect(coalition)
    context = {"form": form, "coalition": coalition if coalition.pk else None}
    return render(
        request, "coalitions/coalition_form.html", context, status=400 if form.errors else 200
    )


@personal_cache
def coalition_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    user = request.user
    coalition = selectors.get_coalition_for_user(
        user, pk, "coalitions.view_coalition", request.path
    )
    projects = selectors.coalition_projects(coalition)
    context = {
        "coalition": coalition,
        "leaders": coalition.process_leaders.order_by("name"),
        "projects": projects,
        "meetings": selectors.meetings_of(coalition),
        "can_manage": user.has_perm("coalitions.manage_meetings", coalition),
        "can_change": user.has_perm("coalitions.change_coalition", coalition),
        "feed_url": request.build_absolute_uri(
            reverse("coalitions:coalition-feed", args=[coalition.calendar_token])
        ),
        **assessments.development(coalition, projects),
    }
    return render(request, "coalitions/coalition_detail.html", context)


@require_POST
def coalition_feed_reset(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    coalition = selectors.get_coalition_for_user(
        request.user, pk, "coalitions.manage_meetings", request.path
    )
    services.reset_coalition_feed(coalition=coalition, by=request.user)
    messages.success(
        request, _("The coalition's calendar link has been replaced. The old link no longer works.")
    )
    return redirect(coalition)


# --- Meetings -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def meeting_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    coalition = selectors.get_coalition_for_user(
        request.user, pk, "coalitions.manage_meetings", request.path
    )
    return _meeting_form(request, Meeting(coalition=coalition))


@require_http_methods(["GET", "POST"])
def meeting_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(
        request.user, pk, "coalitions.manage_meetings", request.path
    )
    return _meeting_form(request, meeting)


def _meeting_form(request: AuthenticatedHttpRequest, meeting: Meeting) -> HttpResponse:
    form = MeetingForm(request.POST or None, instance=meeting)
    agenda = agenda_formset(meeting, request.POST or None)
    if request.method == "POST" and form.is_valid() and agenda.is_valid():
        meeting = services.save_meeting(
            meeting=form.save(commit=False), agenda=agenda_items(agenda), by=request.user
        )
        messages.success(request, _("The meeting has been saved."))
        return redirect(meeting)
    has_errors = bool(form.errors) or any(f.errors for f in agenda.forms)
    context = {"form": form, "agenda": agenda, "meeting": meeting, "coalition": meeting.coalition}
    return render(
        request, "coalitions/meeting_form.html", context, status=400 if has_errors else 200
    )


def _tools_url(project: Project, meeting: Meeting) -> str:
    """The project's tools as they were on the meeting date (the toolkit's overview)."""
    try:
        url = reverse("toolkit:overview", kwargs={"project_pk": project.pk})
    except NoReverseMatch:
        return ""
    return f"{url}?at={timezone.localdate(meeting.starts_at).isoformat()}"


def _meeting_context(
    request: AuthenticatedHttpRequest, meeting: Meeting, **forms: Any
) -> dict[str, Any]:
    user = request.user
    meeting = selectors.meeting_with_details(meeting)
    coalition = meeting.coalition
    projects = selectors.coalition_projects(coalition)
    can_manage = user.has_perm("coalitions.manage_meetings", meeting)
    reflections = list(selectors.reflections_of(meeting))
    if not is_centre_team(user):  # members read only their own projects' reflections
        own = set(Project.objects.filter(members__user_id=user.pk).values_list("pk", flat=True))
        reflections = [r for r in reflections if r.project_id in own]
        reflect_for = [p for p in projects if p.pk in own]
    else:
        reflect_for = projects if can_manage else []
    due = {project.pk for _m, project in selectors.reflections_due(user=user, meeting=meeting)}
    context: dict[str, Any] = {
        "meeting": meeting,
        "coalition": coalition,
        "rows": [{"project": p, "tools_url": _tools_url(p, meeting)} for p in projects],
        "reflections": reflections,
        "reflect_for": reflect_for,
        "reflection_due_for": due,
        "attendance": selectors.attendance_of(meeting),
        "can_manage": can_manage,
    }
    if can_manage:
        coalition_projects = selectors.projects_of_coalition(coalition)
        context["documentation_form"] = forms.get("documentation_form") or DocumentationForm(
            instance=meeting
        )
        context["lesson_form"] = forms.get("lesson_form") or LessonForm(projects=coalition_projects)
        context["follow_up_form"] = forms.get("follow_up_form") or FollowUpForm(
            projects=coalition_projects
        )
    return context


def meeting_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(
        request.user, pk, "coalitions.view_coalition", request.path
    )
    return render(request, "coalitions/meeting_detail.html", _meeting_context(request, meeting))


def meeting_ics(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(
        request.user, pk, "coalitions.view_coalition", request.path
    )
    url = request.build_absolute_uri(meeting.get_absolute_url())
    return _ics_response(ics.meeting_invitation(meeting, url=url), f"meeting-{meeting.pk}.ics")


@require_POST
def meeting_invite(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(
        request.user, pk, "coalitions.manage_meetings", request.path
    )
    try:
        count = services.send_invitations(
            meeting=meeting, by=request.user, site_url=request.build_absolute_uri("/")
        )
    except services.MeetingOver:
        messages.error(request, _("The meeting has ended, so no invitations were sent."))
        return redirect(meeting)
    text = ngettext(
        "An invitation has been sent to %(count)d person.",
        "Invitations have been sent to %(count)d people.",
        count,
    )
    messages.success(request, text % {"count": count})
    return redirect(meeting)


@require_http_methods(["GET", "POST"])
def meeting_attendance(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(
        request.user, pk, "coalitions.manage_meetings", request.path
    )
    current = [f"{a.user_id}:{a.project_id or ''}" for a in selectors.attendance_of(meeting)]
    form = AttendanceForm(
        request.POST or None,
        choices=selectors.attendance_choices(meeting),
        initial={"present": current},
    )
    if request.method == "POST" and form.is_valid():
        count = services.record_attendance(
            meeting=meeting, present=form.present_pairs(), by=request.user
        )
        messages.success(
            request, _("Attendance has been saved: %(count)d present.") % {"count": count}
        )
        return redirect(meeting)
    context = {"form": form, "meeting": meeting, "coalition": meeting.coalition}
    return render(
        request, "coalitions/meeting_attendance.html", context, status=400 if form.errors else 200
    )


@require_POST
def meeting_document(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.get_meeting_for_user(
        request.user, pk, "coalitions.manage_meetings", request.path
    )
    form = DocumentationForm(request.POST, instance=meeting)
    if not form.is_valid():
        context = _meeting_context(request, meeting, documentation_form=form)
        return render(request, "coalitions/meeting_detail.html", context, status=400)
    services.document_meeting(meeting=meeting, by=request.user, **form.cleaned_data)
    messages.success(request, _("The documentation has been saved."))
    return redirect(meeting.get_absolute_url() + "#documentation")


def _add_to_meeting(
    request: AuthenticatedHttpRequest,
    pk: int,
    *,
    form_class: type[LessonForm] | type[FollowUpForm],
    form_name: str,
    add: Callable[..., object],
    done: str,
    anchor: str,
) -> HttpResponse:
    """A form on the meeting page that adds something to the meeting (a lesson, a follow-up):
    shown again with its errors, or saved through `add` and back to its section."""
    meeting = selectors.get_meeting_for_user(
        request.user, pk, "coalitions.manage_meetings", request.path
    )
    form = form_class(request.POST, projects=selectors.projects_of_coalition(meeting.coalition_id))
    if not form.is_valid():
        context = _meeting_context(request, meeting, **{form_name: form})
        return render(request, "coalitions/meeting_detail.html", context, status=400)
    add(meeting=meeting, by=request.user, **form.cleaned_data)
    messages.success(request, done)
    return redirect(meeting.get_absolute_url() + anchor)


@require_POST
def lesson_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _add_to_meeting(
        request,
        pk,
        form_class=LessonForm,
        form_name="lesson_form",
        add=services.add_lesson,
        done=_("The lesson has been added."),
        anchor="#lessons",
    )


@require_POST
def follow_up_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _add_to_meeting(
        request,
        pk,
        form_class=FollowUpForm,
        form_name="follow_up_form",
        add=services.add_follow_up,
        done=_("The follow-up action has been added."),
        anchor="#follow-ups",
    )


@require_POST
def follow_up_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    follow_up = get_object_or_404(FollowUp.objects.select_related("meeting"), pk=pk)
    meeting = selectors.get_meeting_for_user(
        request.user, follow_up.meeting_id, "coalitions.manage_meetings", request.path
    )
    status = request.POST.get("status", "")
    if status in FollowUpStatus.values:
        services.set_follow_up_status(follow_up=follow_up, status=status, by=request.user)
        messages.success(request, _("The status of the follow-up action has been saved."))
    else:
        messages.error(request, _("Choose a status for the follow-up action."))
    return redirect(meeting.get_absolute_url() + "#follow-ups")


# --- Reflections --------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def reflection(request: AuthenticatedHttpRequest, pk: int, project_pk: int) -> HttpResponse:
    user = request.user
    meeting = selectors.get_meeting_for_user(user, pk, "coalitions.reflect", request.path)
    project = (
        Project.objects.filter(pk=project_pk, coalition_membership__coalition=meeting.coalition_id)
        .select_related("owner")
        .first()
    )
    # Members write for their own project; the process leader and the admin for any of them.
    if project is None or not (
        user.has_perm("coalitions.manage_meetings", meeting)
        or user.has_perm("projects.change_project", project)
    ):
        raise Http404
    existing = {r.timing: r for r in Reflection.objects.filter(meeting=meeting, project=project)}
    form = assessments.reflection_form(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.save_reflection(
            meeting=meeting,
            project=project,
            timing=form.cleaned_data["timing"],
            text=form.cleaned_data["text"],
            by=user,
        )
        assessments.save_assessment(form, project=project, meeting=meeting, by=user)
        messages.success(request, _("The reflection has been saved."))
        return redirect(meeting)
    context = {
        "form": form,
        "meeting": meeting,
        "coalition": meeting.coalition,
        "project": project,
        "existing": existing,
    }
    return render(
        request, "coalitions/reflection_form.html", context, status=400 if form.errors else 200
    )


# --- Calendar feeds -----------------------------------------------------------------------


def _token_ok(token: str) -> bool:
    return 20 <= len(token) <= 64


@login_not_required
def coalition_feed(request: HttpRequest, token: str) -> HttpResponse:
    coalition = Coalition.objects.filter(calendar_token=token).first() if _token_ok(token) else None
    if coalition is None:
        raise Http404
    data = ics.feed(coalition.name, selectors.meetings_for_calendar(coalition=coalition))
    return _ics_response(data, "coalition.ics")


@login_not_required
def user_feed(request: HttpRequest, token: str) -> HttpResponse:
    feed = (
        CalendarFeed.objects.select_related("user").filter(token=token).first()
        if _token_ok(token)
        else None
    )
    if feed is None or not feed.user.is_active:
        raise Http404
    user = feed.user
    data = ics.feed(
        "Samskapa",
        selectors.meetings_for_calendar(user=user),
        coaching_selectors.sessions_for_calendar(user=user),
    )
    return _ics_response(data, "samskapa.ics")


def my_calendar(request: AuthenticatedHttpRequest) -> HttpResponse:
    feed = services.calendar_feed_for(user=request.user)
    url = request.build_absolute_uri(reverse("coalitions:user-feed", args=[feed.token]))
    return render(request, "coalitions/my_calendar.html", {"feed_url": url})


@require_POST
def my_calendar_reset(request: AuthenticatedHttpRequest) -> HttpResponse:
    services.reset_calendar_feed(user=request.user)
    messages.success(
        request, _("Your calendar link has been replaced. The old link no longer works.")
    )
    return redirect("coalitions:my-calendar")


# --- Lessons register ---------------------------------------------------------------------


@permission_required("coalitions.view_lessons", raise_exception=True)
def lessons(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = LessonFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        # A filter that cannot be applied shows its error and no lessons, never all of them.
        return render(request, "coalitions/lessons.html", {"form": form, "page": None})
    data = form.cleaned_data if form.is_bound else {}
    filters = selectors.LessonFilters(
        q=(data.get("q") or "").strip(),
        focus_area=data.get("focus_area") or "",
        coalition=data.get("coalition"),
        call=data.get("call"),
        project=data.get("project"),
    )
    group = data.get("group") or ""
    if group:
        groups = selectors.lesson_counts(filters, group)
        context = {
            "form": form,
            "page": None,
            "group": group,
            "groups": groups,
            "total": selectors.lesson_total(filters),
        }
        return render(request, "coalitions/lessons.html", context)
    page = selectors.lesson_register(filters, page=request.GET.get("page"))
    return render(request, "coalitions/lessons.html", {"form": form, "page": page})
