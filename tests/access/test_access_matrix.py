"""Every URL × every role, against the declared table in tests/access/pages_*.py."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

import tests.access
from tests.access.matrix import EXTERNAL_PREFIXES, ROLES, Page
from tests.access.world import World


def declared_pages() -> list[Page]:
    pages: list[Page] = []
    for module in pkgutil.iter_modules(tests.access.__path__):
        if module.name.startswith("pages_"):
            pages.extend(importlib.import_module(f"tests.access.{module.name}").PAGES)
    return pages


def named_urls(patterns: list[Any] | None = None, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= named_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


PAGES = declared_pages()


def test_every_url_is_declared_in_the_access_matrix() -> None:
    declared = {page.name for page in PAGES}
    missing = sorted(
        name
        for name in named_urls()
        if name not in declared and not name.startswith(tuple(EXTERNAL_PREFIXES))
    )
    assert missing == [], f"URLs with no declared access: {missing}"


def test_declared_pages_exist() -> None:
    assert {page.name for page in PAGES} <= named_urls()


def _request(client: Any, page: Page, world: World) -> Any:
    url = page.url(world)
    if page.method == "POST":
        return client.post(url, page.data() if page.data else {})
    return client.get(url)


def access_failures(page: Page, world: World, client_for: Any) -> list[str]:
    """Each role's request to `page` in `world`, against what the matrix declares."""
    failures = []
    for role in ROLES:
        response = _request(client_for(world.user(role)), page, world)
        status = response.status_code
        if role in page.allowed:
            ok = status in page.ok
            expected = f"one of {sorted(page.ok)}"
        elif role == "anonymous":
            ok = status == 302 and "login/" in response["Location"]
            expected = "302 to the login page"
        else:
            ok = status == page.denied
            expected = str(page.denied)
        if not ok:
            failures.append(f"{role}: got {status}, expected {expected}")
    return failures


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES, ids=[page.label for page in PAGES])
def test_access(page: Page, client_for: Any) -> None:
    world = World()
    failures = access_failures(page, world, client_for)
    assert failures == [], f"{page.label}: " + "; ".join(failures)
