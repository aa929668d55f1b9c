"""Search: ranked, in the reader's language, with safe highlighted snippets.

These tests run on SQLite and on PostgreSQL (DATABASE_URL=postgres://…): the ranking contract is
the same on both, although the machinery differs.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from samskapa.library import selectors
from samskapa.library.selectors import MaterialFilters, highlight_snippet
from samskapa.library.starter import load_starter_content
from tests.factories.library import DraftFactory, MaterialFactory

pytestmark = pytest.mark.django_db


def _titles(query: str, language: str = "sv") -> list[str]:
    results = selectors.search_materials(query=query, filters=MaterialFilters(language=language))
    return [m.title for m in results]


def test_search_ranks_a_title_match_above_a_passing_mention() -> None:
    MaterialFactory(
        title="Om arbetsmarknaden",
        body="## Bakgrund\n\n"
        + "Arbete och utbildning. " * 40
        + "Även kaniner nämns här i förbigående.",
    )
    MaterialFactory(title="Kaniner i skolträdgården", body="## Om projektet\n\nEn kort text.")
    MaterialFactory(title="Sammanfattning", summary="Kaniner som mål.", body="Annat innehåll.")
    assert _titles("kaniner") == [
        "Kaniner i skolträdgården",
        "Sammanfattning",
        "Om arbetsmarknaden",
    ]


def test_search_finds_starter_material_in_swedish_and_english() -> None:
    load_starter_content()
    assert _titles("förändringsteori")[0] == "Förändringsteori steg för steg"
    assert _titles("theory of change", "en")[0] == "Theory of change step by step"


def test_search_only_finds_published_material_in_the_chosen_language() -> None:
    DraftFactory(title="Hemlig kaninplan", body="kaninplan")
    MaterialFactory(title="Rabbit plan", body="kaninplan", language="en")
    assert _titles("kaninplan") == []
    assert _titles("kaninplan", "en") == ["Rabbit plan"]


def test_search_respects_the_topic_filter() -> None:
    MaterialFactory(title="Kaninguide A", topics=["participation"])
    MaterialFactory(title="Kaninguide B", topics=["ecosystems"])
    results = selectors.search_materials(
        query="kaninguide", filters=MaterialFilters(language="sv", topic="ecosystems")
    )
    assert [m.title for m in results] == ["Kaninguide B"]


def test_search_snippets_mark_the_match_and_escape_the_rest() -> None:
    MaterialFactory(
        title="Snippettest",
        body="Inledning.\n\nDet här stycket nämner <script>alert(1)</script> och sedan kaniner i en mening.",
    )
    results = list(
        selectors.search_materials(query="kaniner", filters=MaterialFilters(language="sv"))
    )
    selectors.add_snippets(results, query="kaniner")
    snippet = str(results[0].snippet)  # type: ignore[attr-defined]
    assert "<mark>kaniner</mark>" in snippet
    assert "<script>" not in snippet
    if "script" in snippet:
        assert "&lt;script&gt;" in snippet


def test_highlight_snippet_escapes_everything_but_the_mark() -> None:
    text = (
        "Början <b>fet</b> & sånt. " * 3 + "Här står Samverkan <img src=x onerror=alert(1)> sist."
    )
    snippet = str(highlight_snippet(text=text, query="samverkan"))
    assert "<mark>Samverkan</mark>" in snippet
    assert "<img" not in snippet and "<b>" not in snippet
    assert "&lt;img src=x onerror=alert(1)&gt;" in snippet


def test_highlight_snippet_without_a_match_shows_the_beginning() -> None:
    assert str(highlight_snippet(text="Kort <text>.", query="zzz")) == "Kort &lt;text&gt;."


def test_index_page_searches_and_highlights(client: Any) -> None:
    MaterialFactory(title="Förändringsteori steg för steg", body="Om förändringsteori.")
    MaterialFactory(title="Ekosystemkarta", body="Om aktörer.")
    response = client.get("/library/?q=f%C3%B6r%C3%A4ndringsteori")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Förändringsteori steg för steg" in body
    assert "<mark>" in body
    assert "Ekosystemkarta" not in body


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Swedish stemming is PostgreSQL's")
def test_postgresql_search_uses_swedish_stemming() -> None:
    MaterialFactory(title="Stemmingtest", body="Projekten samverkade med kommunerna.")
    assert "Stemmingtest" in _titles("kommun")
