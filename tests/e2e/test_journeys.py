from __future__ import annotations

from typing import Any

import pytest

from tests.browser import login
from tests.conftest import DEMO_EMAILS

pytestmark = [pytest.mark.e2e, pytest.mark.demo, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("role", list(DEMO_EMAILS))
def test_every_demo_account_logs_in(role: str, new_page: Any) -> None:
    page, watcher = new_page()
    login(page, DEMO_EMAILS[role])
    assert page.url.endswith("/home/")
    assert page.locator("h1").first.inner_text().startswith("Välkommen")
    assert watcher.errors == []


def test_language_switch_keeps_the_page(new_page: Any) -> None:
    page, _watcher = new_page()
    page.goto("/about/")
    assert page.locator("html").get_attribute("lang") == "sv"
    page.click("text=In English")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/en/about/")  # the page's English address
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "About Samskapa"
    page.click("text=På svenska")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/about/") and "/en/" not in page.url
    assert page.locator("html").get_attribute("lang") == "sv"
