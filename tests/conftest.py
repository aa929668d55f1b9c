"""Test set-up shared by the whole suite.

Tests build the data they assert on with the factories in `tests/factories/` and log in with
`client_for(user)`. By default the test database is empty: no demo world.

The demo world
--------------
Only tests marked `@pytest.mark.demo` see the demo world: the demo's own tests, the access
matrix walked on the demo (tests/access/test_demo_matrix.py) and the browser journeys. The
marker alone is enough: such a test gets the `demo_world` fixture before its database is set
up. The demo takes seconds to load, so it is loaded as rarely as possible:

- Non-transactional demo tests share one load per run of consecutive demo tests in a process:
  the demo is loaded inside an outer transaction that stays open while demo tests follow each
  other; each test runs in a savepoint inside it (pytest-django's usual per-test rollback).
  The outer transaction is rolled back before the first non-demo test. Collection puts a
  module's demo tests after its other tests, so each process loads the demo about once per
  module with demo tests.
- Transactional demo tests (the browser journeys: the live server needs committed data) load
  it committed; Django empties every table after such a test. On SQLite the first load in a
  process is kept as an in-memory copy and copied back for the next one (milliseconds).
- A test NOT marked demo fails if the demo world was loaded while it ran (its admin account
  exists after the test). `client_as(role)` and `demo_user(role)` are for demo tests only.

The clock
---------
SAMSKAPA_CLOCK_OFFSET_DAYS=N runs the suite with the clock moved N days ahead (time-machine,
ticking), so tests that depend on the real date show up; CI runs the unit suite a second time
with 540. A test that fixes its own time with `time_machine` still gets the time it asks for.
"""

from __future__ import annotations

import os
import socket
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from pytest_django.plugin import blocking_manager_key

from samskapa.accounts.models import User
from samskapa.demo import load_demo  # the one place the suite reaches the demo loader

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
DEMO_ACCOUNT = DEMO_EMAILS["admin"]  # present exactly when the demo world is loaded
DB_FIXTURES = ("db", "transactional_db", "live_server", "django_db_reset_sequences")


def _is_demo(item: Any) -> bool:
    return item.get_closest_marker("demo") is not None


def _uses_db(item: Any) -> bool:
    names = getattr(item, "fixturenames", ())
    return item.get_closest_marker("django_db") is not None or any(n in names for n in DB_FIXTURES)


def _is_transactional(item: Any) -> bool:
    marker = item.get_closest_marker("django_db")
    names = getattr(item, "fixturenames", ())
    return bool(
        (marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)))
        or "transactional_db" in names
        or "live_server" in names
    )


# --- The clock --------------------------------------------------------------------------------


def clock_offset_days() -> int:
    return int(os.environ.get("SAMSKAPA_CLOCK_OFFSET_DAYS") or 0)


@pytest.fixture(scope="session", autouse=True)
def _clock_offset() -> Iterator[None]:
    """The whole session N days ahead (SAMSKAPA_CLOCK_OFFSET_DAYS), the clock ticking."""
    days = clock_offset_days()
    if not days:
        yield
        return
    with time_machine.travel(timezone.now() + timedelta(days=days), tick=True):
        yield


def pytest_report_header(config: Any) -> str | None:
    days = clock_offset_days()
    return f"samskapa: the clock runs {days} days ahead" if days else None


# --- The demo world ---------------------------------------------------------------------------


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    """Demo tests get `demo_world` first of all their fixtures (before the database fixture
    opens the test's transaction); within a module they run after its other tests, the
    transactional ones first, so that consecutive demo tests share one load."""

    def order(item: Any) -> int:
        if not _is_demo(item):
            return 0
        return 1 if _is_transactional(item) else 2

    modules: dict[Any, list[Any]] = {}
    for item in items:
        modules.setdefault(getattr(item, "module", None), []).append(item)
        names = getattr(item, "fixturenames", None)
        if names is not None:  # a list of its own: parametrized items share the original
            first = "demo_world" if _is_demo(item) else "_demo_world_closed"
            item.fixturenames = [first, *names]
    items[:] = [item for group in modules.values() for item in sorted(group, key=order)]


class DemoLoader:
    """Loads the demo world for demo tests and takes it away again (see the module docstring)."""

    def __init__(self, blocker: Any) -> None:
        self.blocker = blocker
        self.outer: Any = None  # the open transaction holding the shared, uncommitted demo
        self.snapshot: sqlite3.Connection | None = None

    def open_shared(self) -> None:
        if self.outer is not None:
            return
        with self.blocker.unblock():
            self.outer = transaction.atomic()
            self.outer.__enter__()
            load_demo()

    def close_shared(self) -> None:
        if self.outer is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.outer.__exit__(None, None, None)
        self.outer = None

    def load_committed(self) -> None:
        if connection.vendor != "sqlite":
            load_demo()
            return
        connection.ensure_connection()
        raw = connection.connection
        if self.snapshot is None:
            load_demo()
            self.snapshot = sqlite3.connect(":memory:", check_same_thread=False)
            raw.backup(self.snapshot)
        else:
            self.snapshot.backup(raw)
            ContentType.objects.clear_cache()


