from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from samskapa.accounts.models import Organisation, User

# The role filter's value for people without a staff role (project members).
NO_STAFF_ROLE = "none"


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


def list_people(*, q: str = "", role: str = "") -> QuerySet[User]:
    """Everyone with an account (erased accounts left out), for the administrators' people
    page. `role` is a `StaffRole` value, or NO_STAFF_ROLE for people without one."""
    people = User.objects.filter(erased_at__isnull=True).select_related("organisation")
    if q:
        people = people.filter(Q(name__icontains=q) | Q(email__icontains=q))
    if role == NO_STAFF_ROLE:
        people = people.filter(staff_role="")
    elif role:
        people = people.filter(staff_role=role)
    return people.order_by("name", "email")
