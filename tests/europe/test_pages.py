"""The catalogue's public pages, the directory of competence centres and its management."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.core import pagecache
from samskapa.europe import services
from samskapa.europe.enums import Source
from samskapa.europe.models import CompetenceCentre
from tests.factories.accounts import staff
from tests.factories.europe import CompetenceCentreFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


def _titles(response: Any) -> list[str]:
    return [i.title for i in response.context["page"].object_list]


def test_the_catalogue_lists_filters_and_searches(client: Any) -> None:
    InitiativeFactory(title="Housing First", country="IE", themes="Housing; Youth")
    InitiativeFactory(title="Repair cafés", country="AT", source=Source.KOHESIO)
    InitiativeFactory(title="Library coaches", summary="Coaches in the library.", country="FI")
    url = reverse("europe:index")
    assert _titles(client.get(url)) == ["Housing First", "Library coaches", "Repair cafés"]
    assert _titles(client.get(url, {"country": "IE"})) == ["Housing First"]
    assert _titles(client.get(url, {"source": "kohesio"})) == ["Repair cafés"]
    assert _titles(client.get(url, {"theme": "youth"})) == ["Housing First"]
    assert _titles(client.get(url, {"q": "library coaches"})) == ["Library coaches"]
    response = client.get(url, {"q": "nothing like this"})
    assert "No initiative matches" in response.content.decode()


def test_unknown_filter_values_are_ignored_not_an_error(client: Any) -> None:
    InitiativeFactory(title="Housing First")
    response = client.get(reverse("europe:index"), {"country": "ZZ", "source": "x", "page": "9"})
    assert response.status_code == 200
    assert _titles(response) == ["Housing First"]


def test_example_data_is_marked_on_the_list_and_the_page(client: Any) -> None:
    example = InitiativeFactory(title="Invented", is_example=True)
    real = InitiativeFactory(title="Real")
    listing = client.get(reverse("europe:index")).content.decode()
    assert listing.count("Example data</span>") == 1
    assert "Example data" in client.get(example.get_absolute_url()).content.decode()
    assert "Example data" not in client.get(real.get_absolute_url()).content.decode()


def test_an_initiative_page_shows_its_source_and_themes(client: Any) -> None:
    initiative = InitiativeFactory(
        title="Peer mentors",
        source=Source.KOHESIO,
        source_id="Q42",
        source_url="https://example.org/q42",
        themes="Youth; Care leavers",
    )
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert "Peer mentors" in page
    assert "Kohesio" in page and "Q42" in page
    assert 'href="https://example.org/q42"' in page
    assert "Care leavers" in page


def test_a_missing_initiative_is_404(client: Any) -> None:
    assert client.get(reverse("europe:initiative", args=[999999])).status_code == 404


def test_the_directory_lists_the_centres_with_their_countries(client: Any) -> None:
    CompetenceCentreFactory(name="Centre in Portugal", country="PT")
    CompetenceCentreFactory(name="Invented centre", country="FI", is_example=True)
    page = client.get(reverse("europe:centres")).content.decode()
    assert "Centre in Portugal" in page and "Portugal" in page
    assert "Invented centre" in page and "Example data" in page


def test_the_admin_adds_edits_and_removes_a_centre(admin: User, login: Any) -> None:
    client = login(admin)
    response = client.post(
        reverse("europe:centre-create"),
        {"name": "Centre A", "country": "DK", "organisation": "Host", "url": "https://a.example"},
    )
    assert response.status_code == 302
    centre = CompetenceCentre.objects.get(name="Centre A")
    client.post(
        reverse("europe:centre-edit", args=[centre.pk]),
        {"name": "Centre B", "country": "DK", "url": ""},
    )
    centre.refresh_from_db()
    assert centre.name == "Centre B"
    client.post(reverse("europe:centre-delete", args=[centre.pk]))
    assert not CompetenceCentre.objects.exists()


def test_a_bad_centre_keeps_what_was_typed_and_says_why(admin: User, login: Any) -> None:
    response = login(admin).post(
        reverse("europe:centre-create"), {"name": "Centre A", "country": "", "url": "not a url"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Centre A"' in page
    assert "Enter a valid URL." in page
    assert not CompetenceCentre.objects.exists()


def test_a_change_reaches_the_cached_public_page(client: Any, admin: User) -> None:
    url = reverse("europe:centres")
    assert "Centre A" not in client.get(url).content.decode()
    services.save_centre(centre=CompetenceCentre(name="Centre A", country="SE"))
    assert "Centre A" in client.get(url).content.decode()


def test_only_the_admin_manages(login: Any) -> None:
    coach = staff(StaffRole.COACH)
    assert login(coach).get(reverse("europe:manage-centres")).status_code == 403
    assert login(coach).get(reverse("europe:import")).status_code == 403


# --- Query counts: the same for 1 and 3 items -------------------------------------------------


def _constant(client: Any, url: str, add: Any, django_assert_num_queries: Any) -> None:
    add()
    client.get(url)  # warm up
    pagecache.touch("europe")
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    add()
    add()
    pagecache.touch("europe")
    with django_assert_num_queries(len(one)):
        assert client.get(url).status_code == 200


def test_the_catalogue_costs_the_same_for_1_and_3_initiatives(
    client: Any, django_assert_num_queries: Any
) -> None:
    _constant(client, reverse("europe:index"), InitiativeFactory, django_assert_num_queries)


def test_the_directory_costs_the_same_for_1_and_3_centres(
    client: Any, django_assert_num_queries: Any
) -> None:
    _constant(client, reverse("europe:centres"), CompetenceCentreFactory, django_assert_num_queries)


def test_the_managed_directory_costs_the_same_for_1_and_3_centres(
    admin: User, login: Any, django_assert_num_queries: Any
) -> None:
    _constant(
        login(admin),
        reverse("europe:manage-centres"),
        CompetenceCentreFactory,
        django_assert_num_queries,
    )
