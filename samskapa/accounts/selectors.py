from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from samskapa.accounts.models import Organisation


def list_organisations(
    *, q: str = "", sector: str = "", region: str = ""
) -> QuerySet[Organisation]:
    organisations = Organisation.objects.annotate(people_count=Count("people"))
    if q:
        organisations = organisations.filter(
            Q(name__icontains=q) | Q(org_number__icontains=q) | Q(municipality__icontains=q)
        )
    if sector:
        organisations = organisations.filter(sector=sector)
    if region:
        organisations = organisations.filter(region=region)
    return organisations.order_by("name")


def organisation_sector_counts() -> list[dict[str, Any]]:
    return list(
        Organisation.objects.values("sector").annotate(count=Count("id")).order_by("sector")
    )
