"""Browser scans of the knowledge bank's states the access-matrix scan does not reach: the
editor with errors, a preview and findings; a material as staff see it; feedback with an error."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from samskapa.accounts.enums import StaffRole
from tests.browser import login
from tests.e2e.test_accessibility import AXE_OPTIONS
from tests.factories.accounts import PASSWORD, staff
from tests.factories.library import MaterialFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


def _violations(page: Any) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("width", [1280, 320])
def test_editor_error_preview_and_findings_states_are_accessible(new_page: Any, width: int) -> None:
    admin = staff(StaffRole.ADMIN)  # committed: the live server sees it
    page, watcher = new_page(width)
    login(page, admin.email, PASSWORD)
    page.goto("/library/manage/new/")
    page.fill(
        "textarea[name=body]",
        "#### Djup rubrik\n\n![](https://example.org/x.png)\n\n[här](https://example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    )
    page.click("button[name=preview]")  # htmx replaces the preview and the check only
    page.wait_for_selector(".preview")
    assert page.locator(".findings li").count() == 3
    assert page.locator(".error-summary").count() == 0
    assert _violations(page) == []
    page.click("main form button.button-primary")  # save without a title: errors
    page.wait_for_load_state("networkidle")
    assert page.locator(".error-summary").count() == 1
    assert page.locator(".findings li").count() == 3
    assert _violations(page) == []
    assert watcher.errors == []


def test_material_as_staff_and_feedback_error_are_accessible(new_page: Any) -> None:
    admin = staff(StaffRole.ADMIN)
    body = "## Vad är det?\n\nEn ny lösning på ett socialt problem.\n\n- en\n- två\n"
    MaterialFactory(slug="vad-ar-det", title="Vad är social innovation?", body=body)
    MaterialFactory(
        slug="forandringsteori-i-tre-steg",
        title="Förändringsteori steg för steg",
        body=body,
        tools=["theory_of_change"],
    )
    page, watcher = new_page(1280)
    page.goto("/library/material/vad-ar-det/")
    page.click("#feedback button[type=submit]")  # no answer chosen: an error
    page.wait_for_load_state("networkidle")
    assert page.locator(".error-summary").count() == 1
    assert _violations(page) == []
    login(page, admin.email, PASSWORD)
    page.goto("/library/material/forandringsteori-i-tre-steg/")
    assert page.locator(".staff-box").count() == 1
    assert _violations(page) == []
    assert watcher.errors == []
