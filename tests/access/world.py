"""The people and objects the access matrix needs, built with factories for each test.

`World` gives one person per role of the matrix and the two projects that make the
"own object / other people's object" pair: `member` leads `project`, `other_member` leads
`other_project`, and both projects are in `call`. A page whose URL needs an object of its app
builds it in its `kwargs(world)` function with that app's factories (attached to
`world.project` when it is the member's object), or shares it between pages of a test with
`world.get("name", build)`.

The demo's own test runs the same matrix on the demo world (`DemoWorld`, same attributes,
pointing at the demo's objects: projekt@ leads 23-012-S01, projekt2@ leads 23-019-S01, both in
the call 2023/00187).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any, TypeVar

from samskapa.accounts.enums import StaffRole
from samskapa.accounts.models import User
from samskapa.projects.models import Call, Project
from tests.conftest import DEMO_EMAILS
from tests.factories.accounts import UserFactory, staff
from tests.factories.projects import CallFactory, ProjectFactory, lead_of

T = TypeVar("T")

STAFF_ROLES = {
    "admin": StaffRole.ADMIN,
    "process_leader": StaffRole.PROCESS_LEADER,
    "coach": StaffRole.COACH,
    "evaluator": StaffRole.EVALUATOR,
    "funder": StaffRole.FUNDER,
}


class World:
    def __init__(self) -> None:
        self._cache: dict[str, Any] = {}

    def get(self, name: str, build: Callable[[], T]) -> T:
        """The object called `name` in this world, built once by `build()`."""
        if name not in self._cache:
            self._cache[name] = build()
        return self._cache[name]

    @cached_property
    def call(self) -> Call:
        return CallFactory()

    @cached_property
    def project(self) -> Project:
        return ProjectFactory(call=self.call)

    @cached_property
    def other_project(self) -> Project:
        return ProjectFactory(call=self.call)

    @cached_property
    def users(self) -> dict[str, User]:
        people = {role: staff(value) for role, value in STAFF_ROLES.items()}
        people["member"] = lead_of(self.project, UserFactory(name="Petra Lind"))
        people["other_member"] = lead_of(self.other_project, UserFactory(name="Omar Haddad"))
        return people

    def user(self, role: str) -> User | None:
        """The person for a role of the matrix (None for anonymous)."""
        return None if role == "anonymous" else self.users[role]


class DemoWorld(World):
    """The World's attributes on the demo world (for tests marked demo only)."""

    @cached_property
    def call(self) -> Call:
        return Call.objects.get(reference="2023/00187")

    @cached_property
    def project(self) -> Project:
        return Project.objects.get(number="23-012-S01")

    @cached_property
    def other_project(self) -> Project:
        return Project.objects.get(number="23-019-S01")

    @cached_property
    def users(self) -> dict[str, User]:
        return {role: User.objects.get(email=email) for role, email in DEMO_EMAILS.items()}
