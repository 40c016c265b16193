"""Evidence functions of the merit-system index, part b (sistem_merit/bukti/karier.py,
kinerja.py, transparansi.py): each figure on built data at its edges (nothing to measure, none,
3 of 4 — the 0.75 level boundary —, all; rows on `tanggal` counted, after it not), the missing
thing named with its count, the rows behind the figure, and a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from axes.models import AccessLog
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from jabatan.models import Formasi, Keputusan, Suksesor
from kinerja.models import KinerjaOrganisasi, Skp
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import Akses, Pegawai
from sistem_merit.bukti import BUKTI
from sistem_merit.bukti.ukur import angka, jendela_12_bulan
from tests.factories import (
    FormasiFactory,
    JabatanFactory,
    PegawaiFactory,
    PenempatanFactory,
    UnitKerjaFactory,
    skp_final,
)

pytestmark = pytest.mark.django_db

PADA = dt.date(2026, 11, 28)
SEBELUM = PADA - dt.timedelta(days=30)
SESUDAH = PADA + dt.timedelta(days=1)
LAMA = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
SB, B = "Sangat Baik", "Baik"
JPT, ADM, PENGAWAS = (
    JenisJabatan.JPT_PRATAMA,
    JenisJabatan.ADMINISTRATOR,
    JenisJabatan.PENGAWAS,
)
KODE_B = (
    "suksesor_jabatan_kunci",
    "seleksi_terbuka_jpt",
    "keputusan_berbasis_merit",
    "skp_final",
    "kurva_kinerja",
    "layanan_mandiri",
    "transparansi_publik",
)


def _waktu(tanggal: dt.date, jam: int = 12, menit: int = 0) -> dt.datetime:
    """A moment of `tanggal` in local time (WITA)."""
    return timezone.make_aware(dt.datetime.combine(tanggal, dt.time(jam, menit)))


@pytest.fixture
def hr(db) -> User:
    return User.objects.create_user("hr.bukti")


def _formasi(jenis: str, dibuat: dt.datetime = LAMA) -> Formasi:
    """A post of a `jenis` position, created at `dibuat`."""
    kelas = {JPT: 14, ADM: 11, PENGAWAS: 9}.get(jenis, 7)
    formasi = FormasiFactory(jabatan=JabatanFactory(jenis=jenis, kelas_jabatan=kelas))
    Formasi.objects.filter(pk=formasi.pk).update(created_at=dibuat)
    return formasi


def _periksa(
    kode: str,
    tanggal: dt.date,
    harapan: tuple[int, int],
    kolom_ya: int = -1,
) -> None:
    """The figure is `harapan`; the missing thing is named with its count; `baris` lists the
    denominator's rows, the numerator's marked "Ya" in column `kolom_ya`."""
    bukti = BUKTI[kode]
    hasil = bukti.hitung(tanggal)
    assert (hasil.pembilang, hasil.penyebut) == harapan
    if harapan[1]:
        assert hasil.uraian.startswith(f"{harapan[0]} dari {harapan[1]} ")
    kurang = harapan[1] - harapan[0]
    if kurang:
        # Each part ("; ") of the text starts with its count; together they are what is missing.
        assert sum(int(b.split(" ")[0]) for b in hasil.kurang.split("; ")) == kurang, hasil.kurang
    else:
        assert hasil.kurang == ""
    kepala, rows = bukti.baris(tanggal)
    rows = list(rows)
    assert all(len(r) == len(kepala) for r in rows)
    assert len(rows) == harapan[1]
    assert sum(1 for r in rows if r[kolom_ya] == "Ya") == harapan[0]


def test_it_registers_every_key_with_a_page_and_a_source() -> None:
    for kode in KODE_B:
        bukti = BUKTI[kode]
        assert bukti.kode == kode
        assert reverse(bukti.tautan)
        assert "Pasal" in bukti.sumber or "PermenPANRB" in bukti.sumber


def test_it_formats_counts_the_indonesian_way() -> None:
    assert angka(1234567) == "1.234.567"


@pytest.mark.parametrize(
    ("tanggal", "awal"),
    [
        (PADA, dt.date(2025, 11, 29)),
        (dt.date(2028, 2, 29), dt.date(2027, 3, 1)),
        (dt.date(2027, 3, 1), dt.date(2026, 3, 2)),
        (dt.date(2027, 1, 1), dt.date(2026, 1, 2)),
    ],
)
def test_it_looks_back_twelve_months_up_to_the_date(tanggal, awal) -> None:
    assert jendela_12_bulan(tanggal) == (awal, tanggal)


# --- suksesor_jabatan_kunci -----------------------------------------------------------------------

# Each post: (kind, created, [successors as (named on, removed at or None)]).
SUKSESOR = [
    pytest.param([], (0, 0), id="nothing-to-measure"),
    pytest.param([(PENGAWAS, LAMA, [(SEBELUM, None)])], (0, 0), id="pengawas-is-not-key"),
    pytest.param([(JPT, LAMA, []), (ADM, LAMA, [])], (0, 2), id="none"),
    pytest.param(
        [
            (JPT, LAMA, [(SEBELUM, None)]),
            (ADM, LAMA, [(SEBELUM, None), (SEBELUM, None)]),
            (ADM, LAMA, [(PADA, None)]),
            (ADM, LAMA, []),
        ],
        (3, 4),
        id="three-of-four",
    ),
    pytest.param(
        [(JPT, LAMA, [(SEBELUM, None)]), (ADM, LAMA, [(SEBELUM, None)])], (2, 2), id="all"
    ),
    pytest.param(
        [(ADM, LAMA, [(SESUDAH, None)]), (ADM, LAMA, [(PADA, None)])],
        (1, 2),
        id="named-after-the-date-not-counted",
    ),
    pytest.param(
        [
            (ADM, LAMA, [(SEBELUM, _waktu(PADA, 20))]),
            (ADM, LAMA, [(SEBELUM, _waktu(SESUDAH, 9))]),
        ],
        (1, 2),
        id="removed-on-the-date-gone-removed-after-still-named",
    ),
    pytest.param(
        [(ADM, _waktu(PADA, 20), [(PADA, None)]), (ADM, _waktu(SESUDAH, 9), [(PADA, None)])],
        (1, 1),
        id="post-created-after-the-date-not-counted",
    ),
]


@pytest.mark.parametrize(("pos", "harapan"), SUKSESOR)
def test_it_counts_key_posts_with_a_named_successor(hr, pos, harapan) -> None:
    for jenis, dibuat, calon in pos:
        formasi = _formasi(jenis, dibuat)
        for urutan, (ditetapkan, dihapus) in enumerate(calon, start=1):
            s = Suksesor.objects.create(
                formasi=formasi,
                pegawai=PegawaiFactory(),
                kesiapan=Suksesor.Kesiapan.SIAP_SEKARANG,
                urutan=urutan,
                tanggal_penetapan=ditetapkan,
                ditetapkan_oleh=hr,
            )
            if dihapus:
                Suksesor.objects.filter(pk=s.pk).update(
                    aktif=False, alasan_berakhir="Pensiun.", updated_at=dihapus
                )
    _periksa("suksesor_jabatan_kunci", PADA, harapan, kolom_ya=-1)


def test_it_lists_each_key_post_with_its_successors(hr) -> None:
    formasi = _formasi(ADM)
    for urutan in (1, 2):
        Suksesor.objects.create(
            formasi=formasi,
            pegawai=PegawaiFactory(),
            kesiapan=Suksesor.Kesiapan.SIAP_SEKARANG,
            urutan=urutan,
            tanggal_penetapan=SEBELUM,
            ditetapkan_oleh=hr,
        )
    _formasi(JPT)
    _kepala, rows = BUKTI["suksesor_jabatan_kunci"].baris(PADA)
    assert sorted(r[3:] for r in rows) == [("Administrator", 2, "Ya"), ("JPT Pratama", 0, "Tidak")]
    assert BUKTI["suksesor_jabatan_kunci"].hitung(PADA).kurang == (
        "1 jabatan kunci (JPT dan Administrator) tanpa suksesor"
    )


# --- decisions: seleksi_terbuka_jpt, keputusan_berbasis_merit, transparansi_publik -------------

MERIT_SNAPSHOT = {
    "bobot": {"kinerja": 30, "kompetensi": 30, "kualifikasi": 10, "pengembangan": 10},
    "terpilih": {"peringkat": 1, "komponen": {"kinerja": "80.00", "kompetensi": "75.00"}},
    "teratas": [],
}


def _keputusan(
    hr,
    tanggal_sk: dt.date,
    *,
    jenis: str = ADM,
    metode: str = Keputusan.Metode.TALENT_POOL,
    merit: bool = True,
    ringkasan: str = "",
    dibatalkan_pada: dt.date | None = None,
    bobot_kinerja: int = 30,
) -> Keputusan:
    """A decision row, as keputusan_create writes it (with its frozen ranking when `merit`),
    or as the demo's history does (no ranking)."""
    penempatan = PenempatanFactory(formasi=_formasi(jenis), tmt_mulai=tanggal_sk)
    snapshot = {**MERIT_SNAPSHOT, "bobot": {**MERIT_SNAPSHOT["bobot"], "kinerja": bobot_kinerja}}
    return Keputusan.objects.create(
        formasi=penempatan.formasi,
        pegawai=penempatan.pegawai,
        penempatan=penempatan,
        nomor_sk=f"800/{penempatan.pk}/BKPSDM/2026",
        tanggal_sk=tanggal_sk,
        tmt=tanggal_sk,
        metode=metode,
        justifikasi="" if merit else "Keputusan lama tanpa peringkat.",
        ringkasan_publik=ringkasan,
        peringkat_terpilih=1 if merit else None,
        snapshot=snapshot if merit else {"teratas": [], "terpilih": None},
        aturan_versi="uji",
        oleh=hr,
        dibatalkan_pada=dibatalkan_pada,
        alasan_pembatalan="Dibatalkan." if dibatalkan_pada else "",
    )


