"""Coaching pages. Object pages point at the coaching of the member's project (`world.project`),
to which the matrix's coach is assigned; other_member, the process leader, the evaluator and
the funder get 404."""

from __future__ import annotations

from typing import Any

from samskapa.coaching.models import Session
from tests.access.matrix import Page
from tests.access.world import World
from tests.factories.coaching import ActionFactory, CoachAssignmentFactory, SessionFactory

ADMIN = frozenset({"admin"})
COACHES = frozenset({"admin", "coach"})
READERS = COACHES | {"member"}
FOUND = frozenset({302})


def _coached(world: World) -> dict[str, Any]:
    world.get(
        "coach_assignment",
        lambda: CoachAssignmentFactory(project=world.project, coach=world.users["coach"]),
    )
    return {}


def _project_pk(world: World) -> dict[str, Any]:
    _coached(world)
    return {"project_pk": world.project.pk}


def _coaching(world: World) -> dict[str, Any]:
    _session_object(world)
    return {}


def _session_object(world: World) -> Session:
    _coached(world)
    return world.get(
        "session", lambda: SessionFactory(project=world.project, coach=world.users["coach"])
    )


def _session(world: World) -> dict[str, Any]:
    return {"pk": _session_object(world).pk}


def _action(world: World) -> dict[str, Any]:
    action = world.get("action", lambda: ActionFactory(session=_session_object(world)))
    return {"pk": action.pk}


def _assignment(world: World) -> dict[str, Any]:
    # A coaching assignment of another project: the admin removes it.
    assignment = world.get(
        "other_assignment",
        lambda: CoachAssignmentFactory(project=world.other_project, coach=world.users["coach"]),
    )
    return {"pk": assignment.pk}


PAGES = [
    Page("coaching:overview", COACHES, kwargs=_coaching),
    Page("coaching:assignments", ADMIN, kwargs=_coaching),
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
