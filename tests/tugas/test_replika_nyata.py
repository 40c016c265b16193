"""The read replica against a real PostgreSQL streaming replica (.ci/replika.sh; issue 22).

Rows are committed on the primary (transactional tests) and reach the standby through its WAL,
as in production; `DATABASES["replika"]` is the standby's own server (its TEST MIRROR only names
the primary's test database, which the standby replays). A page is shown to read from the
standby by a row the standby has not replayed yet (replay paused with pg_wal_replay_pause()),
and every fallback to the primary by that row appearing.
"""

from __future__ import annotations

import logging
import time

import pytest
from django.core.cache import cache
from django.db import InternalError, OperationalError, connections, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from django.utils import timezone

from kinerja import rules
from kinerja.models import Periode, Skp
from pegawai.models import UnitKerja
from survei.models import UnitLayanan
from tests.akses_data import buat_organisasi
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tugas import replika
from tugas.replika import ReplikaMiddleware

pytestmark = [
    pytest.mark.replika,
    pytest.mark.django_db(transaction=True, databases=["default", "replika"]),
]

HALAMAN = "/survei/"  # publik:survei, in REPLICA_VIEWS: every active service unit by name


def _lsn_primer() -> str:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        return cursor.fetchone()[0]


def susul(batas: float = 60.0) -> None:
    """Wait until the standby has replayed everything the primary has written so far."""
    lsn = _lsn_primer()
    akhir = time.monotonic() + batas
    while True:
        try:
            with connections["replika"].cursor() as cursor:
                cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [lsn])
                if cursor.fetchone()[0]:
                    return
        except OperationalError:
            # The test database is not replayed yet: its CREATE DATABASE is still coming.
            connections["replika"].close()
        if time.monotonic() > akhir:
            pytest.fail(f"the standby did not replay up to {lsn} within {batas} s")
        time.sleep(0.05)


def _di_replika(sql: str) -> None:
    with connections["replika"].cursor() as cursor:
        cursor.execute(sql)


@pytest.fixture
def standby(settings):
    """The replica switched on (the tests' settings switch it off), caught up, forgiven."""
    settings.REPLICA_ENABLED = True
    settings.REPLICA_MAX_LAG_SECONDS = 3600
    replika.pulihkan()
    susul()
    with connections["replika"].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery(), inet_server_port()")
        dalam_pemulihan, port = cursor.fetchone()
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT inet_server_port()")
        port_primer = cursor.fetchone()[0]
    # A real hot standby, another server than the primary.
    assert dalam_pemulihan is True
    assert port != port_primer
    cache.clear()
    yield connections["replika"]
    replika.pulihkan()
    cache.clear()


@pytest.fixture
def replay_ditahan(standby):
    """The standby's replay paused: what the primary commits now is not on the standby."""
    _di_replika("SELECT pg_wal_replay_pause()")
    try:
        yield
    finally:
        _di_replika("SELECT pg_wal_replay_resume()")


def _unit(nama: str, kode: str) -> UnitLayanan:
    opd = UnitKerjaFactory(nama=f"Dinas {nama}")
    unit = UnitKerjaFactory(nama=nama, jenis="puskesmas", parent=opd)
    return UnitLayanan.objects.create(unit_kerja=unit, kode=kode)


def _lihat(client, **cookies) -> str:
    cache.clear()  # publik/cache.py would serve the first rendering again
    for nama, nilai in cookies.items():
        client.cookies[nama] = nilai
    response = client.get(HALAMAN)
    assert response.status_code == 200
    return response.content.decode()


def test_it_reads_a_marked_page_from_the_standby(client, standby):
    _unit("Puskesmas Replika Lama", "pkm-lama")
    susul()
    with (
        CaptureQueriesContext(connections["replika"]) as di_replika,
        CaptureQueriesContext(connections["default"]) as di_primer,
    ):
        isi = _lihat(client)
    assert "Puskesmas Replika Lama" in isi
    # The lag check, then the page's own queries (the units, their sums per quarter).
    assert "pg_last_wal_replay_lsn" in di_replika.captured_queries[0]["sql"]
    assert any("survei_unitlayanan" in q["sql"] for q in di_replika.captured_queries)
    assert not any("kinerja_" in q["sql"] for q in di_primer.captured_queries), [
        q["sql"] for q in di_primer.captured_queries
    ]


def test_a_row_not_yet_replayed_is_missing_from_the_standby_s_page(client, replay_ditahan):
    _unit("Puskesmas Belum Direplikasi", "pkm-baru")
    assert "Puskesmas Belum Direplikasi" not in _lihat(client)
    # The same browser after a POST of its own reads the primary (read-your-own-writes).
    assert "Puskesmas Belum Direplikasi" in _lihat(client, **{replika.COOKIE: "1"})
    _di_replika("SELECT pg_wal_replay_resume()")
    susul()
    del client.cookies[replika.COOKIE]
    assert "Puskesmas Belum Direplikasi" in _lihat(client)


def test_a_post_keeps_its_browser_on_the_primary(client, standby, settings):
    response = client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    assert response.status_code == 302
    kue = response.cookies[replika.COOKIE]
    assert kue["max-age"] == settings.REPLICA_STICKY_SECONDS
    assert kue["httponly"]
    # A GET sets none.
    assert replika.COOKIE not in client.get(HALAMAN).cookies


