"""Reads of the public satisfaction survey: results per unit and period, trend, comments.

Sums are taken in SQL (one query per table shown); the index is converted in Python by
`survei.rules.indeks_dari_jumlah`, the same arithmetic as `rules.ikm`. The public pages read
only `hasil_terbit` and `hasil_terbit_satu`, which publish what `survei.terbit` allows;
the other reads are the dashboards' (internal: running quarters, counts under the threshold).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.paginator import Page, Paginator
from django.db import connections, router
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.utils import timezone

from pegawai.akses import Lingkup
from survei import rules
from survei.models import (
    JaringanSkm,
    KiosSkm,
    KomentarSkm,
    RekapJaringanSkm,
    ResponSkm,
    StatusKomentar,
    UnitLayanan,
)
from survei.terbit import (
    KOSONG,
    MIN_RESPONDEN,
    TRIWULAN,
    Jumlah,
    Sebaran,
    SelTriwulan,
    Status,
    TerbitanTahun,
    terbitan_tahun,
)


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
        """Return (element, mean) for the nine elements; empty without questionnaires."""
        if not self.nrr:
            return []
        return [(label, n) for (_k, label), n in zip(rules.UNSUR_SKM, self.nrr, strict=True)]


def _kolom_jumlah() -> dict:
    return {f"s{i}": Sum(k) for i, k in enumerate(ResponSkm.KOLOM, 1)}


def _jumlah(baris: dict | None) -> Jumlah:
    if not baris or not baris["n"]:
        return KOSONG
    return Jumlah(baris["n"], tuple(baris[f"s{i}"] for i in range(1, rules.JUMLAH_UNSUR + 1)))


def _hasil(unit: UnitLayanan, jumlah: Jumlah) -> HasilSkm:
    n = jumlah.n
    if not n:
        return HasilSkm(unit, 0, (), None, None)
    nrr = tuple(
        (Decimal(s) / n).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for s in jumlah.total
    )
    if n < MIN_RESPONDEN:
        return HasilSkm(unit, n, nrr, None, None)
    indeks = rules.indeks_dari_jumlah(sum(jumlah.total), n)
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
    per_unit = {r["unit_id"]: _jumlah(r) for r in rows}
    hasil = [_hasil(u, per_unit.get(u.pk, KOSONG)) for u in units]
    hasil.sort(key=lambda h: (h.indeks is None, -(h.indeks or 0), -h.responden, h.unit.nama))
    return hasil


def tren_skm(*, unit: UnitLayanan, tahun: int) -> list[tuple[int, HasilSkm]]:
    """Return the unit's result per quarter (triwulan) of a year (one query)."""
    rows = (
        ResponSkm.objects.filter(unit=unit, tanggal__year=tahun)
        .annotate(tw=ExtractQuarter("tanggal"))
        .values("tw")
        .annotate(n=Count("id"), **_kolom_jumlah())
        .order_by("tw")
    )
    per_tw = {r["tw"]: _jumlah(r) for r in rows}
    return [(tw, _hasil(unit, per_tw.get(tw, KOSONG))) for tw in range(1, 5)]


def komentar_tayang(*, unit: UnitLayanan, batas: int = 20) -> QuerySet[KomentarSkm]:
    """Return the unit's latest approved comments (the public sees only approved ones)."""
    return komentar_ditayangkan(unit=unit)[:batas]


def komentar_ditayangkan(*, unit: UnitLayanan) -> QuerySet[KomentarSkm]:
    """Return every approved comment of a unit, newest first."""
    return KomentarSkm.objects.filter(unit=unit, status=StatusKomentar.TAYANG).order_by(
        "-created_at", "-id"
    )


@dataclass(frozen=True)
class DasborSkm:
    tahun: int
    hasil: list[HasilSkm]  # ranked
    rinci: list[tuple[HasilSkm, list, list, int]]  # per unit: result, trend, comments, pending


def dasbor_skm(*, scope: Lingkup, tahun: int, rinci_maks: int = 5) -> DasborSkm:
    """Return the survey dashboard of a unit head (their units with trend and comments) or HR
    (every unit ranked; details only when few). Queries: units + sums, then per detailed unit
    its trend, comments and pending count (at most `rinci_maks` units)."""
    hasil = hasil_skm(
        dari=date(tahun, 1, 1), sampai=date(tahun, 12, 31), scope=scope, hanya_aktif=False
    )
    rinci = []
    if len(hasil) <= rinci_maks:
        for h in hasil:
            menunggu = KomentarSkm.objects.filter(unit=h.unit, status=StatusKomentar.MENUNGGU)
            komentar = list(komentar_tayang(unit=h.unit, batas=10))
            rinci.append((h, tren_skm(unit=h.unit, tahun=tahun), komentar, menunggu.count()))
    return DasborSkm(tahun=tahun, hasil=hasil, rinci=rinci)


# --- Respondent networks (survei.terbit: distinct networks per cell) ---------------

