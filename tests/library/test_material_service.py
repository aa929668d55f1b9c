"""Saving a material goes through services.save_material: author and translation group are
stored in the same transaction as the material."""

from __future__ import annotations

from typing import Any

import pytest

from samskapa.accounts.enums import StaffRole
from samskapa.library import services
from samskapa.library.enums import Language
from samskapa.library.models import Material
from tests.factories.accounts import staff
from tests.factories.library import DraftFactory

pytestmark = pytest.mark.django_db


def _form(**changes: Any) -> dict[str, Any]:
    data = {
        "title": "Samverkan i praktiken",
        "slug": "",
        "summary": "Kort.",
        "body": "## Rubrik\n\nText.",
        "material_type": "guide",
        "language": "sv",
        "topics": ["collaboration"],
    }
    data.update(changes)
    return data


def test_a_new_material_has_its_author_and_its_own_group(client_for: Any) -> None:
    author = staff(StaffRole.COACH)
    response = client_for(author).post("/library/manage/new/", _form())
    assert response.status_code == 302
    material = Material.objects.get(slug="samverkan-i-praktiken")
    assert list(material.authors.all()) == [author]
    assert not Material.objects.filter(group=material.group).exclude(pk=material.pk).exists()


def test_linking_and_unlinking_a_translation_moves_the_material_between_groups() -> None:
    author = staff(StaffRole.COACH)
    swedish = DraftFactory(language=Language.SWEDISH)
    english = DraftFactory(language=Language.ENGLISH)
    services.save_material(material=english, translation_of=swedish, by=author)
    english.refresh_from_db()
    assert english.group == swedish.group
    services.save_material(material=english, translation_of=None, by=author)
    english.refresh_from_db()
    assert english.group != swedish.group


def test_a_second_author_is_added_when_they_edit(client_for: Any) -> None:
    first, second = staff(StaffRole.COACH), staff(StaffRole.PROCESS_LEADER)
    material = services.save_material(material=DraftFactory(), translation_of=None, by=first)
    response = client_for(second).post(
        f"/library/manage/{material.pk}/edit/", _form(slug=material.slug, title="Ny titel")
    )
    assert response.status_code == 302
    assert set(material.authors.all()) == {first, second}
