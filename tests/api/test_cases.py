"""The showcase's endpoints: exactly the published cases and spread records of the public pages
and the open-data files (same ids), never a withdrawn or unreviewed case or an unpublished
record, the list's filters, and constant query counts."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samskapa.connect.models import Counterpart
from samskapa.showcase import services
from tests.api.data import PublishedWorld, published_world
from tests.factories.accounts import UserFactory
from tests.factories.europe import InitiativeFactory
from tests.factories.showcase import SpreadRecordFactory, published_case

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


def _open_data(client: Any, dataset: str) -> list[dict[str, Any]]:
    response = client.get(reverse("showcase:open-data-file", args=[dataset, "json"]))
    assert response.status_code == 200
    return json.loads(response.content)


def _page_ids(client: Any, **filters: Any) -> list[int]:
    page = client.get(reverse("showcase:case-list"), filters)
    return [case.pk for case in page.context["page"].object_list]


def test_cases_are_the_public_list_and_the_open_data_file(
    client: Any, world: PublishedWorld
) -> None:
    records = _results(client, "case-list")
    ids = [r["id"] for r in records]
    assert ids == _page_ids(client)
    assert ids == [row["id"] for row in _open_data(client, "cases")]
    assert sorted(ids) == sorted(case.pk for case in world.cases)
    housing = next(r for r in records if r["id"] == world.cases[0].pk)
    assert housing["title_sv"] == "Bostad först i Örebro"
    assert housing["page_url"].endswith(f"/cases/{world.cases[0].pk}/")
    assert housing["focus_areas"] == ["collaboration"]


def test_the_case_filters_are_the_lists(client: Any, world: PublishedWorld) -> None:
    for api, page in (
        ({"q": "bostad"}, {"q": "bostad"}),
        ({"focus_area": "collaboration"}, {"focus_area": "collaboration"}),
        ({"region": "SE11"}, {"region": "SE11"}),
        ({"call": world.call.reference}, {"call": world.call.reference}),
        ({"target_group": "young_people"}, {"target_group": "young_people"}),
        ({"status": "implementation"}, {"phase": "implementation"}),
    ):
        found = [r["id"] for r in _results(client, "case-list", **api)]
        assert found == _page_ids(client, **page), api
    assert [r["id"] for r in _results(client, "case-list", q="bostad")] == [world.cases[0].pk]
    bad = client.get(reverse("api:case-list"), {"region": "XX99"})
    assert bad.status_code == 400
    assert "region" in bad.json()


def test_a_case_lists_its_counterparts_in_europe(client: Any, world: PublishedWorld) -> None:
    initiative = world.initiatives[0]
    Counterpart.objects.create(case=world.cases[0], initiative=initiative)
    found = client.get(reverse("api:case-detail", args=[world.cases[0].pk])).json()
    assert found["counterparts"] == [
        {
            "initiative": initiative.pk,
            "title": "Housing First",
            "source": initiative.source,
            "source_id": initiative.source_id,
            "source_url": initiative.source_url,
        }
    ]
    other = client.get(reverse("api:case-detail", args=[world.cases[1].pk])).json()
    assert other["counterparts"] == []


def _case_with_counterpart() -> None:
    Counterpart.objects.create(case=published_case(), initiative=InitiativeFactory())


def test_withdrawn_and_unreviewed_cases_are_absent(client: Any, world: PublishedWorld) -> None:
    listed = json.dumps(_results(client, "case-list"))
    for case in world.hidden_cases:
        assert client.get(reverse("api:case-detail", args=[case.pk])).status_code == 404
        assert str(case.versions.get().title) not in listed
    shown = client.get(reverse("api:case-detail", args=[world.cases[1].pk]))
    assert shown.status_code == 200
    assert shown.json()["title_sv"] == "Unga vuxna in i arbete"


def test_a_case_withdrawn_by_the_service_leaves_the_api(client: Any, world: PublishedWorld) -> None:
    case = world.cases[0]
    assert case.pk in [r["id"] for r in _results(client, "case-list")]
    services.withdraw_case(case=case, by=UserFactory())
    assert case.pk not in [r["id"] for r in _results(client, "case-list")]
    assert client.get(reverse("api:case-detail", args=[case.pk])).status_code == 404
    spread = [r["case_id"] for r in _results(client, "spread-record-list")]
    assert case.pk not in spread


def test_spread_records_are_the_open_data_file(client: Any, world: PublishedWorld) -> None:
    records = _results(client, "spread-record-list")
    ids = [r["id"] for r in records]
    assert ids == [row["id"] for row in _open_data(client, "spread-records")]
    assert sorted(ids) == sorted(record.pk for record in world.records)
    for record in world.hidden_records:
        assert record.pk not in ids
        assert client.get(reverse("api:spread-record-detail", args=[record.pk])).status_code == 404
    first = next(r for r in records if r["id"] == world.records[0].pk)
    assert first["case_id"] == world.cases[0].pk
    assert first["case_url"].endswith(f"/cases/{world.cases[0].pk}/")
    assert first["adopting_organisation"] == "Västerås stad"


def test_spread_records_of_a_case_are_its_pages(client: Any, world: PublishedWorld) -> None:
    case = world.cases[0]
    page = client.get(reverse("showcase:case-detail", args=[case.pk]))
    on_page = [record.pk for record in page.context["spread_records"]]
    assert [r["id"] for r in _results(client, "spread-record-list", case=case.pk)] == on_page
    assert [r["id"] for r in _results(client, "spread-record-list", scaling="up")] == [
        world.records[1].pk
    ]


def test_nothing_is_written(client: Any, world: PublishedWorld) -> None:
    assert client.post(reverse("api:case-list"), {}).status_code == 403
    url = reverse("api:spread-record-detail", args=[world.records[0].pk])
    assert client.delete(url).status_code == 403


@pytest.mark.parametrize(
    "name, add",
    [
        ("case-list", lambda: _case_with_counterpart()),
        ("spread-record-list", lambda: SpreadRecordFactory(project=published_case().project)),
    ],
)
def test_lists_cost_the_same_for_1_and_3_records(
    client: Any, settings: Any, name: str, add: Any, django_assert_num_queries: Any
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
