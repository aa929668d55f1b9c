"""Every figure on the results pages says how it was computed: the indicator tables with each
indicator's rule and the targets' behind a disclosure, the tables by group with their
indicator's rule, the gender breakdown and the completeness tables with theirs."""

from __future__ import annotations

import html
from typing import Any

import pytest
from django.urls import reverse

from samskapa.accounts.models import User
from samskapa.evaluation import tables
from samskapa.evaluation.enums import Aggregation, Measure
from samskapa.projects.models import Call, Project
from tests.factories.evaluation import IndicatorFactory, half_years, report

pytestmark = pytest.mark.django_db


def test_each_table_on_the_overview_and_the_call_page_says_how_it_was_computed(
    call: Call,
    project: Project,
    other_project: Project,
    neighbour: Project,
    evaluator: User,
    login: Any,
) -> None:
    count = IndicatorFactory(by_gender=True)
    latest = IndicatorFactory(aggregation=Aggregation.LATEST)
    share = IndicatorFactory(measure=Measure.PERCENTAGE)
    (h1,) = half_years(call, 1)
    for p in (project, other_project, neighbour):
        report(p, count, h1, 10, women=4, men=5)
        report(p, latest, h1, 7)
        report(p, share, h1, numerator=3, denominator=9)
    client = login(evaluator)
    overview = html.unescape(client.get(reverse("evaluation:overview")).content.decode())
    call_page = html.unescape(
        client.get(reverse("evaluation:call", args=[call.pk])).content.decode()
    )
    for body in (overview, call_page):
        assert "How each indicator and the targets are computed" in body
        for indicator in (count, latest, share):
            assert f"{indicator.code}: {tables.how_computed(indicator)}" in body
        assert str(tables.TARGETS_HOW) in body
        assert "drafts and returned values do not count" in body
    assert "a breakdown never exceeds its total" in overview
    # The projects under pseudonyms, all of the key indicator: its rule under the table.
    assert call_page.count(tables.how_computed(count)) >= 2
