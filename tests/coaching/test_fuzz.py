"""Whatever is typed into the coaching and meeting forms, the answer is a redirect or a form
with errors (400), never a server error."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samskapa.accounts.models import User
from samskapa.coaching.models import Session
from samskapa.coalitions.models import Coalition
from tests.factories.coalitions import CoalitionFactory, process_leader_of

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
TEXT = st.text(max_size=60)


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def coalition(db: Any) -> Coalition:
    return CoalitionFactory()


@pytest.fixture
def leader(coalition: Coalition) -> User:
    return process_leader_of(coalition)


@FUZZ
@given(text=TEXT, visibility=TEXT, is_lesson=TEXT, area=TEXT)
def test_note_form_never_fails(
    session: Session, text: str, visibility: str, is_lesson: str, area: str
) -> None:
    assert session.coach is not None
    response = _client(session.coach).post(
        reverse("coaching:note-add", args=[session.pk]),
        {"text": text, "visibility": visibility, "is_lesson": is_lesson, "focus_areas": [area]},
    )
    assert response.status_code in {302, 400}


@FUZZ
@given(title=TEXT, starts=TEXT, ends=TEXT, place=TEXT, link=TEXT, total=TEXT)
def test_meeting_form_never_fails(
    coalition: Coalition,
    leader: User,
    title: str,
    starts: str,
    ends: str,
    place: str,
    link: str,
    total: str,
) -> None:
    data: dict[str, Any] = {
        "title": title,
        "starts_at": starts,
        "ends_at": ends,
        "place": place,
        "online_link": link,
        "agenda-TOTAL_FORMS": total,
        "agenda-INITIAL_FORMS": "0",
        "agenda-0-title": title,
    }
    response = _client(leader).post(reverse("coalitions:meeting-create", args=[coalition.pk]), data)
    assert response.status_code in {302, 400}
