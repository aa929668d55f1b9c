"""The demo's own test: every page of the access matrix works on the demo world, for every
role as the matrix declares it (allowed roles get an ok status, never a 500)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.access.matrix import Page
from tests.access.test_access_matrix import PAGES, access_failures
from tests.access.world import DemoWorld

pytestmark = [pytest.mark.demo, pytest.mark.django_db]


@pytest.mark.parametrize("page", PAGES, ids=[p.label for p in PAGES])
def test_page_works_on_the_demo_world(page: Page, client_for: Any) -> None:
    failures = access_failures(page, DemoWorld(), client_for)
    assert failures == [], f"{page.label} on the demo world: " + "; ".join(failures)
