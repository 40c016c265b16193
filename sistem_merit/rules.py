"""Pure rules of the merit-system index: a criterion's proposed level, an aspect's score, the
total, its band, and what it takes to reach the next band.

No ORM, no request. The two formulas (`Rumus` in models/instrumen.py):

- PermenPANRB 40/2018 ("jumlah_2018"): each aspect's mean level (1–4) weighted by the aspect's
  weight (%, summing to 100), times 100, gives 100–400; bands I Buruk 100–174, II Kurang 175–249,
  III Baik 250–324, IV Sangat Baik 325–400 (../shared/domain/MERIT_INDEX.md; KASN's usage).
- PermenPANRB 19/2025 ("indeks_2025"): an aspect's maturity is its mean level over the top level
  (0–1); the maturity of the agency is their weighted sum; the index is
  (1 − s) × maturity + s × the employees' survey score (0–1), s = the survey's weight (25% in the
  August 2025 draft; docs/sistem-merit.md says which parts are from the regulation's text).

A band is the highest band whose lower bound the total reaches: the published bounds are whole
numbers (174 / 175), a weighted total need not be, and no total may fall between two bands.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

JUMLAH_2018 = "jumlah_2018"
INDEKS_2025 = "indeks_2025"
SERATUS = Decimal(100)
PRESISI = Decimal("0.001")  # a total is kept and banded to three decimals


@dataclass(frozen=True)
class Usulan:
    level: int | None
    alasan: str


def angka_persen(rasio: Decimal) -> str:
    """Return a share 0–1 as an Indonesian percent number: "38", "37,5" (rounded half up to
    one decimal, shown only when the share is not whole; the pages' `floatformat:"-1"`)."""
    nilai = (rasio * SERATUS).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if nilai == nilai.to_integral_value():
        return number_format(int(nilai), force_grouping=True)
    return number_format(nilai, decimal_pos=1, force_grouping=True)


def persen(rasio: Decimal) -> str:
    """Return a share 0–1 as Indonesian percent text ("38%", "37,5%")."""
    return f"{angka_persen(rasio)}%"


@dataclass(frozen=True)
class Ambang:
    """The least figure a level needs: `batas` reached (at least), or passed when `lebih`."""

    level: int
    batas: Decimal
    lebih: bool = False

    def met_by(self, rasio: Decimal) -> bool:
        return rasio > self.batas if self.lebih else rasio >= self.batas

    def words(self, *, kalimat: bool = False) -> str:
        """Return what the level needs in words: a clause, or a sentence of its own."""
        isi = {"level": self.level, "batas": persen(self.batas)}
        if self.lebih:
            if kalimat:
                return _("Level %(level)d menuntut lebih dari %(batas)s.") % isi
            return _("level %(level)d menuntut lebih dari %(batas)s") % isi
        if kalimat:
            return _("Level %(level)d menuntut paling sedikit %(batas)s.") % isi
        return _("level %(level)d menuntut paling sedikit %(batas)s") % isi


def read_ambang(ambang: Mapping[str, object]) -> list[Ambang]:
    """Return a criterion's thresholds, lowest level first.

    Each value is a share 0–1 the figure must reach ("0.7": at least 70%), or, written with
    ">", must pass (">0": "sebagian", at least one; ">0.9": "> 90%"), as the worksheet words
    its levels. ValueError when a key is not a level or the shares do not rise with the level."""
    hasil = []
    for level, nilai in ambang.items():
        teks = str(nilai).strip()
        lebih = teks.startswith(">")
        hasil.append(Ambang(int(level), Decimal(teks.removeprefix(">").strip()), lebih))
    hasil.sort(key=lambda a: a.level)
    for a, b in itertools.pairwise(hasil):
        if (b.batas, b.lebih) < (a.batas, a.lebih):
            raise ValueError("ambang harus naik bersama level")
    if any(not Decimal(0) <= a.batas <= Decimal(1) for a in hasil):
        raise ValueError("ambang adalah bagian 0–1")
    return hasil


def propose_level(rasio: Decimal | None, ambang: Mapping[str, object], *, level_min: int) -> Usulan:
    """Return the level a figure supports: the highest level whose threshold it meets.

    Below every threshold, the instrument's lowest level. With nothing to measure (`rasio`
    None) or no thresholds, no level is proposed: HR sets it. The reason names the figure, the
    threshold it met and the one above it.
    """
    daftar = read_ambang(ambang)
    if rasio is None:
        return Usulan(None, _("Tidak ada data untuk diukur; level ditetapkan BKPSDM."))
    if not daftar:
        return Usulan(None, _("Kriteria ini tanpa ambang; level ditetapkan BKPSDM."))
    level = level_min
    syarat = ""
    for a in daftar:
        if a.met_by(rasio):
            level, syarat = a.level, a.words()
    alasan = _("Angka %(angka)s.") % {"angka": persen(rasio)}
    if syarat:
        alasan += " " + _("Memenuhi: %(syarat)s.") % {"syarat": syarat}
    else:
        alasan += " " + _("Belum mencapai ambang level mana pun.")
    naik = next((a for a in daftar if a.level > level), None)
    if naik:
        alasan += " " + naik.words(kalimat=True)
    return Usulan(level, alasan)


@dataclass(frozen=True)
class Spek:
    """What the formula needs of an instrument."""

    rumus: str
    level_min: int
    level_max: int
    bobot_survei: Decimal  # percent
    kategori: Sequence[tuple[str, Decimal]]  # (name, lower bound), any order


@dataclass(frozen=True)
class KriteriaNilai:
    kode: str
    aspek: int
    bobot_aspek: Decimal  # percent
    level: int


def aspect_scores(spek: Spek, kriteria: Sequence[KriteriaNilai]) -> dict[int, Decimal]:
    """Return each aspect's contribution to the total, by aspect number.

    40/2018: bobot × mean level (an aspect of weight 20 gives 20–80 of 100–400).
    19/2025: bobot/100 × mean level / top level (the aspect's share of the maturity, 0–bobot/100).
    """
    per_aspek: dict[int, list[KriteriaNilai]] = {}
    for k in kriteria:
        per_aspek.setdefault(k.aspek, []).append(k)
    hasil = {}
    for nomor, baris in per_aspek.items():
        rata = Decimal(sum(k.level for k in baris)) / len(baris)
        bobot = baris[0].bobot_aspek
        if spek.rumus == JUMLAH_2018:
            hasil[nomor] = bobot * rata
        else:
            hasil[nomor] = bobot / SERATUS * rata / spek.level_max
    return hasil


def aspect_max(rumus: str, bobot: Decimal, level_max: int) -> Decimal:
    """Return the most an aspect of weight `bobot` (%) adds to the total (aspect_scores)."""
    if rumus == JUMLAH_2018:
        return bobot * level_max
    return bobot / SERATUS


def scale(rumus: str, level_min: int, level_max: int) -> tuple[Decimal, Decimal]:
    """Return the total's lowest and highest value on the instrument's scale (survey aside)."""
    if rumus == JUMLAH_2018:
        return Decimal(level_min) * SERATUS, Decimal(level_max) * SERATUS
    return Decimal(0), Decimal(1)


def total(spek: Spek, kriteria: Sequence[KriteriaNilai], skor_survei: Decimal | None) -> Decimal:
    """Return the total on the instrument's scale (module docstring), rounded half up to three
    decimals: the value the band is read from, the same for an estimate and the final record.

    ValueError when the instrument weighs the employees' survey and there is no score."""
    jumlah = sum(aspect_scores(spek, kriteria).values(), Decimal(0))
    if spek.rumus != JUMLAH_2018:
        s = spek.bobot_survei / SERATUS
        if s and skor_survei is None:
            raise ValueError("skor survei pegawai belum ada")
        jumlah = (1 - s) * jumlah + s * (skor_survei or Decimal(0))
    return jumlah.quantize(PRESISI, rounding=ROUND_HALF_UP)


def band(spek: Spek, nilai: Decimal) -> str:
    """Return the name of the highest band whose lower bound `nilai` reaches ("" below all)."""
    tercapai = [(bawah, nama) for nama, bawah in spek.kategori if nilai >= bawah]
    return max(tercapai)[1] if tercapai else ""


def next_band(spek: Spek, nilai: Decimal) -> tuple[str, Decimal] | None:
    """Return the lowest band above `nilai` and its lower bound, or None at the top."""
    di_atas = sorted((bawah, nama) for nama, bawah in spek.kategori if bawah > nilai)
    return (di_atas[0][1], di_atas[0][0]) if di_atas else None


def gain_of_one_level(spek: Spek, kriteria: Sequence[KriteriaNilai], kode: str) -> Decimal:
    """Return how much the total rises when criterion `kode` moves up one level (0 at the top)."""
    sasaran = next(k for k in kriteria if k.kode == kode)
    if sasaran.level >= spek.level_max:
        return Decimal(0)
    sejenis = sum(1 for k in kriteria if k.aspek == sasaran.aspek)
    if spek.rumus == JUMLAH_2018:
        return sasaran.bobot_aspek / sejenis
    s = spek.bobot_survei / SERATUS
    return (1 - s) * sasaran.bobot_aspek / SERATUS / spek.level_max / sejenis


@dataclass(frozen=True)
class Langkah:
    kode: str
    naik: Decimal  # what this one level adds to the total
    nilai_sesudah: Decimal  # the total after this step and every step before it


def steps_to_next_band(
    spek: Spek, kriteria: Sequence[KriteriaNilai], nilai: Decimal
) -> tuple[str, Decimal, list[Langkah]] | None:
    """Return the next band, its lower bound, and the fewest one-level moves that reach it.

    Each criterion moves up at most one level (what one year's work can change). The moves that
    add most come first (ties by code, so the list is stable), until the total reaches the
    bound; when even every move together falls short, all of them are listed. None at the top.
    """
    sasaran = next_band(spek, nilai)
    if sasaran is None:
        return None
    nama, batas = sasaran
    calon = sorted(
        ((gain_of_one_level(spek, kriteria, k.kode), k.kode) for k in kriteria),
        key=lambda p: (-p[0], p[1]),
    )
    langkah = []
    kini = nilai
    for naik, kode in calon:
        if kini >= batas or naik <= 0:
            break
        kini += naik
        langkah.append(Langkah(kode, naik, kini))
    return nama, batas, langkah
