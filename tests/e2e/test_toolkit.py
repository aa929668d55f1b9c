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
    # Changing it in a dialog over the page: the page stays where it was.
    row = page.locator("main tr", has_text="Brist på bussar på kvällen")
    row.locator("details.row-menu summary").click()  # the row's actions menu
    row.locator("a[href*='/element/']").first.click()
    page.wait_for_selector("#edit-dialog")
    before = page.evaluate("window.scrollY")
    page.locator("#edit-dialog input[name='problem-node-text']").fill(
        "Brist på bussar på kvällen i byarna"
    )
    page.locator("#edit-dialog button[type=submit]").click()
    page.wait_for_selector("main tr:has-text('i byarna')")
    assert page.locator("#edit-dialog").count() == 0
    assert abs(page.evaluate("window.scrollY") - before) < 200
    # Removing it again, from the tool page.
    page.goto(reverse("toolkit:tool", kwargs={"project_pk": project.pk, "tool": "problem_tree"}))
    row = page.locator("main tr", has_text="Brist på bussar på kvällen")
    row.locator("details.row-menu summary").click()  # the row's actions menu
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


# What "as rendered" means here: an SVG text's computed font size times the scale of its
# screen transformation; an HTML box's computed font size; and every text inside its picture.
MEASURE = """() => {
  const out = {width: document.documentElement.scrollWidth, small: [], outside: [], boxes: 0};
  document.querySelectorAll('main svg text').forEach(text => {
    const r = text.getBoundingClientRect();
    if (!r.width) return;  // not shown (the map's names on a narrow map)
    const m = text.getScreenCTM();
    const size = parseFloat(getComputedStyle(text).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
    if (size < 12) out.small.push([text.textContent, size]);
    let svg = text.ownerSVGElement; while (svg.ownerSVGElement) svg = svg.ownerSVGElement;
    const s = svg.getBoundingClientRect();
    if (r.left < s.left || r.right > s.right || r.top < s.top || r.bottom > s.bottom)
      out.outside.push(text.textContent);
  });
  document.querySelectorAll('main .dnode').forEach(box => {
    out.boxes++;
    box.querySelectorAll('*').forEach(part => {
      if (parseFloat(getComputedStyle(part).fontSize) < 12) out.small.push([part.textContent, 0]);
    });
    if (box.scrollWidth > box.clientWidth + 1) out.outside.push(box.textContent);
  });
  return out;
}"""


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_diagrams_fit_the_screen_and_their_text_is_readable(new_page: Any, width: int) -> None:
    page, watcher = new_page(width)
    login(page, DEMO_EMAILS["member"])
    project = Project.objects.get(number="23-012-S01")
    for tool in ("problem_tree", "theory_of_change", "ecosystem_map"):
        page.goto(reverse("toolkit:tool", kwargs={"project_pk": project.pk, "tool": tool}))
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        page.wait_for_timeout(300)
        result = page.evaluate(MEASURE)
        assert result["width"] <= width, tool
        assert result["small"] == [], tool
        assert result["outside"] == [], tool
        if tool != "ecosystem_map":
            assert result["boxes"] > 5
    # The theory of change has seven columns: too many for the page at 1280 px, so it says so
    # and reads from top to bottom; full width they stand side by side, with arrows.
    page.goto(
        reverse("toolkit:tool", kwargs={"project_pk": project.pk, "tool": "theory_of_change"})
    )
    if width == 1280:
        assert page.locator(".diagram-too-wide").is_visible()
        page.locator(".diagram-too-wide a").click()
        page.wait_for_load_state("networkidle")
        assert page.evaluate("getComputedStyle(document.querySelector('.toc')).display") == "grid"
        assert page.locator(".dconnectors path").count() >= 9
        assert page.evaluate(MEASURE)["small"] == []
    else:
        assert not page.locator(".diagram-too-wide").is_visible()
    assert watcher.errors == []
