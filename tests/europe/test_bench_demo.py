"""The benchmark seeder and the demo's European catalogue."""

from __future__ import annotations

import pytest

from samskapa.europe import bench
from samskapa.europe.models import CompetenceCentre, Initiative

pytestmark = pytest.mark.django_db


def test_the_seeder_adds_two_thousand_example_initiatives_once() -> None:
    bench.seed(scale=1)
    bench.seed(scale=1)  # a second run adds nothing
    assert (
        Initiative.objects.filter(source_id__startswith="BENCH-", is_example=True).count() == 2000
    )


@pytest.mark.demo
def test_the_demo_has_twenty_example_initiatives_and_example_centres() -> None:
    initiatives = Initiative.objects.all()
    assert initiatives.count() == 20
    assert all(i.is_example and i.source_id.startswith("EX-") for i in initiatives)
    assert {i.source for i in initiatives} == {"sim", "kohesio"}
    assert all(i.summary and i.country and i.starts_on for i in initiatives)
    assert CompetenceCentre.objects.exists()
    assert not CompetenceCentre.objects.filter(is_example=False).exists()
