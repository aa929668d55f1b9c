"""In Chromium: the coalition and coaching pages pass axe (also as a project member and in
the error state), and a process leader runs a meeting from plan to documentation without
JavaScript-only controls."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import timezone, translation

from samskapa.accounts.enums import StaffRole
from samskapa.coalitions.models import Coalition, Meeting
from tests.access import pages_coaching, pages_coalitions
from tests.access.matrix import ROLES
from tests.access.world import World
from tests.browser import login
from tests.e2e.test_accessibility import AXE_OPTIONS, scan
from tests.factories.accounts import PASSWORD, staff
from tests.factories.coalitions import coalition_of
from tests.factories.projects import ProjectFactory, lead_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PAGES = [
    p for p in [*pages_coalitions.PAGES, *pages_coaching.PAGES] if p.method == "GET" and p.scan
]


def _urls_for(role: str, world: World) -> list[str]:
    chosen = []
    for page in PAGES:
        first = next(r for r in ROLES if r in page.allowed)
        if first == role or (role == "member" and "member" in page.allowed):
            chosen.append(reverse(page.name, kwargs=page.kwargs(world)) + page.query)
    return chosen


def _leader_and_coalition() -> tuple[Any, Coalition]:
    project = ProjectFactory()
    lead_of(project)
    leader = staff(StaffRole.PROCESS_LEADER)
    return leader, coalition_of(project, process_leaders=[leader])


@pytest.mark.parametrize("role", ["admin", "member"])
def test_pages_have_no_accessibility_violations(role: str, new_page: Any) -> None:
    world = World()
    urls = [*_urls_for(role, world), "/home/"]
    user = world.user(role)
    assert user is not None
    problems: list[str] = []
    for width in (1280, 320):
        page, watcher = new_page(width)
        login(page, user.email, PASSWORD)
        for url in urls:
            problems.extend(f"{role}@{width}px {p}" for p in scan(page, watcher, url))
    assert problems == [], "\n".join(problems)


def test_meeting_form_error_state_is_accessible(new_page: Any) -> None:
    leader, coalition = _leader_and_coalition()
    page, watcher = new_page(1280)
    login(page, leader.email, PASSWORD)
    page.goto(reverse("coalitions:meeting-create", args=[coalition.pk]))
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator(".error-summary").count() == 1
    assert Axe().run(page, options=AXE_OPTIONS).response["violations"] == []
    # The form answers 400 on purpose; the browser reports that status, nothing else.
    assert [e for e in watcher.errors if "status of 400" not in e] == []


def test_process_leader_runs_a_meeting_in_the_browser(new_page: Any) -> None:
    leader, coalition = _leader_and_coalition()
    page, watcher = new_page(1280)
    login(page, leader.email, PASSWORD)
    with translation.override("sv"):  # the Swedish pages (the folder's tests speak English)
        page.goto(coalition.get_absolute_url())
    page.click("text=Planera en träff")
    day = (timezone.localdate() + datetime.timedelta(days=50)).isoformat()
    page.fill("#id_title", "Webbläsarträffen")
    page.fill("#id_starts_at", f"{day}T09:00")
    page.fill("#id_ends_at", f"{day}T11:00")
    page.fill("#id_place", "Niagara, Malmö")
    page.fill("#id_agenda-0-title", "Ekosystemkartorna")
    page.check("#id_agenda-0-focus_areas_3")
    page.click("text=Spara träffen")
    page.wait_for_load_state("networkidle")
    meeting = Meeting.objects.get(title="Webbläsarträffen")
    with translation.override("sv"):
        assert page.url.endswith(meeting.get_absolute_url())
    page.click("text=Skicka inbjudningar")
    page.wait_for_load_state("networkidle")
    assert page.locator(".notice-success").count() == 1
    page.click("text=Registrera närvaro")
    page.check("input[name=present] >> nth=0")
    page.click("text=Spara närvaron")
    page.wait_for_load_state("networkidle")
    page.fill("#id_notes", "Kartorna visade att regionen saknas.")
    page.click("text=Spara dokumentationen")
    page.wait_for_load_state("networkidle")
    meeting.refresh_from_db()
    assert meeting.invited_at is not None
    assert meeting.attendance.count() == 1
    assert meeting.documented_at is not None
    assert [i.focus_areas for i in meeting.agenda.all()] == [["ecosystem"]]
    assert watcher.errors == []
