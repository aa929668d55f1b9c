"""A small published world for the API's tests: the catalogue, a directory, a published and an
unpublished programme, and approved values (one figure shown, one suppressed)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from samskapa.conference.models import Session
from samskapa.europe.models import CompetenceCentre, Initiative
from tests.factories.conference import EditionFactory, SessionFactory, SpeakerFactory
from tests.factories.europe import CompetenceCentreFactory, InitiativeFactory
from tests.factories.evaluation import IndicatorFactory, half_years, report
from tests.factories.projects import CallFactory, ProjectFactory


@dataclass
class PublishedWorld:
    initiatives: list[Initiative]
    centre: CompetenceCentre
    published: list[Session]
    hidden: Session
    shown_indicator: Any
    small_indicator: Any
    call: Any


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
    return PublishedWorld(initiatives, centre, [first, second], hidden, shown, small, call)
