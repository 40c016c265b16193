"""Reads of the employees' survey: the results HR sees (only what `survei.pegawai.terbit`
allows) and the score that feeds the merit-system index.

Sums and counts are taken in SQL (one query per table); the means and the 0–1 score are then a
division of those sums.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, QuerySet, Sum

from pegawai.models import UnitKerja
from survei.pegawai.models import (
    NILAI_MAKS,
    NILAI_MIN,
    DimensiSurveiPegawai,
    JawabanSurveiPegawai,
    PeriodeSurveiPegawai,
    ResponSurveiPegawai,
)
from survei.pegawai.terbit import MIN_RESPONDEN, Terbitan, terbitan

DUA = Decimal("0.01")
EMPAT = Decimal("0.0001")
DIMENSI = [d.value for d in DimensiSurveiPegawai]


def skor_dari_rerata(rerata: Decimal) -> Decimal:
    """Return a mean answer (1–5) as a score 0–1: (mean − 1) / 4."""
    return ((rerata - NILAI_MIN) / (NILAI_MAKS - NILAI_MIN)).quantize(EMPAT, ROUND_HALF_UP)


@dataclass(frozen=True)
class BarisHasil:
    """One cell shown: a unit (None: the whole agency), its respondents and mean answers."""

    unit: UnitKerja | None
    responden: int
    rerata: Decimal  # all statements, 1–5
    per_dimensi: dict[str, Decimal | None]  # kepuasan, keterikatan: mean 1–5

    @property
    def skor(self) -> Decimal:
        return skor_dari_rerata(self.rerata)

    @property
    def skor_dimensi(self) -> dict[str, Decimal | None]:
        return {d: None if r is None else skor_dari_rerata(r) for d, r in self.per_dimensi.items()}


@dataclass(frozen=True)
class HasilSurveiPegawai:
    periode: PeriodeSurveiPegawai
    instansi: BarisHasil | None  # None: fewer than MIN_RESPONDEN in all
    unit: list[BarisHasil] = field(default_factory=list)  # shown units, best first
    unit_ditahan: int = 0  # units with responses whose figures are withheld


def periode_rampung() -> QuerySet[PeriodeSurveiPegawai]:
    """Return the periods whose results may be read (closed and complete), newest first."""
    return PeriodeSurveiPegawai.objects.filter(rampung=True).order_by("-tahun")


def _jumlah_per_unit(periode: PeriodeSurveiPegawai) -> dict[int | None, int]:
    rows = (
        ResponSurveiPegawai.objects.filter(periode=periode)
        .values_list("unit_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return dict(rows)


def _rerata(jumlah: int, banyak: int) -> Decimal | None:
    return (Decimal(jumlah) / banyak).quantize(DUA, ROUND_HALF_UP) if banyak else None


def _baris(unit, responden: int, sums: dict[str, tuple[int, int, int]]) -> BarisHasil:
    """A row of the results. A dimension answered by fewer than `MIN_RESPONDEN` people (HR may
    switch its statements on or off while a period runs) is withheld, and left out of the
    row's mean too, or the mean minus the other dimension would give it back."""
    cukup = {d: (s, n) for d, (s, n, r) in sums.items() if r >= MIN_RESPONDEN}
    total = sum(s for s, _n in cukup.values())
    banyak = sum(n for _s, n in cukup.values())
    per_dimensi = {d: _rerata(*cukup.get(d, (0, 0))) for d in DIMENSI}
    return BarisHasil(unit, responden, _rerata(total, banyak) or Decimal(0), per_dimensi)


def hasil_survei_pegawai(*, periode: PeriodeSurveiPegawai) -> HasilSurveiPegawai:
    """Return what may be shown of a period: the agency and each unit shown, per dimension
    (three queries: counts per unit, sums per unit and dimension, the units' names)."""
    per_unit = _jumlah_per_unit(periode)
    boleh: Terbitan = terbitan(per_unit, rampung=periode.rampung)
    if not boleh.instansi:
        return HasilSurveiPegawai(periode, None)
    rows = (
        JawabanSurveiPegawai.objects.filter(respon__periode=periode)
        .values_list("respon__unit_id", "butir__dimensi")
        .annotate(s=Sum("nilai"), n=Count("nilai"), r=Count("respon", distinct=True))
        .order_by()
    )
    instansi: dict[str, tuple[int, int, int]] = {}
    unit: dict[int, dict[str, tuple[int, int, int]]] = {}
    for unit_id, dimensi, s, n, r in rows:
        a, b, c = instansi.get(dimensi, (0, 0, 0))
        instansi[dimensi] = (a + s, b + n, c + r)
        if unit_id in boleh.unit:
            unit.setdefault(unit_id, {})[dimensi] = (s, n, r)
    nama = UnitKerja.objects.in_bulk(list(boleh.unit))
    baris = [_baris(nama[u], per_unit[u], sums) for u, sums in unit.items()]
    baris.sort(key=lambda b: (-b.rerata, b.unit.nama))
    ditahan = sum(1 for u in per_unit if u is not None and u not in boleh.unit)
    return HasilSurveiPegawai(
        periode, _baris(None, sum(per_unit.values()), instansi), baris, ditahan
    )


def _periode_terbit(tahun: int) -> PeriodeSurveiPegawai | None:
    """Return the year's period if its agency figure may be shown."""
    periode = periode_rampung().filter(tahun=tahun).first()
    if periode is None:
        return None
    n = ResponSurveiPegawai.objects.filter(periode=periode).count()
    return periode if n >= MIN_RESPONDEN else None


def skor_indeks_dimensi(tahun: int) -> dict[str, Decimal] | None:
    """Return the year's score 0–1 per dimension (kepuasan, keterikatan), None when the period
    is not closed and complete or has fewer than `MIN_RESPONDEN` responses; a dimension answered
    by fewer than `MIN_RESPONDEN` people is left out."""
    periode = _periode_terbit(tahun)
    if periode is None:
        return None
    rows = (
        JawabanSurveiPegawai.objects.filter(respon__periode=periode)
        .values_list("butir__dimensi")
        .annotate(s=Sum("nilai"), n=Count("nilai"), r=Count("respon", distinct=True))
        .order_by()
    )
    return {d: skor_dari_rerata(Decimal(s) / n) for d, s, n, r in rows if r >= MIN_RESPONDEN}


def skor_indeks(tahun: int) -> Decimal | None:
    """Return the employees' satisfaction and engagement of a year as the merit-system index
    reads it: the mean answer of the year's closed period over every statement, normalised to
    0–1 as (mean − 1) / 4. None when the period is not closed and complete or has fewer than
    `MIN_RESPONDEN` responses (PermenPANRB 19/2025; survei.pegawai.terbit)."""
    periode = _periode_terbit(tahun)
    if periode is None:
        return None
    hasil = JawabanSurveiPegawai.objects.filter(respon__periode=periode).aggregate(
        s=Sum("nilai"), n=Count("nilai")
    )
    if not hasil["n"]:
        return None
    return skor_dari_rerata(Decimal(hasil["s"]) / hasil["n"])
