"""The declared table of who may do what: every URL × anonymous and each role.

Each app lists its pages in `tests/access/pages_<app>.py` as `PAGES: list[Page]`. The access
test walks the URL resolver and fails on any named URL that no Page declares, so a new view
cannot ship without saying who may use it. The browser scan (tests/e2e) visits every GET page
declared here, as a role that may see it, and runs axe on it.

Roles: anonymous, the five staff roles, `member` (lead of `world.project`) and `other_member`
(lead of `world.other_project`: for "other people's objects → 404"). A page's `kwargs(world)`
builds the objects its URL needs in the test's World (tests/access/world.py) with factories.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse

ROLES = (
    "anonymous",
    "admin",
    "process_leader",
    "coach",
    "evaluator",
    "funder",
    "member",
    "other_member",
)
STAFF = frozenset({"admin", "process_leader", "coach", "evaluator", "funder"})
CENTRE_TEAM = frozenset({"admin", "process_leader", "coach", "evaluator"})
LOGGED_IN = frozenset(ROLES) - {"anonymous"}
EVERYONE = frozenset(ROLES)


def no_kwargs(world: Any) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Page:
    name: str  # namespaced URL name, e.g. "projects:project-detail"
    allowed: frozenset[str]  # roles that may use it
    # kwargs(world) → the URL's arguments, built in the test's World (evaluated per request).
    kwargs: Callable[[Any], dict[str, Any]] = no_kwargs  # kwargs(world): the URL's arguments
    method: str = "GET"
    denied: int = 403  # status for a logged-in role that may not: 403, or 404 for objects
    ok: frozenset[int] = frozenset({200})  # statuses that mean "allowed"
    data: Callable[[], dict[str, Any]] | None = None  # POST body (default: empty)
    query: str = ""  # appended to the URL, e.g. "?q=test"
    scan: bool = True  # include in the browser accessibility scan (GET HTML pages)
    variant: str = ""  # tells apart two entries for one URL name (own / other object)
    note: str = field(default="", compare=False)

    @property
    def label(self) -> str:
        return f"{self.name}[{self.variant}]" if self.variant else self.name

    def url(self, world: Any) -> str:
        """The page's URL in `world`, with its query string."""
        return reverse(self.name, kwargs=self.kwargs(world)) + self.query


# URL names we do not own and test by their own libraries' suites, with the reason.
EXTERNAL_PREFIXES = {
    "admin:": "Django's admin site: staff admins only; checked through admin:index below",
    "account_": "allauth's account views: login and reset pages are declared in pages_accounts",
    "mfa_": "allauth MFA views: declared in pages_accounts where we link to them",
    "django_tasks": "task backend internals",
}
