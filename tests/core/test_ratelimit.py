"""The one rate limiter: the client address behind proxies, fixed windows in the shared cache,
the limited actions, and the login lockout holding across two OS processes."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import time_machine
from allauth.account.adapter import get_adapter
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from samskapa.core import ratelimit
from samskapa.core.cache import DatabaseCache
from samskapa.library.models import Feedback
from tests.factories.accounts import PASSWORD, UserFactory
from tests.factories.library import MaterialFactory
from tests.factories.projects import ProjectFactory, lead_of

ROOT = Path(__file__).resolve().parents[2]
NOON = dt.datetime(2030, 5, 6, 12, 0, tzinfo=dt.UTC)


def _request(remote: str = "192.0.2.1", **meta: str) -> Any:
    return RequestFactory().get("/", REMOTE_ADDR=remote, **meta)


# --- The client address ---------------------------------------------------------------------


def test_the_forwarded_header_is_ignored_unless_configured(settings: Any) -> None:
    settings.SAMSKAPA_CLIENT_IP_HEADER = ""
    request = _request(HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert ratelimit.client_ip(request) == "192.0.2.1"


@pytest.mark.parametrize(
    ("proxies", "header", "expected"),
    [
        (1, "203.0.113.9", "203.0.113.9"),
        # The client wrote its own entry first; the one proxy appended the real address.
        (1, "10.9.9.9, 203.0.113.9", "203.0.113.9"),
        # Two proxies: the outer one's entry is the client, the inner one's is the outer proxy.
        (2, "10.9.9.9, 203.0.113.9, 198.51.100.1", "203.0.113.9"),
        (2, "203.0.113.9", "192.0.2.1"),  # did not pass both proxies: the direct peer counts
        (1, "not-an-address", "192.0.2.1"),
        (1, "", "192.0.2.1"),
    ],
)
def test_behind_trusted_proxies_the_address_is_read_from_the_right(
    settings: Any, proxies: int, header: str, expected: str
) -> None:
    settings.SAMSKAPA_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.SAMSKAPA_TRUSTED_PROXY_COUNT = proxies
    assert ratelimit.client_ip(_request(HTTP_X_FORWARDED_FOR=header)) == expected


def test_allauth_limits_use_the_same_client_address(settings: Any) -> None:
    settings.SAMSKAPA_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    request = _request(HTTP_X_REAL_IP="203.0.113.5")
    assert get_adapter(request).get_client_ip(request) == "203.0.113.5"


# --- Counting -------------------------------------------------------------------------------


def test_the_default_cache_is_shared_through_the_database(db: Any) -> None:
    assert isinstance(caches["default"], DatabaseCache)


def test_a_limit_counts_per_key_in_fixed_windows(db: Any) -> None:
    limit = replace(ratelimit.PUBLIC_FORM, count=2, seconds=60)
    with time_machine.travel(NOON, tick=False) as clock:
        assert [ratelimit.exceeded(limit, "a") for _ in range(3)] == [False, False, True]
        assert ratelimit.exceeded(limit, "b") is False  # another key counts on its own
        clock.shift(59)
        assert ratelimit.exceeded(limit, "a") is True  # same window
        clock.shift(1)
        assert ratelimit.exceeded(limit, "a") is False  # the next window starts afresh


def test_the_database_cache_counts_atomically_and_only_live_keys(db: Any) -> None:
    cache.add("counter", 1, timeout=60)
    assert [cache.incr("counter") for _ in range(3)] == [2, 3, 4]
    assert cache.get("counter") == 4
    with pytest.raises(ValueError, match="not found"):
        cache.incr("missing")
    later = dt.datetime.now(tz=dt.UTC) + dt.timedelta(minutes=2)
    with time_machine.travel(later), pytest.raises(ValueError, match="not found"):
        cache.incr("counter")  # expired


# --- Limited actions ------------------------------------------------------------------------


def test_knowledge_bank_feedback_is_limited_per_client(
    db: Any, client: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(ratelimit, "PUBLIC_FORM", replace(ratelimit.PUBLIC_FORM, count=1))
    first, second = MaterialFactory(), MaterialFactory()
    with time_machine.travel(NOON, tick=False):
        ok = client.post(
            reverse("library:material-feedback", args=[first.slug]), {"helpful": "yes"}
        )
        refused = client.post(
            reverse("library:material-feedback", args=[second.slug]), {"helpful": "yes"}
        )
    assert ok.status_code == 302
    assert refused.status_code == 429
    assert Feedback.objects.filter(material=second).count() == 0


def test_project_invitations_are_limited_per_person(
    db: Any, client_for: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(ratelimit, "INVITATION", replace(ratelimit.INVITATION, count=1))
    project = ProjectFactory()
    url = reverse("projects:project-members", args=[project.pk])
    with time_machine.travel(NOON, tick=False):
        client = client_for(lead_of(project))
        ok = client.post(url, {"email": "a@example.se", "role": "member"})
        refused = client.post(url, {"email": "b@example.se", "role": "member"})
    assert ok.status_code == 302
    assert refused.status_code == 429
    assert project.invitations.filter(email="b@example.se").count() == 0


# --- The login lockout across two OS processes ----------------------------------------------

# Runs in a second Python process with the same settings and on this process's clock (so a
# suite run with the clock moved ahead keeps both in one window): logs in with each (e-mail,
# password) in turn from its own client address and prints whether each attempt logged in.
PROBE = """
import json, sys
import time_machine
time_machine.travel(float(sys.argv[3]), tick=True).start()
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import reverse
setup_test_environment()
address, attempts = sys.argv[1], json.loads(sys.argv[2])
results = []
for email, password in attempts:
    client = Client(REMOTE_ADDR=address)
    client.post(reverse("account_login"), {"login": email, "password": password})
    results.append("_auth_user_id" in client.session)