ST, TP = Keputusan.Metode.SELEKSI_TERBUKA, Keputusan.Metode.TALENT_POOL
SETAHUN = dt.date(2025, 11, 28)  # one year before PADA: outside the 12 months up to it

# Each decision: (signed on, kind of post, method, annulled on).
SELEKSI = [
    pytest.param([], (0, 0), id="nothing-to-measure"),
    pytest.param([(SEBELUM, ADM, TP, None)], (0, 0), id="only-jpt-posts-count"),
    pytest.param([(SEBELUM, JPT, TP, None), (SEBELUM, JPT, TP, None)], (0, 2), id="none"),
    pytest.param(
        [
            (SEBELUM, JPT, ST, None),
            (PADA, JPT, ST, None),
            (SETAHUN + dt.timedelta(days=1), JPT, ST, None),
            (SEBELUM, JPT, TP, None),
        ],
        (3, 4),
        id="three-of-four",
    ),
    pytest.param([(SEBELUM, JPT, ST, None), (PADA, JPT, ST, None)], (2, 2), id="all"),
    pytest.param(
        [(SESUDAH, JPT, ST, None), (SETAHUN, JPT, ST, None), (PADA, JPT, TP, None)],
        (0, 1),
        id="after-the-date-and-a-year-before-not-counted",
    ),
    pytest.param(
        [(SEBELUM, JPT, ST, PADA), (SEBELUM, JPT, ST, SESUDAH)],
        (1, 1),
        id="annulled-by-the-date-not-counted",
    ),
]


