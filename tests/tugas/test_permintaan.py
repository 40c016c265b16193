"""One id from the officer's complaint to the audit row (tugas.permintaan): the audit row's
correlation id (`cid`, AUDITLOG_CID_GETTER) is the id of the request that wrote it, and a task
started by a request runs under that request's id, its log lines and its audit rows alike."""

from __future__ import annotations

import json

import pytest
from auditlog.models import LogEntry

from kinerja.models import Periode
from tests.proses import jalankan_worker
from tugas.models import Progres
from tugas.permintaan import id_permintaan

RID = "4f1c2a9be0d34c5f8a7b6e5d4c3b2a19"  # as nginx's $request_id looks


@pytest.fixture
def hr(client, org):
    client.force_login(org.users["hr"])
    return client


def _buka(client, periode: Periode):
    """The admin's action "open the period's SKPs", which queues a task (jabatan.tasks)."""
    return client.post(
        "/admin/kinerja/periode/",
        {"action": "buka_skp", "_selected_action": [periode.pk]},
        HTTP_X_REQUEST_ID=RID,
    )


def test_an_audit_row_written_in_a_request_carries_that_requests_id(hr, admin_client):
    response = hr.post(
        "/admin/kinerja/periode/add/",
        {"tahun": 2027, "jenis": "tahunan", "triwulan": 0, "terbuka": "on"},
        HTTP_X_REQUEST_ID=RID,
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    periode = Periode.objects.get(tahun=2027)
    entri = LogEntry.objects.get_for_object(periode).get()
    assert entri.action == LogEntry.Action.CREATE and entri.cid == RID
    # A request without nginx's id gets one made, and its audit row carries that one.
    response = hr.post(
        f"/admin/kinerja/periode/{periode.pk}/change/",
        {"tahun": 2027, "jenis": "tahunan", "triwulan": 0},
    )
    ubah = LogEntry.objects.get_for_object(periode).get(action=LogEntry.Action.UPDATE)
    assert ubah.cid == response["X-Request-ID"] != RID
    # The admin's audit list filters by it: only that request's rows.
    daftar = admin_client.get("/admin/auditlog/logentry/", {"cid": RID})
    assert daftar.status_code == 200
    assert list(daftar.context["cl"].result_list) == [entri]
    assert f"?cid={RID}" in daftar.content.decode()  # each row links to its request's rows


def test_a_task_started_by_a_request_writes_its_audit_rows_under_that_requests_id(
    hr, org, langsung
):
    periode = Periode.objects.create(tahun=2026, jenis="tahunan")
    with langsung(execute=True):  # the task runs at "commit", after the request has ended
        assert _buka(hr, periode).status_code == 302
    assert Progres.objects.get(jenis="jabatan.tasks.buka_skp").status == "selesai"
    operasi = LogEntry.objects.get_for_object(periode).get(changes__has_key="skp_dibuka")
    assert operasi.cid == RID
    assert id_permintaan.get() is None  # the task's id does not outlive the task


@pytest.mark.lambat
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_worker_process_logs_and_audits_the_task_under_the_requests_id(hr, org):
    periode = Periode.objects.create(tahun=2026, jenis="tahunan")
    assert _buka(hr, periode).status_code == 302
    progres = Progres.objects.get(jenis="jabatan.tasks.buka_skp")

    hasil = jalankan_worker()  # DEBUG=false: JSON lines on stderr (LOG_FORMAT's default)

    progres.refresh_from_db()
    assert progres.status == "selesai", progres.pesan
    baris = [json.loads(b) for b in hasil.stderr.splitlines() if b.startswith("{")]
    tugas = [b for b in baris if progres.task_id in b["pesan"]]
    # The worker's lines about the task (started, finished) name the request that queued it.
    assert len(tugas) >= 2 and all(b["request_id"] == RID for b in tugas), hasil.stderr[-2000:]
    # Its other lines (no task running) name none.
    assert any(b["request_id"] is None for b in baris if b not in tugas), hasil.stderr[-2000:]
    operasi = LogEntry.objects.get_for_object(periode).get(changes__has_key="skp_dibuka")
    assert operasi.cid == RID
