"""Staff import granted projects in the browser: a broken file shows every error and writes
nothing; a good file is previewed and committed. A project lead invites a colleague, who
creates an account from the e-mailed link and lands in the project. Each state is scanned."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from samskapa.projects.models import Project
from tests.browser import login
from tests.conftest import DEMO_EMAILS
from tests.e2e.test_accessibility import AXE_OPTIONS
from tests.projects.test_importer import HEADER, ROW_A, ROW_B, csv_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.demo, pytest.mark.django_db(transaction=True)]


def violations(page: Any) -> list[Any]:
    return Axe().run(page, options=AXE_OPTIONS).response["violations"]


def test_staff_import_broken_then_good_file(new_page: Any, tmp_path: Path, settings: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    broken = tmp_path / "trasig.csv"
    broken.write_bytes(csv_bytes([[*HEADER, "Kort text"], [*ROW_A, "x"], [*ROW_A, "y"]]))
    good = tmp_path / "beviljade.csv"
    good.write_bytes(csv_bytes([HEADER, ROW_A, ROW_B]))
    before = Project.objects.count()

    page, watcher = new_page(1280)
    login(page, DEMO_EMAILS["admin"])
    page.goto("/projects/import/")
    page.select_option("select[name=call]", index=1)  # the file has no call column
    page.set_input_files("input[name=file]", str(broken))
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("#errors-caption").count() == 1
    assert page.locator("select[name=map-korttext]").count() == 1  # the unknown header
    assert violations(page) == []
    assert Project.objects.count() == before

    page.goto("/projects/import/")
    page.select_option("select[name=call]", index=1)
    page.set_input_files("input[name=file]", str(good))
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("#plan-caption").count() == 1
    assert violations(page) == []
    page.click("main form[action$='/confirm/'] button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert Project.objects.count() == before + 2
    assert violations(page) == []
    assert watcher.errors == []


def test_lead_invites_a_colleague_who_joins(new_page: Any) -> None:
    mail.outbox.clear()
    project = Project.objects.get(number="23-012-S01")
    page, watcher = new_page(320)
    login(page, DEMO_EMAILS["member"])
    page.goto(f"/projects/{project.pk}/members/")
    invite = "form[aria-labelledby=invite-heading] button[type=submit]"
    page.fill("input[name=email]", "")
    page.click(invite)  # empty form: errors first
    assert page.locator(".error-summary").count() == 1
    assert violations(page) == []
    page.fill("input[name=email]", "ny.kollega@example.se")
    page.click(invite)
    page.wait_for_load_state("networkidle")
    [invitation] = mail.outbox
    path = re.search(r"https?://[^/]+(/projects/invitations/\S+/)", invitation.body)
    assert path is not None

    page.click("header form[action*='logout'] button")
    page.wait_for_load_state("networkidle")
    page.goto(path[1])
    assert violations(page) == []
    page.fill("input[name=name]", "Nora Kollega")
    page.fill("input[name=password1]", "ett långt lösenord 42")
    page.fill("input[name=password2]", "ett långt lösenord 42")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"/projects/{project.pk}/")
    assert violations(page) == []
    assert watcher.errors == []