@pytest.mark.parametrize(("keputusan", "harapan"), SELEKSI)
def test_it_counts_jpt_posts_filled_by_open_selection(hr, keputusan, harapan) -> None:
    for tanggal_sk, jenis, metode, batal in keputusan:
        _keputusan(hr, tanggal_sk, jenis=jenis, metode=metode, dibatalkan_pada=batal)
    _periksa("seleksi_terbuka_jpt", PADA, harapan)


# Each decision: (signed on, cites the ranking and performance, weight of performance,
# annulled on).
MERIT = [
    pytest.param([], (0, 0), id="nothing-to-measure"),
    pytest.param([(SEBELUM, False, 30, None), (PADA, False, 30, None)], (0, 2), id="none"),
    pytest.param(
        [
            (SEBELUM, True, 30, None),
            (PADA, True, 30, None),
            (SETAHUN + dt.timedelta(days=1), True, 30, None),
            (SEBELUM, False, 30, None),
        ],
        (3, 4),
        id="three-of-four",
    ),
    pytest.param([(SEBELUM, True, 30, None), (PADA, True, 30, None)], (2, 2), id="all"),
    pytest.param(
        [(SEBELUM, True, 0, None), (SEBELUM, True, 30, None)],
        (1, 2),
        id="a-ranking-that-weighs-no-performance-does-not-cite-it",
    ),
    pytest.param(
        [(SESUDAH, True, 30, None), (SETAHUN, True, 30, None), (PADA, True, 30, None)],
        (1, 1),
        id="after-the-date-and-a-year-before-not-counted",
    ),
    pytest.param(
        [(SEBELUM, True, 30, PADA), (SEBELUM, False, 30, SESUDAH)],
        (0, 1),
        id="annulled-by-the-date-not-counted",
    ),
]


