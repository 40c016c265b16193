"""Opening a period's SKPs from the admin: queued as a task, run by a worker, audited once."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from kinerja.models import Periode, Skp
from tests.proses import jalankan_worker
from tugas.models import Progres

AKSI = "/admin/kinerja/periode/"


def _buka(client, *periode):
    return client.post(
        AKSI, {"action": "buka_skp", "_selected_action": [p.pk for p in periode]}, follow=False
    )


@pytest.fixture
def hr(client, org):
    client.force_login(org.users["hr"])
    return client


@pytest.mark.lambat
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_worker_process_opens_the_period_and_the_operation_is_audited_once(hr, org):
    """A real worker: `manage.py db_worker --batch` as a subprocess on the test database."""
    periode = Periode.objects.create(tahun=2026, jenis="tahunan")
    response = _buka(hr, periode)
    progres = Progres.objects.get(jenis="jabatan.tasks.buka_skp")
    assert response.status_code == 302 and response["Location"] == f"/tugas/{progres.pk}/"
    assert progres.status == Progres.Status.ANTRE and progres.oleh == org.users["hr"]
    assert DBTaskResult.objects.filter(pk=progres.task_id, status="READY").exists()

    jalankan_worker()

    progres.refresh_from_db()
    aktif = 4  # the two employees and their two unit heads
    assert (progres.status, progres.selesai, progres.total) == ("selesai", aktif, aktif)
    assert progres.pesan == f"{aktif} SKP dibuka untuk Tahunan 2026 (0 sudah ada sebelumnya)."
    assert Skp.objects.filter(periode=periode).count() == aktif
    assert DBTaskResult.objects.get(pk=progres.task_id).status == "SUCCESSFUL"
    log = LogEntry.objects.get_for_object(periode).get(changes__has_key="skp_dibuka")
    assert log.actor == org.users["hr"]
    assert log.changes["skp_dibuka"] == [None, aktif]
    assert log.changes["jumlah_skp"] == [None, aktif]
    # One record of the operation, not one per SKP.
    assert not LogEntry.objects.filter(content_type__model="skp", object_repr__contains="2026")
    body = hr.get(f"/tugas/{progres.pk}/").content.decode()
    assert "Selesai" in body and "100%" in body


@pytest.mark.django_db(transaction=True)
def test_an_in_process_worker_runs_it_too_and_a_second_run_opens_nothing(hr, org):
    """A real worker in this process (`call_command("db_worker", batch=True)`), on the test
    database of either engine; transactional, since the worker commits."""
    periode = Periode.objects.create(tahun=2026, jenis="tahunan")
    _buka(hr, periode)
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    assert Skp.objects.filter(periode=periode).count() == 4
    _buka(hr, periode)
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    kedua = Progres.objects.filter(jenis="jabatan.tasks.buka_skp").order_by("-created_at")[0]
    assert kedua.status == "selesai" and kedua.pesan.startswith("0 SKP dibuka")
    assert Skp.objects.filter(periode=periode).count() == 4


def test_a_closed_period_is_refused_with_a_message(hr):
    periode = Periode.objects.create(tahun=2024, jenis="tahunan", terbuka=False)
    response = _buka(hr, periode)
    assert response.status_code == 302 and response["Location"] == AKSI
    pesan = [str(m) for m in hr.get(AKSI).context["messages"]]
    assert any("Tahunan 2024 sudah ditutup" in m for m in pesan)
    assert not Progres.objects.filter(jenis="jabatan.tasks.buka_skp").exists()


def test_a_period_already_being_opened_gives_its_progress_link(hr):
    periode = Periode.objects.create(tahun=2026, jenis="tahunan")
    _buka(hr, periode)
    berjalan = Progres.objects.get(jenis="jabatan.tasks.buka_skp")
    response = _buka(hr, periode)
    assert response["Location"] == AKSI
    pesan = [str(m) for m in hr.get(AKSI).context["messages"]]
    assert any("sedang dibuka" in m and f"/tugas/{berjalan.pk}/" in m for m in pesan)
    assert Progres.objects.filter(jenis="jabatan.tasks.buka_skp").count() == 1


def test_several_periods_get_a_link_each(hr):
    a = Periode.objects.create(tahun=2026, jenis="tahunan")
    b = Periode.objects.create(tahun=2026, jenis="triwulan", triwulan=1)
    response = _buka(hr, a, b)
    assert response["Location"] == AKSI
    pesan = " ".join(str(m) for m in hr.get(AKSI).context["messages"])
    for p in Progres.objects.filter(jenis="jabatan.tasks.buka_skp"):
        assert f"/tugas/{p.pk}/" in pesan


def test_a_period_closed_before_the_worker_ran_fails_with_the_reason(hr, langsung):
    """Immediate backend: the task runs when the action's block commits."""
    periode = Periode.objects.create(tahun=2026, jenis="tahunan")
    from jabatan.tasks import skp_open_start

    with langsung(execute=True):
        progres = skp_open_start(periode=periode, oleh=None)
        Periode.objects.filter(pk=periode.pk).update(terbuka=False)
    progres.refresh_from_db()
    assert progres.status == "gagal" and progres.pesan == "Periode Tahunan 2026 sudah ditutup."
    assert not Skp.objects.filter(periode=periode).exists()
