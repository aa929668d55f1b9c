"""Every page with a chart shows it as a <picture> of two sizes, under a heading that says the
chart's message in the page's language, with its data table (numbers in class="num" cells)."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from samskapa.accounts.enums import Sector
from tests.factories.accounts import OrganisationFactory
from tests.factories.projects import PartnerFactory, ProjectFactory, lead_of
from tests.factories.toolkit import (
    ParticipationActivityFactory,
    SelfAssessmentFactory,
    indicator,
    reported_value,
)

pytestmark = pytest.mark.django_db


def _assert_chart_with_table(html: str, message: str) -> None:
    assert '<picture class="chart-picture">' in html
    assert re.search(r'<source media="\(max-width: 39\.99rem\)" srcset="data:image/svg', html)
    assert f'alt="{message}.' in html.replace("&#x27;", "'")
    assert '<td class="num"' in html
    assert "<svg" not in html


@pytest.fixture
def project() -> Any:
    project = ProjectFactory()
    for _ in range(2):
        PartnerFactory(
            project=project, organisation=OrganisationFactory(sector=Sector.CIVIL_SOCIETY)
        )
    return project


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("sv", "Största sektor: {} (2 av 3 organisationer)"),
        ("en", "Largest sector: {} (2 of 3 organisations)"),
    ],
)
def test_project_page_says_the_largest_sector(
    client_for: Any, project: Any, language: str, message: str
) -> None:
    user = lead_of(project)
    user.language = language
    user.save()
    html = client_for(user).get(project.get_absolute_url(), follow=True).content.decode()
    with translation.override(language):
        message = message.format(Sector.CIVIL_SOCIETY.label)
    assert f'<figcaption class="chart-message">{message}</figcaption>' in html
    _assert_chart_with_table(html, message)


def test_indicator_page_says_how_many_targets_are_reached(client_for: Any, project: Any) -> None:
    reported_value(indicator(project, "A", target=10), value=12)
    reported_value(indicator(project, "B", target=10), value=4)
    url = reverse("toolkit:tool", kwargs={"project_pk": project.pk, "tool": "indicators"})
    html = client_for(lead_of(project)).get(url).content.decode()
    _assert_chart_with_table(html, "1 av 2 indikatorer har nått sitt mål")


def test_participation_page_says_the_highest_level(client_for: Any, project: Any) -> None:
    ParticipationActivityFactory(project=project, held_on=datetime.date(2026, 3, 10), level=2)
    ParticipationActivityFactory(project=project, held_on=datetime.date(2026, 5, 4), level=4)
    url = reverse("toolkit:tool", kwargs={"project_pk": project.pk, "tool": "participation"})
    html = client_for(lead_of(project)).get(url).content.decode()
    assert "Högsta nivån hittills: " in html
    assert "4 maj 2026" in html
    assert '<picture class="chart-picture">' in html


def test_self_assessment_page_says_the_change_of_the_average(client_for: Any, project: Any) -> None:
    SelfAssessmentFactory(project=project, assessed_on=datetime.date(2026, 1, 15), ratings=2)
    SelfAssessmentFactory(project=project, assessed_on=datetime.date(2026, 9, 15), ratings=4)
    url = reverse("toolkit:self-assessment", kwargs={"project_pk": project.pk})
    html = client_for(lead_of(project)).get(url).content.decode()
    assert "Medelbetyget gick från 2,0 (15 januari 2026) till 4,0 (15 september 2026)" in html
    assert html.count('<picture class="chart-picture">') == 2
    assert '<td class="num"' in html
