"""Drill: the task worker killed (SIGKILL) mid-import and mid-export (issue 22, "Faults").

    CI=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/mataram_asn \
        .venv/bin/python -m pytest -p no:cacheprovider tests/latihan/test_worker_mati.py -s

A real `manage.py db_worker` (the command mataram-asn-worker.service runs) takes an import of
N employees, is killed with SIGKILL while it applies it, and the drill checks:

1. nothing half-written: no employee of the file in the database, the import not marked
   applied (the import applies in one transaction, rolled back with the dead connection);
2. django-tasks-db leaves the task RUNNING and its progress row "berjalan" (the library marks
   a task failed only from inside the worker that runs it);
3. the progress page already says the worker stopped and to start again, without writing
   (tugas.yatim.sebagaimana_terlihat);
4. the next worker to start (systemd restarts a killed one) marks the task FAILED and its row
   "gagal" at its first heartbeat (tugas.yatim.tandai_yatim);
5. started again, the import runs to its end.

Then the same for an export of those employees (XLSX): killed once it reported progress, no
file in its row, failed, and started again it delivers the file.
"""

from __future__ import annotations

import signal
import subprocess
import time
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_tasks_db.models import DBTaskResult

from impor.models import Impor
from impor.services import impor_create
from impor.tasks import penerapan_start
from pegawai.models import Pegawai
from pegawai.nip import compose_nip
from tests.deploy.tumpukan import hentikan
from tests.factories import UnitKerjaFactory
from tests.impor.bantu import baris, ke_csv
from tests.latihan.alat import tulis_hasil
from tests.proses import ROOT, perintah_worker
from tugas.models import Progres
from tugas.yatim import WorkerBerhenti, pesan_worker_berhenti

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True), pytest.mark.lambat]

# Employees in the file: several seconds of work on these two cores, on a quiet machine too
# (8,000 finished inside the second before the kill in a .ci/run on a quiet machine).
N = 16000
DIAM = 3  # READINESS_WORKER_MAX_SILENCE for the drill, seconds


