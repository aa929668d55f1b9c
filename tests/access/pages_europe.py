"""The European catalogue's rows of the access matrix: public pages for everyone; the import
and the directory's management for the admin."""

from __future__ import annotations

from typing import Any

from tests.access.matrix import EVERYONE, Page
from tests.access.world import World
from tests.factories.europe import CompetenceCentreFactory, InitiativeFactory

ADMIN = frozenset({"admin"})
FOUND = frozenset({302})


def _initiative(world: World) -> dict[str, Any]:
    return {"pk": world.get("initiative", InitiativeFactory).pk}


def _centre(world: World) -> dict[str, Any]:
    return {"pk": world.get("centre", CompetenceCentreFactory).pk}


def _new_centre(world: World) -> dict[str, Any]:
    return {"pk": CompetenceCentreFactory().pk}  # the POST removes it: a new one per request


PAGES = [
    Page("europe:index", EVERYONE),
    Page("europe:initiative", EVERYONE, kwargs=_initiative),
    Page("europe:centres", EVERYONE),
    Page("europe:import", ADMIN),
    # Without an uploaded file the preview and the confirmation go back to the upload.
    Page("europe:import-preview", ADMIN, ok=FOUND, scan=False),
    Page("europe:import-confirm", ADMIN, method="POST", ok=FOUND, scan=False),
    Page("europe:manage-centres", ADMIN),
    Page("europe:centre-create", ADMIN),
    Page("europe:centre-edit", ADMIN, kwargs=_centre),
    Page("europe:centre-delete", ADMIN, kwargs=_new_centre, method="POST", ok=FOUND, scan=False),
]