@pytest.mark.parametrize(("keputusan", "harapan"), MERIT)
def test_it_counts_decisions_citing_the_ranking_and_performance(hr, keputusan, harapan) -> None:
    for tanggal_sk, merit, bobot, batal in keputusan:
        _keputusan(hr, tanggal_sk, merit=merit, bobot_kinerja=bobot, dibatalkan_pada=batal)
    _periksa("keputusan_berbasis_merit", PADA, harapan)


RINGKAS = "Peringkat pertama hasil penilaian merit."
# Each decision: (signed on, public summary, annulled on).
TRANSPARANSI = [
    pytest.param([], (0, 0), id="nothing-to-measure"),
    pytest.param([(SEBELUM, "", None), (PADA, "   ", None)], (0, 2), id="none-blank-is-none"),
    pytest.param(
        [
            (SEBELUM, RINGKAS, None),
            (PADA, RINGKAS, None),
            (SETAHUN + dt.timedelta(days=1), RINGKAS, None),
            (SEBELUM, "", None),
        ],
        (3, 4),
        id="three-of-four",
    ),
    pytest.param([(SEBELUM, RINGKAS, None), (PADA, RINGKAS, None)], (2, 2), id="all"),
    pytest.param(
        [(SESUDAH, RINGKAS, None), (SETAHUN, RINGKAS, None), (PADA, "", None)],
        (0, 1),
        id="after-the-date-and-a-year-before-not-counted",
    ),
    pytest.param(
        [(SEBELUM, RINGKAS, PADA), (SEBELUM, RINGKAS, SESUDAH)],
        (1, 1),
        id="annulled-by-the-date-not-counted",
    ),
]


@pytest.mark.parametrize(("keputusan", "harapan"), TRANSPARANSI)
def test_it_counts_decisions_published_with_a_public_summary(hr, keputusan, harapan) -> None:
    for tanggal_sk, ringkasan, batal in keputusan:
        _keputusan(hr, tanggal_sk, ringkasan=ringkasan, dibatalkan_pada=batal)
    _periksa("transparansi_publik", PADA, harapan)


def test_it_lists_the_decisions_and_names_what_is_missing(hr) -> None:
    k = _keputusan(hr, PADA, jenis=JPT, metode=TP, merit=False)
    _keputusan(hr, SEBELUM, jenis=JPT, metode=ST, ringkasan=RINGKAS)
    kepala, rows = BUKTI["seleksi_terbuka_jpt"].baris(PADA)
    assert kepala[0] == "Nomor SK" and kepala[-1] == "Seleksi terbuka"
    assert [(r[0], r[1], r[-2], r[-1]) for r in rows] == [
        (rows[0][0], SEBELUM, "Seleksi terbuka", "Ya"),
        (k.nomor_sk, PADA, "Talent pool", "Tidak"),
    ]
    assert BUKTI["seleksi_terbuka_jpt"].hitung(PADA).kurang == (
        "1 pengisian JPT dalam 12 bulan terakhir tidak melalui seleksi terbuka"
    )
    assert BUKTI["keputusan_berbasis_merit"].hitung(PADA).kurang == (
        "1 keputusan pengisian jabatan tanpa peringkat merit dan nilai kinerja"
    )
    assert BUKTI["transparansi_publik"].hitung(PADA).kurang == (
        "1 keputusan pengisian jabatan diumumkan tanpa ringkasan alasan untuk publik"
    )


# --- skp_final ------------------------------------------------------------------------------------


