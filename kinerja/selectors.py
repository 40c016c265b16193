"""Reads for the performance dashboards: scoped to the user, aggregated in SQL, fixed queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser, User
from django.core.paginator import Page, Paginator
from django.db import connection, connections
from django.db.models import (
    Case,
    Count,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
    prefetch_related_objects,
)
from django.utils import timezone

from kinerja import rules
from kinerja.filters import DasborFilter, SkpPenilaiFilter
from kinerja.models import KinerjaOrganisasi, PengaturanTalenta, Periode, Skp
from pegawai.akses import Lingkup, lingkup
from pegawai.models import HasilAsesmen, Pegawai

DINILAI = list(Skp.STATUS_DINILAI)  # raw SQL parameters and Count filters
RENDAH_KE_BAWAH = list(rules.RENDAH_KE_BAWAH)  # a list: query parameters
# Worst first: rules.PREDIKAT runs best first, so its reverse index ranks severity
# (Sangat Kurang 0, Kurang/Misconduct 1, Butuh Perbaikan 2). Sorting the label text would put
# Butuh Perbaikan first and cut the worst off the page.
KEPARAHAN = Case(
    *(When(predikat=p, then=Value(i)) for i, p in enumerate(reversed(rules.PREDIKAT))),
    output_field=IntegerField(),
)
PERBAIKAN_PER_HALAMAN = 50
PENILAI_PER_HALAMAN = 25


def _halaman(
    rows: QuerySet, nomor: str | None, per_halaman: int, jumlah: int | None = None
) -> Page:
    """Return one page of `rows`; `jumlah`, when the caller already counted them, spares the
    COUNT query. A page number out of range or not a number gives the nearest page."""
    paginator = Paginator(rows, per_halaman)
    if jumlah is not None:
        paginator.count = jumlah  # a cached_property: set, it is never queried
    return paginator.get_page(nomor)


def skp_dalam_lingkup(scope: Lingkup) -> QuerySet[Skp]:
    """Return the SKPs the scope may see: by the unit the SKP was made in, and one's own."""
    return scope.filter(Skp.objects.all(), path="unit_kerja__path", pegawai="pegawai_id")


def skp_terlihat(user: User | AnonymousUser) -> QuerySet[Skp]:
    """Return the SKPs the user may open: those in their scope (by unit, and their own), plus
    those they evaluate, wherever the evaluated employee works (PermenPANRB 6/2022: the
    evaluator is the direct superior, who may sit in another unit). One query, an OR."""
    scope = lingkup(user)
    terlihat = skp_dalam_lingkup(scope)
    if scope.semua or scope.pegawai_id is None:
        return terlihat
    return terlihat | Skp.objects.filter(penilai_id=scope.pegawai_id)


def skp_halaman(user: User | AnonymousUser, pk: int) -> Skp | None:
    """Return one SKP the user may open, with what its page prints, else None."""
    return (
        skp_terlihat(user)
        .select_related("pegawai", "penilai", "periode", "unit_kerja")
        .prefetch_related("rencana", "revisi")
        .filter(pk=pk)
        .first()
    )


@dataclass
class FormulirSkp:
    """What the printed evaluation form names besides the SKP itself (PermenPANRB 6/2022's
    Dokumen Evaluasi Kinerja Pegawai): the evaluator's own evaluator and the organisation's
    performance."""

    skp: Skp
    atasan_penilai: Pegawai | None  # who evaluates the evaluator in the same period
    kinerja_organisasi: KinerjaOrganisasi | None  # the perangkat daerah's, that year