def _berkas(n: int) -> bytes:
    dasar = baris()  # one valid row of unit U-1 (tests.impor.bantu), varied below
    rows = []
    for i in range(n):
        lahir = date(1970, 1, 1) + timedelta(days=i // 900)
        nip = compose_nip(lahir, date(2010, 1, 1), "L", i % 900 + 1)
        tgl = lahir.strftime("%d-%m-%Y")
        rows.append({**dasar, "nipBaru": nip, "tglLahir": tgl, "nama": f"Pegawai Latihan {i}"})
    return ke_csv(rows)


def _worker(*extra: str) -> subprocess.Popen:
    cmd, env = perintah_worker(*extra)
    env["READINESS_WORKER_MAX_SILENCE"] = str(DIAM)
    return subprocess.Popen(
        cmd,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _worker_batch() -> None:
    """Run the queue to its end in a fresh worker (its first beat sweeps the dead's tasks)."""
    cmd, env = perintah_worker("--batch")
    env["READINESS_WORKER_MAX_SILENCE"] = str(DIAM)
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)


def _tunggu(cek, detik: float, apa: str) -> None:
    batas = time.monotonic() + detik
    while not cek():
        assert time.monotonic() < batas, f"timed out: {apa}"
        time.sleep(0.1)


def _bunuh_saat(progres: Progres, siap) -> dict:
    """Start a worker, wait until `siap(progres)` holds while its task runs, SIGKILL it."""
    worker = _worker("--worker-id", f"latihan-{progres.pk.hex[:8]}")
    try:

        def berjalan() -> bool:
            assert worker.poll() is None, "the worker exited by itself"
            progres.refresh_from_db()
            assert progres.status != Progres.Status.SELESAI, "finished before the kill: raise N"
            return bool(progres.task_id) and progres.status == Progres.Status.BERJALAN

        _tunggu(berjalan, 60, "the task running")
        mulai = time.monotonic()
        _tunggu(lambda: siap(progres), 60, "the point to kill at")
        hentikan(worker, signal.SIGKILL)
        return {"dibunuh_setelah_detik": round(time.monotonic() - mulai, 2)}
    finally:
        hentikan(worker, signal.SIGKILL)


def _halaman(client: Client, progres: Progres) -> dict:
    return client.get(progres.get_absolute_url(), {"format": "json"}).json()


def _periksa_yatim(client: Client, progres: Progres, settings) -> dict:
    """Steps 2-4 for one killed task; return what was seen."""
    task = DBTaskResult.objects.get(pk=progres.task_id)
    progres.refresh_from_db()
    assert task.status == "RUNNING" and progres.status == Progres.Status.BERJALAN  # the library
    settings.READINESS_WORKER_MAX_SILENCE = timedelta(seconds=DIAM)
    time.sleep(DIAM + 0.5)
    halaman = _halaman(client, progres)
    assert halaman["status"] == "gagal" and not halaman["aktif"], halaman
    assert halaman["pesan"] == pesan_worker_berhenti()
    html = client.get(progres.get_absolute_url()).content.decode()
    assert "Worker yang menjalankan tugas ini berhenti" in html and "mulai lagi" in html
    progres.refresh_from_db()
    assert progres.status == Progres.Status.BERJALAN  # the page wrote nothing
    _worker_batch()  # a worker starts (systemd's restart): its first beat sweeps
    task.refresh_from_db()
    progres.refresh_from_db()
    assert task.status == "FAILED"
    assert task.exception_class_path == f"tugas.yatim.{WorkerBerhenti.__qualname__}"
    assert progres.status == Progres.Status.GAGAL and progres.pesan == pesan_worker_berhenti()
    return {
        "task_setelah_dibunuh": "RUNNING",
        "halaman_progres": halaman["status_label"],
        "task_setelah_worker_baru": task.status,
        "progres_setelah_worker_baru": progres.status,
    }


def test_a_worker_killed_mid_import_and_mid_export_leaves_nothing_half_written(settings):
    hr = User.objects.create_superuser("latihan.hr", password="x")
    client = Client()
    client.force_login(hr)
    UnitKerjaFactory(kode="U-1")
    hasil: dict = {"n_pegawai_berkas": N}

    # --- the import ---
    data = _berkas(N)
    impor = impor_create(nama="latihan.csv", jenis_konten="text/csv", data=data, oleh=hr)
    sebelum = Pegawai.objects.count()
    progres = penerapan_start(impor, hr, sebagian=True)
    # The import's progress is written inside its one transaction (invisible until commit):
    # kill a second into the run, and check below that the run had not finished.
    hasil["impor"] = _bunuh_saat(progres, lambda p: time.sleep(1.0) or True)
    impor.refresh_from_db()
    assert impor.status != Impor.Status.DITERAPKAN, "the import finished before the kill: raise N"
    assert Pegawai.objects.count() == sebelum, "half an import was written"
    hasil["impor"] |= {"pegawai_setelah_dibunuh": Pegawai.objects.count() - sebelum}
    hasil["impor"] |= _periksa_yatim(client, progres, settings)
    # Started again, it runs to its end.
    lagi = penerapan_start(impor, hr, sebagian=True)
    mulai = time.monotonic()
    _worker_batch()
    lagi.refresh_from_db()
    assert lagi.status == Progres.Status.SELESAI, lagi.pesan
    assert Pegawai.objects.count() == sebelum + N
    hasil["impor"] |= {
        "diulang": lagi.status,
        "diulang_detik": round(time.monotonic() - mulai, 1),
        "pegawai_setelah_diulang": Pegawai.objects.count() - sebelum,
    }

    # --- the export (XLSX of the employee list, from the admin) ---
    def ekspor() -> Progres:
        r = client.post("/admin/pegawai/pegawai/ekspor/", {"format": "xlsx"})
        assert r.status_code == 302, r
        return Progres.objects.get(pk=r["Location"].split("/")[2])

    progres = ekspor()
    # Killed once it reported its first rows written (every 2,000: tugas.progres.bagian).
    hasil["ekspor"] = _bunuh_saat(progres, lambda p: p.refresh_from_db() or p.selesai > 0)
    progres.refresh_from_db()
    assert progres.selesai < progres.total, "the export had finished"
    hasil["ekspor"] |= {"selesai_saat_dibunuh": f"{progres.selesai}/{progres.total}"}
    assert progres.berkas is None and not progres.nama_berkas  # no half file
    assert client.get(progres.get_absolute_url() + "unduh/").status_code == 404
    hasil["ekspor"] |= _periksa_yatim(client, progres, settings)
    lagi = ekspor()
    _worker_batch()
    lagi.refresh_from_db()
    assert lagi.status == Progres.Status.SELESAI and lagi.nama_berkas.endswith(".xlsx")
    unduh = client.get(lagi.get_absolute_url() + "unduh/")
    assert unduh.status_code == 200 and unduh.content[:2] == b"PK"
    hasil["ekspor"] |= {"diulang": lagi.status, "berkas_byte": len(unduh.content)}
    hasil["lulus"] = True
    tulis_hasil("worker_mati", hasil)
