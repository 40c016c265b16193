"""The task worker's heartbeat (`tugas.models.Detak`), written from a thread of the worker.

    with berdetak(worker_id):
        worker.run()

Every `DETAK_SETIAP` the thread upserts the worker's row on a connection of its own (closed after
each beat: one short connection every half minute), then marks failed the tasks of workers
that stopped beating (tugas.yatim). On the way out the row is deleted, so a
worker stopped with SIGTERM is at once no longer counted; a killed one stops beating and its row
grows old, which is what the readiness check looks for.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.db import DatabaseError, connection
from django.utils import timezone

from tugas.models import Detak

logger = logging.getLogger(__name__)

DETAK_SETIAP = timedelta(seconds=30)


def detak(worker_id: str, dimulai) -> None:
    """Write one heartbeat of this process as `worker_id`."""
    Detak.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "dimulai": dimulai,
            "terakhir": timezone.now(),
        },
    )


def _berdetak(worker_id: str, dimulai, berhenti: threading.Event, setiap: float) -> None:
    from tugas.yatim import tandai_yatim

    while True:
        try:
            detak(worker_id, dimulai)
            # A living worker clears the tasks of dead ones (a killed worker's own restart
            # included): they would stay "running" for ever otherwise.
            if n := tandai_yatim():
                logger.warning("Worker %s: %d orphaned task(s) marked failed", worker_id, n)
        except DatabaseError:
            # The database is away (restarting): the worker's own loop fails loudly; the beat
            # simply tries again next time, and meanwhile the readiness check sees it silent.
            logger.warning("Worker %s: heartbeat not written", worker_id, exc_info=True)
        finally:
            connection.close()
        if berhenti.wait(setiap):
            return


@contextmanager
def berdetak(worker_id: str, setiap: timedelta = DETAK_SETIAP) -> Iterator[None]:
    """Beat for `worker_id` while the block runs, then delete the row."""
    berhenti = threading.Event()
    dimulai = timezone.now()
    thread = threading.Thread(
        target=_berdetak,
        args=(worker_id, dimulai, berhenti, setiap.total_seconds()),
        name=f"detak-{worker_id}",
        daemon=True,
    )
    thread.start()
    try:
        yield
    finally:
        berhenti.set()
        thread.join(timeout=10)
        try:
            Detak.objects.filter(worker_id=worker_id).delete()
        except DatabaseError:
            logger.warning("Worker %s: heartbeat row not deleted", worker_id, exc_info=True)
