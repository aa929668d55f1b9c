"""The material page comes from the public cache: the same for every anonymous reader, renewed
when the material is edited, published or withdrawn; the feedback form fetches its CSRF token
when it is sent, and nothing personal or a message is ever stored."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.core.models import CACHE_TABLE
from samskapa.library import selectors, services
from samskapa.library.models import Material
from tests.factories.accounts import staff
from tests.factories.library import MaterialFactory

pytestmark = pytest.mark.django_db


def _body(response: Any) -> str:
    return response.content.decode()


def test_an_anonymous_reader_sees_an_edit_publishing_and_withdrawal_at_once(
    client: Any,
) -> None:
    editor = staff(StaffRole.PROCESS_LEADER)
    material = MaterialFactory(title="Förändringsteori steg för steg")
    url = material.get_absolute_url()
    first = client.get(url)
    assert "Förändringsteori steg för steg" in _body(first)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    # The page from the shared cache and the visit counted there: no table of ours is read
    # (with Redis, as in production, no SQL at all).
    assert [q["sql"] for q in queries if "library_" in q["sql"]] == []
    assert all(
        CACHE_TABLE in q["sql"] or q["sql"].startswith(("SAVEPOINT", "RELEASE")) for q in queries
    )
    assert again["ETag"] == first["ETag"] and "public" in again["Cache-Control"]

    material.title = "Förändringsteori i tre steg"
    services.save_material(material=material, translation_of=None, by=editor)
    assert "Förändringsteori i tre steg" in _body(client.get(url))

    services.withdraw_material(material=material, by=editor)
    assert client.get(url).status_code == 404
    services.publish_material(material=material, by=editor)
    assert "Förändringsteori i tre steg" in _body(client.get(url))


def test_every_anonymous_visit_counts_also_from_the_cache(client: Any) -> None:
    material = MaterialFactory()
    for _ in range(3):
        assert client.get(material.get_absolute_url()).status_code == 200
    material.refresh_from_db()
    selectors.add_view_counts([material])
    assert material.views == 3


def test_views_wait_in_the_shared_cache_and_reach_the_database_in_batches(
    client: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(services, "VIEW_BATCH", 3)
    material = MaterialFactory()
    for _ in range(4):
        response = client.get(material.get_absolute_url())
        assert response.status_code == 200
    first_etag = response["ETag"]
    material.refresh_from_db()
    assert material.view_count == 3  # one batch written
    selectors.add_view_counts([material])
    assert material.views == 4  # and the fourth view still waiting, counted all the same
    again = client.get(material.get_absolute_url(), headers={"If-None-Match": first_etag})
    assert again.status_code == 304  # a browser's revisit counts too
    selectors.add_view_counts([material])
    assert material.views == 5
    assert client.get("/library/material/finns-inte/").status_code == 404
    assert cache.get(selectors.pending_views_key("finns-inte")) is None  # no key for a 404


def test_the_cached_page_has_no_token_and_its_form_fetches_one_when_sent(client: Any) -> None:
    material = MaterialFactory()
    body = _body(client.get(material.get_absolute_url()))
    assert "csrfmiddlewaretoken" not in body and "X-CSRFToken" not in body
    assert "data-token-on-use" in body and "core/js/token-on-use.js" in body
    assert "csrftoken" not in client.cookies

    token = client.get("/csrf-token")
    assert token["Content-Type"] == "application/json"
    assert "no-store" in token["Cache-Control"] and token.json()["token"]
    assert "csrftoken" in token.cookies


def test_without_javascript_the_answer_goes_to_the_feedback_page_to_be_sent(
    client: Any,
) -> None:
    material = MaterialFactory()
    url = reverse("library:material-feedback", kwargs={"slug": material.slug})
    page = _body(client.get(url, {"helpful": "no", "comment": "Saknar <exempel>"}))
    assert "csrfmiddlewaretoken" in page
    assert 'value="no" id="id_helpful_1" required checked' in page
    assert "Saknar &lt;exempel&gt;</textarea>" in page
    assert 'method="post"' in page


def test_no_message_or_personal_content_is_cached_nor_served_to_others() -> None:
    """An anonymous reader answers, a member of staff looks, another reader comes: each sees
    their own page, and the cached page is the same for every anonymous reader."""
    material = MaterialFactory(title="Samskapande i praktiken")
    url = material.get_absolute_url()
    feedback = reverse("library:material-feedback", kwargs={"slug": material.slug})
    reader, other = Client(), Client()
    before = reader.get(url)

    answered = reader.post(feedback, {"helpful": "yes", "comment": ""}, follow=True)
    assert "Thank you for your feedback!" in _body(answered) or "Tack för" in _body(answered)
    assert "public" not in answered.get("Cache-Control", "")
    # Later visits: the cached page, without the message, for both readers.
    for client in (reader, other):
        page = client.get(url)
        assert page["ETag"] == before["ETag"]
        assert "notice-success" not in _body(page)
    # Whether one has answered shows on the feedback page only, for that reader only.
    assert "feedback_given" not in _body(reader.get(url))
    assert 'method="post"' not in _body(reader.get(feedback))
    assert 'method="post"' in _body(other.get(feedback))

    team = Client()
    team.force_login(staff(StaffRole.COACH))
    staff_page = team.get(url)
    assert "staff-heading" in _body(staff_page)
    assert "public" not in staff_page.get("Cache-Control", "")
    assert "staff-heading" not in _body(other.get(url))
    # Six readers' visits, cached ones included; the member of staff is not counted.
    counted = Material.objects.get(pk=material.pk)
    selectors.add_view_counts([counted])
    assert counted.views == 6
