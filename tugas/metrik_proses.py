"""gunicorn's side of the metrics of several workers (tugas.metrik), for the gunicorn.conf.py
files: no Django here, since gunicorn's master never loads the app.

prometheus_client's multiprocess mode (its documentation, "Multiprocess Mode (E.g.
Gunicorn)"): the folder in PROMETHEUS_MULTIPROC_DIR must be emptied before the server starts
(files of an earlier run would be summed in), and a worker that exits is marked dead.
"""

from __future__ import annotations

import os
from pathlib import Path


def kosongkan_folder() -> None:
    """Create PROMETHEUS_MULTIPROC_DIR if missing and delete earlier runs' files (on_starting)."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not folder:
        return
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    for berkas in path.glob("*.db"):
        berkas.unlink(missing_ok=True)


def child_exit(server, worker) -> None:
    """gunicorn's `child_exit` hook: a worker exited (recycled after max_requests, killed, or
    stopped); its counters stay summed, its live gauges go."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
