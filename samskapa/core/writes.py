"""One version for everything in the database: every write renews it (docs/architecture.md,
"Pages for a logged-in person from the cache").

A statement wrapper on every database connection sees each statement that goes through Django,
the ORM's bulk updates and raw SQL included. When one writes (anything but a read, a savepoint
or a setting), the version in the shared cache is renewed: with Redis at once (in a
transaction: at its first write and after the commit); with the database cache in the same
transaction as the write (see wrapper). Pages that may be stored for one person
(samskapa.core.pagecache.personal_cache) are stored under the version read before they were
rendered, so a write anywhere makes them a miss. Coarse on purpose: no page has to declare
what it reads, and nothing a page shows can be older than the last write.

Writes to tables that no page shows do not count: the sessions (saved on many requests), the
task queue (the worker claims and finishes tasks) and the database cache's own table (the
version itself lives there without Redis).

settings.SAMSKAPA_PERSONAL_PAGE_CACHE switches all of this off (and personal_cache with it):
the unit tests run without it, so that their query counts measure pages as rendered.
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import DatabaseError, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

VERSION_KEY = "data:version"
IGNORED_TABLES = frozenset(
    {"django_session", "django_tasks_database_dbtaskresult"}
    | {
        str(options["LOCATION"])
        for options in settings.CACHES.values()
        if options["BACKEND"].endswith("DatabaseCache")
    }
)

# What reads or only steers the connection; every other statement counts as a write.
_READ = re.compile(
    r"\s*(?:SELECT|SAVEPOINT|RELEASE|ROLLBACK|BEGIN|COMMIT|PRAGMA|SET|SHOW|EXPLAIN|VALUES)\b",
    re.IGNORECASE,
)
_TABLE = re.compile(
    r"\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+\"?(\w+)\"?",
    re.IGNORECASE,
)


def is_write(sql: str) -> bool:
    if _READ.match(sql):
        return False
    table = _TABLE.match(sql)
    return table is None or table.group(1) not in IGNORED_TABLES


@functools.cache
def _cache_in_database() -> bool:
    return isinstance(caches["default"], DjangoDatabaseCache)


def renew() -> None:
    version = uuid.uuid4().hex
    if not _cache_in_database():
        cache.set(VERSION_KEY, version, None)
        return
    # DatabaseError only while migrating a new database: the database cache's table does not
    # exist yet. In a savepoint of its own, so that the failure does not abort a transaction
    # around it (PostgreSQL would refuse every later statement of the migration).
    with contextlib.suppress(DatabaseError), transaction.atomic():
        cache.set(VERSION_KEY, version, None)


def current(found: dict[str, Any] | None = None) -> str:
    """The version now (from `found`, a get_many answer that asked for VERSION_KEY, if given),
    after any write of this process still waiting to renew it. A missing version (never
    written, or culled) is created, so it never matches an old page."""
    if any(_renew_pending(connection) for connection in connections.all(initialized_only=True)):
        found = None
    version = found.get(VERSION_KEY) if found is not None else cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return str(version)


def _renews_after_commit(connection: BaseDatabaseWrapper) -> bool:
    """Whether the transaction has renewed already (Django empties run_on_commit on commit and
    on rollback): once per transaction, however many rows it writes."""
    return any(entry[1] is renew for entry in connection.run_on_commit)


_STEERING = re.compile(r"\s*(?:SAVEPOINT|RELEASE|ROLLBACK)\b", re.IGNORECASE)
# Whether this thread is answering a request, and whether that request wrote (request_started
# and request_finished); each thread has its own connections.
_request = threading.local()


def _renew_pending(connection: BaseDatabaseWrapper, sql: str = "") -> bool:
    if (
        getattr(connection, "samskapa_renew_pending", False)
        and not connection.needs_rollback
        and not _STEERING.match(sql)
    ):
        connection.samskapa_renew_pending = False  # type: ignore[attr-defined]
        renew()
        return True
    return False


def wrapper(
    execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]
) -> Any:
    if not settings.SAMSKAPA_PERSONAL_PAGE_CACHE:
        return execute(sql, params, many, context)
    connection = context["connection"]
    in_request = getattr(_request, "active", False)
    if not in_request:
        _renew_pending(connection, sql)  # a command, the task worker, the shell
    result = execute(sql, params, many, context)
    if is_write(sql):
        if _cache_in_database():
            # The version is a row beside the data, renewed in the same transaction as the
            # write. Not in the middle of a statement whose rows (INSERT … RETURNING) are not
            # read yet, and not inside an unrelated request: when this process next reads the
            # version (samskapa.core.pagecache), when the writing request ends, or outside
            # requests before the connection's next statement.
            connection.samskapa_renew_pending = True
            if in_request:
                _request.wrote = True
        elif not connection.in_atomic_block:
            renew()  # a cache outside the database (Redis): the write is committed already
        elif not _renews_after_commit(connection):
            # Inside a transaction: at its first write (this process's next page sees it) and
            # after the commit, so that a page rendered from the data as it was before the
            # commit is never stored under the version that follows it.
            renew()
            transaction.on_commit(renew, using=connection.alias)
    return result


def watch(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """`connection_created` receiver (samskapa.core.apps): watch every new connection."""
    if wrapper not in connection.execute_wrappers:
        connection.execute_wrappers.append(wrapper)


def request_started(**kwargs: Any) -> None:
    _request.active = True
    _request.wrote = False


def request_finished(**kwargs: Any) -> None:
    """The writes of the request that ends renew the version now."""
    if getattr(_request, "wrote", False):
        for connection in connections.all(initialized_only=True):
            _renew_pending(connection)
    _request.active = False
    _request.wrote = False
