"""Plural and agreement in both languages ("0 ändrade", "1 nytt projekt", "59 av 300
anmälda", "4 minuters läsning"): counts go through `blocktranslate count` with the catalogues'
Swedish forms, and numbers through |number."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db.models import F
from django.template import Context, Template
from django.utils import translation

from samskapa.accounts.enums import StaffRole
from samskapa.library.models import Material
from samskapa.toolkit.diagrams import ecosystem_svg, sector_legend
from tests.factories.accounts import staff
from tests.factories.library import MaterialFactory

STAT = '{%% load i18n %%}{%% blocktranslate context "stat label" count counter=n %%}%s{%% plural %%}%s{%% endblocktranslate %%}'


@pytest.mark.parametrize(
    ("singular", "plural", "n", "swedish", "english"),
    [
        ("updated", "updated", 0, "ändrade", "updated"),
        ("updated", "updated", 1, "ändrat", "updated"),
        ("new project", "new projects", 1, "nytt projekt", "new project"),
        ("new project", "new projects", 6, "nya projekt", "new projects"),
        ("row", "rows", 1, "rad", "row"),
        ("cancelled", "cancelled", 2, "avanmälda", "cancelled"),
        ("coalition", "coalitions", 1, "koalition", "coalition"),
        ("meeting held", "meetings held", 3, "genomförda träffar", "meetings held"),
    ],
)
def test_stat_labels_agree_with_their_number(
    singular: str, plural: str, n: int, swedish: str, english: str
) -> None:
    template = Template(STAT % (singular, plural))
    for language, expected in (("sv", swedish), ("en", english)):
        with translation.override(language):
            assert template.render(Context({"n": n})) == expected


def test_places_taken_read_as_a_sentence() -> None:
    template = Template(
        '{% load i18n samskapa %}{{ n }} {% blocktranslate trimmed context "stat label" count '
        "counter=n with capacity=capacity|number %}of {{ capacity }} registered{% plural %}"
        "of {{ capacity }} registered{% endblocktranslate %}"
    )
    with translation.override("sv"):
        assert template.render(Context({"n": 59, "capacity": 300})) == "59 av 300 anmälda"
        assert template.render(Context({"n": 1, "capacity": 1200})) == "1 av 1\xa0200 anmäld"
    with translation.override("en"):
        assert template.render(Context({"n": 59, "capacity": 300})) == "59 of 300 registered"


@pytest.mark.django_db
def test_reading_time_and_views_on_the_material_page(client_for: Any) -> None:
    material = MaterialFactory()
    Material.objects.filter(pk=material.pk).update(view_count=F("view_count") + 1233)
    client = client_for(staff(StaffRole.COACH))
    html = client.get(material.get_absolute_url()).content.decode()
    material.refresh_from_db()
    shown = f"{material.view_count:,}".replace(",", "\xa0")
    assert re.search(rf'stat-value">{shown}</span> <span class="stat-label">visningar', html)
    minutes = material.reading_minutes
    swedish = f"Cirka {minutes} minut" + ("" if minutes == 1 else "er")
    assert swedish in html


def test_the_ecosystem_map_explains_itself_in_swedish() -> None:
    with translation.override("sv"):
        svg = str(ecosystem_svg(uid="t", actors=[], relations=[]))
        legend = dict(sector_legend())
        key = translation.gettext("Thick outline: the project’s own organisations")
    assert "No actors" not in svg and "Inga aktörer" in svg
    assert key == "Tjock kant: projektets egna organisationer"
    assert "Offentlig sektor" in legend.values()
