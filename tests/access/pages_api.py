"""The public API's rows of the access matrix: every endpoint answers everyone, anonymous
included, with the same public data (docs/api.md). Only the documentation is an HTML page
(scanned by axe); the rest are JSON."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from tests.access.matrix import EVERYONE, Page
from tests.access.world import World
from tests.factories.conference import EditionFactory, SessionFactory
from tests.factories.europe import CompetenceCentreFactory, InitiativeFactory
from tests.factories.showcase import SpreadRecordFactory, published_case


def _session(world: World) -> dict[str, Any]:
    def build() -> Any:
        return SessionFactory(edition=EditionFactory(today=timezone.localdate()))

    return {"pk": world.get("api-session", build).pk}


def _initiative(world: World) -> dict[str, Any]:
    return {"pk": world.get("initiative", InitiativeFactory).pk}


def _centre(world: World) -> dict[str, Any]:
    return {"pk": world.get("centre", CompetenceCentreFactory).pk}


def _case(world: World) -> dict[str, Any]:
    return {"pk": world.get("api-case", published_case).pk}


def _spread_record(world: World) -> dict[str, Any]:
    def build() -> Any:
        return SpreadRecordFactory(project=world.get("api-case", published_case).project)

    return {"pk": world.get("api-spread-record", build).pk}


PAGES = [
    Page("api-docs:index", EVERYONE),
    Page("api:schema", EVERYONE, scan=False),
    Page("api:api-root", EVERYONE, scan=False),
    Page("api:session-list", EVERYONE, scan=False),
    Page("api:session-detail", EVERYONE, kwargs=_session, scan=False),
    Page("api:aggregate-list", EVERYONE, scan=False),
    Page("api:initiative-list", EVERYONE, scan=False),
    Page("api:initiative-detail", EVERYONE, kwargs=_initiative, scan=False),
    Page("api:competence-centre-list", EVERYONE, scan=False),
    Page("api:competence-centre-detail", EVERYONE, kwargs=_centre, scan=False),
    Page("api:case-list", EVERYONE, scan=False),
    Page("api:case-detail", EVERYONE, kwargs=_case, scan=False),
    Page("api:spread-record-list", EVERYONE, scan=False),
    Page("api:spread-record-detail", EVERYONE, kwargs=_spread_record, scan=False),
]
