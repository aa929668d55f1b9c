"""The public API: the same records as the public pages, nothing unpublished, figures only
after disclosure control, pagination, throttling in the shared cache, read only."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samskapa.conference import selectors as conference
from tests.api.data import PublishedWorld, published_world
from tests.factories.conference import SessionFactory
from tests.factories.europe import CompetenceCentreFactory, InitiativeFactory
from tests.factories.evaluation import report
from tests.factories.projects import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings: Any) -> PublishedWorld:
    settings.SAMSKAPA_API_RATE = "1000/min"
    return published_world(timezone.localdate() - datetime.timedelta(days=30))


def _results(client: Any, name: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(reverse(f"api:{name}"), {"page_size": 200, **params})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()["results"]


def test_the_catalogue_has_the_same_records_as_its_page(client: Any, world: PublishedWorld) -> None:
    page = client.get(reverse("europe:index"))
    on_page = [i.pk for i in page.context["page"].object_list]
    assert [r["id"] for r in _results(client, "initiative-list")] == on_page
    for filters in ({"country": "IE"}, {"source": "kohesio"}, {"q": "housing"}):
        page = client.get(reverse("europe:index"), filters)
        on_page = [i.pk for i in page.context["page"].object_list]
        assert [r["id"] for r in _results(client, "initiative-list", **filters)] == on_page
    example = next(r for r in _results(client, "initiative-list") if r["is_example"])
    assert example["title"] == "Repair cafés"
    assert example["page_url"].endswith(world.initiatives[1].get_absolute_url())


def test_the_directory_has_the_same_records_as_its_page(client: Any, world: PublishedWorld) -> None:
    on_page = [c.pk for c in client.get(reverse("europe:centres")).context["centres"]]
    assert [r["id"] for r in _results(client, "competence-centre-list")] == on_page


def test_the_programme_has_the_published_sessions_and_nothing_else(
    client: Any, world: PublishedWorld
) -> None:
    edition = world.published[0].edition
    page = client.get(reverse("conference:programme", args=[edition.year]))
    on_page = [
        s.pk for day in page.context["days"] for slot in day["slots"] for s in slot["sessions"]
    ]
    records = _results(client, "session-list", edition=edition.year)
    assert sorted(r["id"] for r in records) == sorted(on_page)
    assert world.hidden.pk not in [r["id"] for r in _results(client, "session-list")]
    assert client.get(reverse("api:session-detail", args=[world.hidden.pk])).status_code == 404
    # The unpublished edition has no public programme page either.
    hidden_year = world.hidden.edition.year
    assert client.get(reverse("conference:programme", args=[hidden_year])).status_code == 404


def test_only_speakers_who_consented_are_named(client: Any, world: PublishedWorld) -> None:
    opening = client.get(reverse("api:session-detail", args=[world.published[0].pk])).json()
    assert opening["speakers"] == [{"name": "Named Speaker", "organisation": "Umeå kommun"}]
    assert "Private Speaker" not in json.dumps(_results(client, "session-list"))


def test_published_figures_are_suppressed_never_raw(client: Any, world: PublishedWorld) -> None:
    records = _results(client, "aggregate-list", level="call", call=world.call.reference)
    shown = [r for r in records if r["indicator"] == "API1" and r["period"] is None]
    small = [r for r in records if r["indicator"] == "API2"]
    assert [(r["value"], r["suppressed"], r["projects"]) for r in shown] == [(120, False, 3)]
    assert small and all(r["value"] is None and r["suppressed"] for r in small)
    everything = json.dumps(_results(client, "aggregate-list"))
    assert '"value": 3' not in everything  # the small indicator's true total
    levels = {r["level"] for r in _results(client, "aggregate-list")}
    assert levels == {"programme", "call"}  # never a project's own figure


def test_lists_are_paginated(client: Any, world: PublishedWorld) -> None:
    response = client.get(reverse("api:initiative-list"), {"page_size": 1})
    body = response.json()
    assert body["count"] == 2 and len(body["results"]) == 1
    assert body["next"] and "page=2" in body["next"]
    assert client.get(reverse("api:initiative-list"), {"page": 99}).status_code == 404


def test_requests_are_throttled_per_client_in_the_shared_cache(
    client: Any, settings: Any, db: Any
) -> None:
    settings.SAMSKAPA_API_RATE = "2/min"
    url = reverse("api:initiative-list")
    assert [client.get(url).status_code for _i in range(3)] == [200, 200, 429]
    assert client.get(url)["Retry-After"]
    assert caches["default"].get("throttle_api_127.0.0.1")  # the shared cache holds the count
    other = client.get(url, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_the_api_only_reads(client: Any, world: PublishedWorld) -> None:
    url = reverse("api:initiative-list")
    assert client.post(url, {"title": "x"}).status_code == 403
    assert (
        client.delete(reverse("api:initiative-detail", args=[world.initiatives[0].pk])).status_code
        == 403
    )
    assert client.get(url).status_code == 200


def test_the_schema_and_the_documentation_are_served(client: Any, world: PublishedWorld) -> None:
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    assert set(schema["paths"]) == {
        "/api/v1/sessions/", "/api/v1/sessions/{id}/", "/api/v1/aggregates/",
        "/api/v1/initiatives/", "/api/v1/initiatives/{id}/", "/api/v1/competence-centres/",
        "/api/v1/competence-centres/{id}/", "/api/v1/cases/", "/api/v1/cases/{id}/",
        "/api/v1/spread-records/", "/api/v1/spread-records/{id}/",
    }  # fmt: skip
    assert schema["info"]["license"]["name"] == "CC BY 4.0"
    docs = client.get(reverse("api-docs:index"))
    page = docs.content.decode()
    assert "/api/v1/initiatives/" in page and "page_size" in page
    assert "<script>" not in page and "cdn" not in page.lower()
    assert "script-src 'self'" in docs["Content-Security-Policy"]


@pytest.mark.parametrize(
    "name, add",
    [
        ("initiative-list", InitiativeFactory),
        ("competence-centre-list", CompetenceCentreFactory),
        ("session-list", lambda: SessionFactory()),
    ],
)
def test_lists_cost_the_same_for_1_and_3_records(
    client: Any, settings: Any, name: str, add: Any, django_assert_num_queries: Any, db: Any
) -> None:
    settings.SAMSKAPA_API_RATE = "1000/min"
    url = reverse(f"api:{name}")
    add()
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        assert len(client.get(url).json()["results"]) == 1
    add()
    add()
    with django_assert_num_queries(len(one)):
        assert len(client.get(url).json()["results"]) == 3


def test_the_selector_is_the_one_the_programme_uses(world: PublishedWorld) -> None:
    edition = world.published[0].edition
    public = set(conference.public_programme_sessions().values_list("pk", flat=True))
    assert set(conference.published_sessions(edition).values_list("pk", flat=True)) <= public
    assert world.hidden.pk not in public


def test_published_figures_come_from_the_cache_until_a_value_changes(
    client: Any, world: PublishedWorld
) -> None:
    def call_total() -> Any:
        records = _results(client, "aggregate-list", level="call", indicator="API1")
        return next(r["value"] for r in records if r["period"] is None)

    with CaptureQueriesContext(connection) as first:
        assert call_total() == 120
    with CaptureQueriesContext(connection) as second:
        assert call_total() == 120
    # The second answer reads the figures' version and the cache, never the stored aggregates.
    assert not any('"evaluation_aggregate"' in q["sql"] for q in second.captured_queries)
    assert len(second.captured_queries) <= len(first.captured_queries)
    project = ProjectFactory(call=world.call)
    period = world.shown_indicator.values.first().period
    report(project, world.shown_indicator, period, 30)
    assert call_total() == 150