# The quarter's bit (survei_terbit.bit) in SQL.
_BIT = "CASE triwulan WHEN 1 THEN 1 WHEN 2 THEN 2 WHEN 3 THEN 4 ELSE 8 END"


def sql_pola_kunci(where: str) -> str:
    """Return SQL selecting (unit_id, tahun, pola, jumlah) from the network keys matching
    `where`: per unit and year, how many keys were seen in exactly the quarters of `pola`
    (a key has one row per quarter, so the sum of its rows' bits is its pattern)."""
    return (
        f"SELECT unit_id, tahun, pola, COUNT(*) AS jumlah FROM ("
        f"SELECT unit_id, tahun, SUM({_BIT}) AS pola FROM {JaringanSkm._meta.db_table} "
        f"WHERE {where} GROUP BY unit_id, tahun, kunci) k GROUP BY unit_id, tahun, pola"
    )


def sebaran_jaringan(
    *, unit_ids: list[int], tahun_dari: int, tahun_sampai: int
) -> dict[tuple[int, int], Sebaran]:
    """Return per (unit, year) its distinct respondent networks by quarter pattern: from the
    keys of running years and the counts kept of closed ones (one query)."""
    if not unit_ids:
        return {}
    where = f"unit_id IN ({', '.join(['%s'] * len(unit_ids))}) AND tahun BETWEEN %s AND %s"
    params = [*unit_ids, tahun_dari, tahun_sampai]
    sql = (
        f"SELECT unit_id, tahun, pola, SUM(jumlah) FROM ({sql_pola_kunci(where)} UNION ALL "
        f"SELECT unit_id, tahun, pola, jumlah FROM {RekapJaringanSkm._meta.db_table} "
        f"WHERE {where}) s GROUP BY unit_id, tahun, pola"
    )
    hasil: dict[tuple[int, int], dict[int, int]] = {}
    # The database the router reads these models from: the read replica on the public pages
    # (tugas/replika.py), as the page's ORM queries.
    with connections[router.db_for_read(JaringanSkm)].cursor() as cursor:
        cursor.execute(sql, params * 2)
        for unit_id, tahun, pola, jumlah in cursor.fetchall():
            hasil.setdefault((unit_id, tahun), {})[pola] = int(jumlah)
    return hasil


def kios_aktif(*, kode: str, token: str) -> KiosSkm | None:
    """Return the active kiosk holding this token of the unit with this code, else None."""
    if not token:
        return None
    return (
        KiosSkm.objects.filter(unit__kode=kode, aktif=True, token_hash=KiosSkm.sidik(token))
        .select_related("unit")
        .first()
    )


# --- What the public sees -----------------------------------------------------------------------


@dataclass(frozen=True)
class HasilTerbit:
    """A unit's published figures for a year (`survei.terbit`): the year and each quarter.

    Holds no count or mean the rule keeps back: an unpublished cell is `None`, and the year's
    result is empty (no respondents, no index) when nothing may be published.
    """

    unit: UnitLayanan
    terbitan: TerbitanTahun
    hasil: HasilSkm
    triwulan: tuple[tuple[SelTriwulan, HasilSkm | None], ...]

    @property
    def indeks(self) -> Decimal | None:
        return self.hasil.indeks

    @property
    def mutu(self) -> str | None:
        return self.hasil.mutu

    @property
    def label_mutu(self) -> str:
        return self.hasil.label_mutu

    @property
    def responden(self) -> int | None:
        return self.hasil.responden or None

    @property
    def unsur(self) -> list[tuple[str, Decimal]]:
        return self.hasil.unsur

    @property
    def cakupan(self) -> tuple[int, ...]:
        return self.terbitan.cakupan

    @property
    def setahun(self) -> bool:
        return self.terbitan.setahun


def _per_triwulan(unit_ids: list[int], tahun: int) -> dict[int, dict[int, Jumlah]]:
    rows = (
        ResponSkm.objects.filter(unit__in=unit_ids, tanggal__year=tahun)
        .annotate(tw=ExtractQuarter("tanggal"))
        .values("unit_id", "tw")
        .annotate(n=Count("id"), **_kolom_jumlah())
        .order_by()
    )
    per_unit: dict[int, dict[int, Jumlah]] = {}
    for r in rows:
        per_unit.setdefault(r["unit_id"], {})[r["tw"]] = _jumlah(r)
    return per_unit


def _terbit(
    unit: UnitLayanan, per_tw: dict[int, Jumlah], jaringan: Sebaran, tahun: int, hari_ini: date
) -> HasilTerbit:
    t = terbitan_tahun(per_tw, jaringan=jaringan, tahun=tahun, hari_ini=hari_ini)
    return HasilTerbit(
        unit=unit,
        terbitan=t,
        hasil=_hasil(unit, t.jumlah or KOSONG),
        triwulan=tuple((s, _hasil(unit, s.jumlah) if s.jumlah else None) for s in t.triwulan),
    )