def skp_cetak(user: User | AnonymousUser, pk: int) -> FormulirSkp | None:
    """Return one SKP the user may open (the SKP page's access), with what its printed form
    names: the evaluator's superior (atasan pejabat penilai: the evaluator of the evaluator's
    own SKP of the same period), the perangkat daerah's organisational performance that year,
    and the units and current posts of the three people (six queries more)."""
    skp = skp_halaman(user, pk)
    if skp is None:
        return None
    atasan = None
    if skp.penilai_id:
        atasan = (
            Pegawai.objects.filter(
                skp_dinilai__pegawai_id=skp.penilai_id, skp_dinilai__periode_id=skp.periode_id
            )
            .order_by("pk")
            .first()
        )
    organisasi = KinerjaOrganisasi.objects.filter(
        unit_kerja_id=skp.perangkat_daerah_id, tahun=skp.periode.tahun
    ).first()
    # Placements are read through the reverse accessor (docs/desain.md): no jabatan import.
    penempatan = Pegawai._meta.get_field("penempatan").related_model
    aktif = penempatan.objects.filter(tmt_selesai__isnull=True).select_related(
        "formasi__jabatan", "formasi__unit_kerja"
    )
    prefetch_related_objects([skp], "perangkat_daerah")
    prefetch_related_objects(
        [p for p in (skp.pegawai, skp.penilai, atasan) if p is not None],
        "unit_kerja",
        Prefetch("penempatan", queryset=aktif, to_attr="penempatan_aktif"),
    )
    return FormulirSkp(skp=skp, atasan_penilai=atasan, kinerja_organisasi=organisasi)


def _daftar(qs: QuerySet[Skp]) -> QuerySet[Skp]:
    return qs.select_related("pegawai", "periode", "unit_kerja").order_by(
        "-periode__tahun", "status", "pegawai__nama"
    )


def skp_saya_nilai(user: User | AnonymousUser) -> QuerySet[Skp]:
    """Return the SKPs of open periods that the user evaluates."""
    pegawai_id = lingkup(user).pegawai_id
    if pegawai_id is None:
        return Skp.objects.none()
    return _daftar(Skp.objects.filter(penilai_id=pegawai_id, periode__terbuka=True))


def skp_saya_nilai_saring(user: User | AnonymousUser, data) -> SkpPenilaiFilter:
    """Return the bound filter over the SKPs the user evaluates, each row with the number of its
    plan rows still without a realisation (`tanpa_realisasi`, in the same query)."""
    qs = skp_saya_nilai(user).annotate(
        tanpa_realisasi=Count("rencana", filter=Q(rencana__realisasi=""))
    )
    return SkpPenilaiFilter(data, queryset=qs)


def skp_saya(user: User | AnonymousUser) -> QuerySet[Skp]:
    """Return the user's own SKPs."""
    pegawai_id = lingkup(user).pegawai_id
    if pegawai_id is None:
        return Skp.objects.none()
    return _daftar(Skp.objects.filter(pegawai_id=pegawai_id))


@dataclass(frozen=True)
class PeranSkp:
    """What the user is to one SKP: its evaluator (or HR, who may act for one) and/or its
    owner; the SKP page offers the forms of these roles."""

    penilai: bool
    pemilik: bool


def peran_skp(user: User | AnonymousUser, skp: Skp) -> PeranSkp:
    scope = lingkup(user)
    return PeranSkp(
        penilai=scope.semua or (skp.penilai_id is not None and scope.pegawai_id == skp.penilai_id),
        pemilik=scope.pegawai_id is not None and scope.pegawai_id == skp.pegawai_id,
    )


def periode_tahunan_tertutup(n: int = 2) -> list[int]:
    """Return the ids of the last `n` closed annual periods, newest first: the evaluations the
    merit rules read (the last two annual predikat, PermenPANRB 3/2020; docs/aturan.md §7)."""
    return list(
        Periode.objects.filter(jenis=Periode.Jenis.TAHUNAN, terbuka=False)
        .order_by("-tahun")
        .values_list("pk", flat=True)[:n]
    )


def periode_bawaan(hari_ini: dt.date | None = None) -> Periode | None:
    """Return the current annual period: this year's, else the newest before it, else the newest.

    "Current" is the year being evaluated now, open or not. A unit head who opens the dashboard
    in December is rating this year's SKPs (the annual evaluation runs to the year's end and
    into January, PermenPANRB 6/2022): what they need is how far the rating has got and who has
    not rated yet, not last year's final figures, which stay one choice away in the filter. A
    period HR has already opened for next year (targets planned in December) is not current:
    nothing in it is rated yet.
    """
    tahun = (hari_ini or timezone.localdate()).year
    tahunan = Periode.objects.filter(jenis=Periode.Jenis.TAHUNAN).order_by("-tahun")
    return tahunan.filter(tahun__lte=tahun).first() or tahunan.first()


