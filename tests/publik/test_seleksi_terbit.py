"""When an open selection becomes public: from the first day of its announcement stage
(PermenPANRB 15/2019 opens a selection by its public announcement), not the moment HR saves it;
before that day nothing of it, committee included, is on any public page or in the feed. The
public list shows each selection's status, the stage running today and its deadline."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from publik.models import Pengumuman, Seleksi
from publik.selectors import keadaan_seleksi
from publik.services import tahap_announce
from tests.publik.bantu import PANITIA, buka

pytestmark = pytest.mark.django_db
HARI = dt.timedelta(days=1)
PUBLIK = [
    "/",
    "/transparansi/",
    "/transparansi/lowong/",
    "/data-terbuka/",
    "/umpan.atom",
    "/seleksi/",
]


def _jadwal(pengumuman: dt.date) -> dict[str, tuple[dt.date, dt.date]]:
    """Six stages back to back from `pengumuman`: five days each, but registration fifteen, so
    the announcement runs 20 days to registration's close (at least 15: publik.services)."""
    lama = {"pendaftaran": 15}
    jadwal, mulai = {}, pengumuman
    for j in [
        "pengumuman",
        "pendaftaran",
        "administrasi",
        "kompetensi",
        "wawancara",
        "rekam_jejak",
    ]:
        akhir = mulai + (lama.get(j, 5) - 1) * HARI
        jadwal[j] = (mulai, akhir)
        mulai = akhir + HARI
    return jadwal


def _semua_publik(client) -> str:
    return "".join(client.get(url).content.decode() for url in PUBLIK)


def test_it_is_hidden_everywhere_before_its_announcement_starts(client, jpt, hr_user):
    hari_ini = timezone.localdate()
    seleksi = buka(jpt, hr_user, tahap=_jadwal(hari_ini + HARI))
    html = _semua_publik(client)
    assert seleksi.judul not in html
    for nama, _peran in PANITIA:
        assert nama not in html
    assert "Belum ada seleksi terbuka." in client.get("/seleksi/").content.decode()
    assert client.get(reverse("publik:seleksi_detail", args=[seleksi.pk])).status_code == 404
    assert not Seleksi.objects.terbit(hari_ini).exists()


def test_it_is_public_on_the_day_its_announcement_starts(client, jpt, hr_user):
    hari_ini = timezone.localdate()
    seleksi = buka(jpt, hr_user, tahap=_jadwal(hari_ini))
    tahap = seleksi.tahap.get(jenis="pengumuman")
    tahap_announce(tahap=tahap, pada=hari_ini, oleh=hr_user)
    daftar = client.get("/seleksi/").content.decode()
    assert seleksi.judul in daftar
    assert 'class="seleksi-status">Berlangsung<' in daftar
    assert 'class="seleksi-tahap">Pengumuman lowongan<' in daftar
    batas = tahap.selesai
    assert f"sampai {batas.day} " in daftar and str(batas.year) in daftar
    detail = client.get(reverse("publik:seleksi_detail", args=[seleksi.pk])).content.decode()
    assert PANITIA[0][0] in detail and 'class="seleksi-status">Berlangsung<' in detail
    assert f"tahap-{tahap.pk}" in client.get("/umpan.atom").content.decode()


def test_after_the_start_it_shows_registration_and_its_deadline(client, jpt, hr_user):
    hari_ini = timezone.localdate()
    seleksi = buka(
        jpt, hr_user, tahap=_jadwal(hari_ini - 6 * HARI)
    )  # registration runs -1 .. +13 days
    daftar = client.get("/seleksi/").content.decode()
    assert 'class="seleksi-status">Pendaftaran dibuka<' in daftar
    assert 'class="seleksi-tahap">Pendaftaran<' in daftar
    tutup = seleksi.tahap.get(jenis="pendaftaran").selesai
    assert tutup == hari_ini + 13 * HARI
    keadaan = keadaan_seleksi(Seleksi.objects.get(), pada=hari_ini)
    assert (keadaan.tahap.jenis, keadaan.batas, keadaan.berjalan) == ("pendaftaran", tutup, True)


@pytest.mark.parametrize(
    ("geser", "status", "tahap", "batas"),
    [
        (0, "Berlangsung", "pengumuman", 4),  # first day of the announcement
        (4, "Berlangsung", "pengumuman", 4),  # its last day
        (5, "Pendaftaran dibuka", "pendaftaran", 19),
        (39, "Berlangsung", "rekam_jejak", 39),
        (40, "Semua tahap selesai; menunggu usulan kepada PPK", None, None),
    ],
)
def test_the_state_on_each_day_follows_the_schedule(jpt, hr_user, geser, status, tahap, batas):
    awal = dt.date(2026, 10, 1)
    seleksi = buka(jpt, hr_user, tahap=_jadwal(awal))
    k = keadaan_seleksi(
        Seleksi.objects.prefetch_related("tahap").get(pk=seleksi.pk), pada=awal + geser * HARI
    )
    assert k.status == status
    assert (k.tahap.jenis if k.tahap else None) == tahap
    assert k.batas == (awal + batas * HARI if batas is not None else None)


def test_a_gap_between_stages_names_the_next_stage_and_its_start(jpt, hr_user):
    awal = dt.date(2026, 10, 1)
    jadwal = _jadwal(awal)
    jadwal["pendaftaran"] = (awal + 8 * HARI, awal + 19 * HARI)  # a gap on days 5..7
    seleksi = buka(jpt, hr_user, tahap=jadwal)
    k = keadaan_seleksi(seleksi, pada=awal + 6 * HARI)
    assert (k.status, k.tahap.jenis, k.batas, k.berjalan) == (
        "Menunggu tahap berikutnya",
        "pendaftaran",
        awal + 8 * HARI,
        False,
    )


def test_a_future_dated_announcement_waits_for_its_date(jpt, hr_user):
    hari_ini = timezone.localdate()
    seleksi = buka(jpt, hr_user, tahap=_jadwal(hari_ini - 2 * HARI))
    tahap = seleksi.tahap.get(jenis="pengumuman")
    tahap_announce(tahap=tahap, pada=hari_ini + HARI, oleh=hr_user)
    assert not Pengumuman.objects.terbit(hari_ini).exists()
    assert Pengumuman.objects.terbit(hari_ini + HARI).exists()


def test_a_finished_selection_says_so(client, jpt, hr_user):
    seleksi = buka(jpt, hr_user, tahap=_jadwal(dt.date(2026, 1, 5)))
    Seleksi.objects.filter(pk=seleksi.pk).update(selesai=True)
    daftar = client.get("/seleksi/").content.decode()
    assert 'class="seleksi-status">Selesai: nama calon diusulkan kepada PPK<' in daftar
    assert "seleksi-tahap" not in daftar


def test_the_public_list_runs_a_fixed_number_of_queries(
    client, jpt, hr_user, django_assert_num_queries
):
    for i in range(3):
        buka(jpt, hr_user, tahap=_jadwal(dt.date(2026, 1, 5)), judul=f"Seleksi {i}")
    # 1 the published selections (joined to their announcement stage); prefetches: 2 their
    # stages, 3 their posts, 4 the posts' positions, 5 the posts' units. No query per row.
    with django_assert_num_queries(5):
        assert client.get("/seleksi/").status_code == 200
