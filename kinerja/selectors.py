"""Reads for the performance dashboards: scoped to the user, aggregated in SQL, fixed queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Avg,
    Case,
    CharField,
    Count,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from kinerja import rules
from kinerja.filters import DasborFilter
from kinerja.models import KinerjaOrganisasi, PengaturanTalenta, Periode, Skp
from pegawai.akses import Lingkup
from pegawai.models import HasilAsesmen

DINILAI = [Skp.Status.DIEVALUASI, Skp.Status.FINAL]
RENDAH_KE_BAWAH = [rules.BUTUH_PERBAIKAN, rules.KURANG, rules.SANGAT_KURANG]


def skp_dalam_lingkup(scope: Lingkup) -> QuerySet[Skp]:
    """Return the SKPs the scope may see: by the unit the SKP was made in, and one's own."""
    return scope.filter(Skp.objects.all(), path="unit_kerja__path", pegawai="pegawai_id")


def periode_bawaan() -> Periode | None:
    """Return the newest closed annual period (its evaluations are complete), else the newest."""
    tahunan = Periode.objects.filter(jenis=Periode.Jenis.TAHUNAN).order_by("-tahun")
    return tahunan.filter(terbuka=False).first() or tahunan.first()


@dataclass
class Dasbor:
    """Everything the dashboard shows, each figure already aggregated."""

    filterset: DasborFilter
    periode: Periode | None
    distribusi: dict[str, int] = field(default_factory=dict)
    total_dinilai: int = 0
    total_skp: int = 0
    tren: list[tuple[int, dict[str, int]]] = field(default_factory=list)
    penilai: list[dict] = field(default_factory=list)
    perbaikan: list[Skp] = field(default_factory=list)
    kurva: list[dict] = field(default_factory=list)
    talenta: dict[int, int] = field(default_factory=dict)
    talenta_tanpa_data: int = 0

    @property
    def jumlah_perbaikan(self) -> int:
        return sum(self.distribusi.get(p, 0) for p in RENDAH_KE_BAWAH)

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


def _skor() -> Case:
    return Case(
        *[When(predikat=p, then=Value(s)) for p, s in rules.SKOR_PREDIKAT.items()],
        output_field=IntegerField(),
    )


def talenta_qs(qs_periode: QuerySet[Skp], periode: Periode) -> QuerySet[Skp]:
    """Annotate each SKP of the period with its owner's place on the 9-box grid.

    kinerja: the mean predikat score of the last two annual evaluations (this period's year and
    the year before); potensial: the JPM of the latest competency assessment. Both are banded by
    HR's PengaturanTalenta (PermenPANRB 3/2020). One query, correlated subqueries per row.
    """
    pengaturan = PengaturanTalenta.aktif()
    rata = (
        Skp.objects.filter(
            pegawai=OuterRef("pegawai"),
            periode__jenis=Periode.Jenis.TAHUNAN,
            periode__tahun__in=[periode.tahun, periode.tahun - 1],
            status__in=DINILAI,
        )
        .values("pegawai")
        .annotate(rata=Avg(_skor()))
        .values("rata")
    )
    jpm = HasilAsesmen.objects.filter(pegawai=OuterRef("pegawai"), jpm__isnull=False).order_by(
        "-tanggal", "-pk"
    )
    pk, pp = pengaturan.pita_kinerja, pengaturan.pita_potensial
    return qs_periode.annotate(
        skor_kinerja=Subquery(rata[:1]),
        skor_potensial=Subquery(jpm.values("jpm")[:1]),
    ).annotate(
        sumbu_kinerja=Case(
            When(skor_kinerja__isnull=True, then=Value("")),
            When(skor_kinerja__lte=pk.batas_rendah, then=Value(rules.DI_BAWAH)),
            When(skor_kinerja__lte=pk.batas_menengah, then=Value(rules.SESUAI)),
            default=Value(rules.DI_ATAS),
            output_field=CharField(),
        ),
        sumbu_potensial=Case(
            When(skor_potensial__isnull=True, then=Value("")),
            When(skor_potensial__lte=pp.batas_rendah, then=Value(rules.RENDAH)),
            When(skor_potensial__lte=pp.batas_menengah, then=Value(rules.MENENGAH)),
            default=Value(rules.TINGGI),
            output_field=CharField(),
        ),
    )


def filter_kotak(qs: QuerySet[Skp], kotak: int) -> QuerySet[Skp]:
    """Return the rows of an annotated `talenta_qs` that fall in one box of the grid."""
    pasangan = [
        (k, p) for k in rules.RATING for p in rules.POTENSIAL if rules.kotak_talenta(k, p) == kotak
    ]
    q = Q(pk__in=[])
    for k, p in pasangan:
        q |= Q(sumbu_kinerja=k, sumbu_potensial=p)
    return qs.filter(q)


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
        qs.filter(periode__jenis=Periode.Jenis.TAHUNAN, status__in=DINILAI)
        .values("periode__tahun", "predikat")
        .annotate(n=Count("pk"))
    ):
        tren.setdefault(row["periode__tahun"], {})[row["predikat"]] = row["n"]
    dasbor.tren = sorted(tren.items())

    # 3. Completion per evaluator: those with the most left to rate first.
    dasbor.penilai = list(
        qs_periode.values(
            "penilai_id", "penilai__nama", "penilai__gelar_depan", "penilai__gelar_belakang"
        )
        .annotate(
            total=Count("pk"),
            selesai=Count("pk", filter=Q(status__in=DINILAI)),
        )
        .order_by("-total", "penilai__nama")[:25]
    )
    for row in dasbor.penilai:
        row["belum"] = row["total"] - row["selesai"]
        row["persen"] = Decimal(100 * row["selesai"]) / row["total"] if row["total"] else Decimal(0)
    dasbor.penilai.sort(key=lambda r: (-r["belum"], r["penilai__nama"] or ""))

    # 4. Employees rated Butuh Perbaikan or lower.
    dasbor.perbaikan = list(
        qs_periode.filter(predikat__in=RENDAH_KE_BAWAH, status__in=DINILAI)
        .select_related("pegawai", "unit_kerja")
        .order_by("predikat", "pegawai__nama")[:100]
    )

    # 5. The distribution curve per perangkat daerah (its organisational predikat bounds it).
    per_opd: dict[int, dict[str, int]] = {}
    nama_opd: dict[int, str] = {}
    for row in (
        qs_periode.filter(status__in=DINILAI)
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
    for row in (
        talenta_qs(qs_periode.filter(status__in=DINILAI), periode)
        .values("sumbu_kinerja", "sumbu_potensial")
        .annotate(n=Count("pk"))
    ):
        if row["sumbu_kinerja"] and row["sumbu_potensial"]:
            kotak = rules.kotak_talenta(row["sumbu_kinerja"], row["sumbu_potensial"])
            dasbor.talenta[kotak] = dasbor.talenta.get(kotak, 0) + row["n"]
        else:
            dasbor.talenta_tanpa_data += row["n"]
    return dasbor
