from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from samskapa.accounts.enums import StaffRole
from samskapa.library import selectors
from samskapa.library.models import Feedback, Material
from samskapa.library.selectors import list_guides_for_tool
from tests.factories.accounts import staff
from tests.factories.library import DraftFactory, MaterialFactory, translation_of
from tests.factories.projects import lead_of
from tests.fixtures import in_english

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(db: Any) -> tuple[Material, Material]:
    """A published material in Swedish and its English translation."""
    swedish = MaterialFactory(title="Vad är social innovation?", slug="vad-ar-det")
    english = translation_of(swedish, title="What is social innovation?", slug="what-is-it")
    return swedish, english


def test_index_lists_material_in_the_ui_language_by_default(client: Any, pair: Any) -> None:
    body = client.get(reverse("library:index")).content.decode()
    assert "Vad är social innovation?" in body
    assert "What is social innovation?" not in body


def test_index_lists_the_other_language_on_request(client: Any, pair: Any) -> None:
    body = client.get(reverse("library:index") + "?language=en").content.decode()
    assert "What is social innovation?" in body
    assert "Vad är social innovation?" not in body


def test_index_follows_an_english_ui(client: Any, pair: Any) -> None:
    body = in_english(client).get(reverse("library:index")).content.decode()
    assert "What is social innovation?" in body
    assert "Knowledge bank" in body


@pytest.mark.parametrize(
    ("param", "value", "expected", "absent"),
    [
        ("topic", "horizontal_principles", "Checklista: horisontella principer",
         "Vad är social innovation?"),
        ("focus_area", "ecosystem", "Mall: kartlägg ert ekosystem", "Förändringsteori steg för steg"),
        ("process_element", "develop_test", "Utveckla och testa med små försökscykler",
         "Mall: kartlägg ert ekosystem"),
    ],
)  # fmt: skip
def test_index_browses_by_topic_focus_area_and_process_element(
    client: Any, param: str, value: str, expected: str, absent: str
) -> None:
    MaterialFactory(title="Vad är social innovation?", topics=["what_is_si"])
    MaterialFactory(title="Checklista: horisontella principer", topics=["horizontal_principles"])
    MaterialFactory(title="Mall: kartlägg ert ekosystem", focus_areas=["ecosystem"])
    MaterialFactory(title="Förändringsteori steg för steg", focus_areas=["results"])
    MaterialFactory(
        title="Utveckla och testa med små försökscykler", process_elements=["develop_test"]
    )
    body = client.get(reverse("library:index") + f"?{param}={value}").content.decode()
    assert expected in body
    assert absent not in body


def test_index_ignores_unknown_filter_values(client: Any) -> None:
    MaterialFactory(title="Syns ändå")
    response = client.get(reverse("library:index") + "?topic=nonsense&language=xx")
    assert response.status_code == 200
    assert "Syns ändå" in response.content.decode()


def test_detail_links_to_the_translation(client: Any, pair: Any) -> None:
    swedish, english = pair
    body = client.get(swedish.get_absolute_url()).content.decode()
    assert 'href="/library/material/what-is-it/"' in body
    assert "Read in English" in body
    english_page = client.get(english.get_absolute_url()).content.decode()
    assert "Läs på svenska" in english_page
    assert 'lang="en"' in english_page


def test_detail_does_not_link_to_an_unpublished_translation(client: Any) -> None:
    swedish = MaterialFactory()
    DraftFactory(group=swedish.group, language="en", slug="draft-translation")
    body = client.get(swedish.get_absolute_url()).content.decode()
    assert "draft-translation" not in body and "Read in English" not in body


def test_detail_shows_tools_related_material_and_print_styles(client: Any) -> None:
    material = MaterialFactory(
        title="Förändringsteori steg för steg",
        tools=["theory_of_change", "indicators"],
        topics=["theory_of_change"],
    )
    MaterialFactory(title="Mät det som spelar roll", topics=["theory_of_change"])
    MaterialFactory(title="Om något helt annat", topics=["ecosystems"], focus_areas=[])
    body = client.get(material.get_absolute_url()).content.decode()
    assert "Förändringsteori" in body and "Indikatorer" in body
    assert "related-heading" in body
    assert "Mät det som spelar roll" in body
    assert "Om något helt annat" not in body
    assert "library/library.css" in body
    assert 'media="print"' in body


def test_detail_of_a_draft_is_hidden_from_readers(client_for: Any) -> None:
    draft = DraftFactory()
    for reader in (None, lead_of(), staff(StaffRole.FUNDER)):
        assert client_for(reader).get(draft.get_absolute_url()).status_code == 404
    coach = client_for(staff(StaffRole.COACH))
    assert coach.get(draft.get_absolute_url()).status_code == 200


def test_view_counts_count_readers_and_show_to_staff(client_for: Any) -> None:
    material = MaterialFactory()
    member = lead_of()
    client_for(None).get(material.get_absolute_url())
    client_for(member).get(material.get_absolute_url())
    staff_page = client_for(staff(StaffRole.COACH)).get(material.get_absolute_url())
    material.refresh_from_db()
    selectors.add_view_counts([material])
    assert material.views == 2
    assert "staff-heading" in staff_page.content.decode()
    assert '<span class="stat-value">2</span>' in staff_page.content.decode()
    reader_page = client_for(member).get(material.get_absolute_url()).content.decode()
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


def test_feed_is_atom_with_published_material_in_the_language(client: Any, pair: Any) -> None:
    DraftFactory(title="Opublicerat utkast")
    response = client.get(reverse("library:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "Vad är social innovation?" in body
    assert "Opublicerat utkast" not in body
    assert "What is social innovation?" not in body
    english = client.get(reverse("library:feed") + "?language=en").content.decode()
    assert "What is social innovation?" in english
    assert 'xml:lang="en"' in english


def test_list_guides_for_tool_returns_published_material_in_the_language() -> None:
    guide = MaterialFactory(title="Förändringsteori steg för steg", tools=["theory_of_change"])
    MaterialFactory(title="A Mall", material_type="template", tools=["theory_of_change"])
    MaterialFactory(title="Annat verktyg", tools=["ecosystem_map"])
    translation_of(guide, title="Theory of change step by step", tools=["theory_of_change"])
    DraftFactory(title="Utkast", tools=["theory_of_change"])
    swedish = [m.title for m in list_guides_for_tool("theory_of_change", "sv")]
    assert swedish == ["Förändringsteori steg för steg", "A Mall"]  # guides first
    english = [m.title for m in list_guides_for_tool("theory_of_change", "en")]
    assert english == ["Theory of change step by step"]


def test_feedback_comments_reach_staff_escaped(client_for: Any) -> None:
    material = MaterialFactory(title="Återkopplingstest")
    Feedback.objects.create(material=material, helpful=False, comment="<script>alert(1)</script>")
    body = client_for(staff(StaffRole.COACH)).get(reverse("library:feedback-list"))
    body = body.content.decode()
    assert "Återkopplingstest" in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert(1)" not in body
