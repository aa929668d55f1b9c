"""The cache every process shares when no Redis is configured: Django's database cache with an
atomic `incr`.

Django's own `DatabaseCache.incr` reads the value and writes it back in two statements, so two
processes counting at once can both write the same number. Rate limits count with `incr`; here
the row is locked for the read and the write (SELECT ... FOR UPDATE on PostgreSQL; on SQLite
the IMMEDIATE transaction mode already takes the write lock when the transaction begins).
The table is `samskapa.core.models.CacheEntry`, created by core's migrations.
"""

from __future__ import annotations

import base64
import pickle
from typing import Any

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import router, transaction
from django.utils import timezone

from samskapa.core.models import CacheEntry


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        cache_key = self.make_and_validate_key(key, version=version)
        alias = router.db_for_write(CacheEntry)
        with transaction.atomic(using=alias):
            entry = (
                CacheEntry.objects.using(alias)
                .select_for_update()
                .filter(cache_key=cache_key, expires__gt=timezone.now())
                .first()
            )
            if entry is None:
                raise ValueError(f"Key '{key}' not found.")
            value = int(self._decode(entry.value)) + delta
            entry.value = self._encode(value)
            entry.save(using=alias, update_fields=["value"])
        return value

    def _decode(self, stored: str) -> Any:
        # The same encoding as Django's database cache (pickled, then base64): rows written by
        # get/set/add and by incr are interchangeable. Only this application writes the table.
        return pickle.loads(base64.b64decode(stored.encode()))  # noqa: S301

    def _encode(self, value: Any) -> str:
        return base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
