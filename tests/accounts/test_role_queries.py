"""Staff roles in one place: the choosers' querysets (User.objects.coaches(), ...) hold exactly
the people the rules predicates recognise."""

from __future__ import annotations

import pytest

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.accounts.rules import is_centre_team, is_coach, is_process_leader
from tests.factories.accounts import UserFactory, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def everyone() -> list[User]:
    people = [staff(role) for role in StaffRole.values]
    people.append(UserFactory())  # a project member: no staff role
    people.append(staff(StaffRole.COACH, is_active=False))
    return people


@pytest.mark.parametrize(
    ("queryset", "predicate"),
    [
        (User.objects.coaches, is_coach),
        (User.objects.process_leaders, is_process_leader),
        (User.objects.centre_team, is_centre_team),
    ],
)
def test_queryset_and_predicate_agree(everyone: list[User], queryset, predicate) -> None:  # type: ignore[no-untyped-def]
    chosen = set(queryset().filter(pk__in=[p.pk for p in everyone]))
    assert chosen == {p for p in everyone if p.is_active and predicate(p)}
    assert chosen


def test_the_funder_is_not_in_the_centre_team(everyone: list[User]) -> None:
    team = set(User.objects.centre_team().values_list("staff_role", flat=True))
    assert StaffRole.FUNDER not in team
    assert "" not in team
