"""Evidence of performance management and of the employees' self-service: final annual SKP,
the distribution curve per perangkat daerah, use of the self-service pages.

"Employed on `tanggal`": a PNS from their TMT CPNS, a PPPK from their TMT PPPK, until their TMT
berhenti (retirement, dismissal, death: the first day they are no longer employed). The legal
dates decide, not when the row was entered.
"""

from __future__ import annotations

from datetime import date, datetime, time

from axes.models import AccessLog
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from kinerja import rules
from kinerja.models import KinerjaOrganisasi, Periode, RencanaHasilKerja, Skp
from pegawai.models import Pegawai, UnitKerja
from pegawai.nip import format_nip
from sistem_merit.bukti.base import Angka, Bukti, daftar
from sistem_merit.bukti.ukur import (
    Baris,
    akhir_hari,
    angka,
    bekerja_pada,
    bendera,
    mulai_bekerja_sebelum,
    uraian_angka,
    ya_tidak,
)


def _baris_pegawai(qs: QuerySet[Pegawai], kolom: dict[str, str]) -> Baris:
    """Return the employees of `qs` by unit and name, with NIP, name, unit and status, then the
    boolean annotations `kolom` names (annotation -> column header) as Ya/Tidak. One query."""
    kepala = [
        gettext("NIP"),
        gettext("Nama"),
        gettext("Kode unit"),
        gettext("Unit kerja"),
        gettext("Status"),
        *kolom.values(),
    ]
    rows = qs.order_by("unit_kerja__path", "nama", "nip").values_list(
        "nip", "nama", "unit_kerja__kode", "unit_kerja__nama", "status", *kolom
    )
    return kepala, [
        (
            format_nip(nip, pppk=status == Pegawai.Status.PPPK),
            nama,
            kode,
            unit,
            status,
            *(ya_tidak(v) for v in tanda),
        )
        for nip, nama, kode, unit, status, *tanda in rows
    ]


# --- Final annual SKP ---------------------------------------------------------------------------


def _pegawai_skp(tanggal: date) -> QuerySet[Pegawai]:
    """The employees who owe an annual SKP of last year: employed on `tanggal` and in service by
    the last day of last year; each annotated `final` (their SKP of that year is final, and was
    finalised by `tanggal`)."""
    tahun = tanggal.year - 1
    final = Skp.objects.filter(
        pegawai=OuterRef("pk"),
        periode__jenis=Periode.Jenis.TAHUNAN,
        periode__tahun=tahun,
        status=Skp.Status.FINAL,
        difinalkan_pada__lt=akhir_hari(tanggal),
    )
    return (
        Pegawai.objects.filter(bekerja_pada(tanggal))
        .filter(mulai_bekerja_sebelum(date(tahun, 12, 31)))
        .annotate(final=Exists(final))
    )


def skp_final(tanggal: date) -> Angka:
    """Count the employees (PNS and PPPK employed on `tanggal`, in service by the end of last
    year) with a final annual SKP of the year before `tanggal`'s year, finalised by `tanggal`.

    Denominator: those employees (who joined this year owe no SKP of last year). Evidences
    PP 30/2019 and PermenPANRB 6/2022 (the annual performance evaluation of every PNS and
    PPPK) and PP 11/2017 jo. PP 17/2020 Pasal 134 ayat (2) huruf e. One query."""
    hasil = _pegawai_skp(tanggal).aggregate(
        n_total=Count("pk"), n_final=Count("pk", filter=Q(final=True))
    )
    total, final = hasil["n_total"], hasil["n_final"]
    tahun = tanggal.year - 1
    tanpa = total - final
    kurang = ""
    if tanpa:
        kurang = ngettext(
            "%(n)s pegawai belum memiliki SKP tahunan %(tahun)s yang final",
            "%(n)s pegawai belum memiliki SKP tahunan %(tahun)s yang final",
            tanpa,
        ) % {"n": angka(tanpa), "tahun": tahun}
    return Angka(
        final,
        total,
        uraian_angka(
            gettext("%(p)s dari %(n)s pegawai memiliki SKP tahunan %(t)s yang final"),
            final,
            total,
            t=tahun,
        ),
        kurang,
    )


