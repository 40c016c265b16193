"""The evidence functions of positions, competency and data (sistem_merit.bukti.jabatan,
.kompetensi, .data): each figure on built data at its edges (nothing to measure, none, 3 of 4
— the 0.75 level boundary —, all), the as-of date's edges, the text naming what is missing,
the rows behind the figure, and a fixed number of queries."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.urls import reverse

from pegawai.models import Pegawai
from sistem_merit.bukti import BUKTI, Angka
from tests.factories import (
    BidangStudiFactory,
    FormasiFactory,
    JabatanFactory,
    PegawaiFactory,
    PenempatanFactory,
    UnitKerjaFactory,
    skp_final,
)
from tests.sistem_merit.bangun import asesmen, eksternal, lulus, rencana

pytestmark = pytest.mark.django_db

T = dt.date(2026, 6, 30)
BESOK = T + dt.timedelta(days=1)
KEMARIN = T - dt.timedelta(days=1)
KODE_A = (
    "kebutuhan_beban_kerja",
    "standar_kompetensi",
    "asesmen_pegawai",
    "kesenjangan_kompetensi",
    "kesenjangan_kinerja",
    "jp_20",
    "talent_pool",
    "kelengkapan_data",
)


def hitung(kode: str, tanggal: dt.date = T) -> Angka:
    return BUKTI[kode].hitung(tanggal)


def pasangan(kode: str, tanggal: dt.date = T) -> tuple[int, int]:
    angka = hitung(kode, tanggal)
    return angka.pembilang, angka.penyebut


# --- One row that meets each criterion, and one that is counted but does not ---------------


def _pns(**kwargs) -> Pegawai:
    return PegawaiFactory(**kwargs)


def _formasi_dibuat(hari: dt.date, **kwargs) -> None:
    """A post created on `hari` (created_at is written by the database's clock otherwise)."""
    formasi = FormasiFactory(**kwargs)
    formasi.__class__.objects.filter(pk=formasi.pk).update(
        created_at=dt.datetime.combine(hari, dt.time(12), tzinfo=dt.UTC)
    )


ADMINISTRATOR = {"jabatan__jenis": "ADMINISTRATOR"}


def _standar_ya() -> None:
    """A managerial position in use whose standard the PPK set by decree before T."""
    _formasi_dibuat(
        KEMARIN, **ADMINISTRATOR, jabatan__skj_nomor="800/12/BKPSDM", jabatan__skj_tanggal=KEMARIN
    )


def _standar_tidak() -> None:
    _formasi_dibuat(KEMARIN, **ADMINISTRATOR)  # the default levels only, no decree


def _anjab_ya() -> None:
    _formasi_dibuat(KEMARIN, anjab_abk_nomor="061/ABK/2026", anjab_abk_tanggal=KEMARIN)


def _anjab_tidak() -> None:
    _formasi_dibuat(KEMARIN)


def _asesmen_ya() -> None:
    asesmen(_pns(), T)


def _asesmen_tidak() -> None:
    _pns()


def _menjabat(**kwargs) -> Pegawai:
    """An assessed PNS holding a definitive post on T."""
    p = _pns()
    asesmen(p, dt.date(2025, 5, 5))
    kwargs.setdefault("tmt_mulai", dt.date(2024, 1, 2))
    PenempatanFactory(pegawai=p, **kwargs)
    return p


def _kompetensi_ya() -> None:
    p = _menjabat()
    rencana(2026, p.penempatan.get().formasi.unit_kerja, disetujui=T)


def _kompetensi_tidak() -> None:
    _menjabat()


def _rendah(predikat: str = "Butuh Perbaikan", tahun: int = 2025) -> Pegawai:
    p = _pns()
    skp_final(p, predikat=predikat, tahun=tahun)
    return p


def _kinerja_ya() -> None:
    rencana(2026, _rendah().unit_kerja, disetujui=T)


def _kinerja_tidak() -> None:
    _rendah("Kurang/Misconduct")


def _jp_ya() -> None:
    p = _pns()
    lulus(p, T, 12)
    eksternal(p, T, 8)


def _jp_tidak() -> None:
    lulus(_pns(), T, 19)


def _talenta_ya() -> None:
    p = _pns()
    skp_final(p, predikat="Baik", tahun=2025)
    asesmen(p, dt.date(2025, 5, 5), jpm=Decimal("85.00"))


def _talenta_tidak() -> None:
    skp_final(_pns(), predikat="Baik", tahun=2025)  # no assessment: no potensial


LENGKAP = {
    "tempat_lahir": "Mataram",
    "mk_golongan_tahun": 4,
    "mk_golongan_bulan": 2,
    "kedudukan_hukum": "01",
    "email": "pegawai@mataramkota.go.id",
    "no_hp": "081234567890",
}


def _lengkap_ya() -> None:
    _pns(bidang_studi=BidangStudiFactory(), **LENGKAP)


def _lengkap_tidak() -> None:
    _pns()


# kode: (a row that meets, a row that is counted and does not; None: cannot be built).
BARIS: dict[str, tuple[Callable[[], None], Callable[[], None] | None]] = {
    "kebutuhan_beban_kerja": (_anjab_ya, _anjab_tidak),
    "standar_kompetensi": (_standar_ya, _standar_tidak),
    "asesmen_pegawai": (_asesmen_ya, _asesmen_tidak),
    "kesenjangan_kompetensi": (_kompetensi_ya, _kompetensi_tidak),
    "kesenjangan_kinerja": (_kinerja_ya, _kinerja_tidak),
    "jp_20": (_jp_ya, _jp_tidak),
    "talent_pool": (_talenta_ya, _talenta_tidak),
    "kelengkapan_data": (_lengkap_ya, _lengkap_tidak),
}

TEPI = [(0, 0), (0, 3), (3, 1), (2, 0)]  # nothing to measure, none, 3/4, all


@pytest.mark.parametrize(
    ("kode", "ya", "tidak"),
    [
        (kode, ya, tidak)
        for kode in KODE_A
        for ya, tidak in TEPI
        if BARIS[kode][1] is not None or tidak == 0
    ],
)
def test_it_counts_the_edges_and_names_what_is_missing(kode, ya, tidak) -> None:
    buat_ya, buat_tidak = BARIS[kode]
    for _ in range(ya):
        buat_ya()
    for _ in range(tidak):
        buat_tidak()

    angka = hitung(kode)

    assert (angka.pembilang, angka.penyebut) == (ya, ya + tidak)
    assert angka.uraian
    if ya + tidak == 0:
        assert angka.rasio is None
    elif (ya, tidak) == (3, 1):
        assert angka.rasio == Decimal("0.75")
    if tidak:
        assert re.search(rf"\b{tidak}\b", angka.kurang), angka.kurang
    else:
        assert angka.kurang == ""
    headers, rows = BUKTI[kode].baris(T)
    rows = list(rows)
    # The rows are the denominator's, each flagged by the numerator's own test.
    assert len(rows) == ya + tidak
    assert all(len(r) == len(headers) for r in rows)
    assert [r[-1] for r in rows].count("Ya") == ya


# --- As of the date -------------------------------------------------------------------------


def _pns_berhenti(hari: dt.date) -> None:
    asesmen(
        PegawaiFactory(kedudukan="pensiun", tmt_berhenti=hari, kedudukan_hukum=""),
        dt.date(2025, 1, 1),
    )


def _plan_unit_induk() -> None:
    induk = UnitKerjaFactory()
    anak = UnitKerjaFactory(parent=induk)
    p = _pns(unit_kerja=anak)
    skp_final(p, predikat="Butuh Perbaikan", tahun=2025)
    rencana(2026, induk, disetujui=T)


@pytest.mark.parametrize(
    ("kode", "buat", "harapan"),
    [
        # A post created on T puts its position in use; one created the day after does not.
        ("standar_kompetensi", lambda: _formasi_dibuat(T, **ADMINISTRATOR), (0, 1)),
        ("standar_kompetensi", lambda: _formasi_dibuat(BESOK, **ADMINISTRATOR), (0, 0)),
        ("standar_kompetensi", lambda: JabatanFactory(jenis="ADMINISTRATOR"), (0, 0)),  # no post
        (
            "standar_kompetensi",
            lambda: _formasi_dibuat(KEMARIN, **ADMINISTRATOR, jabatan__aktif=False),
            (0, 0),
        ),
        # A decree dated T counts; one dated the day after does not; a non-managerial
        # position is not asked for (the index's levels: "seluruh jabatan manajerial").
        (
            "standar_kompetensi",
            lambda: _formasi_dibuat(
                KEMARIN, **ADMINISTRATOR, jabatan__skj_nomor="1", jabatan__skj_tanggal=T
            ),
            (1, 1),
        ),
        (
            "standar_kompetensi",
            lambda: _formasi_dibuat(
                KEMARIN, **ADMINISTRATOR, jabatan__skj_nomor="1", jabatan__skj_tanggal=BESOK
            ),
            (0, 1),
        ),
        ("standar_kompetensi", lambda: _formasi_dibuat(KEMARIN), (0, 0)),
        # A post counts from the day it is created; its document from the document's date.
        ("kebutuhan_beban_kerja", lambda: _formasi_dibuat(BESOK), (0, 0)),
        (
            "kebutuhan_beban_kerja",
            lambda: _formasi_dibuat(KEMARIN, anjab_abk_nomor="1", anjab_abk_tanggal=T),
            (1, 1),
        ),
        (
            "kebutuhan_beban_kerja",
            lambda: _formasi_dibuat(KEMARIN, anjab_abk_nomor="1", anjab_abk_tanggal=BESOK),
            (0, 1),
        ),
        (
            "kebutuhan_beban_kerja",
            lambda: _formasi_dibuat(KEMARIN, jabatan__aktif=False, anjab_abk_nomor="1"),
            (0, 0),
        ),
        # Assessments in the three years up to T: on T yes, the day after no; three years
        # before T to the day is too old, the day after it counts.
        ("asesmen_pegawai", lambda: asesmen(_pns(), T), (1, 1)),
        ("asesmen_pegawai", lambda: asesmen(_pns(), BESOK), (0, 1)),
        ("asesmen_pegawai", lambda: asesmen(_pns(), dt.date(2023, 6, 30)), (0, 1)),
        ("asesmen_pegawai", lambda: asesmen(_pns(), dt.date(2023, 7, 1)), (1, 1)),
        # In service: stopped on T is out, stopped the day after is in; appointed after T
        # is out; a PPPK is not a PNS.
        ("asesmen_pegawai", lambda: _pns_berhenti(T), (0, 0)),
        ("asesmen_pegawai", lambda: _pns_berhenti(BESOK), (1, 1)),
        (
            "asesmen_pegawai",
            lambda: _pns(tmt_cpns=BESOK, tanggal_lahir=dt.date(2000, 1, 1)),
            (0, 0),
        ),
        ("asesmen_pegawai", lambda: asesmen(PegawaiFactory(pppk=True), T), (0, 0)),
        # The post must be held on T; a plan approved on T counts, the day after does not;
        # last year's plan, a draft, the city's plan and a plan of the unit above.
        ("kesenjangan_kompetensi", lambda: _menjabat(tmt_selesai=T), (0, 0)),
        ("kesenjangan_kompetensi", lambda: _menjabat(tmt_selesai=BESOK), (0, 1)),
        ("kesenjangan_kompetensi", lambda: _menjabat(tmt_mulai=BESOK), (0, 0)),
        (
            "kesenjangan_kompetensi",
            lambda: rencana(2026, _menjabat().penempatan.get().formasi.unit_kerja, disetujui=BESOK),
            (0, 1),
        ),
        (
            "kesenjangan_kompetensi",
            lambda: rencana(
                2025, _menjabat().penempatan.get().formasi.unit_kerja, disetujui=dt.date(2025, 2, 1)
            ),
            (0, 1),
        ),
        (
            "kesenjangan_kompetensi",
            lambda: rencana(2026, _menjabat().penempatan.get().formasi.unit_kerja, disetujui=None),
            (0, 1),
        ),
        ("kesenjangan_kompetensi", lambda: (_menjabat(), rencana(2026, None, disetujui=T)), (1, 1)),
        # Last year's predikat below Baik; this year's, or Baik, is not counted.
        ("kesenjangan_kinerja", lambda: _rendah(tahun=2026), (0, 0)),
        ("kesenjangan_kinerja", lambda: _rendah("Baik"), (0, 0)),
        (
            "kesenjangan_kinerja",
            lambda: rencana(2026, _rendah().unit_kerja, disetujui=BESOK),
            (0, 1),
        ),
        ("kesenjangan_kinerja", _plan_unit_induk, (1, 1)),
        # JP of T's year up to T: a certificate of T counts, of the day after or of last year
        # not; external training unverified does not.
        ("jp_20", lambda: lulus(_pns(), T, 20), (1, 1)),
        ("jp_20", lambda: lulus(_pns(), BESOK, 20), (0, 1)),
        ("jp_20", lambda: lulus(_pns(), dt.date(2025, 12, 31), 20), (0, 1)),
        (
            "jp_20",
            lambda: eksternal(_pns(), KEMARIN, 20, diverifikasi=False),
            (0, 1),
        ),
        (
            "jp_20",
            lambda: eksternal(_pns(), KEMARIN, 20),
            (1, 1),
        ),
        # The grid of last year's evaluation: this year's SKP does not place anyone.
        (
            "talent_pool",
            lambda: asesmen(
                skp_final(_pns(), predikat="Baik", tahun=2026).pegawai, T, jpm=Decimal(90)
            ),
            (0, 1),
        ),
        ("talent_pool", lambda: asesmen(_pns(), T, jpm=Decimal(90)), (0, 1)),
        # The data of the employees in service on T, PPPK too; SD and SMP have no field of
        # study to record.
        ("kelengkapan_data", lambda: _pns(pendidikan="SD", **LENGKAP), (1, 1)),
        ("kelengkapan_data", lambda: _pns(pendidikan="SLTA", **LENGKAP), (0, 1)),
        ("kelengkapan_data", lambda: PegawaiFactory(pppk=True), (0, 1)),
        (
            "kelengkapan_data",
            lambda: _pns(tmt_cpns=BESOK, tanggal_lahir=dt.date(2000, 1, 1)),
            (0, 0),
        ),
    ],
)
def test_it_counts_as_of_the_date(kode, buat, harapan) -> None:
    buat()
    assert pasangan(kode) == harapan
    _headers, rows = BUKTI[kode].baris(T)
    assert len(list(rows)) == harapan[1]


def test_it_names_the_missing_fields_and_the_missing_position_kinds() -> None:
    _pns(tempat_lahir="Mataram")
    _pns(email="a@mataramkota.go.id", no_hp="0812")
    kurang = hitung("kelengkapan_data").kurang
    assert "1 pegawai tanpa tempat lahir" in kurang
    assert "2 pegawai tanpa bidang studi" in kurang
    assert "1 pegawai tanpa nomor HP" in kurang
    _, rows = BUKTI["kelengkapan_data"].baris(T)
    assert sorted(r[-2:] for r in rows) == [
        ("bidang studi, masa kerja golongan, kedudukan hukum, email, nomor HP", "Tidak"),
        ("tempat lahir, bidang studi, masa kerja golongan, kedudukan hukum", "Tidak"),
    ]


def test_it_writes_numbers_the_indonesian_way() -> None:
    from sistem_merit.bukti.ukur import angka, persen

    assert angka(1041) == "1.041"
    assert persen(3, 8) == "37,5"
    assert persen(38, 100) == "38"


# --- Queries -------------------------------------------------------------------------------

# kode: queries of hitung, queries of baris.
QUERIES = {
    # The posts' count with the units lacking a document; the rows.
    "kebutuhan_beban_kerja": (1, 1),
    # The positions' count with one COUNT(*) FILTER per kind; the rows.
    "standar_kompetensi": (1, 1),
    # The count (assessed PNS as a hashed IN); the rows with their latest assessment.
    "asesmen_pegawai": (1, 1),
    # The approved plans' units; the count (or the rows).
    "kesenjangan_kompetensi": (2, 2),
    "kesenjangan_kinerja": (2, 2),
    # The count against one grouped sum of both JP sources; the rows with their JP.
    "jp_20": (1, 1),
    # The talent bands (PengaturanTalenta); the PNS joined to the grid.
    "talent_pool": (2, 2),
    # The count with one COUNT(*) FILTER per field; the rows.
    "kelengkapan_data": (1, 1),
}


@pytest.mark.parametrize("kode", KODE_A)
def test_it_runs_a_fixed_number_of_queries(kode, django_assert_num_queries) -> None:
    buat_ya, buat_tidak = BARIS[kode]
    for _ in range(3):
        buat_ya()
        if buat_tidak:
            buat_tidak()
    rencana(2026, UnitKerjaFactory(), disetujui=T)
    n_hitung, n_baris = QUERIES[kode]
    with django_assert_num_queries(n_hitung):
        hitung(kode)
    with django_assert_num_queries(n_baris):
        list(BUKTI[kode].baris(T)[1])


@pytest.mark.parametrize("kode", KODE_A)
def test_it_registers_each_key_with_its_page_and_source(kode) -> None:
    bukti = BUKTI[kode]
    assert reverse(bukti.tautan)
    assert "Pasal" in bukti.sumber
    assert str(bukti.judul)
