"""Reads of the European catalogue. The public pages and the public API use the same
functions, so both show the same records."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from samskapa.europe.models import CompetenceCentre, Initiative


@dataclass(frozen=True)
class InitiativeFilters:
    q: str = ""
    country: str = ""
    source: str = ""
    theme: str = ""


def public_initiatives() -> QuerySet[Initiative]:
    """Every initiative in the catalogue: all of it is public."""
    return Initiative.objects.order_by("title", "pk")


def search_initiatives(filters: InitiativeFilters) -> QuerySet[Initiative]:
    qs = public_initiatives()
    if filters.country:
        qs = qs.filter(country=filters.country)
    if filters.source:
        qs = qs.filter(source=filters.source)
    if filters.theme:
        qs = qs.filter(themes__icontains=filters.theme)
    for word in filters.q.split()[:10]:
        qs = qs.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(organisation__icontains=word)
            | Q(programme__icontains=word)
            | Q(themes__icontains=word)
        )
    return qs


def public_centres() -> QuerySet[CompetenceCentre]:
    return CompetenceCentre.objects.order_by("country", "name", "pk")


def catalogue_countries() -> list[str]:
    """The countries the catalogue has initiatives from (for the filter)."""
    return sorted(
        set(Initiative.objects.exclude(country="").values_list("country", flat=True).distinct())
    )
