"""The showcase's lists make the same number of queries for 1 and 3 items (no N+1)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.core import pagecache
from samskapa.showcase.enums import VersionStatus
from tests.factories.accounts import staff
from tests.factories.projects import ProjectFactory, lead_of
from tests.factories.showcase import CaseVersionFactory, SpreadRecordFactory, published_case

pytestmark = pytest.mark.django_db


def _assert_constant(
    client: Any,
    url: str,
    django_assert_num_queries: Any,
    add: Callable[[int], None],
    items: Callable[[Any], int],
) -> None:
    add(1)
    client.get(url)  # warm up: session, language, caches
    pagecache.touch("showcase")  # count the queries of rendering, not of the cache
    with CaptureQueriesContext(connection) as one:
        response = client.get(url)
    assert items(response) == 1
    add(2)
    pagecache.touch("showcase")
    with django_assert_num_queries(len(one)):
        response = client.get(url)
    assert items(response) == 3


def _cases(count: int) -> None:
    for _ in range(count):
        case = published_case(focus_areas=["participation"], summary="Kanin och unga.")
        SpreadRecordFactory(project=case.project)


@pytest.mark.parametrize("query", ["", "?q=kanin", "?focus_area=participation&region=SE12"])
def test_public_case_list(client: Any, django_assert_num_queries: Any, query: str) -> None:
    _assert_constant(
        client,
        reverse("showcase:case-list") + query,
        django_assert_num_queries,
        _cases,
        lambda response: len(response.context["page"].object_list),
    )


def test_case_page_with_spread_records(client: Any, django_assert_num_queries: Any) -> None:
    case = published_case()

    def add(count: int) -> None:
        for _ in range(count):
            SpreadRecordFactory(project=case.project)

    _assert_constant(
        client,
        case.get_absolute_url(),
        django_assert_num_queries,
        add,
        lambda response: len(response.context["spread_records"]),
    )


def test_review_queue(client_for: Any, django_assert_num_queries: Any) -> None:
    def add(count: int) -> None:
        for _ in range(count):
            CaseVersionFactory(status=VersionStatus.REVIEW)
            published_case()

    _assert_constant(
        client_for(staff(StaffRole.PROCESS_LEADER)),
        reverse("showcase:review-queue"),
        django_assert_num_queries,
        add,
        lambda response: len(response.context["waiting"]),
    )


def test_open_data_files(client: Any, django_assert_num_queries: Any) -> None:
    for dataset in ("cases", "spread-records"):
        url = reverse("showcase:open-data-file", args=[dataset, "json"])
        client.get(url)
        pagecache.touch("showcase")
        with CaptureQueriesContext(connection) as empty:
            client.get(url)
        _cases(3)
        pagecache.touch("showcase")
        with django_assert_num_queries(len(empty)):
            client.get(url)


def test_spread_list(client_for: Any, django_assert_num_queries: Any) -> None:
    project = ProjectFactory()
    client = client_for(lead_of(project))

    def add(count: int) -> None:
        for _ in range(count):
            SpreadRecordFactory(project=project)

    _assert_constant(
        client,
        reverse("showcase:spread-list", args=[project.pk]),
        django_assert_num_queries,
        add,
        lambda response: len(response.context["records"]),
    )
