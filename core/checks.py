"""Start-up checks of the deployment: several processes need one shared cache.

The public forms' rate limits (`core.throttle`) and the public pages' cache invalidation
(`publik.cache`) live in Django's cache. A process-local cache (the default `locmemcache://`
when CACHE_URL is unset) gives each worker its own counters and its own copy of the pages:
with two gunicorn workers a network gets twice the allowance, and a page invalidated by one
worker is served stale by the other for up to ten minutes.

Django cannot see how many processes the server will start, so:
- `manage.py check` (and so `migrate`, `runserver`) reports an Error when DEBUG is off, the
  cache is process-local and WEB_CONCURRENCY (the variable gunicorn reads as its default
  number of workers, and that hosting platforms set) asks for more than one process.
- `manage.py check --deploy` also reports an Info when the number of processes is not known:
  `check --deploy --fail-level WARNING` in CI, with production settings and no CACHE_URL,
  passes, and still prints it. Other commands stay quiet about it (a developer's DEBUG unset
  and no CACHE_URL is the normal case).
- gunicorn, which runs no Django checks, refuses to start several workers with a process-local
  cache through the project's gunicorn.conf.py (`process_local_cache_refusal`), whatever the
  command line says.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core import checks

# Backends whose data lives in one process (the dummy one keeps nothing at all).
PROCESS_LOCAL_BACKENDS = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


def process_local_cache() -> bool:
    """Return whether the default cache lives inside each process."""
    return settings.CACHES["default"]["BACKEND"] in PROCESS_LOCAL_BACKENDS


def requested_processes() -> int | None:
    """Return the number of processes WEB_CONCURRENCY asks for, or None when it is not set."""
    try:
        return int(os.environ["WEB_CONCURRENCY"])
    except (KeyError, ValueError):
        return None


def process_local_cache_message(proses: int) -> str:
    return (
        f"{proses} proses web dengan cache per proses ({settings.CACHES['default']['BACKEND']}): "
        "batas laju formulir publik dihitung terpisah di setiap proses dan halaman publik yang "
        "dibatalkan satu proses masih dilayani proses lain. Setel CACHE_URL ke cache bersama, "
        "mis. redis://127.0.0.1:6379/1, atau jalankan satu proses saja."
    )


@checks.register(checks.Tags.caches)
def check_shared_cache(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Error when DEBUG is off and several processes are asked for without a shared cache."""
    if settings.DEBUG or not process_local_cache():
        return []
    proses = requested_processes()
    if proses is not None and proses > 1:
        return [checks.Error(process_local_cache_message(proses), id="core.E001")]
    return []


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache_deploy(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Info, under `check --deploy` only, when DEBUG is off with a process-local cache and the
    number of processes is not known here (the Error above covers a known number).

    Not on every command: on a developer's machine (DEBUG unset, so off; no CACHE_URL) every
    `manage.py` command would print it."""
    if settings.DEBUG or not process_local_cache():
        return []
    proses = requested_processes()
    if proses is not None and proses > 1:
        return []  # check_shared_cache's Error says it
    return [
        checks.Info(
            "Cache per proses: cukup untuk satu proses web. Untuk beberapa worker atau mesin "
            "setel CACHE_URL ke cache bersama (gunicorn menolak -w lebih dari 1 tanpa itu).",
            id="core.I001",
        )
    ]


def process_local_cache_refusal(workers: int) -> str | None:
    """Return why a server of `workers` processes must not start, or None when it may."""
    if workers > 1 and not settings.DEBUG and process_local_cache():
        return process_local_cache_message(workers)
    return None


def gunicorn_on_starting(server) -> None:
    """gunicorn's `on_starting` hook (both gunicorn.conf.py files): gunicorn runs no Django
    system checks, so refuse here to start more than one worker on a process-local cache when
    DEBUG is off. ALLOW_PROCESS_LOCAL_CACHE=true starts it anyway (the load benchmark measures
    one process's own cache on purpose); never in production."""
    alasan = process_local_cache_refusal(server.cfg.workers)
    if alasan is None:
        return
    if os.environ.get("ALLOW_PROCESS_LOCAL_CACHE", "").lower() in ("1", "true", "yes"):
        server.log.warning("ALLOW_PROCESS_LOCAL_CACHE: %s", alasan)
        return
    raise RuntimeError(alasan)  # gunicorn prints it and exits with status 1