def test_it_falls_back_to_the_primary_when_the_standby_lags(
    client, replay_ditahan, settings, caplog
):
    settings.REPLICA_MAX_LAG_SECONDS = 0.5
    _unit("Puskesmas Saat Tertinggal", "pkm-tertinggal")
    akhir = time.monotonic() + 10
    while (replika.jeda() or 0) <= 1.0:  # the standby falls behind while its replay waits
        assert time.monotonic() < akhir, "the paused standby reports no lag"
        time.sleep(0.1)
    with caplog.at_level(logging.WARNING, logger="tugas.replika"):
        assert "Puskesmas Saat Tertinggal" in _lihat(client)
    assert "behind (limit 0.5 s)" in caplog.text
    # And it leaves the standby alone for a while: not even a lag check.
    with CaptureQueriesContext(connections["replika"]) as di_replika:
        assert "Puskesmas Saat Tertinggal" in _lihat(client)
    assert di_replika.captured_queries == []


def test_it_falls_back_to_the_primary_when_the_standby_is_unreachable(client, standby, caplog):
    _unit("Puskesmas Tanpa Replika", "pkm-tanpa")
    koneksi = connections["replika"]
    port = koneksi.settings_dict["PORT"]
    koneksi.close()
    koneksi.settings_dict["PORT"] = "1"  # nothing listens there
    try:
        with caplog.at_level(logging.WARNING, logger="tugas.replika"):
            assert "Puskesmas Tanpa Replika" in _lihat(client)
    finally:
        koneksi.close()
        koneksi.settings_dict["PORT"] = port
    assert "unreachable" in caplog.text


def test_a_page_that_fails_on_the_standby_runs_again_on_the_primary(standby, caplog):
    """A query cancelled mid-page (a recovery conflict, the standby restarting) costs the
    visitor nothing: the read-only page runs again on the primary."""
    dipanggil = []

    def halaman(request):
        dipanggil.append(replika.membaca_replika())
        if replika.membaca_replika():
            raise OperationalError("canceling statement due to conflict with recovery")
        return HttpResponse("primer")

    request = RequestFactory().get(HALAMAN)
    request.resolver_match = resolve(HALAMAN)
    middleware = ReplikaMiddleware(lambda r: HttpResponse())
    with caplog.at_level(logging.WARNING, logger="tugas.replika"):
        response = middleware.process_view(request, halaman, (), {})
    assert response.content == b"primer"
    assert dipanggil == [True, False]
    assert "conflict with recovery" in caplog.text


def test_writes_go_to_the_primary_and_the_standby_refuses_them(standby):
    uk = UnitKerjaFactory(nama="Dinas Lama")
    susul()
    token = replika._baca_replika.set(True)
    try:
        dibaca = UnitKerja.objects.get(pk=uk.pk)
        assert dibaca._state.db == "replika"
        dibaca.nama = "Dinas Baru"
        dibaca.save()  # routed to the primary
        with transaction.atomic():
            # Inside a transaction, and with a row lock, the primary again.
            assert UnitKerja.objects.select_for_update().get(pk=uk.pk).nama == "Dinas Baru"
            assert UnitKerja.objects.get(pk=uk.pk)._state.db == "default"
        # Sent to the standby by hand, a write fails loudly: a read-only transaction.
        with pytest.raises(InternalError, match="read-only transaction"):
            dibaca.save(using="replika")
    finally:
        replika._baca_replika.reset(token)
    assert UnitKerja.objects.get(pk=uk.pk).nama == "Dinas Baru"


def test_unmarked_pages_read_the_primary(client, standby):
    unit = _unit("Puskesmas Formulir", "pkm-formulir")
    susul()
    with CaptureQueriesContext(connections["replika"]) as di_replika:
        response = client.get(f"/survei/{unit.kode}/")  # the survey form: not in the list
    assert response.status_code == 200
    assert di_replika.captured_queries == []


def test_a_missing_row_is_a_404_on_the_standby_too(client, standby):
    """A view that raises (Http404 here) inside the replica context answers as it would
    without it."""
    with CaptureQueriesContext(connections["replika"]) as di_replika:
        response = client.get("/transparansi/987654321/")
    assert response.status_code == 404
    assert any("jabatan_keputusan" in q["sql"] for q in di_replika.captured_queries)


def test_the_performance_dashboard_and_its_talent_grid_read_the_standby(standby):
    """The dashboard's raw SQL (the 9-box grid, kinerja.selectors.talenta_jumlah) runs on the
    queryset's database, so the whole page reads the standby; the user behind it, the primary."""
    org = buat_organisasi()
    periode = Periode.objects.get(tahun=2025)
    pegawai = PegawaiFactory(unit_kerja=org.bidang_a)
    Skp.objects.create(
        pegawai=pegawai,
        periode=periode,
        unit_kerja=pegawai.unit_kerja,
        perangkat_daerah=org.unit_a,
        golongan=pegawai.golongan,
        status="final",
        rating_hasil=rules.SESUAI,
        rating_perilaku=rules.SESUAI,
        predikat=rules.BAIK,
        catatan_penilai="Catatan penilai.",
        difinalkan_pada=timezone.now(),
    )
    client = Client()
    client.force_login(org.users["hr"])
    susul()
    with (
        CaptureQueriesContext(connections["replika"]) as di_replika,
        CaptureQueriesContext(connections["default"]) as di_primer,
    ):
        response = client.get("/kinerja/", {"periode": periode.pk})
    assert response.status_code == 200
    assert any("WITH s AS" in q["sql"] for q in di_replika.captured_queries)
    assert not any("kinerja_skp" in q["sql"] for q in di_primer.captured_queries)
    assert any("auth_user" in q["sql"] for q in di_primer.captured_queries)
    assert not any("auth_user" in q["sql"] for q in di_replika.captured_queries)
