"""Pure rules of performance evaluation and talent management.

Sources, summarised in docs/aturan.md:

- section 6, PermenPANRB 6/2022 (performance evaluation of PNS and PPPK): the two ratings, the
  BerAKHLAK behaviours, the predikat matrix, the distribution curve, the predikat scores;
- section 7, PermenPANRB 3/2020 (talent management): the nine-box grid, the talent pool and the
  recommendation per box, the score bands that place a person on each axis.

No ORM, no request: plain values in, plain values out. The labels are the regulation's exact
strings; they are data, not interface text, and are never translated here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

# --- Ratings (PermenPANRB 6/2022) --------------------------------------------------------------
# Hasil kerja and perilaku kerja are each rated with these three labels; the talent grid's kinerja
# axis (PermenPANRB 3/2020) uses the same three.
DI_ATAS = "Di Atas Ekspektasi"
SESUAI = "Sesuai Ekspektasi"
DI_BAWAH = "Di Bawah Ekspektasi"
RATING = (DI_ATAS, SESUAI, DI_BAWAH)  # best first

# --- Predikat kinerja pegawai (PermenPANRB 6/2022) ---------------------------------------------
SANGAT_BAIK = "Sangat Baik"
BAIK = "Baik"
BUTUH_PERBAIKAN = "Butuh Perbaikan"
KURANG = "Kurang/Misconduct"
SANGAT_KURANG = "Sangat Kurang"
PREDIKAT = (SANGAT_BAIK, BAIK, BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)  # best first

# --- Predikat kinerja organisasi (the unit's predikat, which sets the distribution curve) --------
ISTIMEWA = "Istimewa"
ORG_BAIK = "Baik"
ORG_BUTUH_PERBAIKAN = "Butuh Perbaikan"
ORG_KURANG = "Kurang"
ORG_SANGAT_KURANG = "Sangat Kurang"
PREDIKAT_ORGANISASI = (
    ISTIMEWA,
    ORG_BAIK,
    ORG_BUTUH_PERBAIKAN,
    ORG_KURANG,
    ORG_SANGAT_KURANG,
)  # best first

# --- BerAKHLAK core values: the seven behaviours rated as perilaku kerja (PermenPANRB 6/2022) ---
BERAKHLAK = (
    ("berorientasi_pelayanan", "Berorientasi Pelayanan"),
    ("akuntabel", "Akuntabel"),
    ("kompeten", "Kompeten"),
    ("harmonis", "Harmonis"),
    ("loyal", "Loyal"),
    ("adaptif", "Adaptif"),
    ("kolaboratif", "Kolaboratif"),
)

# --- Talent grid potensial axis (PermenPANRB 3/2020) -------------------------------------------
RENDAH = "Rendah"
MENENGAH = "Menengah"
TINGGI = "Tinggi"
POTENSIAL = (TINGGI, MENENGAH, RENDAH)  # best first


def _cek_label(nama: str, nilai: object, boleh: Sequence[str]) -> None:
    """Raise ValueError naming the argument, the bad value and the allowed labels."""
    if nilai not in boleh:
        pilihan = ", ".join(repr(label) for label in boleh)
        raise ValueError(f"Unknown {nama}: {nilai!r}; expected one of {pilihan}")


# --- Predikat matrix, PermenPANRB 6/2022 (docs/aturan.md §6) -----------------------------------
# Rows: hasil kerja; columns: perilaku kerja. Copied cell by cell from the regulation's table.
_MATRIKS_PREDIKAT: dict[str, dict[str, str]] = {
    DI_ATAS: {DI_BAWAH: KURANG, SESUAI: BAIK, DI_ATAS: SANGAT_BAIK},
    SESUAI: {DI_BAWAH: KURANG, SESUAI: BAIK, DI_ATAS: BAIK},
    DI_BAWAH: {DI_BAWAH: SANGAT_KURANG, SESUAI: BUTUH_PERBAIKAN, DI_ATAS: BUTUH_PERBAIKAN},
}


def predikat(hasil: str, perilaku: str) -> str:
    """Return the employee's predikat kinerja from the two ratings (PermenPANRB 6/2022).

    `hasil` is the hasil kerja rating, `perilaku` the perilaku kerja rating, each one of RATING.
    Raises ValueError naming the bad argument when a label is unknown.
    """
    _cek_label("hasil", hasil, RATING)
    _cek_label("perilaku", perilaku, RATING)
    return _MATRIKS_PREDIKAT[hasil][perilaku]


# Butuh Perbaikan or lower: the predikat that need the evaluator's written note before the SKP
# is final. PermenPANRB 6/2022 makes feedback part of managing performance (Pasal 5: pelaksanaan,
# pemantauan dan pembinaan kinerja, with Umpan Balik Berkelanjutan) and, in its Lampiran, sends
# an employee whose performance is below expectation to coaching and counselling (bimbingan and
# konseling kinerja) whose follow-up rests on what was found: the employee must learn why.
RENDAH_KE_BAWAH = (BUTUH_PERBAIKAN, KURANG, SANGAT_KURANG)  # best first, as PREDIKAT


def perlu_catatan(predikat: str) -> bool:
    """Return whether an SKP with this predikat needs the evaluator's note (catatan penilai)
    before it is final: Butuh Perbaikan or lower (PermenPANRB 6/2022, see RENDAH_KE_BAWAH)."""
    return predikat in RENDAH_KE_BAWAH


# --- Nine-box talent grid, PermenPANRB 3/2020 (docs/aturan.md §7) ------------------------------
# Rows: potensial; columns: kinerja. Copied cell by cell from the regulation's table.
_KOTAK_TALENTA: dict[str, dict[str, int]] = {
    TINGGI: {DI_BAWAH: 6, SESUAI: 8, DI_ATAS: 9},
    MENENGAH: {DI_BAWAH: 3, SESUAI: 5, DI_ATAS: 7},
    RENDAH: {DI_BAWAH: 1, SESUAI: 2, DI_ATAS: 4},
}

# Boxes 7, 8 and 9 form the talent pool (kelompok rencana suksesi); box 9 is also a national
# candidate (PermenPANRB 3/2020).
TALENT_POOL = frozenset({7, 8, 9})

# The recommendation of each box as the annex of PermenPANRB 3/2020 words it (the nine-box
# matrix of Lampiran, "rekomendasi"), item by item and in its order: box 9 enters the national
# succession group as well ("Instansi/Nasional"), box 7 lists tugas belajar, box 1 is "diproses
# sesuai ketentuan peraturan perundangan". The annex itself was not in the searched corpora; the
# wording is the one several independent public talent-management codebases reproduce
# identically (found with the code search: seeders and lookup tables of 9-box apps), and it
# agrees with the examples of docs/aturan.md §7. Labels stay Indonesian (legal text).
REKOMENDASI_KOTAK: dict[int, tuple[str, ...]] = {
    9: (
        "Dipromosikan dan dipertahankan",
        "Masuk Kelompok Rencana Suksesi Instansi/Nasional",
        "Penghargaan",
    ),
    8: (
        "Dipertahankan",
        "Masuk Kelompok Rencana Suksesi Instansi",
        "Rotasi/Perluasan jabatan",
        "Bimbingan kinerja",
    ),
    7: (
        "Dipertahankan",
        "Masuk Kelompok Rencana Suksesi Instansi",
        "Rotasi/Pengayaan jabatan",
        "Pengembangan kompetensi",
        "Tugas belajar",
    ),
    6: ("Penempatan yang sesuai", "Bimbingan kinerja", "Konseling kinerja"),
    5: ("Penempatan yang sesuai", "Bimbingan kinerja", "Pengembangan kompetensi"),
    4: ("Rotasi", "Pengembangan kompetensi"),
    3: (
        "Bimbingan kinerja",
        "Konseling kinerja",
        "Pengembangan kompetensi",
        "Penempatan yang sesuai",
    ),
    2: ("Bimbingan kinerja", "Pengembangan kompetensi", "Penempatan yang sesuai"),
    1: ("Diproses sesuai ketentuan peraturan perundangan",),
}


def kotak_talenta(kinerja: str, potensial: str) -> int:
    """Return the talent box, 1 to 9, of a kinerja rating and a potensial level.

    `kinerja` is one of RATING, `potensial` one of POTENSIAL (PermenPANRB 3/2020).
    Raises ValueError naming the bad argument when a label is unknown.
    """
    _cek_label("kinerja", kinerja, RATING)
    _cek_label("potensial", potensial, POTENSIAL)
    return _KOTAK_TALENTA[potensial][kinerja]


def _cek_kotak(kotak: object) -> int:
    if isinstance(kotak, bool) or not isinstance(kotak, int) or kotak not in REKOMENDASI_KOTAK:
        raise ValueError(f"Unknown kotak: {kotak!r}; expected an integer from 1 to 9")
    return kotak


def rekomendasi_kotak(kotak: int) -> str:
    """Return the recommendation for a talent box as the annex of PermenPANRB 3/2020 words it,
    its items joined by "; ".

    Raises ValueError outside 1..9.
    """
    return "; ".join(REKOMENDASI_KOTAK[_cek_kotak(kotak)])


# --- Scores from a predikat [practice, configurable] (docs/aturan.md §6) -----------------------
SKOR_PREDIKAT: dict[str, int] = {
    SANGAT_BAIK: 100,
    BAIK: 80,
    BUTUH_PERBAIKAN: 60,
    KURANG: 40,
    SANGAT_KURANG: 20,
}


def skor_predikat(predikat: str) -> int:
    """Return the 0-100 score of an employee predikat. Raises ValueError when unknown."""
    _cek_label("predikat", predikat, tuple(SKOR_PREDIKAT))
    return SKOR_PREDIKAT[predikat]


# --- Score bands that place a person on each axis [configurable] (docs/aturan.md §7) -----------
@dataclass(frozen=True)
class Pita:
    """Score bands on 0-100 for the talent grid's axes; the agency's choice (PermenPANRB 3/2020).

    A score up to `batas_rendah` is low, up to `batas_menengah` middle, above it high. The common
    default: up to 60 low, 61-80 middle, 81-100 high.
    """

    batas_rendah: Decimal = Decimal(60)
    batas_menengah: Decimal = Decimal(80)

    def __post_init__(self) -> None:
        for nama in ("batas_rendah", "batas_menengah"):
            nilai = getattr(self, nama)
            if isinstance(nilai, bool) or not isinstance(nilai, int | Decimal):
                raise ValueError(f"{nama} must be a Decimal or an int, not {nilai!r}")
            object.__setattr__(self, nama, Decimal(nilai))
        if not 0 <= self.batas_rendah < self.batas_menengah <= 100:
            raise ValueError(
                "Pita needs 0 <= batas_rendah < batas_menengah <= 100, got "
                f"batas_rendah={self.batas_rendah}, batas_menengah={self.batas_menengah}"
            )

    def tingkat(self, skor: Decimal) -> int:
        """Return 0 (low), 1 (middle) or 2 (high) for a score (the SQL twin: `sql`)."""
        if skor <= self.batas_rendah:
            return 0
        if skor <= self.batas_menengah:
            return 1
        return 2

    def sql(
        self,
        skor: str,
        param: Callable[[object], str],
        hasil: Sequence[object] = (0, 1, 2),
        kosong: object = None,
        skala: int = 1,
    ) -> str:
        """`tingkat` as one SQL CASE over the expression `skor`: `hasil[tingkat]`, or `kosong`
        where `skor` is NULL (no evaluation, no assessment). `skala` is the unit of `skor`
        (100: hundredths, compared with whole numbers as the ranking does); `param(value)`
        returns the placeholder of a value, called in the order the placeholders appear, so a
        positional parameter list can follow it. tests/kinerja/test_sumbu_sql.py checks it
        agrees with `tingkat` on every edge."""
        batas = [b * skala for b in (self.batas_rendah, self.batas_menengah)]
        if skala != 1:
            batas = [int(b) for b in batas]  # the bands have two decimals: whole hundredths
        bila_kosong = "NULL" if kosong is None else param(kosong)
        rendah = param(batas[0])
        h0 = param(hasil[0])
        menengah = param(batas[1])
        h1, h2 = param(hasil[1]), param(hasil[2])
        return (
            f"CASE WHEN ({skor}) IS NULL THEN {bila_kosong} WHEN ({skor}) <= {rendah} THEN {h0} "
            f"WHEN ({skor}) <= {menengah} THEN {h1} ELSE {h2} END"
        )


PITA_BAKU = Pita()


# The axes' labels by Pita.tingkat (low first): the one definition of the talent grid's axes,
# in Python (sumbu_kinerja, sumbu_potensial) and in SQL (Pita.sql, kotak_sql).
SUMBU_KINERJA = (DI_BAWAH, SESUAI, DI_ATAS)
SUMBU_POTENSIAL = (RENDAH, MENENGAH, TINGGI)


def kotak_sql(kinerja: str, potensial: str) -> str:
    """The talent box (kotak_talenta) in SQL of the two axes' levels, 0-2 each (Pita.sql with
    its default `hasil`); NULL when either is NULL. Generated from _KOTAK_TALENTA."""
    kasus = " ".join(
        f"WHEN {3 * j + i} THEN {_KOTAK_TALENTA[p][k]}"
        for i, k in enumerate(SUMBU_KINERJA)
        for j, p in enumerate(SUMBU_POTENSIAL)
    )
    return f"CASE 3 * ({potensial}) + ({kinerja}) {kasus} END"


def sumbu_kinerja(predikat_tahunan: Sequence[str], pita: Pita = PITA_BAKU) -> str | None:
    """Place a person on the talent grid's kinerja axis (PermenPANRB 3/2020).

    `predikat_tahunan` holds the annual predikat, newest first; the last two count (extra ones
    are ignored, a single one is used alone). Their mean score (SKOR_PREDIKAT) is banded by
    `pita` into DI_BAWAH, SESUAI or DI_ATAS. Returns None when there is no evaluation yet.
    """
    if isinstance(predikat_tahunan, str):
        raise TypeError("predikat_tahunan must be a sequence of predikat, not a single string")
    terakhir = list(predikat_tahunan[:2])
    if not terakhir:
        return None
    rata_rata = Decimal(sum(skor_predikat(p) for p in terakhir)) / len(terakhir)
    return SUMBU_KINERJA[pita.tingkat(rata_rata)]


def sumbu_potensial(jpm_persen: Decimal | None, pita: Pita = PITA_BAKU) -> str | None:
    """Place a person on the talent grid's potensial axis (PermenPANRB 3/2020).

    `jpm_persen` is the Job Person Match percentage of the latest competency assessment, banded
    by `pita` into RENDAH, MENENGAH or TINGGI. Returns None when there is no assessment.
    Raises ValueError outside 0-100.
    """
    if jpm_persen is None:
        return None
    if not 0 <= jpm_persen <= 100:
        raise ValueError(f"jpm_persen must be between 0 and 100, got {jpm_persen!r}")
    return SUMBU_POTENSIAL[pita.tingkat(jpm_persen)]


# --- Distribution curve [practice; one secondary source] (docs/aturan.md §6) -------------------
PALING_BANYAK = "paling banyak"
PALING_SEDIKIT = "paling sedikit"
# The label of a rule that counts Butuh Perbaikan and Kurang/Misconduct together.
BP_ATAU_KURANG = f"{BUTUH_PERBAIKAN} atau {KURANG}"


class _Aturan(NamedTuple):
    predikat: str  # the label shown
    aturan: str  # PALING_BANYAK or PALING_SEDIKIT
    batas_persen: Decimal | None  # a share rule...
    batas_jumlah: int | None  # ...or a head-count rule
    anggota: tuple[str, ...]  # the employee predikat counted


def _persen(label: str, aturan: str, batas: int) -> _Aturan:
    return _Aturan(label, aturan, Decimal(batas), None, (label,))


# The unit's organisational predikat limits its employees' predikat shares.
_KURVA: dict[str, tuple[_Aturan, ...]] = {
    ISTIMEWA: (_persen(SANGAT_BAIK, PALING_BANYAK, 70),),
    ORG_BAIK: (
        _persen(BAIK, PALING_BANYAK, 70),
        _Aturan(BP_ATAU_KURANG, PALING_SEDIKIT, None, 1, (BUTUH_PERBAIKAN, KURANG)),
    ),
    ORG_BUTUH_PERBAIKAN: (
        _persen(BUTUH_PERBAIKAN, PALING_SEDIKIT, 60),
        _persen(SANGAT_BAIK, PALING_BANYAK, 10),
    ),
    ORG_KURANG: (
        _persen(KURANG, PALING_SEDIKIT, 60),
        _persen(BUTUH_PERBAIKAN, PALING_SEDIKIT, 10),
        _persen(SANGAT_BAIK, PALING_BANYAK, 10),
    ),
    ORG_SANGAT_KURANG: (
        _persen(SANGAT_KURANG, PALING_SEDIKIT, 60),
        _Aturan(BP_ATAU_KURANG, PALING_SEDIKIT, Decimal(10), None, (BUTUH_PERBAIKAN, KURANG)),
        _persen(SANGAT_BAIK, PALING_BANYAK, 0),  # "no Sangat Baik"
    ),
}


@dataclass(frozen=True)
class Pelanggaran:
    """One breach of the distribution curve, with the numbers (a warning: HR decides)."""

    predikat: str  # the employee predikat, or BP_ATAU_KURANG for the combined rules
    aturan: str  # "paling banyak" or "paling sedikit"
    batas_persen: Decimal | None  # the share limit, e.g. Decimal("70"); None for a count rule
    batas_jumlah: int | None  # the head-count limit, e.g. 1; None for a share rule
    jumlah: int  # how many employees have it
    persen: Decimal  # their share, 2 decimals
    pesan: str  # an Indonesian sentence naming all of it


def batas_kurva(predikat_organisasi: str) -> list[tuple[str, str, Decimal | None, int | None]]:
    """Return the curve's rules for a unit's predikat, for display next to a chart.

    Each rule is (predikat label, "paling banyak" or "paling sedikit", percent or None, count
    or None). Raises ValueError on an unknown organisational predikat.
    """
    _cek_label("predikat_organisasi", predikat_organisasi, PREDIKAT_ORGANISASI)
    return [
        (a.predikat, a.aturan, a.batas_persen, a.batas_jumlah) for a in _KURVA[predikat_organisasi]
    ]


def _angka(nilai: Decimal) -> str:
    """Format a number the Indonesian way: decimal comma, no decimals when whole."""
    if nilai == nilai.to_integral_value():
        return str(int(nilai))
    return str(nilai).replace(".", ",")


def cek_kurva(predikat_organisasi: str, jumlah: Mapping[str, int]) -> list[Pelanggaran]:
    """Check a unit's employee predikat against its distribution curve (PermenPANRB 6/2022).

    `jumlah` maps employee predikat to a head count (missing means 0). Returns the breaches in
    the order of batas_kurva; an empty unit has none. Shares are compared exactly (7 of 10 is
    within "at most 70%"); the reported share is rounded half up to 2 decimals.
    Raises ValueError on an unknown organisational or employee predikat or a negative count.
    """
    _cek_label("predikat_organisasi", predikat_organisasi, PREDIKAT_ORGANISASI)
    for label, banyak in jumlah.items():
        _cek_label("predikat pegawai", label, PREDIKAT)
        if isinstance(banyak, bool) or not isinstance(banyak, int) or banyak < 0:
            raise ValueError(f"Count for {label!r} must be a non-negative integer, got {banyak!r}")
    total = sum(jumlah.values())
    if total == 0:
        return []

    hasil: list[Pelanggaran] = []
    for a in _KURVA[predikat_organisasi]:
        n = sum(jumlah.get(label, 0) for label in a.anggota)
        if a.batas_persen is not None:
            # n / total against batas / 100, cross-multiplied to stay exact.
            kiri, kanan = Decimal(n) * 100, a.batas_persen * total
            batas_teks = f"{_angka(a.batas_persen)}%"
        else:
            assert a.batas_jumlah is not None
            kiri, kanan = Decimal(n), Decimal(a.batas_jumlah)
            batas_teks = f"{a.batas_jumlah} pegawai"
        if a.aturan == PALING_BANYAK:
            langgar, kata = kiri > kanan, "melebihi"
        else:
            langgar, kata = kiri < kanan, "di bawah"
        if not langgar:
            continue
        persen = (Decimal(n) * 100 / total).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        pesan = (
            f"{a.predikat} {n} dari {total} pegawai ({str(persen).replace('.', ',')}%) "
            f"{kata} batas {a.aturan} {batas_teks} "
            f"untuk unit berpredikat {predikat_organisasi}."
        )
        hasil.append(
            Pelanggaran(a.predikat, a.aturan, a.batas_persen, a.batas_jumlah, n, persen, pesan)
        )
    return hasil
