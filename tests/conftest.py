"""Test set-up shared by the whole suite.

Tests build the data they assert on with the factories in `tests/factories/` and log in with
`client_for(user)`. Only tests marked `@pytest.mark.demo` (the demo's own tests and the browser
journeys) may see the demo world; they ask for it with the `demo_world` fixture.

Transition: while the suite moves off the demo world, the demo is still loaded once per test
database unless SAMSKAPA_TESTS_WITHOUT_DEMO=1 is set. Converted tests must pass with it set.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

# One Playwright and one Chromium for every browser test, wherever the test file lives; the
# `pdf` marker for tests that make real PDF documents.
pytest_plugins = ["tests.browser", "tests.pdf"]

os.environ.setdefault("SAMSKAPA_TESTING", "1")
# Playwright's sync API runs an event loop in the test thread; Django must allow ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

DEMO_EMAILS = {
    "admin": "admin@samskapa.test",
    "process_leader": "processledare@samskapa.test",
    "coach": "coach@samskapa.test",
    "evaluator": "utvarderare@samskapa.test",
    "funder": "finansiar@samskapa.test",
    "member": "projekt@samskapa.test",
    "other_member": "projekt2@samskapa.test",
}


WITHOUT_DEMO = os.environ.get("SAMSKAPA_TESTS_WITHOUT_DEMO") == "1"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    from samskapa.demo import load_demo

    if not WITHOUT_DEMO:
        with django_db_blocker.unblock():
            load_demo()
    yield


@pytest.fixture
def client_for(client: Any) -> Any:
    """client_for(user) → the test client logged in as that person (None: anonymous)."""

    def login(user: Any) -> Any:
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login


def _is_transactional(item: Any) -> bool:
    marker = item.get_closest_marker("django_db")
    names = getattr(item, "fixturenames", ())
    return bool(
        (marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)))
        or "transactional_db" in names
        or "live_server" in names
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: Any, nextitem: Any) -> Any:
    """A transactional test ends by emptying every table; put the demo world back for the
    tests that follow it in this process."""
    result = yield
    if (
        not WITHOUT_DEMO and _is_transactional(item) and nextitem is not None
    ):  # none: the database is going away
        from pytest_django.plugin import blocking_manager_key

        from samskapa.demo import load_demo

        with item.config.stash[blocking_manager_key].unblock():
            load_demo()
    return result


@pytest.fixture(autouse=True)
def _test_settings(settings: Any) -> None:
    # Staff MFA is enforced by default outside DEBUG; tests of enforcement switch it on.
    settings.SAMSKAPA_REQUIRE_STAFF_MFA = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def demo_user(db: Any) -> Any:
    """demo_user("coach") → the demo account for that role."""
    from samskapa.accounts.models import User

    def get(role: str) -> User:
        return User.objects.get(email=DEMO_EMAILS[role])

    return get


@pytest.fixture
def client_as(client: Any, demo_user: Any) -> Any:
    """client_as("member") → a test client logged in as that demo role."""

    def login(role: str) -> Any:
        client.logout()
        if role != "anonymous":
            client.force_login(demo_user(role))
        return client

    return login
