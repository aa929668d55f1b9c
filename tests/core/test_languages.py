"""Which language a page speaks: the address decides (docs/architecture.md, "Which language a
page speaks"). Swedish at today's addresses, English under /en/, a logged-in person's choice
kept in their account, and no cookie or Accept-Language switching anyone to English."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse, translate_url
from django.utils import translation

from samskapa.accounts.enums import StaffRole
from samskapa.conference.services import registration_message
from tests.access.matrix import Page
from tests.access.test_access_matrix import PAGES
from tests.access.world import World
from tests.factories.accounts import PASSWORD, UserFactory, staff
from tests.factories.conference import EditionFactory, RegistrationFactory

PUBLIC_PAGES = [
    page
    for page in PAGES
    if page.method == "GET"
    and "anonymous" in page.allowed
    and page.ok == frozenset({200})
    and page.name not in {"healthz", "security-txt", "csrf-token"}
    and not page.name.startswith("api:")  # machines' addresses, one for both languages
]
pytestmark = pytest.mark.django_db
HREFLANG = re.compile(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">')


def _urls(page: Page, world: World) -> tuple[str, str]:
    """The page's Swedish address (as reversed by code that knows no language) and English
    one (the page's address reversed in English, with the objects built for the Swedish one)."""
    swedish = page.url(world)
    with translation.override("sv"):  # resolved in the language of the address
        english = translate_url(swedish, "en")
    return swedish, english


def _hreflang(html: str) -> dict[str, str]:
    return {code: unescape(href) for code, href in HREFLANG.findall(html)}


@pytest.mark.django_db
@pytest.mark.parametrize("page", PUBLIC_PAGES, ids=[page.label for page in PUBLIC_PAGES])
def test_every_public_page_answers_in_english_under_en(page: Page, client: Client) -> None:
    world = World()
    swedish, english = _urls(page, world)
    assert not swedish.startswith("/en/")
    assert english == "/en" + swedish
    response = client.get(english, HTTP_ACCEPT_LANGUAGE="sv-SE,sv")
    assert response.status_code == 200, english
    assert response["Content-Language"] == "en"
    if not response["Content-Type"].startswith("text/html"):
        return
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html and "Hoppa till innehållet" not in html
    links = _hreflang(html)
    assert links == {
        "sv": f"http://testserver{swedish}",
        "en": f"http://testserver{english}",
        "x-default": f"http://testserver{swedish}",
    }
    switch = re.search(r'<a class="language-switch[^"]*" href="([^"]+)"', html)
    assert switch is not None and switch.group(1) == swedish.replace("&", "&amp;")


@pytest.mark.django_db
@pytest.mark.parametrize("page", PUBLIC_PAGES, ids=[page.label for page in PUBLIC_PAGES])
def test_swedish_addresses_stay_swedish_whatever_the_browser_says(
    page: Page, client: Client
) -> None:
    swedish, english = _urls(page, World())
    response = client.get(swedish, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 200, swedish
    assert response["Content-Language"] == "sv"
    if response["Content-Type"].startswith("text/html"):
        html = response.content.decode()
        assert '<html lang="sv">' in html
        assert "Hoppa till innehållet" in html
        assert _hreflang(html)["en"] == f"http://testserver{english}"
        assert f'href="{english.replace("&", "&amp;")}" hreflang="en" lang="en">In English' in html


def test_machine_and_admin_addresses_have_no_language(client: Client) -> None:
    assert reverse("healthz") == "/healthz"
    with translation.override("en"):
        assert reverse("healthz") == "/healthz"
        assert reverse("security-txt") == "/.well-known/security.txt"
        assert reverse("admin:index") == "/admin/"
    assert client.get("/en/healthz").status_code == 404
    assert client.get("/en/.well-known/security.txt").status_code == 404
    assert client.get("/healthz").status_code == 200


def test_static_files_are_served_at_one_address(client: Client) -> None:
    response = client.get("/static/core/css/samskapa.css")
    assert response.status_code == 200
    assert client.get("/en/static/core/css/samskapa.css").status_code == 404


def test_admin_speaks_the_account_language(client_for: Any) -> None:
    admin = staff(StaffRole.ADMIN, language="en")
    response = client_for(admin).get("/admin/")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()


def test_a_logged_in_person_who_chose_english_is_sent_to_the_english_address(
    client_for: Any,
) -> None:
    person = UserFactory(language="en")
    client = client_for(person)
    response = client.get("/about/?x=1")
    assert response.status_code == 302
    assert response["Location"] == "/en/about/?x=1"
    assert client.get("/home/")["Location"] == "/en/home/"
    page = client.get("/en/home/")
    assert page.status_code == 200
    assert '<html lang="en">' in page.content.decode()
    # Posts are not redirected (a form keeps what was typed), and machine addresses neither.
    assert client.get("/healthz").status_code == 200


def test_a_swedish_speaker_following_an_english_link_sees_the_english_page(
    client_for: Any,
) -> None:
    client = client_for(UserFactory(language="sv"))
    response = client.get("/en/about/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert client.get("/about/").status_code == 200


def test_the_switch_of_a_logged_in_person_is_kept_in_the_account(client_for: Any) -> None:
    person = UserFactory(language="sv")
    client = client_for(person)
    html = client.get("/about/?page=2").content.decode()
    assert 'href="/en/about/?page=2&amp;lang=en" hreflang="en" lang="en">In English' in html
    response = client.get("/en/about/?page=2&lang=en")
    assert response.status_code == 302
    assert response["Location"] == "/en/about/?page=2"
    person.refresh_from_db()
    assert person.language == "en"
    # Back to Swedish the same way.
    html = client.get("/en/about/").content.decode()
    assert 'href="/about/?lang=sv" hreflang="sv" lang="sv">På svenska' in html
    assert client.get("/about/?lang=sv")["Location"] == "/about/"
    person.refresh_from_db()
    assert person.language == "sv"
    assert client.get("/about/").status_code == 200


def test_the_switch_of_an_anonymous_visitor_is_a_plain_link_and_sets_no_cookie(
    client: Client,
) -> None:
    response = client.get("/about/")
    assert 'href="/en/about/" hreflang="en" lang="en">In English' in response.content.decode()
    assert "samskapa_language" not in response.cookies
    assert "django_language" not in response.cookies


def test_the_old_switch_redirects_to_the_address_in_that_language(client_for: Any) -> None:
    person = UserFactory(language="sv")
    client = client_for(person)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/about/?q=1"})
    assert response.status_code == 302
    assert response["Location"] == "/en/about/?q=1"
    person.refresh_from_db()
    assert person.language == "en"
    response = client.post("/i18n/setlang/", {"language": "sv", "next": "/en/about/"})
    assert response["Location"] == "/about/"
    assert (
        client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.test/"})["Location"]
        == "/en/"
    )


def test_links_on_an_english_page_stay_english(client: Client) -> None:
    html = Client().get("/en/").content.decode()
    assert 'href="/en/about/"' in html
    assert 'href="/en/accounts/login/"' in html
    # The current entry of the navigation is not the start page on every English page.
    about = client.get("/en/about/").content.decode()
    assert 'href="/en/" aria-current="page"' not in about


def test_login_from_an_english_page_comes_back_to_it_in_english(client: Client) -> None:
    person = UserFactory(language="sv")
    response = client.get("/en/home/")
    assert response["Location"] == "/en/accounts/login/?next=/en/home/"
    login = client.get(response["Location"])
    assert '<html lang="en">' in login.content.decode()
    done = client.post(
        "/en/accounts/login/?next=/en/home/", {"login": person.email, "password": PASSWORD}
    )
    assert done.status_code == 302
    assert done["Location"] == "/en/home/"
    page = client.get("/en/home/").content.decode()
    assert '<html lang="en">' in page


def test_login_on_a_swedish_page_brings_an_english_speaker_to_english_with_an_english_message(
    client: Client,
) -> None:
    person = UserFactory(language="en")
    done = client.post("/accounts/login/", {"login": person.email, "password": PASSWORD})
    assert done.status_code == 302
    response = client.get(done["Location"], follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == "/en/home/"
    assert '<html lang="en">' in page
    assert "Successfully signed in" in page


def test_staff_without_two_factor_may_set_it_up_on_the_english_address(
    client_for: Any, settings: Any
) -> None:
    settings.SAMSKAPA_REQUIRE_STAFF_MFA = True
    client = client_for(staff(StaffRole.COACH, language="en"))
    response = client.get("/en/home/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/2fa/totp/activate")
    # Setting it up asks for the password again first: a page, not a loop of redirects.
    activate = client.get(response["Location"], follow=True)
    assert activate.status_code == 200
    assert activate.redirect_chain[-1][0].startswith("/en/accounts/reauthenticate/")


def test_e_mail_links_are_in_the_recipients_language() -> None:
    edition = EditionFactory()
    english = RegistrationFactory(edition=edition, language="en")
    swedish = RegistrationFactory(edition=edition, language="sv")
    for request_language in ("sv", "en"):  # the page that caused the mail does not matter
        with translation.override(request_language):
            to_english = registration_message(
                registration_id=english.pk, kind="registered", site_url="https://s.test/"
            )
            to_swedish = registration_message(
                registration_id=swedish.pk, kind="registered", site_url="https://s.test/"
            )
        assert f"https://s.test/en/conference/r/{english.token}/" in to_english.body
        assert f"https://s.test/conference/r/{swedish.token}/" in to_swedish.body


@pytest.mark.parametrize(
    ("url", "reset"), [("/accounts/login/", "Glömt lösenordet?"), ("/en/accounts/login/", "Forgot")]
)
def test_the_login_page_offers_the_password_reset_once(
    client: Client, url: str, reset: str
) -> None:
    html = client.get(url).content.decode()
    assert html.count(reset) == 1
    assert html.count('href="' + url.replace("login/", "password/reset/") + '"') == 1
    assert "placeholder=" not in html


def test_logging_out_says_so_in_the_language_of_the_next_page(client_for: Any) -> None:
    client = client_for(UserFactory(language="en"))
    done = client.post("/accounts/logout/")  # an old Swedish page's form
    page = client.get(done["Location"]).content.decode()
    assert '<html lang="sv">' in page
    assert "Du har loggat ut" in page
    client = client_for(UserFactory(language="sv"))
    done = client.post("/en/accounts/logout/")
    assert done["Location"] == "/en/"
    assert "You have signed out." in client.get("/en/").content.decode()
