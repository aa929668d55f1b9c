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

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
TEXT = st.text(max_size=60)


def _client(email: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(email=email))
    return client


@FUZZ
@given(text=TEXT, visibility=TEXT, is_lesson=TEXT, area=TEXT)
def test_note_form_never_fails(text: str, visibility: str, is_lesson: str, area: str) -> None:
    session = Session.objects.filter(project__number="23-012-S01").first()
    assert session is not None
    response = _client("coach@samskapa.test").post(
        reverse("coaching:note-add", args=[session.pk]),
        {"text": text, "visibility": visibility, "is_lesson": is_lesson, "focus_areas": [area]},
    )
    assert response.status_code in {302, 400}


@FUZZ
@given(title=TEXT, starts=TEXT, ends=TEXT, place=TEXT, link=TEXT, total=TEXT)
def test_meeting_form_never_fails(
    title: str, starts: str, ends: str, place: str, link: str, total: str
) -> None:
    coalition = Coalition.objects.get(name="Vägar till arbete")
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
    response = _client("processledare@samskapa.test").post(
        reverse("coalitions:meeting-create", args=[coalition.pk]), data
    )
    assert response.status_code in {302, 400}