@pytest.fixture(scope="session")
def _demo_loader(django_db_setup: Any, django_db_blocker: Any) -> Iterator[DemoLoader]:
    loader = DemoLoader(django_db_blocker)
    yield loader
    loader.close_shared()


@pytest.fixture
def _demo_world_closed(request: pytest.FixtureRequest) -> None:
    """Before a test that is not a demo test: the shared demo world, if open, is rolled back."""
    if _uses_db(request.node):
        request.getfixturevalue("_demo_loader").close_shared()


@pytest.fixture
def demo_world(request: pytest.FixtureRequest) -> None:
    """The demo world, for tests marked `@pytest.mark.demo` (they get it without asking)."""
    if not _is_demo(request.node):
        pytest.fail("demo_world is for tests marked @pytest.mark.demo; build data with factories")
    loader: DemoLoader = request.getfixturevalue("_demo_loader")
    if _is_transactional(request.node):
        loader.close_shared()
        request.getfixturevalue("transactional_db")
        loader.load_committed()
    else:
        loader.open_shared()


@pytest.fixture(autouse=True)
def _no_demo_outside_demo_tests(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test not marked demo fails when the demo world was loaded while it ran."""
    item = request.node
    if _is_demo(item) or not _uses_db(item):
        yield
        return
    # Ask for the database first, so that the check below runs before its rollback or flush.
    request.getfixturevalue("transactional_db" if _is_transactional(item) else "db")
    yield
    with item.config.stash[blocking_manager_key].unblock():
        loaded = User.objects.filter(email=DEMO_ACCOUNT).exists()
    if loaded:
        pytest.fail(
            f"{item.nodeid} is not marked @pytest.mark.demo but the demo world was loaded "
            "(build the data with factories, or mark the test demo)"
        )


# --- People and settings ---------------------------------------------------------------------


@pytest.fixture
def client_for(client: Any) -> Any:
    """client_for(user) → the test client logged in as that person (None: anonymous)."""

    def login(user: Any) -> Any:
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def _test_settings(settings: Any, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    # Staff MFA is enforced by default outside DEBUG; tests of enforcement switch it on.
    settings.SAMSKAPA_REQUIRE_STAFF_MFA = False
    # Query counts measure pages as rendered: the personal page cache is on in the browser
    # tests (as in production) and in the tests of the cache (tests/core/test_personal_cache).
    settings.SAMSKAPA_PERSONAL_PAGE_CACHE = request.node.get_closest_marker("e2e") is not None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.SAMSKAPA_ERASURE_LOG = tmp_path / "erasure-log.jsonl"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def _demo_only(request: pytest.FixtureRequest, name: str) -> None:
    if not _is_demo(request.node):
        pytest.fail(
            f"{name} logs in as a demo account, which only tests marked @pytest.mark.demo "
            "have: build the person with tests/factories and log in with client_for(user)"
        )


@pytest.fixture
def demo_user(request: pytest.FixtureRequest) -> Any:
    """demo_user("coach") → the demo account for that role (demo tests only)."""
    _demo_only(request, "demo_user")

    def get(role: str) -> User:
        return User.objects.get(email=DEMO_EMAILS[role])

    return get


@pytest.fixture
def client_as(request: pytest.FixtureRequest, client: Any) -> Any:
    """client_as("member") → a test client logged in as that demo role (demo tests only)."""
    _demo_only(request, "client_as")
    demo_user = request.getfixturevalue("demo_user")

    def login(role: str) -> Any:
        client.logout()
        if role != "anonymous":
            client.force_login(demo_user(role))
        return client

    return login


@pytest.fixture
def redis_url() -> str:
    """The local Redis, for the tests of what production keeps there. CI always has one, so a
    missing one fails there; elsewhere those tests are skipped and say why."""
    url = os.environ.get("SAMSKAPA_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    host_port = url.split("//", 1)[1].split("/", 1)[0]
    host, _sep, port = host_port.partition(":")
    try:
        with socket.create_connection((host, int(port or 6379)), timeout=1):
            return url
    except OSError:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the Redis tests: no Redis at {url}")
        pytest.skip(f"no Redis at {url} (CI always has one)")
