"""Tasks of a dead worker (tugas.yatim): which are taken for orphaned, which are left alone.
The real kill is drilled in tests/latihan/test_worker_mati.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from impor.tasks import refresh_merit_index
from tugas.models import Detak, Progres
from tugas.progres import mulai
from tugas.yatim import pesan_worker_berhenti, sebagaimana_terlihat, tandai_yatim

pytestmark = pytest.mark.django_db


@pytest.fixture
def berjalan(settings, django_capture_on_commit_callbacks, hr_user):
    """Return `buat(worker_id, mulai_detik_lalu)`: a task claimed by that worker, running."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.READINESS_WORKER_MAX_SILENCE = timedelta(seconds=120)

    def buat(worker_id: str, detik_lalu: int) -> tuple[DBTaskResult, Progres]:
        with django_capture_on_commit_callbacks(execute=True):
            progres = mulai(refresh_merit_index, label="uji", oleh=hr_user)
        progres.refresh_from_db()
        task = DBTaskResult.objects.get(pk=progres.task_id)
        task.claim(worker_id)
        DBTaskResult.objects.filter(pk=task.pk).update(
            started_at=timezone.now() - timedelta(seconds=detik_lalu)
        )
        Progres.objects.filter(pk=progres.pk).update(status=Progres.Status.BERJALAN)
        progres.refresh_from_db()
        return task, progres

    return buat


def _detak(worker_id: str, detik_lalu: int) -> None:
    t = timezone.now() - timedelta(seconds=detik_lalu)
    Detak.objects.create(worker_id=worker_id, host="h", pid=1, dimulai=t, terakhir=t)


def test_it_fails_a_task_whose_worker_went_silent_and_says_to_start_again(berjalan):
    _detak("mati", 300)
    task, progres = berjalan("mati", 400)
    assert sebagaimana_terlihat(progres).status == Progres.Status.GAGAL  # as the page reads it
    progres.refresh_from_db()
    assert progres.status == Progres.Status.BERJALAN  # ... without writing
    assert tandai_yatim() == 1
    task.refresh_from_db()
    progres.refresh_from_db()
    assert task.status == "FAILED" and task.exception_class_path == "tugas.yatim.WorkerBerhenti"
    assert progres.status == Progres.Status.GAGAL and progres.pesan == pesan_worker_berhenti()
    assert tandai_yatim() == 0  # once


def test_a_worker_that_left_no_heartbeat_at_all_is_dead_too(berjalan):
    berjalan("tanpa-detak", 400)
    assert tandai_yatim() == 1


def test_it_leaves_a_task_whose_worker_still_beats(berjalan):
    _detak("hidup", 5)
    _, progres = berjalan("hidup", 3600)  # a long task, its worker alive
    assert sebagaimana_terlihat(progres).status == Progres.Status.BERJALAN
    assert tandai_yatim() == 0


def test_it_leaves_a_task_just_claimed_before_its_workers_first_beat(berjalan):
    berjalan("baru", 10)
    assert tandai_yatim() == 0
