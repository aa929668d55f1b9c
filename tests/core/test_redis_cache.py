"""The Redis cache of production (samskapa.core.cache.RedisCache): Django's, with one client per
connection pool and `incr` in one round trip that still refuses a key that does not exist."""

from __future__ import annotations

import uuid

import pytest

from samskapa.core.cache import RedisCache


@pytest.fixture
def redis_cache(redis_url: str) -> RedisCache:
    return RedisCache(redis_url, {"KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}"})


def test_incr_counts_an_existing_key_and_refuses_a_missing_one(redis_cache: RedisCache) -> None:
    with pytest.raises(ValueError, match="not found"):
        redis_cache.incr("views")
    assert redis_cache.get("views") is None  # the refusal left nothing behind
    redis_cache.set("views", 5, 60)
    assert redis_cache.incr("views") == 6
    assert redis_cache.incr("views", 10) == 16
    assert redis_cache.decr("views", 6) == 10
    assert redis_cache.get("views") == 10
    assert redis_cache.add("views", 0) is False
    redis_cache.delete("views")


def test_one_client_serves_every_call(redis_cache: RedisCache) -> None:
    clients = {id(redis_cache._cache.get_client(write=True)) for _ in range(3)}
    assert len(clients) == 1
    redis_cache.set_many({"a": 1, "b": 2}, 60)
    assert redis_cache.get_many(["a", "b", "c"]) == {"a": 1, "b": 2}
    redis_cache.delete_many(["a", "b"])