def skp_final_baris(tanggal: date) -> Baris:
    """Return every employee counted, with whether their SKP of last year is final."""
    return _baris_pegawai(_pegawai_skp(tanggal), {"final": gettext("SKP tahunan final")})


daftar(
    Bukti(
        kode="skp_final",
        judul=_("Pegawai dengan SKP tahunan final"),
        hitung=skp_final,
        baris=skp_final_baris,
        tautan="kinerja:dasbor",
        sumber=(
            "PP 30/2019; PermenPANRB 6/2022; PP 11/2017 jo. PP 17/2020 Pasal 134 ayat (2) huruf e"
        ),
    )
)


# --- SKP planned this year ----------------------------------------------------------------------


def _pegawai_rencana(tanggal: date) -> QuerySet[Pegawai]:
    """The employees employed on `tanggal`, each annotated `rencana`: their annual SKP of
    `tanggal`'s year holds at least one planned result (RHK) with its indicator (IKI) and
    target, written by `tanggal` (RencanaHasilKerja requires all three)."""
    rhk = RencanaHasilKerja.objects.filter(
        skp__pegawai=OuterRef("pk"),
        skp__periode__jenis=Periode.Jenis.TAHUNAN,
        skp__periode__tahun=tanggal.year,
        created_at__lt=akhir_hari(tanggal),
    )
    return Pegawai.objects.filter(bekerja_pada(tanggal)).annotate(rencana=Exists(rhk))


def skp_rencana(tanggal: date) -> Angka:
    """Count the employees (PNS and PPPK employed on `tanggal`: the denominator) whose annual
    SKP of `tanggal`'s year holds its planned results with indicator and target
    (PermenPANRB 6/2022: "SKP yang memuat paling sedikit RHK, IKI, dan Target Kinerja";
    kertas kerja 2026, 3.1). One query."""
    hasil = _pegawai_rencana(tanggal).aggregate(
        n_total=Count("pk"), n_rencana=Count("pk", filter=Q(rencana=True))
    )
    total, rencana = hasil["n_total"], hasil["n_rencana"]
    tanpa = total - rencana
    kurang = ""
    if tanpa:
        kurang = ngettext(
            "%(n)s pegawai belum menyusun SKP %(tahun)s dengan RHK, indikator, dan target",
            "%(n)s pegawai belum menyusun SKP %(tahun)s dengan RHK, indikator, dan target",
            tanpa,
        ) % {"n": angka(tanpa), "tahun": tanggal.year}
    return Angka(
        rencana,
        total,
        uraian_angka(
            gettext("%(p)s dari %(n)s pegawai telah menyusun SKP %(t)s dengan RHK dan target"),
            rencana,
            total,
            t=tanggal.year,
        ),
        kurang,
    )


def skp_rencana_baris(tanggal: date) -> Baris:
    """Return every employee counted, with whether their SKP of this year is planned."""
    return _baris_pegawai(_pegawai_rencana(tanggal), {"rencana": gettext("SKP tersusun")})


daftar(
    Bukti(
        kode="skp_rencana",
        judul=_("Pegawai yang telah menyusun SKP tahun berjalan"),
        hitung=skp_rencana,
        baris=skp_rencana_baris,
        tautan="kinerja:dasbor",
        sumber=(
            "PermenPANRB 6/2022; PP 30/2019; PP 11/2017 jo. PP 17/2020 Pasal 134 ayat (2) huruf e"
        ),
    )
)


# --- The distribution curve per perangkat daerah ------------------------------------------------


