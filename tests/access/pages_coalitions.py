"""The coalitions' pages. Object pages point at the coalition "Vägar till arbete", which holds
the member's project (23-012-S01, projekt@); other_member's project is in the other coalition,
so other_member gets 404 there. Process leader = processledare@, who leads that coalition."""

from __future__ import annotations

from typing import Any

from samskapa.accounts.models import User
from samskapa.coalitions.models import CalendarFeed, Coalition, FollowUp, Meeting
from samskapa.projects.models import Project
from tests.access.matrix import CENTRE_TEAM, EVERYONE, LOGGED_IN, Page

ADMIN = frozenset({"admin"})
MANAGERS = frozenset({"admin", "process_leader"})
READERS = CENTRE_TEAM | {"member"}
FOUND = frozenset({302})


def _coalition() -> Coalition:
    return Coalition.objects.get(name="Vägar till arbete")


def _coalition_pk() -> dict[str, Any]:
    return {"pk": _coalition().pk}


def _meeting() -> dict[str, Any]:
    meeting = Meeting.objects.filter(coalition=_coalition()).order_by("starts_at").first()
    assert meeting is not None
    return {"pk": meeting.pk}


def _reflection() -> dict[str, Any]:
    return {**_meeting(), "project_pk": Project.objects.get(number="23-012-S01").pk}


def _follow_up() -> dict[str, Any]:
    follow_up = FollowUp.objects.filter(meeting__coalition=_coalition()).order_by("pk").first()
    assert follow_up is not None
    return {"pk": follow_up.pk}


def _coalition_token() -> dict[str, Any]:
    return {"token": _coalition().calendar_token}


def _user_token() -> dict[str, Any]:
    user = User.objects.get(email="projekt@samskapa.test")
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return {"token": feed.token}


def _lesson() -> dict[str, Any]:
    return {"text": "En lärdom från åtkomsttestet.", "focus_areas": ["causes"]}


PAGES = [
    Page("coalitions:coalition-list", CENTRE_TEAM | {"member", "other_member"}),
    Page("coalitions:coalition-create", ADMIN),
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
        kwargs=lambda: {"token": "x" * 43},
        ok=frozenset({404}),
        scan=False,
        variant="bad-token",
    ),
    Page("coalitions:user-feed", EVERYONE, kwargs=_user_token, scan=False),
    Page(
        "coalitions:user-feed",
        EVERYONE,
        kwargs=lambda: {"token": "y" * 43},
        ok=frozenset({404}),
        scan=False,
        variant="bad-token",
    ),
    Page("coalitions:my-calendar", LOGGED_IN),
    Page("coalitions:my-calendar-reset", LOGGED_IN, method="POST", ok=FOUND, scan=False),
    Page("coalitions:lessons", CENTRE_TEAM),
    Page(
        "coalitions:lessons",
        CENTRE_TEAM,
        query="?q=arbetsgivare&focus_area=collaboration",
        variant="search",
    ),
]
