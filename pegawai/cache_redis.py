"""Django's RedisCache that survives Redis being away: an error is a miss, logged, not a 500.

Django's own `RedisCache` raises `redis.ConnectionError` from every call when Redis is down, so
every public page (publik.cache) and every public form (pegawai.throttle) answered 500 until it
came back. Here each call that fails is treated as Redis having nothing: a read returns its
default (the page is rendered afresh, uncached), a write is dropped. django-redis's
IGNORE_EXCEPTIONS does the same, but would bring a second Redis client library and its own
settings for one behaviour; this is a subclass of the backend already in use.

Counters are the exception: `incr` (and `decr`, which calls it) raises `CacheTidakTersedia`,
because "no counter" is not "count zero": the caller decides (the rate limit counts in its own
process, pegawai.throttle). Sessions (database) and the login lock (django-axes, database) do
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

LOG_SETIAP = 60.0  # seconds between two warnings of one process
_terakhir_dicatat = [0.0]


class CacheTidakTersedia(Exception):
    """The shared cache did not answer a counter call."""


def _catat(operasi: str, exc: RedisError) -> None:
    sekarang = time.monotonic()
    if sekarang - _terakhir_dicatat[0] >= LOG_SETIAP:
        _terakhir_dicatat[0] = sekarang
        logger.warning(
            "Cache (Redis) unavailable, %s treated as a miss: %s: %s",
            operasi,
            type(exc).__name__,
            exc,
        )


def _atau(default: Callable[..., Any]) -> Callable:
    """Run the RedisCache method; on a Redis error log it and return `default(*args)`."""

    def decorator(method: Callable) -> Callable:
        @functools.wraps(method)
        def wrapped(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except RedisError as exc:
                _catat(method.__name__, exc)
                return default(*args, **kwargs)

        return wrapped

    return decorator


def _default_get(key, default=None, version=None):
    return default


def _tidak(*args, **kwargs) -> bool:
    return False


def _kosong(*args, **kwargs) -> Any:
    return None


class RedisTahanGangguan(RedisCache):
    """RedisCache whose reads miss and writes drop while Redis is down (module docstring)."""

    get = _atau(_default_get)(RedisCache.get)
    get_many = _atau(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _atau(_tidak)(RedisCache.has_key)
    add = _atau(_tidak)(RedisCache.add)
    set = _atau(_kosong)(RedisCache.set)
    set_many = _atau(lambda data, *a, **k: list(data))(RedisCache.set_many)
    touch = _atau(_tidak)(RedisCache.touch)
    delete = _atau(_tidak)(RedisCache.delete)
    delete_many = _atau(_kosong)(RedisCache.delete_many)
    clear = _atau(_tidak)(RedisCache.clear)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except RedisError as exc:
            _catat("incr", exc)
            raise CacheTidakTersedia(str(exc)) from exc
