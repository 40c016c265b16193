"""An admin change that reaches more employees than a web request should rebuild (a common
position, a unit's affair) queues the whole rebuild of the merit projection as a task and links
to it (pegawai.projection.RefreshAdminMixin, BATCH); a smaller one refreshes in the request."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jabatan import indeks
from jabatan.models import IndeksMerit, Penempatan
from jabatan.tasks import refresh_merit_index
from pegawai import projection
from pegawai.jenis_jabatan import JenisJabatan
from tests.formulir_admin import data_formulir_admin
from tests.jabatan.bantu import buat_calon
from tugas.models import Progres

pytestmark = pytest.mark.django_db


def _ubah_jenis(client, jabatan) -> tuple[list, list]:
    url = f"/admin/jabatan/jabatan/{jabatan.pk}/change/"
    data = data_formulir_admin(client.get(url))
    data["jenis"] = JenisJabatan.PELAKSANA
    with CaptureQueriesContext(connection) as ctx:
        response = client.post(url, data, follow=True)
    assert response.status_code == 200
    pesan = [str(m) for m in response.context["messages"]]
    return ctx.captured_queries, pesan


def _rebuilt(queries) -> bool:
    return any("INSERT INTO jabatan_indeksmerit" in q["sql"] for q in queries)


@pytest.mark.parametrize("batch", [0, projection.BATCH])
def test_a_position_change_refreshes_in_the_request_or_queues_past_batch(
    org, hr_client, monkeypatch, batch
):
    calon = buat_calon(org.bidang_a)
    jabatan = Penempatan.objects.get(pegawai=calon).formasi.jabatan
    monkeypatch.setattr(projection, "BATCH", batch)
    queries, pesan = _ubah_jenis(hr_client, jabatan)
    antre = Progres.objects.filter(jenis="jabatan.tasks.refresh_merit_index")
    if batch:
        assert _rebuilt(queries) and not antre.exists()
    else:
        assert not _rebuilt(queries)
        (progres,) = antre
        assert any(f"/tugas/{progres.pk}/" in p for p in pesan)
        assert calon.pk in indeks.selisih()  # stale until the worker runs it
        refresh_merit_index.call(str(progres.pk))
    assert indeks.selisih() == []


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_whole_rebuild_leaves_readers_unblocked_until_it_commits():
    """A whole rebuild (the queued task, an import) deletes and rewrites every row in one
    transaction; a ranking read at the same time waits for no lock and sees the old rows (with
    TRUNCATE it waited until the rebuild committed)."""
    import threading

    from django.db import connection as conn
    from django.db import transaction

    from tests.akses_data import buat_organisasi

    org = buat_organisasi()
    buat_calon(org.bidang_a)
    indeks.index_refresh()
    sebelum = IndeksMerit.objects.count()
    assert sebelum > 0
    ditulis, lanjut = threading.Event(), threading.Event()

    def rebuild() -> None:
        try:
            with transaction.atomic():
                indeks.index_refresh()
                ditulis.set()
                lanjut.wait(10)
        finally:
            conn.close()

    penulis = threading.Thread(target=rebuild)
    penulis.start()
    try:
        assert ditulis.wait(10)
        with conn.cursor() as cursor:
            cursor.execute("SET lock_timeout = '2s'")
            cursor.execute("SELECT count(*) FROM jabatan_indeksmerit")
            assert cursor.fetchone()[0] == sebelum  # the old rows, read without waiting
            cursor.execute("RESET lock_timeout")
    finally:
        lanjut.set()
        penulis.join(10)
