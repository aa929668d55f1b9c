from typing import Any

from tests.access.matrix import EVERYONE, LOGGED_IN, STAFF, Page
from tests.factories.accounts import UserFactory


def _organisation(world: Any) -> dict[str, int]:
    return {"pk": world.project.owner_id}


def _person(world: Any) -> dict[str, int]:
    return {"pk": world.user("coach").pk}


def _new_person(world: Any) -> dict[str, int]:
    # A POST that changes its person's account gets a new person per request.
    return {"pk": UserFactory().pk}


ADMIN = frozenset({"admin"})

PAGES = [
    Page("accounts:profile", LOGGED_IN),
    Page("accounts:my-data", LOGGED_IN),
    Page("accounts:my-data-download", LOGGED_IN, scan=False),
    Page("accounts:my-data-erase", LOGGED_IN, method="POST", ok=frozenset({400}), scan=False),
    Page("accounts:people", ADMIN),
    Page("accounts:person-invite", ADMIN),
    Page("accounts:person", ADMIN, kwargs=_person),
    Page(
        "accounts:person-deactivate",
        ADMIN,
        kwargs=_new_person,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
    Page(
        "accounts:person-reactivate",
        ADMIN,
        kwargs=_new_person,
        method="POST",
        ok=frozenset({302}),
        scan=False,
    ),
    Page("accounts:organisation-list", STAFF),
    Page("accounts:organisation-create", frozenset({"admin"})),
    Page("accounts:organisation-detail", STAFF, kwargs=_organisation, denied=404),
    Page("accounts:organisation-edit", frozenset({"admin"}), kwargs=_organisation, denied=404),
    # allauth pages we link to. Logged-in people are sent on from the login page (302).
    Page("account_login", frozenset({"anonymous"}), denied=302),
    Page("account_reset_password", EVERYONE),
    Page("account_change_password", LOGGED_IN),
    Page("account_email", LOGGED_IN),
    Page("mfa_index", LOGGED_IN),
    Page("admin:index", frozenset({"admin"}), denied=302, scan=False),
]
