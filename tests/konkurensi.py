"""Concurrent writers for the tests of row locks and constraints under a race (PostgreSQL)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

HOLD = 0.3  # seconds each writer keeps its transaction open after writing


def race(*writers: Callable[[], object]) -> list[object]:
    """Run the writers at once, each in its own transaction and connection; return outcomes."""
    # Content types are cached per process; after a transactional test's flush two threads could
    # both try to create the same one (the audit trail asks for it). Warm the cache first.
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*apps.get_models())
    barrier = threading.Barrier(len(writers))
    results: list[object] = [None] * len(writers)

    def run(i: int, writer: Callable[[], object]) -> None:
        try:
            barrier.wait()
            with transaction.atomic():
                writer()
                time.sleep(HOLD)
            results[i] = "ok"
        except Exception as exc:  # the outcome under test
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, w)) for i, w in enumerate(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return results
