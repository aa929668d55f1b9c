"""Writes to the tools: cross-project links, cycles, breakdowns and the self-assessment."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from samskapa.core.enums import FocusArea
from samskapa.evaluation import selectors as selectors_results
from samskapa.evaluation.models import Indicator as CatalogueIndicator
from samskapa.evaluation.models import ProjectIndicator
from samskapa.projects.models import ProjectOrganisation
from samskapa.toolkit import services
from samskapa.toolkit.models import (
    Actor,
    ParticipationActivity,
    PartnerCollaboration,
    ProblemLink,
    SelfAssessmentRating,
)
from samskapa.toolkit.selectors import (
    latest_self_assessments,
    partner_organisations,
    self_assessment_series,
)
from tests.factories import toolkit as make

pytestmark = pytest.mark.django_db

RATINGS = {area.value: (3, "") for area in FocusArea}


def test_record_self_assessment_stores_one_rating_per_focus_area(project: Any, member: Any) -> None:
    assessment = services.record_self_assessment(
        project=project,
        by=member,
        ratings={**RATINGS, "causes": (5, "Klar bild")},
        assessed_on=date(2026, 3, 1),
        context="Före mötet i mars",
    )
    ratings = {r.focus_area: (r.rating, r.comment) for r in assessment.ratings.all()}
    assert ratings["causes"] == (5, "Klar bild")
    assert len(ratings) == 5
    assert assessment.context == "Före mötet i mars"


@pytest.mark.parametrize("rating", [0, 6, -1])
def test_record_self_assessment_refuses_a_rating_out_of_range(project: Any, rating: int) -> None:
    with pytest.raises(ValidationError, match="1 to 5"):
        services.record_self_assessment(
            project=project, by=None, ratings={**RATINGS, "results": (rating, "")}
        )
    assert not project.self_assessments.exists()


def test_record_self_assessment_needs_every_focus_area(project: Any) -> None:
    partial = {key: value for key, value in RATINGS.items() if key != "ecosystem"}
    with pytest.raises(ValidationError, match="Rate every focus area"):
        services.record_self_assessment(project=project, by=None, ratings=partial)


def test_rating_out_of_range_is_refused_by_the_database(project: Any) -> None:
    assessment = services.record_self_assessment(project=project, by=None, ratings=RATINGS)
    with pytest.raises(IntegrityError), transaction.atomic():
        SelfAssessmentRating.objects.filter(assessment=assessment).update(rating=7)


def test_latest_self_assessments_picks_the_newest_per_project(
    project: Any, other_project: Any, django_assert_num_queries: Any
) -> None:
    services.record_self_assessment(
        project=project, by=None, ratings=RATINGS, assessed_on=date(2025, 1, 1)
    )
    newest = services.record_self_assessment(
        project=project, by=None, ratings=RATINGS, assessed_on=date(2026, 1, 1)
    )
    with django_assert_num_queries(2):
        latest = latest_self_assessments(projects=[project, other_project])
        ratings = [len(a.ratings.all()) for a in latest.values()]
    assert latest[project.pk] == newest
    assert set(ratings) == {5}


def test_self_assessment_series_is_oldest_first(project: Any) -> None:
    services.record_self_assessment(
        project=project, by=None, ratings=RATINGS, assessed_on=date(2026, 2, 1)
    )
    services.record_self_assessment(
        project=project, by=None, ratings=RATINGS, assessed_on=date(2025, 2, 1)
    )
    points = self_assessment_series(project=project)
    assert [p.assessed_on for p in points[::5]] == [date(2025, 2, 1), date(2026, 2, 1)]
    assert [p.focus_area for p in points[:5]] == FocusArea.values


def test_problem_link_to_another_projects_element_is_refused(
    project: Any, other_project: Any
) -> None:
    mine, theirs = make.cause(project), make.effect(other_project)
    link = ProblemLink(project=project, cause=mine, effect=theirs)
    with pytest.raises(ValidationError, match="same project"):
        services.save_tool_object(obj=link, by=None)
    assert not ProblemLink.objects.filter(project=project).exists()


def test_problem_link_that_closes_a_cycle_is_refused(project: Any) -> None:
    a, b, c = (make.cause(project, text) for text in "abc")
    make.problem_link(a, b)
    make.problem_link(b, c)
    with pytest.raises(ValidationError, match="circle"):
        services.save_tool_object(obj=ProblemLink(project=project, cause=c, effect=a), by=None)


def test_change_link_that_closes_a_cycle_is_refused(project: Any) -> None:
    a = make.element(project, "precondition", "a")
    b = make.element(project, "precondition", "b")
    make.change_link(a, b)
    from samskapa.toolkit.models import ChangeLink

    with pytest.raises(ValidationError, match="circle"):
        services.save_tool_object(obj=ChangeLink(project=project, source=b, target=a), by=None)


def test_assumptions_cannot_be_linked(project: Any) -> None:
    from samskapa.toolkit.models import ChangeLink

    a = make.element(project, "assumption", "a")
    b = make.element(project, "outcome", "b")
    with pytest.raises(ValidationError, match="Only activities"):
        services.save_tool_object(obj=ChangeLink(project=project, source=a, target=b), by=None)


def test_indicator_must_measure_an_outcome_or_output(project: Any) -> None:
    activity = make.element(project, "activity", "Verkstäder")
    indicator = make.indicator(project)
    indicator.element = activity
    with pytest.raises(ValidationError, match="outcome or an output"):
        services.save_tool_object(obj=indicator, by=None)


def test_an_indicator_with_a_catalogue_code_is_that_catalogue_indicator(project: Any) -> None:
    shared = CatalogueIndicator.objects.get(code="EECO01", project=None)  # seeded
    indicator = make.indicator(project, code="eeco01", target=120)
    assert indicator.catalogue == shared
    link = ProjectIndicator.objects.get(project=project, indicator=shared)
    assert link.target == 120  # the project reports on it, with the indicator's target


def test_another_indicator_becomes_the_project_s_own_catalogue_entry(project: Any) -> None:
    indicator = make.indicator(project, code="P1", name="Arbetsgivare", unit="entity")
    own = indicator.catalogue
    assert own.is_own and own.project == project and own.code == "P1"
    assert (own.name_sv, own.unit, own.aggregation) == ("Arbetsgivare", "organisations", "latest")
    assert own not in selectors_results.catalogue()  # not offered to other projects
    indicator.name = "Arbetsgivare i nätverket"
    services.save_tool_object(obj=indicator, by=None)
    own.refresh_from_db()
    assert own.name_sv == "Arbetsgivare i nätverket"  # kept in step, not a second entry
    assert CatalogueIndicator.objects.filter(project=project).count() == 1


def test_participation_level_must_be_on_the_scale(project: Any) -> None:
    activity = ParticipationActivity(
        project=project, held_on=date(2026, 1, 1), title="Möte", level=8
    )
    with pytest.raises(ValidationError, match="1 to 5"):
        services.save_tool_object(obj=activity, by=None)


def test_collaboration_only_with_the_projects_own_partners(
    project: Any, other_project: Any
) -> None:
    stranger = other_project.owner
    row = PartnerCollaboration(project=project, organisation=stranger, depth=2)
    with pytest.raises(ValidationError, match="takes part in this project"):
        services.save_tool_object(obj=row, by=None)


def test_sync_partner_actors_adds_each_organisation_once(project: Any) -> None:
    # The owner and three partners, one of which also co-finances: four organisations.
    ProjectOrganisation.objects.create(
        project=project, organisation=partner_organisations(project)[0], role="co_financer"
    )
    added = services.sync_partner_actors(project=project)
    organisations = set(project.partners.values_list("organisation_id", flat=True))
    assert added == len(organisations) == 4
    assert services.sync_partner_actors(project=project) == 0
    assert (
        set(Actor.objects.filter(project=project).values_list("organisation_id", flat=True))
        == organisations
    )


def test_deleting_an_element_records_its_links_in_the_history(project: Any) -> None:
    a, b = make.cause(project, "a"), make.effect(project, "b")
    link = make.problem_link(a, b)
    services.delete_tool_object(obj=a, by=None)
    assert ProblemLink.history.filter(id=link.pk, history_type="-").exists()
    assert not ProblemLink.objects.filter(pk=link.pk).exists()
