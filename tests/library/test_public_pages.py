from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from samskapa.library.models import Feedback, Material
from tests.factories.library import DraftFactory, MaterialFactory

pytestmark = pytest.mark.django_db


def _starter(slug: str) -> Material:
    return Material.objects.get(slug=slug)


def test_index_lists_material_in_the_ui_language_by_default(client: Any) -> None:
    body = client.get(reverse("library:index")).content.decode()
    assert "Vad är social innovation?" in body
    assert "What is social innovation?" not in body


def test_index_lists_the_other_language_on_request(client: Any) -> None:
    body = client.get(reverse("library:index") + "?language=en").content.decode()
    assert "What is social innovation?" in body
    assert "Vad är social innovation?" not in body


def test_index_follows_an_english_ui(client: Any) -> None:
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("library:index")).content.decode()
    assert "What is social innovation?" in body
    assert "Knowledge bank" in body


@pytest.mark.parametrize(
    ("param", "value", "expected", "absent"),
    [
        ("topic", "horizontal_principles", "Checklista: horisontella principer i varje projektfas",
         "Vad är social innovation?"),
        ("focus_area", "ecosystem", "Mall: kartlägg ert ekosystem", "Förändringsteori steg för steg"),
        ("process_element", "develop_test", "Utveckla och testa med små försökscykler",
         "Mall: kartlägg ert ekosystem"),
    ],
)  # fmt: skip
def test_index_browses_by_topic_focus_area_and_process_element(
    client: Any, param: str, value: str, expected: str, absent: str
) -> None:
    body = client.get(reverse("library:index") + f"?{param}={value}").content.decode()
    assert expected in body
    assert absent not in body


def test_index_ignores_unknown_filter_values(client: Any) -> None:
    response = client.get(reverse("library:index") + "?topic=nonsense&language=xx")
    assert response.status_code == 200


def test_detail_links_to_the_translation(client: Any) -> None:
    body = client.get(_starter("vad-ar-social-innovation").get_absolute_url()).content.decode()
    assert 'href="/library/material/what-is-social-innovation/"' in body
    assert "Read in English" in body
    english = client.get(_starter("what-is-social-innovation").get_absolute_url()).content.decode()
    assert "Läs på svenska" in english
    assert 'lang="en"' in english


def test_detail_shows_tools_related_material_and_print_styles(client: Any) -> None:
    material = _starter("forandringsteori-steg-for-steg")
    body = client.get(material.get_absolute_url()).content.decode()
    assert ("Förändringsteori" in body and "Indikatorer" in body) or "Theory of change" in body
    assert "related-heading" in body
    assert "library/library.css" in body
    assert 'media="print"' in body


def test_detail_of_a_draft_is_hidden_from_readers(client_as: Any) -> None:
    draft = DraftFactory()
    for role in ("anonymous", "member", "funder"):
        assert client_as(role).get(draft.get_absolute_url()).status_code == 404
    assert client_as("coach").get(draft.get_absolute_url()).status_code == 200


def test_view_counts_count_readers_and_show_to_staff(client_as: Any) -> None:
    material = MaterialFactory()
    client_as("anonymous").get(material.get_absolute_url())
    client_as("member").get(material.get_absolute_url())
    staff_page = client_as("coach").get(material.get_absolute_url()).content.decode()
    material.refresh_from_db()
    assert material.view_count == 2
    assert "staff-heading" in staff_page
    reader_page = client_as("member").get(material.get_absolute_url()).content.decode()
    assert "staff-heading" not in reader_page


def test_feedback_is_recorded_once_per_session(client: Any) -> None:
    material = MaterialFactory()
    url = reverse("library:material-feedback", kwargs={"slug": material.slug})
    assert client.post(url, {"helpful": "no", "comment": "Saknar exempel."}).status_code == 302
    assert client.post(url, {"helpful": "yes"}).status_code == 302
    feedback = Feedback.objects.filter(material=material)
    assert [(f.helpful, f.comment) for f in feedback] == [(False, "Saknar exempel.")]


def test_feedback_without_an_answer_keeps_the_comment(client: Any) -> None:
    material = MaterialFactory()
    url = reverse("library:material-feedback", kwargs={"slug": material.slug})
    response = client.post(url, {"comment": "Min kommentar <b>här</b>"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "error-summary" in body
    assert "Min kommentar &lt;b&gt;här&lt;/b&gt;" in body
    assert not Feedback.objects.filter(material=material).exists()


def test_feedback_on_a_draft_is_not_possible(client: Any) -> None:
    draft = DraftFactory()
    url = reverse("library:material-feedback", kwargs={"slug": draft.slug})
    assert client.post(url, {"helpful": "yes"}).status_code == 404


def test_feed_is_atom_with_published_material_in_the_language(client: Any) -> None:
    DraftFactory(title="Opublicerat utkast")
    response = client.get(reverse("library:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Vad är social innovation?" in body
    assert "Opublicerat utkast" not in body
    english = client.get(reverse("library:feed") + "?language=en").content.decode()
    assert "What is social innovation?" in english
    assert 'xml:lang="en"' in english


def test_list_guides_for_tool_returns_published_material_in_the_language() -> None:
    from samskapa.library.selectors import list_guides_for_tool

    swedish = list(list_guides_for_tool("theory_of_change", "sv"))
    assert swedish[0].material_type == "guide"
    assert "Förändringsteori steg för steg" in [m.title for m in swedish]
    assert all(m.language == "sv" and "theory_of_change" in m.tools for m in swedish)
    english = [m.title for m in list_guides_for_tool("theory_of_change", "en")]
    assert "Theory of change step by step" in english
    DraftFactory(tools=["ecosystem_map"], title="Utkast om karta")
    assert "Utkast om karta" not in [m.title for m in list_guides_for_tool("ecosystem_map", "sv")]


def test_feedback_comments_reach_staff_escaped(client_as: Any) -> None:
    material = MaterialFactory(title="Återkopplingstest")
    Feedback.objects.create(material=material, helpful=False, comment="<script>alert(1)</script>")
    body = client_as("coach").get(reverse("library:feedback-list")).content.decode()
    assert "Återkopplingstest" in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert(1)" not in body