@dataclass
class Dasbor:
    """Everything the dashboard shows, each figure already aggregated."""

    filterset: DasborFilter
    periode: Periode | None
    distribusi: dict[str, int] = field(default_factory=dict)
    total_dinilai: int = 0
    total_skp: int = 0
    tren: list[tuple[int, dict[str, int]]] = field(default_factory=list)
    # One page of the evaluators, most left to rate first; all of them for the export.
    penilai: Page | None = None
    penilai_semua: QuerySet | None = None
    # One page of the employees rated Butuh Perbaikan or lower, worst first; the whole list
    # (unevaluated) for the export.
    perbaikan: Page | None = None
    perbaikan_semua: QuerySet[Skp] | None = None
    kurva: list[dict] = field(default_factory=list)
    talenta: dict[int, int] = field(default_factory=dict)
    talenta_tanpa_data: int = 0

    @property
    def jumlah_perbaikan(self) -> int:
        return sum(self.distribusi.get(p, 0) for p in RENDAH_KE_BAWAH)

    @property
    def perbaikan_per_predikat(self) -> list[tuple[str, int]]:
        """Return (predikat, count) of Butuh Perbaikan or lower, worst first."""
        return [(p, self.distribusi.get(p, 0)) for p in reversed(RENDAH_KE_BAWAH)]

    @property
    def belum_dinilai(self) -> int:
        return self.total_skp - self.total_dinilai

    @property
    def kurva_melanggar(self) -> int:
        return sum(1 for k in self.kurva if k["pelanggaran"])

    @property
    def talent_pool(self) -> int:
        return sum(self.talenta.get(k, 0) for k in rules.TALENT_POOL)


def dasbor_filter(scope: Lingkup, data) -> tuple[DasborFilter, Periode | None, QuerySet[Skp]]:
    """Return the bound filter, the chosen period and the filtered SKPs of every period."""
    data = data.copy()
    if not data.get("periode"):
        bawaan = periode_bawaan()
        if bawaan:
            data["periode"] = str(bawaan.pk)
    filterset = DasborFilter(data, queryset=skp_dalam_lingkup(scope), scope=scope)
    qs = filterset.qs if filterset.is_valid() else skp_dalam_lingkup(scope).none()
    periode = filterset.form.cleaned_data.get("periode") if filterset.is_valid() else None
    return filterset, periode, qs


