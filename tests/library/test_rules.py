"""The knowledge bank's permissions, role by role (see samskapa/library/rules.py)."""

from __future__ import annotations

from typing import Any

import pytest

from samskapa.accounts.models import User
from samskapa.library.enums import Status
from samskapa.library.models import Material
from tests.factories.accounts import staff
from tests.factories.library import DraftFactory, MaterialFactory
from tests.factories.projects import lead_of

pytestmark = pytest.mark.django_db

TEAM = {"admin", "process_leader", "coach", "evaluator"}
EVERYONE = {"admin", "process_leader", "coach", "evaluator", "funder", "member"}


@pytest.fixture
def people(db: Any) -> dict[str, User]:
    """One person per role; the admin is a superuser, as in use."""
    roles = {role: staff(role) for role in EVERYONE - {"member"}}
    return {**roles, "member": lead_of()}


def _who(people: dict[str, User], perm: str, obj: Any = None) -> set[str]:
    return {role for role, person in people.items() if person.has_perm(perm, obj)}


def test_readers_see_published_material_only(people: dict[str, User]) -> None:
    assert _who(people, "library.view_material", MaterialFactory()) == EVERYONE
    assert _who(people, "library.view_material", DraftFactory()) == TEAM
    assert _who(people, "library.download_attachment", DraftFactory()) == TEAM


def test_the_centre_team_authors_and_the_admin_publishes(people: dict[str, User]) -> None:
    draft, review = DraftFactory(), DraftFactory(status=Status.REVIEW)
    published = MaterialFactory()
    assert _who(people, "library.add_material") == TEAM
    assert _who(people, "library.change_material", draft) == TEAM
    assert _who(people, "library.change_material", published) == {"admin"}
    assert _who(people, "library.submit_material", draft) == TEAM
    # The admin is a superuser, for whom Django grants every permission: the services
    # check the state again (test_authoring), so these hold for everyone else.
    assert _who(people, "library.submit_material", review) - {"admin"} == set()
    assert _who(people, "library.publish_material", review) == {"admin"}
    assert _who(people, "library.publish_material", published) - {"admin"} == set()
    assert _who(people, "library.return_material", review) == {"admin"}
    assert _who(people, "library.withdraw_material", published) == {"admin"}
    assert _who(people, "library.view_feedback") == TEAM
    assert _who(people, "library.view_history") == TEAM


@pytest.mark.demo
def test_demo_loader_is_idempotent() -> None:
    from samskapa.demo import library as demo  # the demo is only imported by demo tests
    from samskapa.demo import load_demo

    load_demo()
    before = list(Material.objects.order_by("pk").values_list("pk", "title", "group"))
    demo.load()
    assert list(Material.objects.order_by("pk").values_list("pk", "title", "group")) == before
