"""Tasks orphaned by a worker that died (SIGKILL, the OOM killer, a machine that lost power).

django-tasks-db marks a task failed only from inside the worker running it (`run_task`'s
`except BaseException`): a killed worker never gets there, so its task stays RUNNING, and its
progress row "berjalan", for ever. The worker's heartbeat (tugas.detak) tells the living from
the dead: a task is orphaned when it has run longer than `READINESS_WORKER_MAX_SILENCE` and the
worker that claimed it (the last of its `worker_ids`) has not beaten for that long.

- `tandai_yatim()` marks such tasks FAILED and their progress rows GAGAL with a message that
  says to start again. Every living worker runs it after each heartbeat, so when systemd
  restarts a killed worker (Restart=on-failure) the new one clears the old one's task within
  a silence period and a beat; `manage.py prune_progres` runs it too.
- `sebagaimana_terlihat()` is the progress page's reading when no worker is alive to do that:
  the row is shown failed (not saved: a GET writes nothing).

Whatever the task wrote in the transaction it was killed in is rolled back by PostgreSQL with
the dead connection; an import applies in one transaction, an export stores its file only at
its end (tests/latihan/test_worker_mati.py drills both).
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tugas.models import Detak, Progres, batas_hidup


class WorkerBerhenti(Exception):
    """The worker running this task stopped beating (recorded as the task's exception)."""


def pesan_worker_berhenti() -> str:
    return _(
        "Worker yang menjalankan tugas ini berhenti sebelum tugas selesai (proses dimatikan "
        "atau server dimulai ulang). Tugas ini dihentikan sebagai gagal; mulai lagi dari "
        "halaman sebelumnya."
    )


def _yatim(task_ids: list[str] | None, sekarang: datetime | None) -> list[DBTaskResult]:
    hidup = set(Detak.objects.hidup(sekarang).values_list("worker_id", flat=True))
    qs = DBTaskResult.objects.running().filter(started_at__lt=batas_hidup(sekarang))
    if task_ids is not None:
        qs = qs.filter(pk__in=task_ids)
    return [
        r for r in qs.only("id", "worker_ids") if not r.worker_ids or r.worker_ids[-1] not in hidup
    ]


def tandai_yatim(sekarang: datetime | None = None) -> int:
    """Mark failed every task whose worker stopped beating; return how many."""
    n = 0
    for r in _yatim(None, sekarang):
        pekerja = r.worker_ids[-1] if r.worker_ids else "?"
        with transaction.atomic():
            # Only if still running: the worker may have come back and finished it meanwhile.
            diubah = DBTaskResult.objects.filter(pk=r.pk, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.FAILED,
                finished_at=timezone.now(),
                exception_class_path=f"{__name__}.{WorkerBerhenti.__qualname__}",
                traceback=(
                    f"{__name__}.{WorkerBerhenti.__qualname__}: worker {pekerja} stopped "
                    f"beating its heartbeat while running this task (killed?)\n"
                ),
            )
            if diubah:
                Progres.objects.filter(task_id=str(r.pk), status__in=Progres.AKTIF).update(
                    status=Progres.Status.GAGAL,
                    pesan=pesan_worker_berhenti(),
                    updated_at=timezone.now(),
                )
                n += diubah
    return n


def sebagaimana_terlihat(progres: Progres) -> Progres:
    """Return `progres` as the user should read it: failed, if its worker died (not saved)."""
    berjalan = progres.status == Progres.Status.BERJALAN and progres.task_id
    if berjalan and _yatim([progres.task_id], None):
        progres.status = Progres.Status.GAGAL
        progres.pesan = pesan_worker_berhenti()
    return progres