def _skp(pegawai, predikat: str = B, *, tahun: int = 2025, status="final", dinilai=None):
    """An annual SKP of `tahun`, rated (and finalised when final) at `dinilai`."""
    skp = skp_final(pegawai, tahun=tahun, predikat=predikat, status=status)
    dinilai = dinilai or _waktu(dt.date(tahun + 1, 1, 15))
    Skp.objects.filter(pk=skp.pk).update(
        dinilai_pada=dinilai if predikat else None,
        difinalkan_pada=dinilai if status == "final" else None,
        created_at=_waktu(dt.date(tahun, 1, 5)),
    )
    return skp


def _berhenti(tmt: dt.date) -> dict:
    return {"kedudukan": Pegawai.Kedudukan.PENSIUN, "tmt_berhenti": tmt}


# Each employee: (factory arguments, their SKPs as (year, status, rated at or None)).
FINAL = [(2025, "final", None)]
SKP = [
    pytest.param([], (0, 0), id="nothing-to-measure"),
    pytest.param(
        [({}, []), ({}, [(2025, "direncanakan", None)])],
        (0, 2),
        id="none",
    ),
    pytest.param(
        [
            ({}, FINAL),
            ({"pppk": True}, FINAL),
            ({}, [(2025, "final", _waktu(PADA, 23, 30))]),
            ({}, [(2025, "dievaluasi", None), (2024, "final", None)]),
        ],
        (3, 4),
        id="three-of-four-pppk-included",
    ),
    pytest.param([({}, FINAL), ({}, FINAL)], (2, 2), id="all"),
    pytest.param(
        [({}, [(2025, "final", _waktu(SESUDAH, 0, 30))]), ({}, FINAL)],
        (1, 2),
        id="finalised-after-the-date-not-counted",
    ),
    pytest.param(
        [
            ({"tmt_cpns": dt.date(2026, 1, 1)}, []),
            (_berhenti(PADA), FINAL),
            (_berhenti(SESUDAH), FINAL),
        ],
        (1, 1),
        id="joined-this-year-or-gone-by-the-date-owe-none",
    ),
]


@pytest.mark.parametrize(("pegawai", "harapan"), SKP)
def test_it_counts_employees_with_a_final_skp_of_last_year(pegawai, harapan) -> None:
    for kwargs, skps in pegawai:
        p = PegawaiFactory(**kwargs)
        for tahun, status, dinilai in skps:
            _skp(
                p,
                B if status != "direncanakan" else "",
                tahun=tahun,
                status=status,
                dinilai=dinilai,
            )
    _periksa("skp_final", PADA, harapan)


def test_it_lists_the_employees_owing_an_skp() -> None:
    p = PegawaiFactory()
    kepala, rows = BUKTI["skp_final"].baris(PADA)
    assert kepala == ["NIP", "Nama", "Kode unit", "Unit kerja", "Status", "SKP tahunan final"]
    assert rows == [(p.nip_tercetak, p.nama, p.unit_kerja.kode, p.unit_kerja.nama, "PNS", "Tidak")]
    assert BUKTI["skp_final"].hitung(PADA).kurang == (
        "1 pegawai belum memiliki SKP tahunan 2025 yang final"
    )


# --- kurva_kinerja --------------------------------------------------------------------------------

# Each perangkat daerah: (organisational predikat of 2025 or None, recorded at, [predikat of its
# employees' SKPs of 2025, rated in January 2026]). Istimewa allows at most 70% Sangat Baik.
ORG = _waktu(dt.date(2026, 2, 1))
KURVA = [
    pytest.param([], (0, 0), id="nothing-to-measure"),
    pytest.param(
        [("Istimewa", ORG, [SB]), (None, ORG, [B])], (0, 2), id="none-a-breach-and-no-predikat"
    ),
    pytest.param(
        [
            ("Istimewa", ORG, [B, SB]),
            ("Istimewa", ORG, [B]),
            ("Istimewa", _waktu(PADA, 20), [B]),
            ("Istimewa", ORG, [SB, SB, SB, B]),
        ],
        (3, 4),
        id="three-of-four",
    ),
    pytest.param([("Istimewa", ORG, [B]), ("Istimewa", ORG, [SB, B])], (2, 2), id="all"),
    pytest.param(
        [("Istimewa", _waktu(SESUDAH, 9), [B]), ("Istimewa", ORG, [B])],
        (1, 2),
        id="predikat-recorded-after-the-date-not-counted",
    ),
]


