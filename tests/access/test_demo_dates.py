"""Dates as people read them on every page of the demo world (docs/quality.md, language and
look): on Swedish pages Swedish month names and never an ISO date; on English pages (/en/)
English month names. Form inputs (native date fields) and machine-readable attributes
(`<time datetime>`) are not text and are not checked."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest

from tests.access.matrix import Page
from tests.access.test_access_matrix import PAGES
from tests.access.world import DemoWorld

pytestmark = [pytest.mark.demo, pytest.mark.django_db]

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
ENGLISH_MONTH = re.compile(
    r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b"
)
SWEDISH_MONTH = re.compile(
    r"\b\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sep|okt|nov|dec)\b"
)
HTML_PAGES = [page for page in PAGES if page.method == "GET" and page.scan]


class _Text(HTMLParser):
    """The text a person reads (not scripts, styles or code samples)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "code"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "code"}:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def _first_role(page: Page) -> str:
    return "anonymous" if "anonymous" in page.allowed else sorted(page.allowed)[0]


@pytest.mark.parametrize(
    ("prefix", "wrong_month"), [("", ENGLISH_MONTH), ("/en", SWEDISH_MONTH)], ids=["sv", "en"]
)
def test_every_page_shows_dates_in_its_language(
    client_for: Any, prefix: str, wrong_month: re.Pattern[str]
) -> None:
    world = DemoWorld()
    problems = []
    for page in HTML_PAGES:
        response = client_for(world.user(_first_role(page))).get(prefix + page.url(world))
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        text = _text(response.content.decode())
        for pattern in (ISO_DATE, wrong_month):
            problems += [f"{page.label}: {m.group(0)!r}" for m in pattern.finditer(text)]
    assert problems == []
