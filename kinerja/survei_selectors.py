"""Reads of the public satisfaction survey: results per unit and period, trend, comments.

Sums are taken in SQL (one query per table shown); the index is converted in Python by
`kinerja.rules.indeks_dari_jumlah`, the same arithmetic as `rules.ikm`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import ExtractQuarter

from kinerja import rules
from kinerja.survei import KomentarSkm, ResponSkm, StatusKomentar, UnitLayanan
from pegawai.akses import Lingkup

# Fewer questionnaires than this give no published index: one or two visitors would be the
# unit's public score, and their answers would be recognisable by the unit's staff.
MIN_RESPONDEN = 5


@dataclass(frozen=True)
class HasilSkm:
    unit: UnitLayanan
    responden: int
    nrr: tuple[Decimal, ...]  # per element, two decimals
    indeks: Decimal | None  # None below MIN_RESPONDEN
    mutu: str | None

    @property
    def label_mutu(self) -> str:
        return rules.KINERJA_MUTU.get(self.mutu or "", "")

    @property
    def unsur(self) -> list[tuple[str, Decimal]]:
        return [(label, n) for (_k, label), n in zip(rules.UNSUR_SKM, self.nrr, strict=True)]


def _kolom_jumlah() -> dict:
    return {f"s{i}": Sum(k) for i, k in enumerate(ResponSkm.KOLOM, 1)}


def _hasil(unit: UnitLayanan, baris: dict | None) -> HasilSkm:
    n = baris["n"] if baris else 0
    if not n:
        return HasilSkm(unit, 0, (), None, None)
    sums = [baris[f"s{i}"] for i in range(1, rules.JUMLAH_UNSUR + 1)]
    nrr = tuple((Decimal(s) / n).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for s in sums)
    if n < MIN_RESPONDEN:
        return HasilSkm(unit, n, nrr, None, None)
    indeks = rules.indeks_dari_jumlah(sum(sums), n)
    return HasilSkm(unit, n, nrr, indeks, rules.mutu_ikm(indeks))


def unit_layanan(*, scope: Lingkup | None = None) -> QuerySet[UnitLayanan]:
    """Return the service units, all of them (public) or in a user's scope (dashboards)."""
    qs = UnitLayanan.objects.select_related("unit_kerja")
    if scope is not None:
        qs = scope.filter(qs, path="unit_kerja__path", pegawai=None)
    return qs


def hasil_skm(
    *, dari: date, sampai: date, scope: Lingkup | None = None, hanya_aktif: bool = True
) -> list[HasilSkm]:
    """Return each service unit's result between two dates, best index first (two queries)."""
    units = unit_layanan(scope=scope)
    if hanya_aktif:
        units = units.filter(aktif=True)
    units = list(units)
    rows = (
        ResponSkm.objects.filter(unit__in=[u.pk for u in units], tanggal__range=(dari, sampai))
        .values("unit_id")
        .annotate(n=Count("id"), **_kolom_jumlah())
        .order_by()
    )
    per_unit = {r["unit_id"]: r for r in rows}
    hasil = [_hasil(u, per_unit.get(u.pk)) for u in units]
    hasil.sort(key=lambda h: (h.indeks is None, -(h.indeks or 0), -h.responden, h.unit.nama))
    return hasil


def hasil_satu(*, unit: UnitLayanan, dari: date, sampai: date) -> HasilSkm:
    """Return one unit's result between two dates (one query)."""
    baris = ResponSkm.objects.filter(unit=unit, tanggal__range=(dari, sampai)).aggregate(
        n=Count("id"), **_kolom_jumlah()
    )
    return _hasil(unit, baris)


def tren_skm(*, unit: UnitLayanan, tahun: int) -> list[tuple[int, HasilSkm]]:
    """Return the unit's result per quarter (triwulan) of a year (one query)."""
    rows = (
        ResponSkm.objects.filter(unit=unit, tanggal__year=tahun)
        .annotate(tw=ExtractQuarter("tanggal"))
        .values("tw")
        .annotate(n=Count("id"), **_kolom_jumlah())
        .order_by("tw")
    )
    per_tw = {r["tw"]: r for r in rows}
    return [(tw, _hasil(unit, per_tw.get(tw))) for tw in range(1, 5)]


def komentar_tayang(*, unit: UnitLayanan, batas: int = 20) -> QuerySet[KomentarSkm]:
    """Return the unit's approved comments, newest first (the public sees only these)."""
    return KomentarSkm.objects.filter(unit=unit, status=StatusKomentar.TAYANG).order_by(
        "-created_at"
    )[:batas]


@dataclass(frozen=True)
class DasborSkm:
    tahun: int
    hasil: list[HasilSkm]  # ranked
    rinci: list[tuple[HasilSkm, list, list, int]]  # per unit: result, trend, comments, pending


def dasbor_skm(*, scope: Lingkup, tahun: int, rinci_maks: int = 5) -> DasborSkm:
    """Return the survey dashboard of a unit head (their units with trend and comments) or HR
    (every unit ranked; details only when few). Queries: units + sums, then per detailed unit
    its trend, comments and pending count (at most `rinci_maks` units)."""
    hasil = hasil_skm(dari=date(tahun, 1, 1), sampai=date(tahun, 12, 31), scope=scope,
                      hanya_aktif=False)  # fmt: skip
    rinci = []
    if len(hasil) <= rinci_maks:
        for h in hasil:
            menunggu = KomentarSkm.objects.filter(unit=h.unit, status=StatusKomentar.MENUNGGU)
            komentar = list(komentar_tayang(unit=h.unit, batas=10))
            rinci.append((h, tren_skm(unit=h.unit, tahun=tahun), komentar, menunggu.count()))
    return DasborSkm(tahun=tahun, hasil=hasil, rinci=rinci)
