"""The coalitions' pages. Object pages point at a coalition holding the member's project
(`world.project`), led by the matrix's process leader; other_member's project is in another
coalition of the call, so other_member gets 404 on the first one."""

from __future__ import annotations

from typing import Any

from samskapa.coalitions.models import Coalition, Meeting
from tests.access.matrix import CENTRE_TEAM, EVERYONE, LOGGED_IN, Page
from tests.access.world import World
from tests.factories.coalitions import (
    CalendarFeedFactory,
    FollowUpFactory,
    LessonFactory,
    MeetingFactory,
    coalition_of,
    process_leader_of,
)

ADMIN = frozenset({"admin"})
MANAGERS = frozenset({"admin", "process_leader"})
READERS = CENTRE_TEAM | {"member"}
FOUND = frozenset({302})


def _coalition(world: World) -> Coalition:
    def build() -> Coalition:
        # On the demo world (DemoWorld) both projects already have their coalitions.
        existing = Coalition.objects.filter(members__project=world.project).first()
        if existing is not None:
            process_leader_of(existing, world.users["process_leader"])
            return existing
        coalition_of(world.other_project)  # other_member has a coalition, not this one
        return coalition_of(world.project, process_leaders=[world.users["process_leader"]])

    return world.get("coalition", build)


def _coalitions(world: World) -> dict[str, Any]:
    _coalition(world)
    return {}


def _coalition_pk(world: World) -> dict[str, Any]:
    return {"pk": _coalition(world).pk}


def _meeting_object(world: World) -> Meeting:
    return world.get("meeting", lambda: MeetingFactory(coalition=_coalition(world), in_days=-7))


def _meeting(world: World) -> dict[str, Any]:
    return {"pk": _meeting_object(world).pk}


def _reflection(world: World) -> dict[str, Any]:
    return {**_meeting(world), "project_pk": world.project.pk}


def _follow_up(world: World) -> dict[str, Any]:
    follow_up = world.get("follow_up", lambda: FollowUpFactory(meeting=_meeting_object(world)))
    return {"pk": follow_up.pk}


def _coalition_token(world: World) -> dict[str, Any]:
    return {"token": _coalition(world).calendar_token}


def _user_token(world: World) -> dict[str, Any]:
    feed = world.get("feed", lambda: CalendarFeedFactory(user=world.users["member"]))
    return {"token": feed.token}


def _with_meeting(world: World) -> dict[str, Any]:
    _meeting_object(world)
    return {}


def _lessons(world: World) -> dict[str, Any]:
    world.get(
        "lesson",
        lambda: LessonFactory(
            meeting=_meeting_object(world),
            text="Arbetsgivare vill vara med tidigt.",
            focus_areas=["collaboration"],
            projects=[world.project],
        ),
    )
    return {}


def _lesson() -> dict[str, Any]:
    return {"text": "En lärdom från åtkomsttestet.", "focus_areas": ["causes"]}


PAGES = [
    Page("coalitions:coalition-list", CENTRE_TEAM | {"member", "other_member"}, kwargs=_coalitions),
    Page("coalitions:coalition-create", ADMIN, kwargs=_coalitions),
    Page("coalitions:coalition-detail", READERS, kwargs=_coalition_pk, denied=404),
    Page("coalitions:coalition-edit", ADMIN, kwargs=_coalition_pk, denied=404),
    Page(
        "coalitions:coalition-feed-reset",
        MANAGERS,
        kwargs=_coalition_pk,
        method="POST",
        ok=FOUND,
        denied=404,
        scan=False,
    ),
    Page("coalitions:meeting-create", MANAGERS, kwargs=_coalition_pk, denied=404),
    Page("coalitions:meeting-detail", READERS, kwargs=_meeting, denied=404),
    Page("coalitions:meeting-edit", MANAGERS, kwargs=_meeting, denied=404),
    Page("coalitions:meeting-ics", READERS, kwargs=_meeting, denied=404, scan=False),
    Page(
        "coalitions:meeting-invite",
        MANAGERS,
        kwargs=_meeting,
        method="POST",
        ok=FOUND,
        denied=404,
        scan=False,
    ),
    Page("coalitions:meeting-attendance", MANAGERS, kwargs=_meeting, denied=404),
    Page(
        "coalitions:meeting-document",
        MANAGERS,
        kwargs=_meeting,
        method="POST",
        ok=FOUND,
        denied=404,
        data=lambda: {"notes": "Anteckningar.", "key_insights": ""},
        scan=False,
    ),
    Page(
        "coalitions:lesson-add",
        MANAGERS,
        kwargs=_meeting,
        method="POST",
        ok=FOUND,
        denied=404,
        data=_lesson,
        scan=False,
    ),
    Page(
        "coalitions:follow-up-add",
        MANAGERS,
        kwargs=_meeting,
        method="POST",
        ok=FOUND,
        denied=404,
        data=lambda: {"text": "Skicka ut anteckningarna"},
        scan=False,
    ),
    Page(
        "coalitions:follow-up-status",
        MANAGERS,
        kwargs=_follow_up,
        method="POST",
        ok=FOUND,
        denied=404,
        data=lambda: {"status": "done"},
        scan=False,
    ),
    Page(
        "coalitions:reflection",
        frozenset({"admin", "process_leader", "member"}),
        kwargs=_reflection,
        denied=404,
    ),
    Page("coalitions:coalition-feed", EVERYONE, kwargs=_coalition_token, scan=False),
    Page(
        "coalitions:coalition-feed",
        EVERYONE,
        kwargs=lambda world: {"token": "x" * 43},
        ok=frozenset({404}),
        scan=False,
        variant="bad-token",
    ),
    Page("coalitions:user-feed", EVERYONE, kwargs=_user_token, scan=False),
    Page(
        "coalitions:user-feed",
        EVERYONE,
        kwargs=lambda world: {"token": "y" * 43},
        ok=frozenset({404}),
        scan=False,
        variant="bad-token",
    ),
    Page("coalitions:my-calendar", LOGGED_IN, kwargs=_with_meeting),
    Page(
        "coalitions:my-calendar-reset",
        LOGGED_IN,
        kwargs=_with_meeting,
        method="POST",
        ok=FOUND,
        scan=False,
    ),
    Page("coalitions:lessons", CENTRE_TEAM, kwargs=_lessons),
    Page(
        "coalitions:lessons",
        CENTRE_TEAM,
        kwargs=_lessons,
        query="?q=arbetsgivare&focus_area=collaboration",
        variant="search",
    ),
]