def _talenta_sql(qs_periode: QuerySet[Skp], periode: Periode) -> tuple[str, list]:
    """Return SQL placing each owner of the given SKPs on the 9-box grid: (pegawai_id,
    kinerja label, potensial label), '' where an axis has no data.

    kinerja: the mean predikat score of the last two annual evaluations (this period's year and
    the one before); potensial: the JPM of the latest competency assessment; both banded by HR's
    PengaturanTalenta (PermenPANRB 3/2020). One statement with CTEs and a window function, which
    PostgreSQL and SQLite both run: each person's figures are computed once, not per CASE arm as
    correlated subqueries would be. The SKP set comes from the scoped, filtered queryset itself.

    `r` holds one row per owner (one SKP per employee and period: skp_satu_per_pegawai_periode),
    grouped from `s` itself, and the final select starts from it: joining `s` to a grouped `r`
    made SQLite scan `r` once per owner (1.3 s for 7,000 employees; 25 ms now).
    """
    pengaturan = PengaturanTalenta.aktif()
    pk, pp = pengaturan.pita_kinerja, pengaturan.pita_potensial
    q = connection.ops.quote_name
    skp, per, ases = (q(m._meta.db_table) for m in (Skp, Periode, HasilAsesmen))
    # No ORDER BY: the Meta ordering would join employees and sort them for nothing.
    s_sql, s_params = qs_periode.order_by().values("pegawai_id").query.sql_with_params()
    skor = "CASE k.predikat " + " ".join("WHEN %s THEN %s" for _ in rules.SKOR_PREDIKAT) + " END"
    skor_params = [x for item in rules.SKOR_PREDIKAT.items() for x in item]
    # The axes' one SQL definition (rules.Pita.sql); its parameters come last, in its order.
    # Floats: SQLite would compare a Decimal parameter as text.
    sumbu: list[object] = []

    def param(v: object) -> str:
        sumbu.append(float(v) if isinstance(v, Decimal) else v)
        return "%s"

    kinerja = pk.sql("r.skor", param, rules.SUMBU_KINERJA, "")
    potensial = pp.sql("a.jpm", param, rules.SUMBU_POTENSIAL, "")
    sql = f"""
        WITH s AS ({s_sql}),
        r AS (
            SELECT s.pegawai_id, AVG({skor}) AS skor
            FROM s LEFT JOIN {skp} k ON k.pegawai_id = s.pegawai_id AND k.status IN (%s, %s)
                AND k.periode_id IN (
                    SELECT p.id FROM {per} p WHERE p.jenis = %s AND p.tahun IN (%s, %s)
                )
            GROUP BY s.pegawai_id
        ),
        a AS (
            SELECT h.pegawai_id, h.jpm, ROW_NUMBER() OVER (
                       PARTITION BY h.pegawai_id ORDER BY h.tanggal DESC, h.id DESC
                   ) AS urut
            FROM {ases} h WHERE jpm IS NOT NULL
              AND EXISTS (SELECT 1 FROM s WHERE s.pegawai_id = h.pegawai_id)
        )
        SELECT r.pegawai_id, {kinerja} AS kinerja, {potensial} AS potensial
        FROM r LEFT JOIN a ON a.pegawai_id = r.pegawai_id AND a.urut = 1
    """
    params = [
        *s_params,
        *skor_params,
        *DINILAI,
        Periode.Jenis.TAHUNAN,
        periode.tahun,
        periode.tahun - 1,
        *sumbu,
    ]
    return sql, params


def talenta_jumlah(qs_periode: QuerySet[Skp], periode: Periode) -> list[tuple[str, str, int]]:
    """Return (kinerja, potensial, count) for the owners of the given SKPs, in one query."""
    sql, params = _talenta_sql(qs_periode, periode)
    # On the queryset's own database: the read replica on the dashboards (tugas/replika.py).
    with connections[qs_periode.db].cursor() as cursor:
        cursor.execute(
            f"SELECT kinerja, potensial, COUNT(*) FROM ({sql}) t GROUP BY kinerja, potensial",
            params,
        )
        return cursor.fetchall()


def talenta_kotak(qs_periode: QuerySet[Skp], periode: Periode, kotak: int) -> dict[int, tuple]:
    """Return {pegawai_id: (kinerja, potensial)} of the owners in one box of the grid."""
    sql, params = _talenta_sql(qs_periode, periode)
    with connections[qs_periode.db].cursor() as cursor:
        cursor.execute(sql, params)
        return {
            pid: (k, p)
            for pid, k, p in cursor.fetchall()
            if k and p and rules.kotak_talenta(k, p) == kotak
        }


def talenta_anggota(
    scope: Lingkup, data, kotak: int
) -> tuple[DasborFilter, Periode | None, QuerySet[Skp]]:
    """Return the bound filter, the chosen period and the evaluated SKPs of the owners placed in
    one box of the talent grid (two queries: the grid, then the page of rows)."""
    filterset, periode, qs = dasbor_filter(scope, data)
    if periode is None:
        return filterset, None, qs.none()
    dinilai = qs.filter(periode=periode).dinilai()
    sumbu = talenta_kotak(dinilai, periode, kotak)
    rows = (
        dinilai.filter(pegawai_id__in=list(sumbu))
        .select_related("pegawai", "unit_kerja")
        .order_by("pegawai__nama")
    )
    return filterset, periode, rows


