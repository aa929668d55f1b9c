"""Writes of the European catalogue. Each one touches the public pages' cache area."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from samskapa.core import pagecache
from samskapa.europe.models import CompetenceCentre, Initiative

AREA = "europe"
INITIATIVE_FIELDS = (
    "title", "summary", "country", "organisation", "programme", "themes", "starts_on",
    "ends_on", "source_url", "is_example",
)  # fmt: skip


def changed_fields(initiative: Initiative, values: dict[str, Any]) -> list[str]:
    """The fields `values` would change on `initiative` (nothing is written)."""
    return [
        name
        for name in INITIATIVE_FIELDS
        if name in values and getattr(initiative, name) != values[name]
    ]


@transaction.atomic
def upsert_initiative(
    *, source: str, source_id: str, values: dict[str, Any]
) -> tuple[Initiative, str]:
    """Create the initiative or update it in place; returns it and "create", "update" or
    "unchanged"."""
    initiative = Initiative.objects.filter(source=source, source_id=source_id).first()
    if initiative is None:
        initiative = Initiative(source=source, source_id=source_id)
        action = "create"
    else:
        action = "update" if changed_fields(initiative, values) else "unchanged"
    if action == "unchanged":
        return initiative, action
    for name in INITIATIVE_FIELDS:
        if name in values:
            setattr(initiative, name, values[name])
    initiative.full_clean()
    initiative.save()
    pagecache.touch(AREA)
    return initiative, action


@transaction.atomic
def save_centre(*, centre: CompetenceCentre) -> CompetenceCentre:
    centre.full_clean()
    centre.save()
    pagecache.touch(AREA)
    return centre


@transaction.atomic
def delete_centre(*, centre: CompetenceCentre) -> None:
    centre.delete()
    pagecache.touch(AREA)
