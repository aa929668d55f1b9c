"""Public pages in Swedish and English, the archive, and the demo data set."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from samskapa.conference.models import Booking, Edition, Registration, Session

pytestmark = pytest.mark.django_db


def test_conference_page_lists_this_year_and_the_archive(client: Any) -> None:
    html = client.get(reverse("conference:index")).content.decode()
    assert "Samskapa 2027 – Social innovation som förändrar" in html
    assert "Tidigare konferenser" in html and "Samskapa 2026" in html


def test_edition_page_in_english(client: Any) -> None:
    client.cookies["samskapa_language"] = "en"
    html = client.get(reverse("conference:edition-detail", args=[2027])).content.decode()
    assert "Samskapa 2027 – Social innovation that changes things" in html
    assert "Register" in html and "places left" in html


def test_archived_edition_says_it_has_taken_place(client: Any) -> None:
    html = client.get(reverse("conference:edition-detail", args=[2026])).content.decode()
    assert "Konferensen har redan ägt rum" in html
    assert "Anmäl dig" not in html


def test_unknown_edition_is_404(client: Any) -> None:
    assert client.get(reverse("conference:edition-detail", args=[1999])).status_code == 404


def test_public_navigation_has_the_conference(client: Any) -> None:
    html = client.get(reverse("core:home")).content.decode()
    assert f'href="{reverse("conference:index")}">Konferens</a>' in html


def test_demo_data_is_idempotent() -> None:
    from samskapa.demo.conference import load

    counts = [model.objects.count() for model in (Edition, Session, Registration, Booking)]
    load()
    assert [m.objects.count() for m in (Edition, Session, Registration, Booking)] == counts
    assert Registration.objects.filter(edition__year=2027).count() == 60
    assert Session.objects.filter(edition__year=2027).count() == 12


def _editions(count: int) -> None:
    import datetime

    Edition.objects.all().delete()
    for year in range(2040, 2040 + count):
        Edition.objects.create(
            year=year,
            title_sv=f"Konferens {year}",
            starts_on=datetime.date(year, 5, 1),
            ends_on=datetime.date(year, 5, 2),
            venue="Malmö",
            capacity=10,
        )


@pytest.mark.parametrize(
    ("name", "role"), [("conference:index", "anonymous"), ("conference:organise", "admin")]
)
def test_edition_lists_have_constant_query_counts(name: str, role: str, client_as: Any) -> None:
    from tests.queries import count_queries

    client = client_as(role)
    _editions(1)
    one = count_queries(lambda: client.get(reverse(name)))
    _editions(3)
    assert count_queries(lambda: client.get(reverse(name))) == one
