"""Every address pattern is reached by the addresses it describes: no pattern earlier in the
list (samskapa/urls.py orders the apps by how often their pages are visited) takes them."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import translation

SAMPLES = {"int": "7", "slug": "ett-prov", "str": "prov", "path": "prov/del", "uuid": "0" * 32}
_CONVERTER = re.compile(r"<(?:(\w+):)?\w+>")


def _sample(route: str) -> str:
    return _CONVERTER.sub(lambda m: SAMPLES.get(m.group(1) or "str", "prov"), route)


def _patterns(
    patterns: list[URLPattern | URLResolver], prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str]]:
    for entry in patterns:
        pattern = entry.pattern
        if isinstance(pattern, LocalePrefixPattern):
            route = ""
        elif isinstance(pattern, RoutePattern):
            route = str(pattern)
        else:  # a regular expression (the admin site, allauth's few): not ours to order
            continue
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry.url_patterns, prefix + route, inner)
        elif entry.name:
            yield prefix + route, f"{namespace}{entry.name}"


ROUTES = sorted(set(_patterns(get_resolver().url_patterns)))


def test_the_walk_finds_the_apps_addresses() -> None:
    names = {name for _route, name in ROUTES}
    for expected in (
        "core:home",
        "library:index",
        "showcase:case-detail",
        "projects:project-detail",
    ):
        assert expected in names


@pytest.mark.parametrize(("route", "name"), ROUTES)
def test_each_address_reaches_its_own_pattern(route: str, name: str) -> None:
    with translation.override("sv"):
        match = resolve("/" + _sample(route))
    assert match.view_name == name, f"/{_sample(route)} reaches {match.view_name}, not {name}"
