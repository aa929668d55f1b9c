"""List pages make the same number of queries for 1 and 3 items (no N+1).

Each test counts the page's queries at 1 item, adds 2 more, and asserts the same count: the
navigation and middleware of other apps add queries of their own, the same for every page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.core import pagecache
from samskapa.library.models import Feedback, Material
from tests.factories.accounts import staff
from tests.factories.library import MaterialFactory

pytestmark = pytest.mark.django_db


def _add(count: int) -> list[Material]:
    materials = [MaterialFactory(title=f"Kanin {Material.objects.count()}") for _ in range(count)]
    for material in materials:
        Feedback.objects.create(material=material, helpful=True, comment="Bra.")
    return materials


def _assert_constant(
    client: Any, url: str, django_assert_num_queries: Any, items: Callable[[Any], int]
) -> None:
    client.get(url)  # warm up: session, language, caches
    # The anonymous list is a public page (core.pagecache): count the queries of rendering it.
    pagecache.touch("library")
    with CaptureQueriesContext(connection) as one:
        response = client.get(url)
    assert items(response) == 1
    _add(2)
    pagecache.touch("library")
    with django_assert_num_queries(len(one)):
        response = client.get(url)
    assert items(response) == 3


def _page_length(response: Any) -> int:
    return len(response.context["page"].object_list)


@pytest.mark.parametrize("query", ["", "?q=kanin", "?topic=collaboration&focus_area=collaboration"])
def test_index_queries(client: Any, django_assert_num_queries: Any, query: str) -> None:
    _add(1)
    _assert_constant(
        client, reverse("library:index") + query, django_assert_num_queries, _page_length
    )


def test_manage_queries(client_for: Any, django_assert_num_queries: Any) -> None:
    _add(1)
    _assert_constant(
        client_for(staff(StaffRole.COACH)),
        reverse("library:manage"),
        django_assert_num_queries,
        _page_length,
    )


def test_feedback_list_queries(client_for: Any, django_assert_num_queries: Any) -> None:
    _add(1)
    _assert_constant(
        client_for(staff(StaffRole.COACH)),
        reverse("library:feedback-list"),
        django_assert_num_queries,
        _page_length,
    )


def test_detail_queries_do_not_grow_with_related_material(
    client: Any, django_assert_num_queries: Any
) -> None:
    material = _add(1)[0]
    _assert_constant(
        client,
        material.get_absolute_url(),
        django_assert_num_queries,
        lambda response: 1 + len(response.context["related"]),
    )