def hasil_terbit(*, tahun: int, hari_ini: date | None = None) -> list[HasilTerbit]:
    """Return every active service unit's published figures for a year, best index first
    (three queries: the units, the sums per unit and quarter, the networks)."""
    hari_ini = hari_ini or timezone.localdate()
    units = list(unit_layanan().filter(aktif=True))
    ids = [u.pk for u in units]
    per_unit = _per_triwulan(ids, tahun)
    jaringan = sebaran_jaringan(unit_ids=ids, tahun_dari=tahun, tahun_sampai=tahun)
    hasil = [
        _terbit(u, per_unit.get(u.pk, {}), jaringan.get((u.pk, tahun), {}), tahun, hari_ini)
        for u in units
    ]
    hasil.sort(key=lambda h: (h.indeks is None, -(h.indeks or 0), -(h.responden or 0), h.unit.nama))
    return hasil


def hasil_terbit_satu(
    *, unit: UnitLayanan, tahun: int, hari_ini: date | None = None
) -> HasilTerbit:
    """Return one unit's published figures for a year (two queries: sums, networks)."""
    hari_ini = hari_ini or timezone.localdate()
    jaringan = sebaran_jaringan(unit_ids=[unit.pk], tahun_dari=tahun, tahun_sampai=tahun)
    per_tw = _per_triwulan([unit.pk], tahun).get(unit.pk, {})
    return _terbit(unit, per_tw, jaringan.get((unit.pk, tahun), {}), tahun, hari_ini)


# --- One unit on the dashboard (internal: every questionnaire, what is public marked) -------

TAHUN_TREN = 3  # the trend covers the chosen year and the two before it
KOMENTAR_PER_HALAMAN = 50


@dataclass(frozen=True)
class BarisTren:
    tahun: int
    triwulan: int
    hasil: HasilSkm  # every questionnaire of the quarter, also under the threshold
    publik: bool  # whether /survei/ shows this quarter (survei.terbit)


@dataclass(frozen=True)
class RinciSkm:
    unit: UnitLayanan
    tahun: int
    hasil: HasilSkm  # the chosen year, every questionnaire
    tren: list[BarisTren]  # per quarter, oldest first
    komentar: Page  # the approved comments, newest first
    menunggu: int
    ditolak: int


def unit_layanan_lingkup(*, scope: Lingkup, kode: str) -> UnitLayanan | None:
    """Return the service unit with this code if it is in the user's scope, else None."""
    return unit_layanan(scope=scope).filter(kode=kode).first()


def rinci_skm(
    *, unit: UnitLayanan, tahun: int, halaman: str | None = None, hari_ini: date | None = None
) -> RinciSkm:
    """Return one unit's drill-down: the nine elements of a year, the trend per quarter over
    `TAHUN_TREN` years, the approved comments paged, and the counts awaiting or refused.
    Queries: the sums per year and quarter; the networks; the comments' count and page; the two
    counts."""
    hari_ini = hari_ini or timezone.localdate()
    rows = (
        ResponSkm.objects.filter(unit=unit, tanggal__year__gt=tahun - TAHUN_TREN)
        .filter(tanggal__year__lte=tahun)
        .annotate(th=ExtractYear("tanggal"), tw=ExtractQuarter("tanggal"))
        .values("th", "tw")
        .annotate(n=Count("id"), **_kolom_jumlah())
        .order_by()
    )
    per = {(r["th"], r["tw"]): _jumlah(r) for r in rows}
    jaringan = sebaran_jaringan(
        unit_ids=[unit.pk], tahun_dari=tahun - TAHUN_TREN + 1, tahun_sampai=tahun
    )
    tren = []
    for th in range(tahun - TAHUN_TREN + 1, tahun + 1):
        per_tw = {tw: per.get((th, tw), KOSONG) for tw in TRIWULAN}
        sebaran = jaringan.get((unit.pk, th), {})
        terbit = terbitan_tahun(per_tw, jaringan=sebaran, tahun=th, hari_ini=hari_ini)
        tren += [
            BarisTren(th, s.triwulan, _hasil(unit, per_tw[s.triwulan]), s.jumlah is not None)
            for s in terbit.triwulan
            if s.status != Status.BELUM
        ]
    setahun = sum((per.get((tahun, tw), KOSONG) for tw in TRIWULAN), KOSONG)
    jumlah = KomentarSkm.objects.filter(unit=unit).aggregate(
        menunggu=Count("id", filter=Q(status=StatusKomentar.MENUNGGU)),
        ditolak=Count("id", filter=Q(status=StatusKomentar.DITOLAK)),
    )
    return RinciSkm(
        unit=unit,
        tahun=tahun,
        hasil=_hasil(unit, setahun),
        tren=tren,
        komentar=Paginator(komentar_ditayangkan(unit=unit), KOMENTAR_PER_HALAMAN).get_page(halaman),
        menunggu=jumlah["menunggu"],
        ditolak=jumlah["ditolak"],
    )
