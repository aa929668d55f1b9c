"""Coaching pages. Members of a project see its shared coaching; the assigned coach and the
admin see everything, and their reads of private notes are audited."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samskapa.coaching import selectors, services
from samskapa.coaching.forms import (
    ActionForm,
    ActionStatusForm,
    AssignCoachForm,
    FirstNoteForm,
    NoteForm,
    SessionForm,
)
from samskapa.coaching.models import CoachAssignment, Session
from samskapa.core.typing import AuthenticatedHttpRequest
from samskapa.projects.models import Project


@permission_required("coaching.view_overview", raise_exception=True)
def overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "projects": selectors.coached_projects(user=user),
        "sessions": selectors.upcoming_sessions(user=user),
        "overdue": selectors.overdue_actions(user=user),
    }
    return render(request, "coaching/overview.html", context)


@permission_required("coaching.assign_coach", raise_exception=True)
@require_http_methods(["GET", "POST"])
def assignments(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = AssignCoachForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.assign_coach(
            project=form.cleaned_data["project"],
            coach=form.cleaned_data["coach"],
            by=request.user,
        )
        messages.success(request, _("The coach has been assigned."))
        return redirect("coaching:assignments")
    context = {"form": form, "assignments": selectors.list_assignments()}
    return render(request, "coaching/assignments.html", context, status=400 if form.errors else 200)


@permission_required("coaching.assign_coach", raise_exception=True)
@require_POST
def assignment_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assignment = get_object_or_404(CoachAssignment.objects.select_related("project"), pk=pk)
    services.remove_assignment(assignment=assignment, by=request.user)
    messages.success(request, _("The coach is no longer assigned to the project."))
    return redirect("coaching:assignments")


def project_coaching(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
    user = request.user
    project = selectors.get_project_for_user(
        user, project_pk, "coaching.view_coaching", request.path
    )
    sessions = list(selectors.sessions_for_project(user=user, project=project))
    services.record_private_read(
        user=user,
        notes=[note for session in sessions for note in session.notes.all()],
        obj=project,
        path=request.path,
    )
    context = {
        "project": project,
        "sessions": sessions,
        "coaches": CoachAssignment.objects.filter(project=project).select_related("coach"),
        "can_change": user.has_perm("coaching.change_coaching", project),
        "can_update_actions": user.has_perm("coaching.change_action_status", project),
        "status_form": ActionStatusForm(),
        "tools_url": _tools_url(project),
    }
    return render(request, "coaching/project_coaching.html", context)


def _tools_url(project: Project) -> str:
    """The project's development tools, read before the next session (where installed)."""
    try:
        return reverse("toolkit:overview", kwargs={"project_pk": project.pk})
    except NoReverseMatch:
        return ""


@require_http_methods(["GET", "POST"])
def session_create(request: AuthenticatedHttpRequest, project_pk: int) -> HttpResponse:
    user = request.user
    project = selectors.get_project_for_user(
        user, project_pk, "coaching.change_coaching", request.path
    )
    form = FirstNoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        session = services.create_session(
            project=project,
            coach=user,
            starts_at=form.cleaned_data["starts_at"],
            focus_areas=form.cleaned_data["focus_areas"],
            note=form.cleaned_data["note"],
            visibility=form.cleaned_data["visibility"],
        )
        messages.success(request, _("The session has been saved."))
        return redirect(session)
    return render(
        request,
        "coaching/session_form.html",
        {"form": form, "project": project},
        status=400 if form.errors else 200,
    )


def _session_context(
    request: AuthenticatedHttpRequest, session: Session, **forms: object
) -> dict[str, object]:
    user = request.user
    notes = list(
        selectors.visible_notes(user=user, project=session.project).filter(session=session)
    )
    services.record_private_read(user=user, notes=notes, obj=session, path=request.path)
    can_change = user.has_perm("coaching.change_coaching", session)
    context: dict[str, object] = {
        "session": session,
        "project": session.project,
        "notes": notes,
        "actions": selectors.actions_of_session(session),
        "can_change": can_change,
        "can_update_actions": user.has_perm("coaching.change_action_status", session),
        "status_form": ActionStatusForm(),
    }
    if can_change:
        context["note_form"] = forms.get("note_form") or NoteForm()
        context["action_form"] = forms.get("action_form") or ActionForm(project=session.project)
    return context


def session_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for_user(
        request.user, pk, "coaching.view_coaching", request.path
    )
    return render(request, "coaching/session_detail.html", _session_context(request, session))


@require_http_methods(["GET", "POST"])
def session_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for_user(
        request.user, pk, "coaching.change_coaching", request.path
    )
    initial = {"starts_at": session.starts_at, "focus_areas": session.focus_areas}
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_session(
            session=session,
            starts_at=form.cleaned_data["starts_at"],
            focus_areas=form.cleaned_data["focus_areas"],
            by=request.user,
        )
        messages.success(request, _("The session has been saved."))
        return redirect(session)
    return render(
        request,
        "coaching/session_form.html",
        {"form": form, "project": session.project, "session": session},
        status=400 if form.errors else 200,
    )


@require_POST
def note_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for_user(
        request.user, pk, "coaching.change_coaching", request.path
    )
    form = NoteForm(request.POST)
    if not form.is_valid():
        context = _session_context(request, session, note_form=form)
        return render(request, "coaching/session_detail.html", context, status=400)
    services.add_note(session=session, by=request.user, **form.cleaned_data)
    messages.success(request, _("The note has been saved."))
    return redirect(session)


@require_POST
def action_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = selectors.get_session_for_user(
        request.user, pk, "coaching.change_coaching", request.path
    )
    form = ActionForm(request.POST, project=session.project)
    if not form.is_valid():
        context = _session_context(request, session, action_form=form)
        return render(request, "coaching/session_detail.html", context, status=400)
    services.add_action(session=session, **form.cleaned_data)
    messages.success(request, _("The action has been added."))
    return redirect(session)


@require_POST
def action_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    action = selectors.get_action_for_user(
        request.user, pk, "coaching.change_action_status", request.path
    )
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        services.set_action_status(
            action=action, status=form.cleaned_data["status"], by=request.user
        )
        messages.success(request, _("The status of the action has been saved."))
    else:
        messages.error(request, _("Choose a status for the action."))
    return redirect("coaching:project", project_pk=action.project_id)
