"""Browser-test fixtures (a pytest plugin loaded by tests/conftest.py, shared by every browser
test wherever it lives):  Debian's Chromium driven by Playwright, against Django's live server.

`make test` on a machine without Chromium skips these and says so; `make e2e` and CI set
SAMSKAPA_E2E_REQUIRED=1, which turns a missing browser into a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from tests.access.matrix import ROLES, Page

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    for path in (os.environ.get("SAMSKAPA_CHROMIUM", ""), *CHROMIUM_CANDIDATES):
        if path and os.path.exists(path):
            return path
    return shutil.which("chromium")


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    if _chromium():
        return
    message = (
        "Chromium not found (install Debian's `chromium`): browser tests NOT run. "
        "CI runs them and fails without it."
    )
    if os.environ.get("SAMSKAPA_E2E_REQUIRED") == "1":
        raise pytest.UsageError(message)
    skip = pytest.mark.skip(reason=message)
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=_chromium(), headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


class PageWatcher:
    """Collects console errors and CSP violations of one browser page."""

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")


@pytest.fixture
def new_page(browser: Any, live_server: Any) -> Iterator[Any]:
    """new_page(width) → a browser page on the live server (committed data: a transactional
    test; journeys over the demo world are marked `demo`, others build their data)."""
    contexts = []

    def make(width: int = 1280) -> tuple[Any, PageWatcher]:
        context = browser.new_context(
            viewport={"width": width, "height": 900}, base_url=live_server.url, locale="sv-SE"
        )
        contexts.append(context)
        page = context.new_page()
        return page, PageWatcher(page)

    yield make
    for context in contexts:
        context.close()


def login(page: Any, email: str, password: str = "samskapa-demo") -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")


def pages_for(role: str) -> list[Page]:
    """Each scanned page once, by the first role (in ROLES order) allowed to see it."""
    from tests.access.test_access_matrix import PAGES

    chosen = []
    for page in PAGES:
        if page.method != "GET" or not page.scan:
            continue
        first_allowed = next(r for r in ROLES if r in page.allowed)
        if first_allowed == role:
            chosen.append(page)
    return chosen
