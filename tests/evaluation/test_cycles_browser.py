"""In Chromium: the evaluation cycle and codebook pages pass axe in Swedish and English at 1280 and 320 px
without horizontal scroll, also in the form's error state, and an assigned evaluator moves a
cycle on with the status button."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation

from samskapa.evaluation.cycles import CycleStatus, EvaluationCycle, Excerpt
from tests.access import pages_evaluation
from tests.access.world import World
from tests.browser import login
from tests.e2e.test_accessibility import AXE_OPTIONS, scan
from tests.factories.accounts import PASSWORD
from tests.factories.coalitions import ReflectionFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SOURCE = "Vi bjöd in deltagarna.\nDeltagarna ville själva leda träffarna. Det gjorde de."
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


def test_cycle_pages_are_accessible_in_both_languages(new_page: Any) -> None:
    world = World()
    evaluator = world.users["evaluator"]
    cycle_pk = pages_evaluation._cycle(world)["pk"]
    reflection = ReflectionFactory(project=world.project, text=SOURCE)
    problems: list[str] = []
    for language in ("sv", "en"):
        with translation.override(language):
            urls = [
                reverse("evaluation:cycles"),
                reverse("evaluation:cycle", args=[cycle_pk]),
                reverse("evaluation:cycle-edit", args=[cycle_pk]),
                reverse("evaluation:codebook", args=[cycle_pk]),
                reverse("evaluation:code-edit", kwargs=pages_evaluation._code(world)),
                reverse("evaluation:excerpts", args=[cycle_pk]),
                reverse("evaluation:excerpt-edit", kwargs=pages_evaluation._excerpt(world)),
                reverse("evaluation:excerpt-new", args=[cycle_pk])
                + f"?source=reflection-{reflection.pk}",
            ]
        for width in (1280, 320):
            page, watcher = new_page(width)
            login(page, evaluator.email, PASSWORD)
            for url in urls:
                problems.extend(f"{language}@{width}px {p}" for p in scan(page, watcher, url))
                if not page.evaluate(NO_SIDEWAYS_SCROLL):
                    problems.append(f"{language}@{width}px {url}: scrolls sideways")
            # The error state: a question without its focus area.
            page.goto(urls[2])
            page.select_option("#id_questions-0-focus_area", "")
            page.click("main form button[type=submit]")
            page.wait_for_load_state("networkidle")
            assert page.locator(".error-summary").count() >= 1
            assert page.input_value("#id_questions-0-text_sv")  # the input is kept
            violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
            problems.extend(f"{language}@{width}px error state: axe {v['id']}" for v in violations)
            # The form answers 400 on purpose; any other console error is a problem.
            problems.extend(
                f"{language}@{width}px error state: {e}"
                for e in watcher.errors
                if "status of 400" not in e
            )
            watcher.errors.clear()
    assert problems == [], "\n".join(problems)


def test_an_evaluator_moves_the_cycle_on(new_page: Any) -> None:
    world = World()
    evaluator = world.users["evaluator"]
    cycle_pk = pages_evaluation._cycle(world)["pk"]
    page, _watcher = new_page(375)
    login(page, evaluator.email, PASSWORD)
    with translation.override("en"):
        page.goto(reverse("evaluation:cycle", args=[cycle_pk]))
    page.click("button[name=status][value=collecting]")
    page.wait_for_load_state("networkidle")
    assert "now in the status “Collecting”" in page.content()
    assert EvaluationCycle.objects.get(pk=cycle_pk).status == CycleStatus.COLLECTING


SELECT_SECOND_SENTENCE = """() => {
  const node = document.getElementById("source-text").firstChild;
  const start = node.textContent.indexOf("Deltagarna");
  const end = node.textContent.indexOf(" Det gjorde");
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}"""


def test_an_evaluator_selects_a_passage_with_the_mouse(new_page: Any) -> None:
    world = World()
    evaluator = world.users["evaluator"]
    cycle_pk = pages_evaluation._cycle(world)["pk"]
    reflection = ReflectionFactory(project=world.project, text=SOURCE)
    page, watcher = new_page(1280)
    login(page, evaluator.email, PASSWORD)
    with translation.override("en"):
        page.goto(reverse("evaluation:excerpt-new", args=[cycle_pk]))
    page.select_option("#id_source", f"reflection-{reflection.pk}")
    page.click("form.source-choice button[type=submit]")
    page.wait_for_load_state("networkidle")
    page.evaluate(SELECT_SECOND_SENTENCE)
    page.locator("#source-text").dispatch_event("mouseup")
    assert page.input_value("#id_passage") == "Deltagarna ville själva leda träffarna."
    page.fill("#id_memo", "Ägarskap")
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_load_state("networkidle")
    excerpt = Excerpt.objects.get(reflection=reflection)
    assert SOURCE[excerpt.start : excerpt.end] == "Deltagarna ville själva leda träffarna."
    assert excerpt.memo == "Ägarskap"
    assert watcher.errors == []
