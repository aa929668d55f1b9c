"""The public conference pages come from the shared cache (samskapa.core.pagecache) and change
at once when someone registers; what a registrant and a logged-in person see is never cached."""

from __future__ import annotations

from typing import Any

import pytest
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

    # The registration form has a CSRF token: it is not a public page.
    form = client.get(register)
    assert "csrfmiddlewaretoken" in _body(form)
    assert "public" not in form.get("Cache-Control", "")

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
