"""A small published world for the API's tests: the catalogue, a directory, a published and an
unpublished programme, approved values (one figure shown, one suppressed), and published,
withdrawn and unreviewed cases with published and unpublished spread records."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from samskapa.conference.models import Session
from samskapa.europe.models import CompetenceCentre, Initiative
from samskapa.showcase.enums import SpreadKind, VersionStatus
from samskapa.showcase.models import Case, SpreadRecord
from tests.factories.conference import EditionFactory, SessionFactory, SpeakerFactory
from tests.factories.europe import CompetenceCentreFactory, InitiativeFactory
from tests.factories.evaluation import IndicatorFactory, half_years, report
from tests.factories.projects import CallFactory, ProjectFactory
from tests.factories.showcase import CaseVersionFactory, SpreadRecordFactory, published_case


@dataclass
class PublishedWorld:
    initiatives: list[Initiative]
    centre: CompetenceCentre
    published: list[Session]
    hidden: Session
    shown_indicator: Any
    small_indicator: Any
    call: Any
    cases: list[Case]
    hidden_cases: list[Case]
    records: list[SpreadRecord]
    hidden_records: list[SpreadRecord]


def published_world(today: datetime.date) -> PublishedWorld:
    initiatives = [
        InitiativeFactory(title="Housing First", country="IE", themes="Housing; Youth"),
        InitiativeFactory(title="Repair cafés", country="AT", source="kohesio", is_example=True),
    ]
    centre = CompetenceCentreFactory(name="Centre in Portugal", country="PT")
    edition = EditionFactory(today=today, programme_published=True)
    named = SpeakerFactory(edition=edition, name="Named Speaker", publication_consent=True)
    unnamed = SpeakerFactory(edition=edition, name="Private Speaker", publication_consent=False)
    first = SessionFactory(edition=edition, title="Opening")
    first.speakers.add(named, unnamed)
    second = SessionFactory(edition=edition, title="Workshop")
    draft = EditionFactory(today=today, programme_published=False)
    hidden = SessionFactory(edition=draft, title="Not yet published")
    call = CallFactory()
    (period,) = half_years(call, 1)
    shown, small = IndicatorFactory(code="API1"), IndicatorFactory(code="API2")
    for project in [ProjectFactory(call=call) for _i in range(3)]:
        report(project, shown, period, 40)
        report(project, small, period, 1)
    cases, hidden_cases, records, hidden_records = _showcase(call)
    return PublishedWorld(
        initiatives,
        centre,
        [first, second],
        hidden,
        shown,
        small,
        call,
        cases,
        hidden_cases,
        records,
        hidden_records,
    )


def _showcase(call: Any) -> tuple[list[Case], list[Case], list[SpreadRecord], list[SpreadRecord]]:
    """Two published cases, a withdrawn one and one never published (a draft in review), with
    published and unpublished spread records."""
    housing = published_case(
        ProjectFactory(call=call), title="Bostad först i Örebro", focus_areas=["collaboration"]
    )
    youth = published_case(title="Unga vuxna in i arbete", nuts_region="SE11")
    withdrawn = published_case(title="Tillbakadraget fall")
    withdrawn.public_version = None
    withdrawn.save(update_fields=["public_version"])
    draft = CaseVersionFactory(title="Ännu inte granskat", status=VersionStatus.REVIEW).case
    records = [
        SpreadRecordFactory(project=housing.project, organisation="Västerås stad"),
        SpreadRecordFactory(project=youth.project, kind=SpreadKind.POLICY, level="national"),
    ]
    hidden_records = [
        SpreadRecordFactory(project=housing.project, published=False),
        SpreadRecordFactory(project=withdrawn.project),
        SpreadRecordFactory(project=draft.project),
    ]
    return [housing, youth], [withdrawn, draft], records, hidden_records
