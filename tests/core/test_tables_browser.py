"""In Chromium: a stacked table is a table at 1280 px and one card per row at 375 px (header
row visually hidden, labels shown), words never break inside cells, the heatmap becomes cards
too, and the pages stay within the screen and pass axe."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from samskapa.accounts.enums import StaffRole
from tests.browser import login
from tests.e2e.test_accessibility import AXE_OPTIONS
from tests.factories.accounts import PASSWORD, staff
from tests.factories.coalitions import CoalitionFactory
from tests.factories.projects import CallFactory, ProjectFactory
from tests.factories.toolkit import SelfAssessmentFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LAYOUT = """() => {
  const table = document.querySelector('table.table-stack');
  const row = table.querySelector('tbody tr');
  const cell = row.querySelector('td[data-label]');
  const head = table.querySelector('thead').getBoundingClientRect();
  const heat = document.querySelector('table.heatmap tbody tr');
  let broken = [];
  for (const td of document.querySelectorAll('td, th')) {
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      for (const m of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return {
    row: getComputedStyle(row).display,
    heat: getComputedStyle(heat).display,
    label: getComputedStyle(cell, '::before').content,
    headHeight: head.height,
    pageWidth: document.documentElement.scrollWidth,
    broken,
  };
}"""


def test_key_tables_stack_on_a_phone_and_stay_tables_on_a_desktop(new_page: Any) -> None:
    call = CallFactory()
    projects = [
        ProjectFactory(call=call, name="Organisationsutveckling i samverkansprojekt")
        for _ in range(2)
    ]
    coalition = CoalitionFactory(call=call, projects=projects)
    for project in projects:
        SelfAssessmentFactory(project=project)
    admin = staff(StaffRole.ADMIN)
    results = {}
    for width in (1280, 375):
        page, watcher = new_page(width)
        login(page, admin.email, PASSWORD)
        page.goto(coalition.get_absolute_url())
        results[width] = page.evaluate(LAYOUT)
        results[width]["axe"] = [
            v["id"] for v in Axe().run(page, options=AXE_OPTIONS).response["violations"]
        ]
        assert not watcher.errors
    desktop, phone = results[1280], results[375]
    assert desktop["row"] == "table-row" and desktop["heat"] == "table-row"
    assert phone["row"] == "block" and phone["heat"] == "block"
    assert desktop["label"] == "none" and phone["label"] == '"Projektägare"'
    assert desktop["headHeight"] > 1 and phone["headHeight"] <= 1
    for result, width in ((desktop, 1280), (phone, 375)):
        assert result["pageWidth"] <= width
        assert result["broken"] == []
        assert result["axe"] == []
