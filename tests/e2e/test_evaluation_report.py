"""In Chromium: an evaluator walks a cycle from empty to a published report — an evaluation
question, a code, an excerpt selected with the mouse and one given without JavaScript, a theme,
a finding with its evidence, the report published and its PDF downloaded, whose text holds the
finding and a figure."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation
from pypdf import PdfReader

from samskapa.core import pdf
from samskapa.evaluation.cycles import Excerpt
from samskapa.evaluation.findings import Finding
from samskapa.evaluation.reports import ReportVersion
from tests.browser import login
from tests.factories.accounts import PASSWORD, staff
from tests.factories.coalitions import ReflectionFactory
from tests.factories.evaluation import CycleFactory, IndicatorFactory, PeriodFactory, report
from tests.factories.projects import CallFactory, ProjectFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FIRST = "Arbetsgivarna var med och formade insatsen.\nDet gav fler praktikplatser."
SECOND = "Deltagarna ville själva leda träffarna. Det gjorde de också."
CLAIM = "Arbetsgivare som formar insatserna tar emot fler deltagare."

SELECT_FIRST_SENTENCE = """() => {
  const node = document.getElementById("source-text").firstChild;
  const range = document.createRange();
  range.setStart(node, 0);
  range.setEnd(node, node.textContent.indexOf("\\n"));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}"""


def _submit(page: Any, selector: str = "main form[method=post] button[type=submit]") -> None:
    page.locator(selector).last.click()
    page.wait_for_load_state("networkidle")


@pytest.mark.skipif(not pdf.available(), reason="PDF needs pango")
def test_an_evaluator_goes_from_an_empty_cycle_to_a_published_report(
    new_page: Any, browser: Any, live_server: Any, tmp_path: Path
) -> None:
    evaluator = staff("evaluator", email="eva@example.org")
    call = CallFactory()
    projects = [ProjectFactory(call=call) for _ in range(3)]
    indicator = IndicatorFactory(name_sv="Deltagare i praktik", name_en="Participants in work")
    period = PeriodFactory(call=call)
    for project, value in zip(projects, (12, 13, 14), strict=True):
        report(project, indicator, period, value)
    first = ReflectionFactory(project=projects[0], text=FIRST)
    second = ReflectionFactory(project=projects[1], text=SECOND)
    cycle = CycleFactory(projects=projects, evaluators=[evaluator], title_en="")

    page, _watcher = new_page(1280)
    login(page, evaluator.email, PASSWORD)
    with translation.override("sv"):
        base = f"/evaluation/cycles/{cycle.pk}"

    # An evaluation question.
    page.goto(f"{base}/edit/")
    page.select_option("#id_questions-0-focus_area", "collaboration")
    page.fill("#id_questions-0-text_sv", "Hur samskapar projekten med arbetsgivare?")
    _submit(page)
    assert cycle.questions.count() == 1

    # A code.
    page.goto(f"{base}/codebook/")
    page.fill("#id_name_sv", "Samskapande med arbetsgivare")
    page.select_option("#id_focus_area", "collaboration")
    _submit(page)
    code = cycle.codes.get()

    # An excerpt selected with the mouse, coded.
    page.goto(f"{base}/excerpts/new/?source=reflection-{first.pk}")
    page.evaluate(SELECT_FIRST_SENTENCE)
    page.locator("#source-text").dispatch_event("mouseup")
    page.check(f"input[name=codes][value='{code.pk}']")
    _submit(page)
    selected = Excerpt.objects.get(reflection=first)
    assert selected.text == "Arbetsgivarna var med och formade insatsen."

    # An excerpt given without JavaScript.
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    plain = context.new_page()
    login(plain, evaluator.email, PASSWORD)
    plain.goto(f"{base}/excerpts/new/")
    plain.select_option("#id_source", f"reflection-{second.pk}")
    plain.click("form.source-choice button[type=submit]")
    plain.fill("#id_passage", "Deltagarna ville själva leda träffarna.")
    plain.check(f"input[name=codes][value='{code.pk}']")
    _submit(plain)
    context.close()
    assert Excerpt.objects.filter(cycle=cycle, codes=code).count() == 2

    # A theme of the code, confirmed by two projects.
    page.goto(f"{base}/themes/")
    page.fill("#id_name_sv", "Arbetsgivare som medskapare")
    page.check(f"input[name=codes][value='{code.pk}']")
    _submit(page)
    assert "theme-matrix" in page.content()

    # A finding with its evidence, shared with the cluster.
    page.goto(f"{base}/findings/new/")
    page.select_option("#id_focus_area", "collaboration")
    page.fill("#id_claim_sv", CLAIM)
    page.select_option("#id_strength", "moderate")
    page.check("input[name=audiences][value=council]")
    for excerpt in Excerpt.objects.filter(cycle=cycle):
        page.check(f"input[name=excerpts][value='{excerpt.pk}']")
    page.check(f"input[name=indicators][value='{indicator.pk}']")
    page.check("#id_shared")
    _submit(page)
    assert Finding.objects.get(cycle=cycle).excerpts.count() == 2

    # The report: preview, publish, download the PDF.
    page.goto(f"{base}/report/")
    page.fill("#id_method_sv", "Vi kodade utdrag ur projektens **reflektioner**.")
    _submit(page, "main form[method=post] button.button:not(.button-primary)")
    assert CLAIM in page.content()
    page.click("form[action$='/publish/'] button")
    page.wait_for_load_state("networkidle")
    version = ReportVersion.objects.get()
    assert page.url.endswith(version.get_absolute_url())
    with page.expect_download() as download:
        page.click("a[href$='report.pdf']")
    path = tmp_path / "report.pdf"
    download.value.save_as(path)
    reader = PdfReader(BytesIO(path.read_bytes()))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert CLAIM in text
    assert "39" in text  # the cluster's figure: 12 + 13 + 14
