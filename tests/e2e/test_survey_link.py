"""In Chromium: a partner answers a survey wave through a single-use link without an account,
in Swedish and in English, with the skip rule shown and hidden by the page's script and
applied by the server without it; the page passes axe; a used link is refused."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from samskapa.evaluation.surveys import Answer, Response
from tests.access import pages_evaluation
from tests.access.world import World
from tests.browser import login
from tests.e2e.test_accessibility import scan
from tests.factories.accounts import PASSWORD
from tests.factories.evaluation import SurveyFactory, link_to, open_wave, with_questions
from tests.factories.projects import ProjectFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


def _wave() -> Any:
    project = ProjectFactory()
    survey = SurveyFactory()
    survey.cycle.projects.add(project)
    with_questions(survey)
    return open_wave(survey), project


def test_a_partner_answers_through_a_link_in_swedish_and_english(new_page: Any) -> None:
    wave, project = _wave()
    swedish, english = (
        link_to(wave, project, "a@example.se"),
        link_to(wave, project, "b@example.se"),
    )

    page, watcher = new_page(375)
    assert scan(page, watcher, f"/survey/{swedish}/") == []
    how = page.locator(".survey-question[data-name=how]")
    assert how.is_hidden()  # shown only when "involved" is "yes"
    page.get_by_label("Instämmer helt").check()
    page.get_by_label("Ja", exact=True).check()
    assert how.is_visible()
    page.get_by_label("Hur var du med?").fill("Jag satt i styrgruppen.")
    page.get_by_label("Antal möten").fill("6")
    page.get_by_role("button", name="Skicka mina svar").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name="Tack för dina svar").is_visible()
    page.goto(f"/survey/{swedish}/")
    assert page.get_by_role("heading", name="Länken kan inte användas").is_visible()

    page, watcher = new_page(1280)
    assert scan(page, watcher, f"/en/survey/{english}/") == []
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_label("Strongly disagree").check()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("How did you take part?").fill("I chaired a meeting.")
    page.get_by_label("No", exact=True).check()  # changed my mind: the question hides again
    assert page.locator(".survey-question[data-name=how]").is_hidden()
    page.get_by_role("button", name="Send my answers").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("heading", name="Thank you for your answers").is_visible()
    assert watcher.errors == []

    assert Response.objects.count() == 2
    texts = list(Answer.objects.filter(question__name="how").values_list("text", flat=True))
    assert texts == ["Jag satt i styrgruppen."]  # the hidden answer was not kept


def test_without_javascript_the_server_applies_the_skip_rule(
    browser: Any, live_server: Any
) -> None:
    wave, project = _wave()
    token = link_to(wave, project)
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto(f"/en/survey/{token}/")
    how = page.locator(".survey-question[data-name=how]")
    assert how.is_visible()  # nothing hides it without the script
    page.get_by_label("Partly agree").check()
    page.get_by_label("No", exact=True).check()
    page.get_by_label("How did you take part?").fill("Not kept: the question does not apply.")
    page.get_by_role("button", name="Send my answers").click()
    assert page.get_by_role("heading", name="Thank you for your answers").is_visible()
    context.close()
    assert Response.objects.count() == 1
    assert not Answer.objects.filter(question__name="how").exists()
    assert Answer.objects.get(question__name="involved").value == "no"


def test_survey_pages_are_accessible_in_both_languages(new_page: Any) -> None:
    world = World()
    evaluator = world.users["evaluator"]
    cycle = pages_evaluation._cycle(world)
    survey = pages_evaluation._survey(world)
    wave = pages_evaluation._wave(world)
    question = pages_evaluation._survey_question(world)
    problems: list[str] = []
    for language in ("sv", "en"):
        with translation.override(language):
            urls = [
                reverse("evaluation:surveys", kwargs=cycle),
                reverse("evaluation:survey-import", kwargs=cycle),
                reverse("evaluation:survey", kwargs=survey),
                reverse("evaluation:question-new", kwargs=survey),
                reverse("evaluation:question-edit", kwargs=question),
                reverse("evaluation:section-new", kwargs=survey),
                reverse("evaluation:wave-new", kwargs=survey),
                reverse("evaluation:wave", kwargs=wave),
                reverse("evaluation:wave-invite", kwargs=wave),
                reverse("evaluation:survey-results", kwargs=survey),
            ]
        for width in (1280, 320):
            page, watcher = new_page(width)
            login(page, evaluator.email, PASSWORD)
            for url in urls:
                problems.extend(f"{language}@{width}px {p}" for p in scan(page, watcher, url))
                if not page.evaluate(NO_SIDEWAYS_SCROLL):
                    problems.append(f"{language}@{width}px {url}: scrolls sideways")
    assert problems == [], "\n".join(problems)
