"""Django's RedisCache that survives Redis being away: an error is a miss, logged, not a 500.

Django's own `RedisCache` raises `redis.ConnectionError` from every call when Redis is down, so
every public page (publik.cache) and every public form (core.throttle) answered 500 until it
came back. Here each call that fails is treated as Redis having nothing: a read returns its
default (the page is rendered afresh, uncached), a write is dropped. django-redis's
IGNORE_EXCEPTIONS does the same, but would bring a second Redis client library and its own
settings for one behaviour; this is a subclass of the backend already in use.

Counters are the exception: `incr` (and `decr`, which calls it) raises `CacheUnavailable`,
because "no counter" is not "count zero": the caller decides (the rate limit counts in its own
process, core.throttle). Sessions (database) and the login lock (django-axes, database) do
not live in the cache, so a Redis outage neither logs anyone out nor opens the lock.

The socket timeouts (settings.CACHES OPTIONS) bound how long a request waits for a Redis that
hangs instead of refusing. A warning is logged at most once a minute per process, so an outage
is visible without a line for every request.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

LOG_EVERY = 60.0  # seconds between two warnings of one process
_last_logged = [0.0]


class CacheUnavailable(Exception):
    """The shared cache did not answer a counter call."""


def _log(operasi: str, exc: RedisError) -> None:
    sekarang = time.monotonic()
    if sekarang - _last_logged[0] >= LOG_EVERY:
        _last_logged[0] = sekarang
        logger.warning(
            "Cache (Redis) unavailable, %s treated as a miss: %s: %s",
            operasi,
            type(exc).__name__,
            exc,
        )


def _or_default(default: Callable[..., Any]) -> Callable:
    """Run the RedisCache method; on a Redis error log it and return `default(*args)`."""

    def decorator(method: Callable) -> Callable:
        @functools.wraps(method)
        def wrapped(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except RedisError as exc:
                _log(method.__name__, exc)
                return default(*args, **kwargs)

        return wrapped

    return decorator


def _default_get(key, default=None, version=None):
    return default


def _false(*args, **kwargs) -> bool:
    return False


def _none(*args, **kwargs) -> Any:
    return None


class ResilientRedisCache(RedisCache):
    """RedisCache whose reads miss and writes drop while Redis is down (module docstring)."""

    get = _or_default(_default_get)(RedisCache.get)
    get_many = _or_default(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _or_default(_false)(RedisCache.has_key)
    add = _or_default(_false)(RedisCache.add)
    set = _or_default(_none)(RedisCache.set)
    set_many = _or_default(lambda data, *a, **k: list(data))(RedisCache.set_many)
    touch = _or_default(_false)(RedisCache.touch)
    delete = _or_default(_false)(RedisCache.delete)
    delete_many = _or_default(_none)(RedisCache.delete_many)
    clear = _or_default(_false)(RedisCache.clear)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except RedisError as exc:
            _log("incr", exc)
            raise CacheUnavailable(str(exc)) from exc