def _opd(org: str | None, dicatat: dt.datetime, predikat: list[str], dinilai=None):
    unit = UnitKerjaFactory()
    if org:
        ko = KinerjaOrganisasi.objects.create(unit_kerja=unit, tahun=2025, predikat=org)
        KinerjaOrganisasi.objects.filter(pk=ko.pk).update(created_at=dicatat)
    for p in predikat:
        _skp(PegawaiFactory(unit_kerja=unit), p, dinilai=dinilai)
    return unit


@pytest.mark.parametrize(("opd", "harapan"), KURVA)
def test_it_counts_units_following_the_distribution_curve(opd, harapan) -> None:
    for org, dicatat, predikat in opd:
        _opd(org, dicatat, predikat)
    _periksa("kurva_kinerja", PADA, harapan, kolom_ya=-2)


def test_it_leaves_out_a_unit_rated_after_the_date() -> None:
    _opd("Istimewa", ORG, [B], dinilai=_waktu(SESUDAH, 1))
    _opd("Istimewa", ORG, [B, B], dinilai=_waktu(PADA, 23))
    _opd("Istimewa", ORG, [B], dinilai=_waktu(dt.date(2026, 12, 1)))
    _periksa("kurva_kinerja", PADA, (1, 1), kolom_ya=-2)
    # A dievaluasi SKP counts as rated (the dashboard's curve counts it too).
    _skp(PegawaiFactory(unit_kerja=UnitKerjaFactory()), SB, status="dievaluasi")
    _periksa("kurva_kinerja", PADA, (1, 2), kolom_ya=-2)


def test_it_says_why_a_unit_breaks_the_curve() -> None:
    _opd("Istimewa", ORG, [SB, SB, SB, B])
    _opd(None, ORG, [B])
    kepala, rows = BUKTI["kurva_kinerja"].baris(PADA)
    assert kepala[3:8] == [SB, B, "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"]
    langgar, tanpa = sorted(rows, key=lambda r: r[2] == "")
    assert langgar[2:9] == ("Istimewa", 3, 1, 0, 0, 0, 4)
    assert langgar[-2] == "Tidak" and "Sangat Baik 3 dari 4 pegawai (75,00%)" in langgar[-1]
    assert tanpa[2] == "" and tanpa[-1] == "Belum ada predikat kinerja organisasi."
    assert BUKTI["kurva_kinerja"].hitung(PADA).kurang == (
        "1 perangkat daerah tidak mengikuti kurva distribusi predikat kinerja 2025; "
        "1 perangkat daerah tanpa predikat kinerja organisasi 2025"
    )


# --- layanan_mandiri ------------------------------------------------------------------------------

# Each employee: (has a login, its sign-ins in the access log, its last_login, factory arguments).
MASUK = [_waktu(dt.date(2026, 3, 2))]
LAYANAN = [
    pytest.param([], (0, 0), id="nothing-to-measure"),
    pytest.param([(False, [], None, {}), (True, [], None, {})], (0, 2), id="none"),
    pytest.param(
        [
            (True, MASUK, None, {}),
            (True, [], _waktu(dt.date(2026, 1, 1), 0, 1), {}),
            (True, [_waktu(PADA, 23, 59)], None, {"pppk": True}),
            (False, [], None, {}),
        ],
        (3, 4),
        id="three-of-four",
    ),
    pytest.param([(True, MASUK, None, {}), (True, MASUK, MASUK[0], {})], (2, 2), id="all"),
    pytest.param(
        [
            (True, [_waktu(SESUDAH, 0, 1)], _waktu(SESUDAH, 0, 1), {}),
            (True, [_waktu(dt.date(2025, 12, 31), 23, 59)], None, {}),
            (True, [_waktu(PADA, 8)], None, {}),
        ],
        (1, 3),
        id="after-the-date-or-last-year-not-counted",
    ),
    pytest.param(
        [
            (True, MASUK, None, _berhenti(PADA)),
            (True, MASUK, None, {"tmt_cpns": SESUDAH}),
            (True, MASUK, None, {}),
        ],
        (1, 1),
        id="only-those-employed-on-the-date",
    ),
]


