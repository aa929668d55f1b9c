"""The key tables stack on narrow screens (docs/DEVELOPING.md, Tables): each carries the
`table-stack` class, and every data cell has a `data-label` equal to its column's header, which
the stylesheet shows before the value when the table becomes one card per row."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from tests.factories.accounts import staff
from tests.factories.coalitions import CoalitionFactory
from tests.factories.conference import EditionFactory, RegistrationFactory
from tests.factories.projects import CallFactory, ProjectFactory, lead_of, member_of
from tests.factories.toolkit import SelfAssessmentFactory, indicator, reported_value

pytestmark = pytest.mark.django_db


class _Tables(HTMLParser):
    """Every table with its classes, header texts and rows of (tag, attributes) cells."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict[str, Any]] = []
        self._stack: list[dict[str, Any]] = []
        self._cell: dict[str, Any] | None = None
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "table":
            table = {"classes": (attributes.get("class") or "").split(), "headers": [], "rows": []}
            self._stack.append(table)
            self.tables.append(table)
        elif not self._stack:
            return
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr" and not self._in_head:
            self._stack[-1]["rows"].append([])
        elif tag in {"th", "td"}:
            self._cell = {"tag": tag, "attrs": attributes, "text": ""}
            if self._in_head:
                self._stack[-1]["headers"].append(self._cell)
            else:
                self._stack[-1]["rows"][-1].append(self._cell)

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._stack:
            self._stack.pop()
        elif tag == "thead":
            self._in_head = False
        elif tag in {"th", "td"}:
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell["text"] += data


def stacked_tables(html: str) -> list[dict[str, Any]]:
    parser = _Tables()
    parser.feed(html)
    return [t for t in parser.tables if "table-stack" in t["classes"]]


def assert_labelled(html: str, *, cells: int = 1) -> None:
    """The page has a stacked table, and every td carries its column header as data-label."""
    tables = stacked_tables(html)
    assert tables, "no table with class table-stack"
    checked = 0
    for table in tables:
        headers = [" ".join(h["text"].split()) for h in table["headers"]]
        for row in table["rows"]:
            for index, cell in enumerate(row):
                if cell["tag"] != "td" or cell["attrs"].get("colspan"):
                    continue  # row headers are the card's title; a full-width row is a message
                assert cell["attrs"].get("data-label") == headers[index], (headers, cell)
                checked += 1
    assert checked >= cells


def test_project_list_and_call_page_stack(client_for: Any) -> None:
    call = CallFactory()
    ProjectFactory(call=call)
    client = client_for(staff(StaffRole.ADMIN))
    assert_labelled(client.get(reverse("projects:project-list")).content.decode(), cells=7)
    assert_labelled(client.get(call.get_absolute_url()).content.decode(), cells=5)


def test_members_stack_with_their_actions(client_for: Any) -> None:
    project = ProjectFactory()
    lead = lead_of(project)
    member_of(project)
    html = client_for(lead).get(reverse("projects:project-members", args=[project.pk]))
    assert_labelled(html.content.decode(), cells=8)


def test_indicators_stack(client_for: Any) -> None:
    project = ProjectFactory()
    lead = lead_of(project)
    reported_value(indicator(project, code="EEC/O01"))
    url = reverse("toolkit:tool", args=[project.pk, "indicators"])
    assert_labelled(client_for(lead).get(url).content.decode(), cells=8)


def test_conference_participants_stack(client_for: Any) -> None:
    edition = EditionFactory(year=2030)
    RegistrationFactory(edition=edition)
    url = reverse("conference:participants", args=[edition.year])
    assert_labelled(client_for(staff(StaffRole.ADMIN)).get(url).content.decode(), cells=3)


def test_coalition_projects_stack(client_for: Any) -> None:
    call = CallFactory()
    projects = [ProjectFactory(call=call) for _ in range(2)]
    coalition = CoalitionFactory(call=call, projects=projects)
    SelfAssessmentFactory(project=projects[0])
    html = client_for(staff(StaffRole.ADMIN)).get(coalition.get_absolute_url()).content.decode()
    assert_labelled(html, cells=8)