print(json.dumps(results))
"""


def _database_for_a_second_process(tmp_path: Path, shared_cache: str) -> str:
    """DATABASE_URL under which another process sees this test's committed rows."""
    settings_dict = connection.settings_dict
    if connection.vendor == "postgresql":
        user = settings_dict.get("USER") or ""
        password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
        host = settings_dict.get("HOST") or "127.0.0.1"
        port = settings_dict.get("PORT") or 5432
        return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"
    if shared_cache == "database":
        pytest.skip(
            "the SQLite test database lives in this process's memory, so a second process "
            "cannot share its cache table; CI runs this on PostgreSQL"
        )
    # With Redis as the cache, the other process only needs the same accounts: a copy.
    copy = tmp_path / "copy.sqlite3"
    target = sqlite3.connect(copy)
    try:
        connection.ensure_connection()
        connection.connection.backup(target)
    finally:
        target.close()
    return f"sqlite:///{copy}"


def _in_another_process(env: dict[str, str], address: str, attempts: list[Any]) -> list[bool]:
    result = subprocess.run(  # noqa: S603  (our own interpreter and a fixed script)
        [sys.executable, "-c", PROBE, address, json.dumps(attempts), str(time.time())],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout.strip().splitlines()[-1]))


def _login_here(email: str, password: str, address: str) -> Any:
    client = Client(REMOTE_ADDR=address)
    response = client.post(reverse("account_login"), {"login": email, "password": password})
    return client, response


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("shared_cache", ["database", "redis"])
def test_the_login_lockout_holds_across_processes(
    shared_cache: str, settings: Any, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    env = {**os.environ, "SAMSKAPA_TESTING": "1", "REDIS_URL": ""}
    env["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    if shared_cache == "redis":
        redis_url = request.getfixturevalue("redis_url")  # skipped (failed on CI) without Redis
        settings.CACHES = {
            "default": {"BACKEND": "samskapa.core.cache.RedisCache", "LOCATION": redis_url}
        }
        env["REDIS_URL"] = redis_url
    # Fresh addresses and accounts on every run: Redis keeps counts between runs.
    run = uuid.uuid4().hex[:8]
    locked_there, locked_here, free = (
        UserFactory(email=f"{name}-{run}@example.se") for name in ("there", "here", "free")
    )
    env["DATABASE_URL"] = _database_for_a_second_process(tmp_path, shared_cache)
    octet = int(run[:2], 16) % 250 + 1
    there, here = f"198.51.100.{octet}", f"203.0.113.{octet}"
    with translation.override("sv"):
        too_many = str(get_adapter().error_messages["too_many_login_attempts"])

    # Five wrong passwords in the other process lock the account in this one ...
    assert _in_another_process(env, there, [[locked_there.email, "fel"]] * 5) == [False] * 5
    client, response = _login_here(locked_there.email, PASSWORD, here)
    assert "_auth_user_id" not in client.session
    assert too_many in response.context["form"].non_field_errors()

    # ... and five here lock it there, while someone else still logs in there.
    for _ in range(5):
        _login_here(locked_here.email, "fel", here)
    attempts = [[locked_here.email, PASSWORD], [free.email, PASSWORD]]
    assert _in_another_process(env, there, attempts) == [False, True]
