"""The knowledge bank's permissions, role by role (see samskapa/library/rules.py)."""

from __future__ import annotations

from typing import Any

import pytest

from samskapa.library.enums import Status
from tests.factories.library import DraftFactory, MaterialFactory

pytestmark = pytest.mark.django_db

TEAM = {"admin", "process_leader", "coach", "evaluator"}
EVERYONE = {"admin", "process_leader", "coach", "evaluator", "funder", "member"}


def _who(demo_user: Any, perm: str, obj: Any = None) -> set[str]:
    return {role for role in EVERYONE if demo_user(role).has_perm(perm, obj)}


def test_readers_see_published_material_only(demo_user: Any) -> None:
    assert _who(demo_user, "library.view_material", MaterialFactory()) == EVERYONE
    assert _who(demo_user, "library.view_material", DraftFactory()) == TEAM
    assert _who(demo_user, "library.download_attachment", DraftFactory()) == TEAM


def test_the_centre_team_authors_and_the_admin_publishes(demo_user: Any) -> None:
    draft, review = DraftFactory(), DraftFactory(status=Status.REVIEW)
    published = MaterialFactory()
    assert _who(demo_user, "library.add_material") == TEAM
    assert _who(demo_user, "library.change_material", draft) == TEAM
    assert _who(demo_user, "library.change_material", published) == {"admin"}
    assert _who(demo_user, "library.submit_material", draft) == TEAM
    # The demo admin is a superuser, for whom Django grants every permission: the services
    # check the state again (test_authoring), so these hold for everyone else.
    assert _who(demo_user, "library.submit_material", review) - {"admin"} == set()
    assert _who(demo_user, "library.publish_material", review) == {"admin"}
    assert _who(demo_user, "library.publish_material", published) - {"admin"} == set()
    assert _who(demo_user, "library.return_material", review) == {"admin"}
    assert _who(demo_user, "library.withdraw_material", published) == {"admin"}
    assert _who(demo_user, "library.view_feedback") == TEAM
    assert _who(demo_user, "library.view_history") == TEAM


def test_demo_loader_is_idempotent() -> None:
    from samskapa.demo import library as demo
    from samskapa.library.models import Material

    before = list(Material.objects.order_by("pk").values_list("pk", "title", "group"))
    demo.load()
    assert list(Material.objects.order_by("pk").values_list("pk", "title", "group")) == before
