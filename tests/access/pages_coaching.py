"""Coaching pages. Object pages point at the coaching of 23-012-S01 (projekt@'s project,
coached by coach@); other_member, the process leader, the evaluator and the funder get 404."""

from __future__ import annotations

from typing import Any

from samskapa.accounts.models import User
from samskapa.coaching.models import Action, CoachAssignment, Session
from samskapa.projects.models import Project
from tests.access.matrix import Page

ADMIN = frozenset({"admin"})
COACHES = frozenset({"admin", "coach"})
READERS = COACHES | {"member"}
FOUND = frozenset({302})


def _project() -> Project:
    return Project.objects.get(number="23-012-S01")


def _project_pk() -> dict[str, Any]:
    return {"project_pk": _project().pk}


def _session() -> dict[str, Any]:
    session = Session.objects.filter(project=_project()).order_by("starts_at").first()
    assert session is not None
    return {"pk": session.pk}


def _action() -> dict[str, Any]:
    action = Action.objects.filter(project=_project()).order_by("pk").first()
    assert action is not None
    return {"pk": action.pk}


def _assignment() -> dict[str, Any]:
    coach = User.objects.get(email="coach@samskapa.test")
    project = Project.objects.get(number="23-031-S01")
    assignment, _created = CoachAssignment.objects.get_or_create(project=project, coach=coach)
    return {"pk": assignment.pk}


PAGES = [
    Page("coaching:overview", COACHES),
    Page("coaching:assignments", ADMIN),
    Page(
        "coaching:assignment-remove",
        ADMIN,
        kwargs=_assignment,
        method="POST",
        ok=FOUND,
        scan=False,
    ),
    Page("coaching:project", READERS, kwargs=_project_pk, denied=404),
    Page("coaching:session-create", COACHES, kwargs=_project_pk, denied=404),
    Page("coaching:session-detail", READERS, kwargs=_session, denied=404),
    Page("coaching:session-edit", COACHES, kwargs=_session, denied=404),
    Page(
        "coaching:note-add",
        COACHES,
        kwargs=_session,
        method="POST",
        ok=FOUND,
        denied=404,
        data=lambda: {"text": "En delad anteckning.", "visibility": "shared"},
        scan=False,
    ),
    Page(
        "coaching:action-add",
        COACHES,
        kwargs=_session,
        method="POST",
        ok=FOUND,
        denied=404,
        data=lambda: {"text": "Boka nästa träff", "due_on": "2030-01-15"},
        scan=False,
    ),
    Page(
        "coaching:action-status",
        READERS,
        kwargs=_action,
        method="POST",
        ok=FOUND,
        denied=404,
        data=lambda: {"status": "done"},
        scan=False,
    ),
]
