"""The toolkit in a real browser: a member fills in the problem tree with htmx on, and the
page updates in place without console errors or CSP violations."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from samskapa.projects.models import Project
from tests.browser import login
from tests.conftest import DEMO_EMAILS

pytestmark = [pytest.mark.e2e, pytest.mark.demo, pytest.mark.django_db(transaction=True)]


def test_member_adds_a_cause_and_removes_it_in_place(new_page: Any) -> None:
    page, watcher = new_page(1280)
    login(page, DEMO_EMAILS["member"])
    project = Project.objects.get(number="23-012-S01")
    page.goto(reverse("toolkit:tool", kwargs={"project_pk": project.pk, "tool": "problem_tree"}))
    form = page.locator("form[action$='/add/problem-node/']")
    form.locator("input[value='cause']").check()
    form.locator("input[name='problem-node-text']").fill("Brist på bussar på kvällen")
    form.locator("select[name='problem-node-level']").select_option("structural")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("main .notice-success")
    assert page.locator("main table", has_text="Brist på bussar på kvällen").count() == 1
    assert page.locator("main .notice-success").count() == 1
    # A cause without a level: the error is shown and the text is kept.
    form = page.locator("form[action$='/add/problem-node/']")
    form.locator("input[value='cause']").check()
    form.locator("input[name='problem-node-text']").fill("Utan nivå")
    form.locator("button[type=submit]").click()
    page.wait_for_selector(".error-summary", timeout=10000)
    assert page.locator("input[name='problem-node-text']").input_value() == "Utan nivå"
    # Removing it again, from the tool page.
    page.goto(reverse("toolkit:tool", kwargs={"project_pk": project.pk, "tool": "problem_tree"}))
    row = page.locator("main tr", has_text="Brist på bussar på kvällen")
    row.locator("a[href$='/delete/']").click()
    # Removing asks first, in the row's place; nothing is removed yet.
    confirm = page.locator("main .confirm-delete")
    confirm.wait_for()
    assert page.locator("main tr", has_text="Brist på bussar på kvällen").count() == 1
    scroll = page.evaluate("window.scrollY")
    confirm.locator("button[type=submit]").click()
    page.wait_for_selector("main .notice-success")
    # The body of the tool was swapped in place: the page did not jump to the top.
    assert page.evaluate("window.scrollY") > 0 or scroll == 0
    assert page.locator("main tr", has_text="Brist på bussar på kvällen").count() == 0
    assert watcher.errors == []
