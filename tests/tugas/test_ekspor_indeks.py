"""The ranking export as a task, and the projection refresh a period change queues."""

from __future__ import annotations

import datetime as dt
from io import BytesIO, StringIO
from urllib.parse import urlencode

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from jabatan import indeks
from kinerja.models import Periode
from pegawai import projection
from pegawai.models import CatatanEkspor
from tests.factories import FormasiFactory, JabatanFactory, tutup_periode
from tests.jabatan.bantu import buat_calon
from tugas.models import Progres

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_ranking_export_is_a_task_with_the_pages_weights_and_a_log(org, langsung):
    """Immediate backend: the export runs when the request's on-commit callbacks run."""
    formasi = FormasiFactory(
        unit_kerja=org.bidang_a,
        jabatan=JabatanFactory(
            jenis="ADMINISTRATOR",
            kelas_jabatan=11,
            golongan_minimal="III/d",
            pendidikan_minimal="S1",
        ),
    )
    terbaik = buat_calon(org.bidang_a, predikat=("Sangat Baik", "Sangat Baik"))
    kedua = buat_calon(org.bidang_a, pengawas_sejak=dt.date(2010, 1, 4))
    tutup_periode()
    hr = _client(org.users["hr"])
    url = f"/jabatan/lowongan/{formasi.pk}/"
    with langsung(execute=True):
        response = hr.post(f"{url}ekspor/", {"format": "csv"})
    progres = Progres.objects.get(jenis="jabatan.tasks.ekspor_peringkat")
    assert response["Location"] == progres.get_absolute_url()
    assert progres.status == "selesai" and progres.pesan == "2 kandidat siap diunduh."
    assert progres.url_kembali.startswith(url)
    baris = hr.get(f"{progres.get_absolute_url()}unduh/").content.decode("utf-8-sig").splitlines()
    assert baris[0].startswith("Peringkat;NIP;Nama;Skor")
    assert [b.split(";")[1] for b in baris[1:]] == [terbaik.nip, kedua.nip]
    catatan = CatatanEkspor.objects.get(data="jabatan.peringkat")
    assert (catatan.user, catatan.jumlah_baris) == (org.users["hr"], 2)
    # What-if weights from the page reorder the file as they reorder the page.
    bobot = {
        "w_kinerja": 0,
        "w_kompetensi": 0,
        "w_kualifikasi": 0,
        "w_pengembangan": 0,
        "w_pengalaman": 100,
        "w_integritas": 0,
    }
    urutan = [b.hasil.kandidat.nip for b in hr.get(url, bobot).context["teratas"]]
    with langsung(execute=True):
        hr.post(f"{url}ekspor/?{urlencode(bobot)}", {"format": "xlsx"})
    progres = Progres.objects.filter(jenis="jabatan.tasks.ekspor_peringkat").first()
    berkas = hr.get(f"{progres.get_absolute_url()}unduh/")
    assert berkas["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(BytesIO(berkas.content)).active
    assert [r[1] for r in ws.iter_rows(min_row=2, values_only=True)] == urutan
    # Only its starter downloads it.
    lain = _client(org.users["pimpinan"])
    assert lain.get(f"{progres.get_absolute_url()}unduh/").status_code == 404


def test_a_period_change_queues_the_projection_refresh_and_hr_sees_its_link(org):
    """No worker here: the test checks what is queued, then runs the refresh itself."""
    pegawai = buat_calon(org.bidang_a, predikat=("Sangat Baik", "Baik"))
    tutup_periode()
    assert indeks.selisih() == []
    periode = Periode.objects.get(tahun=2025)
    hr = _client(org.users["hr"])
    response = hr.post(
        f"/admin/kinerja/periode/{periode.pk}/change/",
        {"tahun": 2025, "jenis": "tahunan", "triwulan": 0, "terbuka": "on"},
        follow=True,
    )
    refresh = Progres.objects.filter(jenis="jabatan.tasks.segarkan_predikat")
    # tutup_periode() queued nothing (it refreshed in the test): the one refresh is HR's.
    progres = refresh.get(oleh=org.users["hr"])
    assert refresh.count() == 1
    assert progres.status == "antre"
    pesan = " ".join(str(m) for m in response.context["messages"])
    assert f"/tugas/{progres.pk}/" in pesan
    # Until the task has run, the projection still reads 2025 as closed, and the check says so.
    assert pegawai.pk in indeks.selisih()
    with pytest.raises(CommandError, match="berbeda dari data asli"):
        call_command("indeks_merit", "--periksa", stdout=StringIO())
    # A second change before a worker ran joins the queued refresh.
    hr.post(
        f"/admin/kinerja/periode/{periode.pk}/change/",
        {"tahun": 2025, "jenis": "tahunan", "triwulan": 0},
    )
    assert refresh.filter(oleh=org.users["hr"]).count() == 1
    from jabatan.tasks import segarkan_predikat

    segarkan_predikat.call(str(progres.pk))  # what the worker does with the queued task
    progres.refresh_from_db()
    assert progres.status == "selesai" and progres.persen == 100
    assert indeks.selisih() == []
    call_command("indeks_merit", "--periksa", stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_the_refresh_is_queued_when_the_save_commits(org):
    """Transactional: a real commit publishes the queued task for a worker."""
    with transaction.atomic():  # what the period's admin does: a save, then the hook
        Periode.objects.create(tahun=2026, jenis="tahunan")
        projection.periods_changed()
    progres = Progres.objects.get(jenis="jabatan.tasks.segarkan_predikat")
    assert DBTaskResult.objects.filter(pk=progres.task_id, status="READY").exists()
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    progres.refresh_from_db()
    assert progres.status == "selesai"


def test_a_period_change_inside_deferred_work_refreshes_the_touched_and_queues_the_predikat(org):
    """An import that adds a closed year (kinerja.services.impor) calls periods_changed inside
    `deferred(only)`: at its end the employees it touched are rebuilt and the predikat refresh is
    queued, not the whole projection rebuilt in the import's transaction."""
    disentuh = buat_calon(org.bidang_a, predikat=("Sangat Baik", "Baik"))
    lain = buat_calon(org.unit_b, predikat=("Sangat Baik", "Baik"))
    tutup_periode()
    assert indeks.selisih() == []
    # Both change without a refresh: only the touched one is named to `deferred`.
    type(disentuh).objects.filter(pk__in=[disentuh.pk, lain.pk]).update(pendidikan="SLTA")
    with projection.deferred(lambda: {disentuh.pk}):
        Periode.objects.create(tahun=2019, jenis="tahunan")
        projection.periods_changed()
    assert indeks.selisih() == [lain.pk]  # the rest was not rebuilt
    assert Progres.objects.filter(jenis="jabatan.tasks.segarkan_predikat").count() == 1