def dasbor_kinerja(scope: Lingkup, data) -> Dasbor:
    """Build the dashboard in a fixed number of queries, whatever the number of employees."""
    filterset, periode, qs = dasbor_filter(scope, data)
    dasbor = Dasbor(filterset=filterset, periode=periode)
    if periode is None:
        return dasbor
    qs_periode = qs.filter(periode=periode)

    # 1. Predikat distribution and completion counts of the period.
    rows = qs_periode.values("predikat", "status").annotate(n=Count("pk"))
    for row in rows:
        dasbor.total_skp += row["n"]
        if row["status"] in DINILAI:
            dasbor.total_dinilai += row["n"]
            dasbor.distribusi[row["predikat"]] = (
                dasbor.distribusi.get(row["predikat"], 0) + row["n"]
            )

    # 2. Trend over the annual periods.
    tren: dict[int, dict[str, int]] = {}
    for row in (
        qs.filter(periode__jenis=Periode.Jenis.TAHUNAN)
        .dinilai()
        .values("periode__tahun", "predikat")
        .annotate(n=Count("pk"))
    ):
        tren.setdefault(row["periode__tahun"], {})[row["predikat"]] = row["n"]
    dasbor.tren = sorted(tren.items())

    # 3. Completion per evaluator: those with the most left to rate first, a page at a time (the
    # page and the number of evaluators: two queries).
    penilai = (
        qs_periode.values(
            "penilai_id", "penilai__nama", "penilai__gelar_depan", "penilai__gelar_belakang"
        )
        .annotate(
            total=Count("pk"),
            selesai=Count("pk", filter=Q(status__in=DINILAI)),
            belum=Count("pk", filter=~Q(status__in=DINILAI)),
        )
        .order_by("-belum", "penilai__nama", "penilai_id")
    )
    dasbor.penilai = _halaman(penilai, data.get("hal_penilai"), PENILAI_PER_HALAMAN)
    for row in dasbor.penilai:
        row["persen"] = Decimal(100 * row["selesai"]) / row["total"] if row["total"] else Decimal(0)
    dasbor.penilai_semua = penilai

    # 4. Employees rated Butuh Perbaikan or lower, worst first, a page at a time: their number is
    # already known from the distribution, so the page costs one query.
    dasbor.perbaikan_semua = (
        qs_periode.dinilai()
        .filter(predikat__in=RENDAH_KE_BAWAH)
        .select_related("pegawai", "unit_kerja")
        .order_by(KEPARAHAN, "pegawai__nama", "pk")
    )
    dasbor.perbaikan = _halaman(
        dasbor.perbaikan_semua,
        data.get("hal_perbaikan"),
        PERBAIKAN_PER_HALAMAN,
        jumlah=dasbor.jumlah_perbaikan,
    )

    # 5. The distribution curve per perangkat daerah (its organisational predikat bounds it).
    per_opd: dict[int, dict[str, int]] = {}
    nama_opd: dict[int, str] = {}
    for row in (
        qs_periode.dinilai()
        .values("perangkat_daerah_id", "perangkat_daerah__nama", "predikat")
        .annotate(n=Count("pk"))
    ):
        per_opd.setdefault(row["perangkat_daerah_id"], {})[row["predikat"]] = row["n"]
        nama_opd[row["perangkat_daerah_id"]] = row["perangkat_daerah__nama"]
    org = dict(
        KinerjaOrganisasi.objects.filter(
            unit_kerja_id__in=per_opd, tahun=periode.tahun
        ).values_list("unit_kerja_id", "predikat")
    )
    for opd_id, jumlah in sorted(per_opd.items(), key=lambda t: nama_opd[t[0]]):
        predikat_org = org.get(opd_id)
        dasbor.kurva.append(
            {
                "unit": nama_opd[opd_id],
                "predikat_organisasi": predikat_org,
                "jumlah": jumlah,
                "total": sum(jumlah.values()),
                "pelanggaran": rules.cek_kurva(predikat_org, jumlah) if predikat_org else [],
            }
        )

    # 6. The 9-box talent grid.
    for kinerja, potensial, n in talenta_jumlah(qs_periode.dinilai(), periode):
        if kinerja and potensial:
            kotak = rules.kotak_talenta(kinerja, potensial)
            dasbor.talenta[kotak] = dasbor.talenta.get(kotak, 0) + n
        else:
            dasbor.talenta_tanpa_data += n
    return dasbor
