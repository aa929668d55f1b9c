"""Public pages in Swedish and English, and the archive."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.conference.models import Booking, Edition, Registration, Session
from samskapa.core import pagecache
from tests.factories.accounts import staff
from tests.factories.conference import EditionFactory, RegistrationFactory
from tests.fixtures import in_english
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def test_conference_page_lists_this_year_and_the_archive(client: Any) -> None:
    EditionFactory(year=2030, title_sv="Samskapa 2030 – Tillsammans")
    EditionFactory(year=2029, title_sv="Samskapa 2029 – Förra året", past=True)
    html = client.get(reverse("conference:index")).content.decode()
    assert "Samskapa 2030 – Tillsammans" in html
    assert "Tidigare konferenser" in html and "Samskapa 2029 – Förra året" in html
    assert html.index("Samskapa 2030") < html.index("Tidigare konferenser")


def test_edition_page_in_english(client: Any) -> None:
    edition = EditionFactory(title_en="Samskapa 2030 – Social innovation that changes things")
    RegistrationFactory(edition=edition)
    html = (
        in_english(client)
        .get(reverse("conference:edition-detail", args=[edition.year]))
        .content.decode()
    )
    assert "Samskapa 2030 – Social innovation that changes things" in html
    assert "Register" in html
    assert "99 places left." in html  # 100 places, one taken


def test_archived_edition_says_it_has_taken_place(client: Any) -> None:
    edition = EditionFactory(past=True)
    html = client.get(reverse("conference:edition-detail", args=[edition.year])).content.decode()
    assert "Konferensen har redan ägt rum" in html
    assert "Anmäl dig" not in html


def test_unknown_edition_is_404(client: Any) -> None:
    assert client.get(reverse("conference:edition-detail", args=[1999])).status_code == 404


def test_public_navigation_has_the_conference(client: Any) -> None:
    html = client.get(reverse("core:home")).content.decode()
    assert f'href="{reverse("conference:index")}">Konferens</a>' in html


@pytest.mark.demo
def test_demo_data_is_idempotent() -> None:
    from samskapa.demo import load_demo  # the demo is only imported by demo tests
    from samskapa.demo.conference import load

    load_demo()
    counts = [model.objects.count() for model in (Edition, Session, Registration, Booking)]
    load()
    assert [m.objects.count() for m in (Edition, Session, Registration, Booking)] == counts


@pytest.mark.parametrize(
    ("name", "role"), [("conference:index", None), ("conference:organise", StaffRole.ADMIN)]
)
def test_edition_lists_have_constant_query_counts(
    name: str, role: str | None, client_for: Any
) -> None:
    client = client_for(staff(role) if role else None)
    EditionFactory(past=True)
    client.get(reverse(name))
    # The start page is a public page (core.pagecache): count the queries of rendering it.
    pagecache.touch("conference")
    one = count_queries(lambda: client.get(reverse(name)))
    EditionFactory.create_batch(2, past=True)
    pagecache.touch("conference")
    assert count_queries(lambda: client.get(reverse(name))) == one
