"""Public pages from the shared cache (samskapa.core.pagecache): served to anonymous visitors
per language and address, renewed exactly when a service changes their content, never for a
logged-in person or with a message."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.template import engines
from django.urls import reverse
from django.utils import translation

from samskapa.accounts.enums import StaffRole
from samskapa.conference import services as conference_services
from samskapa.conference.models import Edition
from samskapa.core.pagecache import CSRF_PLACEHOLDER, public_cache
from samskapa.library import services as library_services
from samskapa.library.models import Material
from tests.factories.accounts import UserFactory, staff
from tests.factories.conference import TODAY, EditionFactory
from tests.factories.library import DraftFactory, MaterialFactory

pytestmark = pytest.mark.django_db

LIBRARY = "/library/"


def _body(response: Any) -> str:
    return response.content.decode()


def _anonymous_request(rf: Any, path: str) -> Any:
    """A GET from a visitor without an account, with a session and messages, as the middleware
    would leave it for the view."""
    request = rf.get(path)
    request.user = AnonymousUser()
    SessionMiddleware(lambda r: HttpResponse()).process_request(request)
    MessageMiddleware(lambda r: HttpResponse()).process_request(request)
    return request


def test_the_second_anonymous_visit_is_served_from_the_cache(
    client: Any, django_assert_max_num_queries: Any
) -> None:
    MaterialFactory(title="Förändringsteori steg för steg")
    first = client.get(LIBRARY)
    assert "Förändringsteori steg för steg" in _body(first)
    # Changed behind the services' back: the cached page is still the one served …
    Material.objects.update(title="Ändrad utan tjänst")
    with django_assert_max_num_queries(1):  # the one read of the shared cache
        second = client.get(LIBRARY)
    assert second.status_code == 200
    assert "Förändringsteori steg för steg" in _body(second)
    assert second["ETag"] == first["ETag"]


def test_publishing_editing_and_withdrawing_show_at_once(client: Any) -> None:
    editor = staff(StaffRole.PROCESS_LEADER)
    draft = DraftFactory(title="Mall för ekosystemkarta")
    assert "Mall för ekosystemkarta" not in _body(client.get(LIBRARY))

    library_services.publish_material(material=draft, by=editor)
    assert "Mall för ekosystemkarta" in _body(client.get(LIBRARY))

    draft.title = "Mall för ekosystemkarta, andra upplagan"
    library_services.save_material(material=draft, translation_of=None, by=editor)
    assert "Mall för ekosystemkarta, andra upplagan" in _body(client.get(LIBRARY))

    library_services.withdraw_material(material=draft, by=editor)
    assert "Mall för ekosystemkarta" not in _body(client.get(LIBRARY))


def test_an_edition_edit_shows_at_once_on_the_conference_pages(client: Any) -> None:
    with time_machine.travel(TODAY, tick=False):
        edition = EditionFactory(venue="Malmö")
        page = reverse("conference:edition-detail", args=[edition.year])
        assert "Malmö" in _body(client.get(page))
        assert "Malmö" in _body(client.get(page))  # from the cache

        edition.venue = "Umeå"
        conference_services.save_edition(edition=edition, by=None, fields=["venue"])
        body = _body(client.get(page))
    assert "Umeå" in body
    assert "Malmö" not in body


def test_a_logged_in_person_never_gets_a_cached_page_nor_stores_one(
    client: Any, client_for: Any
) -> None:
    MaterialFactory(title="Första titeln")
    person = UserFactory(name="Greta Andersson")

    # Someone logged in visits first: nothing is stored for the anonymous visitors after them.
    own = client_for(person).get(LIBRARY)
    assert "Greta" in _body(own)
    assert "public" not in own["Cache-Control"]
    assert "no-store" in own["Cache-Control"]
    Material.objects.update(title="Andra titeln")
    anonymous = client_for(None).get(LIBRARY)
    assert "Andra titeln" in _body(anonymous)  # rendered afresh, then stored
    assert "Greta" not in _body(anonymous)

    # The anonymous page is stored now; a logged-in person still gets their own page.
    Material.objects.update(title="Tredje titeln")
    own = client_for(person).get(LIBRARY)
    assert "Tredje titeln" in _body(own)
    assert "Greta" in _body(own)
    assert "no-store" in own["Cache-Control"]


def test_a_page_with_a_message_is_neither_served_from_nor_stored_in_the_cache(
    client: Any, client_for: Any
) -> None:
    person = UserFactory()
    home = reverse("core:home")
    assert client.get(home).status_code == 200  # the anonymous home is stored

    # Logging out lands on the home page with a message: not the stored page, and not stored.
    logged_in = client_for(person)
    landed = logged_in.post(reverse("account_logout"), follow=True)
    assert landed.redirect_chain[-1][0] == home
    assert 'class="messages"' in _body(landed)
    assert "public" not in landed.get("Cache-Control", "")

    again = client.get(home)
    assert 'class="messages"' not in _body(again)
    assert "public" in again["Cache-Control"]


def test_the_swedish_and_english_pages_are_cached_apart(client: Any) -> None:
    for _round in range(2):  # the second round comes from the cache
        swedish = client.get("/")
        english = client.get("/en/")
        assert '<html lang="sv">' in _body(swedish)
        assert '<html lang="en">' in _body(english)
        assert swedish["Content-Language"] == "sv"
        assert english["Content-Language"] == "en"
        assert swedish["ETag"] != english["ETag"]


def test_headers_let_browsers_and_proxies_help(client: Any) -> None:
    for _round in range(2):  # stored, then from the cache
        response = client.get("/en/about/")
        assert response["Cache-Control"] == "public, max-age=60"
        assert response["ETag"].startswith('"')
        assert response["Last-Modified"]
        assert "Cookie" in response["Vary"]
        assert not response.cookies  # no CSRF cookie, no session
        assert "X-CSRFToken" not in _body(response)
        assert "csrfmiddlewaretoken" not in _body(response)

    unchanged = client.get("/en/about/", headers={"If-None-Match": response["ETag"]})
    assert unchanged.status_code == 304


def test_a_logged_in_person_still_gets_the_csrf_header(client_for: Any) -> None:
    body = _body(client_for(UserFactory()).get("/en/about/"))
    assert "X-CSRFToken" in body


def test_a_page_with_a_form_is_stored_with_each_visitors_own_token(rf: Any) -> None:
    """A marked page with a form is rendered once; each response carries the visitor's own CSRF
    token (and so sets the cookie: private, never for a proxy)."""
    template = engines["django"].from_string("{% csrf_token %}{{ visit }}")
    visits = []

    @public_cache("library")
    def page(request: Any) -> HttpResponse:
        visits.append(1)
        return HttpResponse(template.render({"visit": len(visits)}, request))

    tokens = []
    for _ in range(2):
        request = _anonymous_request(rf, "/a-page-with-a-form/")
        response = page(request)
        body = _body(response)
        assert CSRF_PLACEHOLDER not in body
        token = body.split('value="')[1].split('"')[0]
        assert len(token) == len(CSRF_PLACEHOLDER)
        tokens.append(token)
        # The token belongs to this request's CSRF secret (the cookie the middleware sets).
        assert _unmask_cipher_token(token) == request.META["CSRF_COOKIE"]
        assert response["Cache-Control"] == "private, no-cache"
        assert "ETag" not in response
    assert len(visits) == 1 and body.endswith("1")  # the second from the cache
    assert tokens[0] != tokens[1]


def test_a_page_whose_view_asks_for_a_token_itself_is_not_stored(rf: Any) -> None:
    visits = []

    @public_cache("library")
    def page(request: Any) -> HttpResponse:
        visits.append(1)
        return HttpResponse(f"{get_token(request)} {len(visits)}")

    for _ in range(2):
        request = _anonymous_request(rf, "/a-page-with-its-own-token/")
        response = page(request)
    assert len(visits) == 2 and _body(response).endswith("2")
    assert "public" not in response.get("Cache-Control", "")


def test_addresses_with_a_query_are_not_cached(client: Any) -> None:
    MaterialFactory(title="Första titeln")
    client.get(LIBRARY + "?topic=collaboration")
    Material.objects.update(title="Andra titeln")
    assert "Andra titeln" in _body(client.get(LIBRARY + "?topic=collaboration"))


def test_a_new_edition_shows_at_once_on_the_conference_start_page(client: Any) -> None:
    with translation.override("sv"), time_machine.travel(TODAY, tick=False):
        client.get(reverse("conference:index"))
        edition = Edition(
            year=2199,
            title_sv="Nya konferensen",
            title_en="The new conference",
            theme_sv="Tema",
            theme_en="Theme",
            starts_on=TODAY,
            ends_on=TODAY,
            venue="Luleå",
            capacity=10,
            languages=["sv"],
            call_opens_on=TODAY,
            call_closes_on=TODAY,
            registration_opens_on=TODAY,
            registration_closes_on=TODAY,
        )
        conference_services.save_edition(edition=edition, by=None)
        assert "Nya konferensen" in _body(client.get(reverse("conference:index")))
