"""How tests run background tasks in this process.

- `langsung`: Django's ImmediateBackend runs a task in the test's own process at the moment it
  is enqueued; `tugas.progres.mulai` enqueues on commit, so the test wraps the request in
  `with langsung(execute=True):` (pytest-django's on-commit capture, which runs the callbacks
  when the block ends, as a commit would).

A real worker process is tests/proses.py's `jalankan_worker()`.
"""

from __future__ import annotations

import pytest

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def langsung(settings, django_capture_on_commit_callbacks):
    """Tasks run at once, in this process, when the queuing transaction "commits"."""
    settings.TASKS = IMMEDIATE
    return django_capture_on_commit_callbacks
