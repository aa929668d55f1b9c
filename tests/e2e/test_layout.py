"""Every page as a person sees it: every GET page of the access matrix, as the first role
allowed to see it, at 320, 375 and 1280 px, on the demo world.

A page fails when the document is wider than the viewport, when a word in a table cell is
broken across lines, or when the text of a chart or diagram is smaller than 12 px as shown or
lies outside its picture. Charts shown as images (`<img>` with SVG data) are decoded and
measured at the size they are shown. At 375 px the key tables are shown stacked, one card per
row (the layout is asserted, not only the absence of overflow).
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from django.db.models import Count
from django.urls import reverse

from samskapa.coalitions.models import Coalition
from samskapa.conference.models import Edition
from tests.access.matrix import ROLES
from tests.access.world import DemoWorld
from tests.browser import login, pages_for
from tests.conftest import DEMO_EMAILS

pytestmark = [pytest.mark.e2e, pytest.mark.demo, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 375, 1280)
MIN_TEXT_PX = 12
MEASURE_PAGE = Path(__file__).with_name("layout.js").read_text(encoding="utf-8")

# Text of an SVG picture, shown at a given width: its size as shown and whether it lies inside.
MEASURE_SVG = """(minSize) => {
  const small = [];
  const outside = [];
  const svg = document.querySelector("svg");
  const box = svg.getBoundingClientRect();
  for (const text of svg.querySelectorAll("text")) {
    const content = text.textContent.trim().replace(/\\s+/g, " ").slice(0, 40);
    if (!content) continue;
    const r = text.getBoundingClientRect();
    if (r.width === 0) continue;
    const ctm = text.getScreenCTM();
    const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
    const size = parseFloat(getComputedStyle(text).fontSize) * scale;
    if (size < minSize - 0.25) small.push(`"${content}" ${size.toFixed(1)}px`);
    if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 ||
        r.bottom > box.bottom + 1) {
      outside.push(`"${content}"`);
    }
  }
  const label = svg.getAttribute("aria-label") || (svg.querySelector("title") || {}).textContent || "";
  const which = `chart "${label.slice(0, 50)}"`;
  const problems = [];
  if (small.length) problems.push(`${which}: ${small.length} text(s) under ${minSize}px as shown: ${small.slice(0, 3).join(", ")}`);
  if (outside.length) problems.push(`${which}: ${outside.length} text(s) outside the picture: ${outside.slice(0, 3).join(", ")}`);
  return problems;
}"""


def decode_svg(src: str) -> str:
    header, _, payload = src.partition(",")
    if ";base64" in header:
        return base64.b64decode(payload).decode("utf-8")
    return unquote(payload)


def shown_at(svg: str, width: float) -> str:
    """The SVG markup resized to the width it is shown at, keeping its picture (viewBox)."""
    root = re.search(r"<svg\b[^>]*>", svg)
    assert root, "chart image without an <svg> root"
    tag = root.group(0)
    natural_w = float(re.search(r'\bwidth="([\d.]+)', tag).group(1))  # type: ignore[union-attr]
    natural_h = float(re.search(r'\bheight="([\d.]+)', tag).group(1))  # type: ignore[union-attr]
    new = re.sub(r'\s(width|height)="[^"]*"', "", tag)
    if "viewBox" not in new:
        new = new.replace("<svg", f'<svg viewBox="0 0 {natural_w} {natural_h}"', 1)
    height = natural_h * width / natural_w
    new = new.replace("<svg", f'<svg width="{width}" height="{height}"', 1)
    return svg.replace(tag, new, 1)


class ImageCharts:
    """Measures each chart image once per (picture, shown width), in a page of its own."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.seen: dict[tuple[str, int], list[str]] = {}

    def problems(self, src: str, width: float) -> list[str]:
        key = (src, round(width))
        if key not in self.seen:
            markup = shown_at(decode_svg(src), width)
            self.page.set_content(f"<!DOCTYPE html><body style='margin:0'>{markup}</body>")
            self.seen[key] = self.page.evaluate(MEASURE_SVG, MIN_TEXT_PX)
        return self.seen[key]


