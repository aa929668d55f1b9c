"""The public conference pages come from the shared cache (samskapa.core.pagecache) and change
at once when someone registers; what a registrant and a logged-in person see is never cached."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from samskapa.conference.models import Edition, Registration
from tests.conference.conftest import registration_data
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def _body(response: Any) -> str:
    return response.content.decode()


def test_a_registration_changes_the_places_left_at_once(
    client: Any, client_for: Any, edition: Edition
) -> None:
    with translation.override("en"):
        page = reverse("conference:edition-detail", args=[edition.year])
        register = reverse("conference:register", args=[edition.year])
    assert "2 places left" in _body(client.get(page))
    cached = client.get(page)
    assert "2 places left" in _body(cached)
    assert cached["Cache-Control"] == "public, max-age=60"

    # The registration form is stored too, but sent with the visitor's own CSRF token: private.
    form = client.get(register)
    assert "csrfmiddlewaretoken" in _body(form)
    assert form["Cache-Control"] == "private, no-cache"

    landed = client.post(register, registration_data(), follow=True)
    assert Registration.objects.filter(edition=edition).count() == 1
    assert "public" not in landed.get("Cache-Control", "")

    anonymous = client_for(None).get(page)
    assert "1 place left" in _body(anonymous)

    person = UserFactory(name="Greta Andersson")
    own = client_for(person).get(page)
    assert "Greta" in _body(own)
    assert "1 place left" in _body(own)
    assert "no-store" in own["Cache-Control"]
    assert "Greta" not in _body(client_for(None).get(page))


def test_the_stored_registration_form_shows_nothing_of_the_registrant_before(
    client_for: Any, edition: Edition
) -> None:
    """A visitor registers through the stored form; the next visitor gets the form from the
    cache with their own working token and nothing of the first; a logged-in person gets their
    own page; the form says at once when the conference is full."""
    with translation.override("en"):
        register = reverse("conference:register", args=[edition.year])
    first = Client(enforce_csrf_checks=True)
    form = _body(first.get(register))
    landed = first.post(
        register,
        registration_data(email="alva@example.se", csrfmiddlewaretoken=_token(form)),
    )
    assert landed.status_code == 200 and "alva@example.se" in _body(landed)
    assert "public" not in landed.get("Cache-Control", "")

    second = Client(enforce_csrf_checks=True)
    page = _body(second.get(register))
    assert "alva@example.se" not in page and "Alva" not in page
    assert 'class="messages"' not in page
    assert _token(page) != _token(form)
    landed = second.post(
        register,
        registration_data(email="bo@example.se", name="Bo Ek", csrfmiddlewaretoken=_token(page)),
    )
    assert "bo@example.se" in _body(landed)
    assert Registration.objects.filter(edition=edition).count() == 2

    # Two places taken of two: the stored form is renewed at once.
    third = _body(Client().get(register))
    assert "The conference is full." in third
    assert "bo@example.se" not in third

    person = UserFactory(name="Greta Andersson")
    own = client_for(person).get(register)
    assert "Greta" in _body(own) and "no-store" in own["Cache-Control"]
    assert "Greta" not in _body(Client().get(register))


def _token(body: str) -> str:
    return body.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
