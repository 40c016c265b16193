"""`manage.py db_worker`: django-tasks-db's worker, with a heartbeat (tugas.detak), running each
task under the id of the request that started it (tugas.permintaan), so the library's own lines
about the task (started, finished, the traceback of a failure) carry that id too.

This app comes before `django_tasks_db` in INSTALLED_APPS, so this command is the one that runs
(Django takes a command from the first app that has it). Options and behaviour are the
library's: SIGTERM finishes the running task, then exits.
"""

from __future__ import annotations

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker as pustaka
from django_tasks_db.models import DBTaskResult

from tugas.detak import berdetak
from tugas.permintaan import KUNCI, atas_nama


class Worker(pustaka.Worker):
    """The library's worker, each task run under the id of the request that queued it."""

    def run_task(self, db_task_result: DBTaskResult) -> None:
        kwargs = (db_task_result.args_kwargs or {}).get("kwargs") or {}
        with atas_nama(kwargs.get(KUNCI)):
            return super().run_task(db_task_result)


# The library's `handle` builds its worker from its module's `Worker`; this command runs that
# `handle`, so the name points at the subclass above (held by tests/tugas/test_permintaan.py:
# a library release that builds it otherwise fails there, not silently).
pustaka.Worker = Worker


class Command(pustaka.Command):
    help = "Run a database background worker, beating a heartbeat the readiness check reads."

    def handle(self, *args, **options) -> None:
        # With --reload the first process only restarts the real worker (its child): no beat.
        if options["reload"] and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            return super().handle(*args, **options)
        with berdetak(options["worker_id"]):
            return super().handle(*args, **options)
