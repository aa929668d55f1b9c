"""The organiser sets up a conference in the browser without Django's admin: a new edition,
its dates and capacity, rooms, sessions placed in the programme grid, a clash shown before it
is saved, the clash resolved, and (with JavaScript) a session dragged to another cell."""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe

from samskapa.conference.models import Edition
from tests.browser import login
from tests.conftest import DEMO_EMAILS
from tests.e2e.test_accessibility import AXE_OPTIONS

pytestmark = [pytest.mark.e2e, pytest.mark.demo, pytest.mark.django_db(transaction=True)]

YEAR = 2035
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _no_violations(page: Any) -> None:
    assert Axe().run(page, options=AXE_OPTIONS).response["violations"] == []


def _add_session(page: Any, title: str, start: str, end: str, room: str) -> None:
    form = page.locator("form[action$='/sessions/new/']")
    form.locator("input[name=title]").fill(title)
    form.locator("select[name=format]").select_option("talk")
    form.locator("select[name=language]").select_option("sv")
    form.locator("input[name=starts]").fill(start)
    form.locator("input[name=ends]").fill(end)
    form.locator("select[name=room]").select_option(room)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")


def test_organiser_sets_up_a_conference_without_the_admin(new_page: Any) -> None:
    page, watcher = new_page(1280)
    visited: list[str] = []
    page.on("request", lambda request: visited.append(request.url))
    login(page, DEMO_EMAILS["admin"])

    page.click("nav >> text=Ordna konferensen")
    page.click("text=Ny konferens")
    page.click("main form button[type=submit]")  # empty: the errors first
    assert page.locator(".error-summary").count() == 1
    page.fill("input[name=year]", str(YEAR))
    page.fill("input[name=title_sv]", f"Samskapa {YEAR}")
    page.check("input[name=languages][value=sv]")
    page.fill("input[name=starts_on]", f"{YEAR}-06-12")
    page.fill("input[name=ends_on]", f"{YEAR}-06-13")
    page.fill("input[name=venue]", "Malmö Live")
    page.fill("input[name=capacity]", "250")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "Konferensen är skapad" in page.inner_text("main")

    # Rooms: the columns of the grid.
    rooms = page.locator("form:has(input[name=section][value=rooms])")
    rooms.locator("input[name=rooms-0-name]").fill("Sal A")
    rooms.locator("input[name=rooms-1-name]").fill("Sal B")
    rooms.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    page.click("text=Gå till programschemat")

    _add_session(page, "Välkomna", "09:00", "10:00", "Sal A")
    _add_session(page, "Unga som medforskare", "09:30", "10:30", "Sal B")
    assert page.locator("table.programme-grid").count() == 1
    _no_violations(page)

    # Move the second session into the first one's room at an overlapping time: refused.
    card = page.locator("article.grid-session", has_text="Unga som medforskare")
    card.locator("summary").click()
    card.locator("select[name$=-room]").select_option("Sal A")
    card.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    card = page.locator("article.grid-session", has_text="Unga som medforskare")
    assert "Krock: ”Välkomna”" in card.inner_text()
    _no_violations(page)

    # Resolve: start when the first one ends.
    card.locator("input[name$=-starts]").fill("10:00")
    card.locator("input[name$=-ends]").fill("11:00")
    card.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert "”Unga som medforskare” är flyttad." in page.inner_text("main")
    edition = Edition.objects.get(year=YEAR)
    assert edition.capacity == 250
    moved = edition.sessions.get(title="Unga som medforskare")
    assert moved.room == "Sal A"

    # With a mouse, dragging a session onto another cell submits the same form.
    page.drag_and_drop(
        "article.grid-session:has-text('Välkomna')",
        "tr:has(th:text-is('10:00')) td[data-drop-where='Sal B']",
    )
    page.wait_for_load_state("networkidle")
    assert "”Välkomna” är flyttad." in page.inner_text("main")
    welcome = edition.sessions.get(title="Välkomna")
    assert welcome.room == "Sal B"
    assert welcome.starts_at.astimezone(STOCKHOLM).strftime("%H:%M") == "10:00"
    assert welcome.ends_at - welcome.starts_at == datetime.timedelta(hours=1)

    # On a phone the grid is a list per start time, without sideways scrolling.
    phone, _watcher = new_page(320)
    login(phone, DEMO_EMAILS["admin"])
    phone.goto(f"/conference/organise/{YEAR}/programme/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    _no_violations(phone)

    assert not [url for url in visited if "/admin/" in url]
    assert watcher.errors == []