def measure(page: Any, charts: ImageCharts, url: str) -> list[str]:
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    if response is None or response.status >= 400:
        return [f"HTTP {response.status if response else 'no response'}"]
    result = page.evaluate(MEASURE_PAGE, MIN_TEXT_PX)
    problems: list[str] = result["problems"]
    for image in result["images"]:
        problems.extend(charts.problems(image["src"], image["width"]))
    return list(dict.fromkeys(problems))


@pytest.mark.parametrize("role", ROLES)
def test_pages_fit_the_screen_and_their_pictures_are_readable(
    role: str, new_page: Any, browser: Any
) -> None:
    world = DemoWorld()
    urls = [p.url(world) for p in pages_for(role)]
    problems: list[str] = []
    scratch = browser.new_page()
    charts = ImageCharts(scratch)
    try:
        for width in WIDTHS:
            page, _watcher = new_page(width)
            if role != "anonymous":
                login(page, DEMO_EMAILS[role])
            for url in urls:
                problems.extend(f"{role}@{width}px {url}: {p}" for p in measure(page, charts, url))
    finally:
        scratch.close()
    assert problems == [], "\n".join(problems)


def _stacked(page: Any, selector: str) -> dict[str, Any]:
    """How the first body row of the table is laid out: cells under each other or side by
    side, and whether every cell shows its column's label."""
    return page.evaluate(
        """(selector) => {
          const table = document.querySelector(selector);
          if (!table) return {found: false};
          const row = table.querySelector("tbody tr");
          const cells = [...row.querySelectorAll("td, th")].filter((c) => c.getBoundingClientRect().width > 0);
          const lefts = new Set(cells.map((c) => Math.round(c.getBoundingClientRect().left)));
          const tops = new Set(cells.map((c) => Math.round(c.getBoundingClientRect().top)));
          // Every data cell shows its column's label (a row's actions are their own label).
          const labelled = cells.filter((c) => c.tagName === "TD" && !c.classList.contains("row-actions")).every(
            (c) => !c.dataset.label || getComputedStyle(c, "::before").content.includes(c.dataset.label)
          );
          return {found: true, cells: cells.length, columns: lefts.size, rows: tops.size,
                  labelled, fits: table.getBoundingClientRect().right <= document.documentElement.clientWidth + 1};
        }""",
        selector,
    )


def _coalition(world: DemoWorld) -> dict[str, Any]:
    return {"pk": Coalition.objects.filter(members__project=world.project).first().pk}  # type: ignore[union-attr]


def _edition_with_participants(world: DemoWorld) -> dict[str, Any]:
    editions = Edition.objects.annotate(people=Count("registrations")).order_by("-people")
    return {"year": editions.values_list("year", flat=True).first()}


KEY_TABLES = [
    # (role, URL name, its arguments, the table): the tables people read on a phone.
    ("admin", "projects:project-list", lambda w: {}),
    ("member", "projects:project-members", lambda w: {"pk": w.project.pk}),
    ("member", "toolkit:tool", lambda w: {"project_pk": w.project.pk, "tool": "indicators"}),
    ("admin", "conference:participants", _edition_with_participants),
    ("admin", "coalitions:coalition-detail", _coalition),
]


@pytest.mark.parametrize("index", range(len(KEY_TABLES)))
def test_key_tables_are_stacked_on_a_phone(index: int, new_page: Any) -> None:
    role, name, kwargs = KEY_TABLES[index]
    url = reverse(name, kwargs=kwargs(DemoWorld()))
    selector = "main table.table-stack"
    narrow, _ = new_page(375)
    wide, _ = new_page(1280)
    for page in (narrow, wide):
        login(page, DEMO_EMAILS[role])
        page.goto(url)
    on_phone = _stacked(narrow, selector)
    on_desktop = _stacked(wide, selector)
    assert on_phone["found"], f"{url}: no table"
    assert on_phone["columns"] == 1 and on_phone["rows"] == on_phone["cells"], (url, on_phone)
    assert on_phone["labelled"] and on_phone["fits"], (url, on_phone)
    assert on_desktop["columns"] == on_desktop["cells"] > 1, (url, on_desktop)