def _kurva(tanggal: date) -> list[dict]:
    """Return, per perangkat daerah with evaluated annual SKPs of last year (rated by
    `tanggal`), its predikat counts, its organisational predikat of that year (recorded by
    `tanggal`; None without one) and the breaches of the curve (kinerja.rules.cek_kurva, the
    check the performance dashboard runs), by name. Two queries: the SKPs counted per unit and
    predikat (the dashboard's index, no join), then those units with their predikat."""
    tahun = tanggal.year - 1
    akhir = akhir_hari(tanggal)
    jumlah: dict[int, dict[str, int]] = {}
    for opd, predikat, n in (
        Skp.objects.dinilai()
        .filter(periode__jenis=Periode.Jenis.TAHUNAN, periode__tahun=tahun)
        .annotate(pada=Coalesce("dinilai_pada", "difinalkan_pada", "created_at"))
        .filter(pada__lt=akhir)
        .order_by()
        .values_list("perangkat_daerah_id", "predikat")
        .annotate(n=Count("pk"))
    ):
        jumlah.setdefault(opd, {})[predikat] = n
    if not jumlah:
        return []
    org = (
        KinerjaOrganisasi.objects.filter(
            unit_kerja=OuterRef("pk"), tahun=tahun, created_at__lt=akhir
        )
        .order_by()
        .values("predikat")[:1]
    )
    unit = []
    for pk, kode, nama, predikat_org in (
        UnitKerja.objects.filter(pk__in=jumlah)
        .annotate(org=Subquery(org))
        .order_by("nama", "pk")
        .values_list("pk", "kode", "nama", "org")
    ):
        pelanggaran = rules.cek_kurva(predikat_org, jumlah[pk]) if predikat_org else None
        unit.append(
            {
                "kode": kode,
                "nama": nama,
                "org": predikat_org,
                "jumlah": jumlah[pk],
                "pelanggaran": pelanggaran,
                "sesuai": pelanggaran == [],
            }
        )
    return unit


def kurva_kinerja(tanggal: date) -> Angka:
    """Count the perangkat daerah whose employees' predikat of last year (the year before
    `tanggal`'s) follow the distribution curve their organisational predikat sets
    (kinerja.rules.cek_kurva finds no breach).

    Denominator: the perangkat daerah with evaluated annual SKPs of that year rated by
    `tanggal`; one without an organisational predikat recorded by `tanggal` cannot show it
    follows the curve, so it counts against. Evidences PermenPANRB 6/2022 (the distribution
    of predikat follows the organisation's performance) and PP 11/2017 jo. PP 17/2020 Pasal 134
    ayat (2) huruf e. Two queries (one when no SKP is rated)."""
    unit = _kurva(tanggal)
    total = len(unit)
    sesuai = sum(1 for u in unit if u["sesuai"])
    tanpa_org = sum(1 for u in unit if u["org"] is None)
    melanggar = total - sesuai - tanpa_org
    tahun = tanggal.year - 1
    bagian = []
    if melanggar:
        bagian.append(
            ngettext(
                "%(n)s perangkat daerah tidak mengikuti kurva distribusi predikat kinerja "
                "%(tahun)s",
                "%(n)s perangkat daerah tidak mengikuti kurva distribusi predikat kinerja "
                "%(tahun)s",
                melanggar,
            )
            % {"n": angka(melanggar), "tahun": tahun}
        )
    if tanpa_org:
        bagian.append(
            ngettext(
                "%(n)s perangkat daerah tanpa predikat kinerja organisasi %(tahun)s",
                "%(n)s perangkat daerah tanpa predikat kinerja organisasi %(tahun)s",
                tanpa_org,
            )
            % {"n": angka(tanpa_org), "tahun": tahun}
        )
    return Angka(
        sesuai,
        total,
        uraian_angka(
            gettext(
                "%(p)s dari %(n)s perangkat daerah mengikuti kurva distribusi predikat kinerja "
                "%(t)s"
            ),
            sesuai,
            total,
            t=tahun,
        ),
        "; ".join(bagian),
    )


def kurva_kinerja_baris(tanggal: date) -> Baris:
    """Return every perangkat daerah counted: its organisational predikat, its employees per
    predikat, whether it follows the curve and, where not, why."""
    kepala = [
        gettext("Kode unit"),
        gettext("Perangkat daerah"),
        gettext("Predikat kinerja organisasi"),
        *rules.PREDIKAT,
        gettext("Jumlah"),
        gettext("Sesuai kurva"),
        gettext("Keterangan"),
    ]
    rows = []
    for u in _kurva(tanggal):
        if u["pelanggaran"] is None:
            keterangan = gettext("Belum ada predikat kinerja organisasi.")
        else:
            keterangan = " ".join(p.pesan for p in u["pelanggaran"])
        rows.append(
            (
                u["kode"],
                u["nama"],
                u["org"] or "",
                *(u["jumlah"].get(p, 0) for p in rules.PREDIKAT),
                sum(u["jumlah"].values()),
                ya_tidak(u["sesuai"]),
                keterangan,
            )
        )
    return kepala, rows