@pytest.mark.parametrize(("pegawai", "harapan"), LAYANAN)
def test_it_counts_employees_who_used_self_service(pegawai, harapan) -> None:
    for i, (akun, masuk, terakhir, kwargs) in enumerate(pegawai):
        p = PegawaiFactory(**kwargs)
        if not akun:
            continue
        user = User.objects.create_user(f"pegawai.{i}", last_login=terakhir)
        Akses.objects.create(user=user, pegawai=p)
        for waktu in masuk:
            log = AccessLog.objects.create(username=user.username, user_agent="uji")
            AccessLog.objects.filter(pk=log.pk).update(attempt_time=waktu)
    _periksa("layanan_mandiri", PADA, harapan)


def test_it_lists_the_employees_and_their_logins() -> None:
    PegawaiFactory()
    p = PegawaiFactory()
    Akses.objects.create(user=User.objects.create_user("p"), pegawai=p)
    kepala, rows = BUKTI["layanan_mandiri"].baris(PADA)
    assert kepala[-2:] == ["Memiliki akun", "Memakai layanan mandiri"]
    assert sorted(r[-2:] for r in rows) == [("Tidak", "Tidak"), ("Ya", "Tidak")]
    assert BUKTI["layanan_mandiri"].hitung(PADA).kurang == (
        "2 pegawai belum memakai layanan mandiri pada tahun 2026 "
        "(1 di antaranya belum memiliki akun)"
    )


# --- a fixed number of queries ------------------------------------------------------------------


@pytest.fixture
def data_lengkap(hr) -> None:
    """A little of everything, so every query has rows to join."""
    formasi = _formasi(ADM)
    Suksesor.objects.create(
        formasi=formasi,
        pegawai=PegawaiFactory(),
        kesiapan=Suksesor.Kesiapan.SIAP_SEKARANG,
        urutan=1,
        tanggal_penetapan=SEBELUM,
        ditetapkan_oleh=hr,
    )
    _keputusan(hr, SEBELUM, jenis=JPT, metode=ST, ringkasan=RINGKAS)
    _keputusan(hr, PADA, merit=False)
    _opd("Istimewa", ORG, [B, SB])
    p = PegawaiFactory()
    user = User.objects.create_user("pegawai.q", last_login=MASUK[0])
    Akses.objects.create(user=user, pegawai=p)
    AccessLog.objects.create(username="pegawai.q", user_agent="uji")


# Queries of each figure and of its rows:
# - suksesor_jabatan_kunci, seleksi_terbuka_jpt, keputusan_berbasis_merit, skp_final,
#   layanan_mandiri, transparansi_publik: one aggregate (the post, decision or employee table,
#   its conditions as COUNT(*) FILTER and EXISTS subqueries); the rows: one query of the same
#   rows with the same conditions as columns.
# - kurva_kinerja: 1. the SKPs counted per perangkat daerah and predikat; 2. those units with
#   their organisational predikat (a subquery); the rows are the same two queries.
QUERIES = {"kurva_kinerja": 2}


@pytest.mark.parametrize("kode", KODE_B)
def test_it_computes_each_figure_in_a_fixed_number_of_queries(
    data_lengkap, django_assert_num_queries, kode
) -> None:
    bukti = BUKTI[kode]
    with django_assert_num_queries(QUERIES.get(kode, 1)):
        hasil = bukti.hitung(PADA)
    assert hasil.penyebut > 0
    with django_assert_num_queries(QUERIES.get(kode, 1)):
        _kepala, rows = bukti.baris(PADA)
        assert len(list(rows)) == hasil.penyebut


def test_it_gives_the_ratio_at_the_level_boundary(hr) -> None:
    for merit in (True, True, True, False):
        _keputusan(hr, SEBELUM, merit=merit)
    assert BUKTI["keputusan_berbasis_merit"].hitung(PADA).rasio == Decimal("0.75")


def test_it_reads_no_other_date_than_the_one_given(hr) -> None:
    """The same rows read on another date give that date's figure (no hidden "today")."""
    _keputusan(hr, dt.date(2024, 6, 1))
    assert BUKTI["keputusan_berbasis_merit"].hitung(PADA).penyebut == 0
    assert BUKTI["keputusan_berbasis_merit"].hitung(dt.date(2024, 12, 31)).penyebut == 1
