"""Every page in the access matrix, as a role that may see it, at 1280 px and 320 px:
zero axe violations (WCAG 2.1 A/AA), no console errors, no CSP violations.

The scan runs on the demo world (a demo test): pages show realistic content there, the way
people see them, and the demo's accounts log in with the demo password."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation

from tests.access.matrix import ROLES
from tests.access.world import DemoWorld
from tests.browser import login, pages_for
from tests.conftest import DEMO_EMAILS

pytestmark = [pytest.mark.e2e, pytest.mark.demo, pytest.mark.django_db(transaction=True)]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
WIDTHS = (1280, 320)


def scan(browser_page: Any, watcher: Any, url: str) -> list[str]:
    response = browser_page.goto(url)
    browser_page.wait_for_load_state("networkidle")
    problems = []
    if response is None or response.status >= 400:
        problems.append(f"{url}: HTTP {response.status if response else 'no response'}")
    results = Axe().run(browser_page, options=AXE_OPTIONS)
    for violation in results.response["violations"]:
        targets = [node["target"] for node in violation["nodes"]][:3]
        problems.append(f"{url}: axe {violation['id']} ({violation['impact']}) at {targets}")
    problems.extend(f"{url}: {error}" for error in watcher.errors)
    watcher.errors.clear()
    return problems


def scan_role(role: str, new_page: Any, width: int, language: str) -> list[str]:
    """Every page the role is the first to be allowed, and its own navigation, in one
    language: Swedish at today's addresses, English under /en/."""
    page, watcher = new_page(width)
    if role != "anonymous":
        login(page, DEMO_EMAILS[role])
    world = DemoWorld()
    with translation.override(language):
        urls = [p.url(world) for p in pages_for(role)]
        home = reverse("core:dashboard") if role != "anonymous" else reverse("core:home")
    # Everything in the person's own navigation, too.
    page.goto(home)
    nav_links = page.locator("header nav a").evaluate_all("els => els.map(e => e.pathname)")
    problems = []
    for url in dict.fromkeys([*urls, *nav_links]):
        problems.extend(f"{role}@{width}px {p}" for p in scan(page, watcher, url))
    return problems


@pytest.mark.parametrize("role", ROLES)
def test_pages_have_no_accessibility_violations(role: str, new_page: Any) -> None:
    problems: list[str] = []
    for width in WIDTHS:
        problems.extend(scan_role(role, new_page, width, "sv"))
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("role", ROLES)
def test_english_pages_have_no_accessibility_violations(role: str, new_page: Any) -> None:
    """The same pages at their English addresses (/en/…), where labels and texts differ."""
    problems = scan_role(role, new_page, 1280, "en")
    assert problems == [], "\n".join(problems)


def test_form_error_state_is_accessible(new_page: Any) -> None:
    page, watcher = new_page(1280)
    login(page, DEMO_EMAILS["admin"])
    page.goto(reverse("accounts:organisation-create"))
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator(".error-summary").count() == 1
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.response["violations"] == []
    assert watcher.errors == []