daftar(
    Bukti(
        kode="kurva_kinerja",
        judul=_("Perangkat daerah yang mengikuti kurva distribusi predikat kinerja"),
        hitung=kurva_kinerja,
        baris=kurva_kinerja_baris,
        tautan="kinerja:dasbor",
        sumber="PermenPANRB 6/2022; PP 11/2017 jo. PP 17/2020 Pasal 134 ayat (2) huruf e",
    )
)


# --- Use of the self-service pages --------------------------------------------------------------


def _pegawai_layanan(tanggal: date) -> QuerySet[Pegawai]:
    """The employees employed on `tanggal`, each annotated `akun` (a login is linked to their
    record: pegawai Akses, the self-service of their own data) and `pakai` (that login signed
    in between 1 January of `tanggal`'s year and the end of `tanggal`, local time)."""
    awal = timezone.make_aware(datetime.combine(date(tanggal.year, 1, 1), time.min))
    akhir = akhir_hari(tanggal)
    # Every successful login (django-axes' access log, kept with the login lock), and the
    # login's last one (auth's last_login) for logins the log no longer holds.
    masuk = AccessLog.objects.filter(
        username=OuterRef("akses__user__username"),
        attempt_time__gte=awal,
        attempt_time__lt=akhir,
    )
    terakhir = Q(akses__user__last_login__gte=awal, akses__user__last_login__lt=akhir)
    return (
        Pegawai.objects.filter(bekerja_pada(tanggal))
        .annotate(akun=bendera(Q(akses__user__isnull=False)))
        .annotate(pakai=bendera(Q(akses__user__isnull=False) & (terakhir | Exists(masuk))))
    )


def layanan_mandiri(tanggal: date) -> Angka:
    """Count the employees (PNS and PPPK employed on `tanggal`) whose own login (linked to
    their record) signed in to the self-service pages in `tanggal`'s year, up to `tanggal`.

    Denominator: all employees employed on `tanggal`, so those without a login count against
    (the system must be reachable by every ASN). A sign-in is the use recorded: the access log
    of every login (django-axes) and the login's last sign-in (last_login). Evidences PP 11/2017
    jo. PP 17/2020 Pasal 134 ayat (2) huruf i (an integrated information system accessible to
    every ASN). One query."""
    hasil = _pegawai_layanan(tanggal).aggregate(
        n_total=Count("pk"),
        n_akun=Count("pk", filter=Q(akun=True)),
        n_pakai=Count("pk", filter=Q(pakai=True)),
    )
    total, akun, pakai = hasil["n_total"], hasil["n_akun"], hasil["n_pakai"]
    tanpa, tanpa_akun = total - pakai, total - akun
    kurang = ""
    if tanpa:
        kurang = ngettext(
            "%(n)s pegawai belum memakai layanan mandiri pada tahun %(tahun)s",
            "%(n)s pegawai belum memakai layanan mandiri pada tahun %(tahun)s",
            tanpa,
        ) % {"n": angka(tanpa), "tahun": tanggal.year}
        if tanpa_akun:
            kurang += " " + gettext("(%(m)s di antaranya belum memiliki akun)") % {
                "m": angka(tanpa_akun)
            }
    return Angka(
        pakai,
        total,
        uraian_angka(
            gettext("%(p)s dari %(n)s pegawai memakai layanan mandiri pada tahun %(t)s"),
            pakai,
            total,
            t=tanggal.year,
        ),
        kurang,
    )


def layanan_mandiri_baris(tanggal: date) -> Baris:
    """Return every employee counted, with whether they have a login and used it this year."""
    return _baris_pegawai(
        _pegawai_layanan(tanggal),
        {"akun": gettext("Memiliki akun"), "pakai": gettext("Memakai layanan mandiri")},
    )


daftar(
    Bukti(
        kode="layanan_mandiri",
        judul=_("Pegawai yang memakai layanan mandiri"),
        hitung=layanan_mandiri,
        baris=layanan_mandiri_baris,
        tautan="admin:pegawai_akses_changelist",
        sumber="PP 11/2017 jo. PP 17/2020 Pasal 134 ayat (2) huruf i",
    )
)
