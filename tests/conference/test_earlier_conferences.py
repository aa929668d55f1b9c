"""The conference page's "Earlier conferences" lists editions that have ended, not later ones."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from samskapa.conference.models import Edition

pytestmark = pytest.mark.django_db


def _edition(year: int) -> Edition:
    return Edition.objects.create(
        year=year,
        title_sv=f"Konferensen {year}",
        starts_on=datetime.date(year, 6, 8),
        ends_on=datetime.date(year, 6, 9),
        venue="Malmö",
        capacity=10,
    )


@time_machine.travel(datetime.datetime(2031, 2, 10, 12, tzinfo=datetime.UTC), tick=False)
def test_an_edition_announced_for_a_later_year_is_not_an_earlier_conference(
    client_for: Any,
) -> None:
    Edition.objects.all().delete()
    for year in (2030, 2031, 2032):
        _edition(year)
    html = client_for(None).get(reverse("conference:index")).content.decode()
    earlier = html.split('id="archive-heading"')[1]
    assert "Konferensen 2030" in earlier
    assert "Konferensen 2032" not in earlier
    assert "Konferensen 2031" in html.split('id="archive-heading"')[0]
