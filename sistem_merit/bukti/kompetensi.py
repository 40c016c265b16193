"""Evidence of competency management: assessments, the competency and performance gap analyses
followed by a development plan, and the 20 JP a year (PP 11/2017 Pasal 203–206)."""

from __future__ import annotations

import datetime as dt

from django.db.models import F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jabatan.models import Penempatan
from kinerja import rules as kinerja_rules
from kinerja.models import Periode, Skp
from pegawai.models import HasilAsesmen
from pelatihan.models import PelatihanEksternal, Peserta, RencanaPengembangan
from pelatihan.rules import JP_MINIMAL_PNS
from pelatihan.selectors import DIVERIFIKASI, LULUS
from sistem_merit.bukti.base import Angka, Bukti, daftar
from sistem_merit.bukti.ukur import (
    KOLOM_PEGAWAI,
    Baris,
    angka,
    bendera,
    hitung_qs,
    kolom_pegawai,
    persen,
    pns_pada,
    ya_tidak,
)

# How far back an assessment counts: three years up to the date, the span agencies commonly
# take an assessment result as current (Peraturan BKN 26/2019 on competency assessment; the
# article that fixes the span was not found: HR confirms it, docs/sistem-merit.md).
TAHUN_ASESMEN = 3

SELALU = Q(pk__isnull=False)
TIDAK_PERNAH = Q(pk__isnull=True)


def _tanggal_str(tanggal: dt.date) -> str:
    return date_format(tanggal, "j F Y")


# --- Reads shared by the functions below ----------------------------------------------------


def awal_asesmen(tanggal: dt.date) -> dt.date:
    """Return the day before which an assessment is too old on `tanggal` (exclusive bound):
    the same day TAHUN_ASESMEN years earlier (28 February for 29 February)."""
    try:
        return tanggal.replace(year=tanggal.year - TAHUN_ASESMEN)
    except ValueError:
        return tanggal.replace(year=tanggal.year - TAHUN_ASESMEN, day=28)


def asesmen_pada(tanggal: dt.date) -> QuerySet[HasilAsesmen]:
    """Return the assessments held in the TAHUN_ASESMEN years up to `tanggal`: after
    awal_asesmen(tanggal), on or before `tanggal`."""
    return HasilAsesmen.objects.filter(tanggal__gt=awal_asesmen(tanggal), tanggal__lte=tanggal)


def penempatan_pada(tanggal: dt.date) -> QuerySet[Penempatan]:
    """Return the definitive placements held on `tanggal`: begun on or before it, not ended
    before or on it (`tmt_selesai` is the day the holder left, as the days served count it)."""
    return Penempatan.objects.definitif().filter(
        Q(tmt_selesai__isnull=True) | Q(tmt_selesai__gt=tanggal), tmt_mulai__lte=tanggal
    )


def rencana_disetujui(tanggal: dt.date) -> QuerySet[RencanaPengembangan]:
    """Return the development plans of `tanggal`'s year approved by HR on or before `tanggal`
    (PP 11/2017 Pasal 205 ayat (3): a plan for one year; Pasal 207 ayat (2): set by the PPK)."""
    return RencanaPengembangan.objects.filter(
        tahun=tanggal.year,
        status=RencanaPengembangan.Status.DISETUJUI,
        disetujui_pada__date__lte=tanggal,
    )


def cakupan_rencana(tanggal: dt.date, kolom_path: str) -> Q:
    """Return the test that a unit (its materialised path in `kolom_path`) is covered by an
    approved plan of rencana_disetujui(tanggal): its own unit's or a unit's above it, or the
    city's (every unit). One query, for the plans' units (a city has at most some hundred)."""
    paths = set(rencana_disetujui(tanggal).values_list("unit_kerja__path", flat=True))
    if None in paths:
        return SELALU
    if not paths:
        return TIDAK_PERNAH
    hasil = Q()
    for path in sorted(paths):
        hasil |= Q(**{f"{kolom_path}__startswith": path})
    return hasil


# --- asesmen_pegawai -------------------------------------------------------------------------


def _asesmen(tanggal: dt.date) -> tuple[QuerySet, Q]:
    return pns_pada(tanggal), Q(pk__in=asesmen_pada(tanggal).values("pegawai_id"))


def asesmen_pegawai(tanggal: dt.date) -> Angka:
    """Count the PNS in service on `tanggal` (ukur.pns_pada) with a competency assessment
    (HasilAsesmen) in the TAHUN_ASESMEN years up to `tanggal` (asesmen_pada); the denominator
    is all of them. One query.

    Evidences PP 11/2017 Pasal 134 ayat (2) huruf d (career management from talent
    management, which maps people by assessed potential) and Pasal 206 ayat (2) (the
    competency profile the gap analysis compares)."""
    qs, memenuhi = _asesmen(tanggal)
    n = hitung_qs(qs, memenuhi)
    penyebut, pembilang = n["penyebut"], n["pembilang"]
    if not penyebut:
        return Angka(0, 0, gettext("Tidak ada PNS pada tanggal ini."))
    uraian = gettext(
        "%(n)s dari %(d)s PNS (%(p)s%%) telah diases kompetensinya dalam %(t)s tahun terakhir"
    ) % {
        "n": angka(pembilang),
        "d": angka(penyebut),
        "p": persen(pembilang, penyebut),
        "t": TAHUN_ASESMEN,
    }
    kurang = ""
    if pembilang < penyebut:
        kurang = gettext("%(n)s PNS belum diases kompetensinya sejak %(sejak)s") % {
            "n": angka(penyebut - pembilang),
            "sejak": _tanggal_str(awal_asesmen(tanggal) + dt.timedelta(days=1)),
        }
    return Angka(pembilang, penyebut, uraian, kurang)


def asesmen_pegawai_baris(tanggal: dt.date) -> Baris:
    """Return every PNS counted by asesmen_pegawai, with the date of their latest assessment
    in the window and whether they have one."""
    qs, memenuhi = _asesmen(tanggal)
    terakhir = (
        asesmen_pada(tanggal).filter(pegawai=OuterRef("pk")).order_by("-tanggal").values("tanggal")
    )
    rows = (
        qs.annotate(v_asesmen=Subquery(terakhir[:1]), memenuhi=bendera(memenuhi))
        .order_by("unit_kerja__nama", "nama", "nip")
        .values_list(*KOLOM_PEGAWAI, "v_asesmen", "memenuhi")
    )
    return [*kolom_pegawai(), gettext("Asesmen terakhir"), gettext("Sudah diases")], [
        (nip, nama, unit, asesmen, ya_tidak(ok)) for nip, nama, unit, asesmen, ok in rows
    ]


# --- kesenjangan_kompetensi ------------------------------------------------------------------


def _kesenjangan_kompetensi(tanggal: dt.date) -> tuple[QuerySet, Q]:
    # Every position holds its nine standard levels (NOT NULL, the regulation's defaults
    # filled in by Jabatan.save): any definitive post can be compared with its standard.
    menjabat = penempatan_pada(tanggal)
    qs = (
        pns_pada(tanggal)
        .filter(pk__in=asesmen_pada(tanggal).values("pegawai_id"))
        .filter(pk__in=menjabat.values("pegawai_id"))
    )
    cakupan = cakupan_rencana(tanggal, "formasi__unit_kerja__path")
    if cakupan in (SELALU, TIDAK_PERNAH):
        return qs, cakupan
    return qs, Q(pk__in=menjabat.filter(cakupan).values("pegawai_id"))


def kesenjangan_kompetensi(tanggal: dt.date) -> Angka:
    """Count, among the PNS in service on `tanggal`, assessed in the TAHUN_ASESMEN years up to
    it and holding on it a definitive post (every position has its competency standard; the
    denominator: those whose profile can be compared with the standard, PP 11/2017 Pasal 206
    ayat (2)), those whose post's unit is covered by a development plan of `tanggal`'s year
    approved by `tanggal` (the unit's own, a unit's above it, or the city's).

    The gap itself is computed, never stored: the training-needs analysis (pelatihan.rules.
    kebutuhan) compares every assessed employee's levels with their post's standard on
    demand. What the data can show is that the unit is covered by a plan the PPK approved
    (PP 11/2017 Pasal 205–207); whether the plan's rows answer this employee's gaps is not
    checked (an approved plan with no rows covers its units all the same: HR reviews the
    proposal). Two queries: the plans' units, the count."""
    qs, memenuhi = _kesenjangan_kompetensi(tanggal)
    n = hitung_qs(qs, memenuhi)
    penyebut, pembilang = n["penyebut"], n["pembilang"]
    if not penyebut:
        return Angka(
            0,
            0,
            gettext(
                "Tidak ada PNS yang telah diases dan menduduki jabatan yang memiliki standar "
                "kompetensi."
            ),
        )
    uraian = gettext(
        "%(n)s dari %(d)s PNS yang telah diases (%(p)s%%) tercakup rencana pengembangan "
        "kompetensi tahun %(tahun)s yang disetujui"
    ) % {
        "n": angka(pembilang),
        "d": angka(penyebut),
        "p": persen(pembilang, penyebut),
        "tahun": tanggal.year,
    }
    kurang = ""
    if pembilang < penyebut:
        kurang = gettext(
            "%(n)s PNS yang telah diases belum tercakup rencana pengembangan kompetensi tahun "
            "%(tahun)s yang disetujui"
        ) % {"n": angka(penyebut - pembilang), "tahun": tanggal.year}
    return Angka(pembilang, penyebut, uraian, kurang)


def kesenjangan_kompetensi_baris(tanggal: dt.date) -> Baris:
    """Return every PNS counted by kesenjangan_kompetensi: their post on `tanggal` (position —
    unit) and whether a plan covers it."""
    qs, memenuhi = _kesenjangan_kompetensi(tanggal)
    pos = penempatan_pada(tanggal).filter(pegawai=OuterRef("pk")).order_by("-tmt_mulai")
    rows = (
        qs.annotate(
            v_jabatan=Subquery(pos.values("formasi__jabatan__nama")[:1]),
            v_unit=Subquery(pos.values("formasi__unit_kerja__nama")[:1]),
            memenuhi=bendera(memenuhi),
        )
        .order_by("v_unit", "nama", "nip")
        .values_list("nip", "nama", "v_unit", "v_jabatan", "memenuhi")
    )
    return [*kolom_pegawai(), gettext("Jabatan"), gettext("Tercakup rencana")], [
        (nip, nama, unit, jabatan, ya_tidak(ok)) for nip, nama, unit, jabatan, ok in rows
    ]


# --- kesenjangan_kinerja ---------------------------------------------------------------------


def skp_rendah(tanggal: dt.date) -> QuerySet[Skp]:
    """Return the evaluated annual SKPs of the year before `tanggal`'s year rated below Baik
    (Butuh Perbaikan or lower, kinerja.rules.RENDAH_KE_BAWAH; PermenPANRB 6/2022)."""
    return Skp.objects.dinilai().filter(
        periode__jenis=Periode.Jenis.TAHUNAN,
        periode__tahun=tanggal.year - 1,
        predikat__in=kinerja_rules.RENDAH_KE_BAWAH,
    )


def _kesenjangan_kinerja(tanggal: dt.date) -> tuple[QuerySet, Q]:
    qs = pns_pada(tanggal).filter(pk__in=skp_rendah(tanggal).values("pegawai_id"))
    cakupan = cakupan_rencana(tanggal, "unit_kerja__path")
    if cakupan in (SELALU, TIDAK_PERNAH):
        return qs, cakupan
    return qs, Q(pk__in=skp_rendah(tanggal).filter(cakupan).values("pegawai_id"))


def kesenjangan_kinerja(tanggal: dt.date) -> Angka:
    """Count, among the PNS in service on `tanggal` whose annual predikat of the year before is
    below Baik (skp_rendah: the denominator), those whose unit at that evaluation (the SKP's
    own copy of it) is covered by a development plan of `tanggal`'s year approved by
    `tanggal` (the unit's, one above it, or the city's). An SKP is read as evaluated, whatever
    the day it was rated.

    The performance gap (PP 11/2017 Pasal 206 ayat (3): the appraisal against the post's
    target) is the predikat itself; its follow-up is the plan (Pasal 205, Pasal 207 ayat (2))
    that the training-needs analysis feeds (pelatihan.rules.kebutuhan, source "kinerja").
    Evidences PP 11/2017 Pasal 134 ayat (2) huruf g (competency development planned according
    to performance appraisal). Two queries: the plans' units, the count."""
    qs, memenuhi = _kesenjangan_kinerja(tanggal)
    n = hitung_qs(qs, memenuhi)
    penyebut, pembilang = n["penyebut"], n["pembilang"]
    if not penyebut:
        return Angka(
            0,
            0,
            gettext("Tidak ada PNS dengan predikat di bawah Baik pada tahun %(tahun)s.")
            % {"tahun": tanggal.year - 1},
        )
    uraian = gettext(
        "%(n)s dari %(d)s PNS berpredikat di bawah Baik pada tahun %(lalu)s (%(p)s%%) "
        "tercakup rencana pengembangan kompetensi tahun %(tahun)s yang disetujui"
    ) % {
        "n": angka(pembilang),
        "d": angka(penyebut),
        "p": persen(pembilang, penyebut),
        "lalu": tanggal.year - 1,
        "tahun": tanggal.year,
    }
    kurang = ""
    if pembilang < penyebut:
        kurang = gettext(
            "%(n)s PNS berpredikat di bawah Baik pada tahun %(lalu)s belum tercakup rencana "
            "pengembangan kompetensi tahun %(tahun)s yang disetujui"
        ) % {"n": angka(penyebut - pembilang), "lalu": tanggal.year - 1, "tahun": tanggal.year}
    return Angka(pembilang, penyebut, uraian, kurang)


def kesenjangan_kinerja_baris(tanggal: dt.date) -> Baris:
    """Return every PNS counted by kesenjangan_kinerja: the predikat and unit of the evaluation
    and whether a plan covers that unit."""
    qs, memenuhi = _kesenjangan_kinerja(tanggal)
    skp = skp_rendah(tanggal).filter(pegawai=OuterRef("pk"))
    rows = (
        qs.annotate(
            v_unit=Subquery(skp.values("unit_kerja__nama")[:1]),
            v_predikat=Subquery(skp.values("predikat")[:1]),
            memenuhi=bendera(memenuhi),
        )
        .order_by("v_unit", "nama", "nip")
        .values_list("nip", "nama", "v_unit", "v_predikat", "memenuhi")
    )
    return [*kolom_pegawai(), gettext("Predikat"), gettext("Tercakup rencana")], [
        (nip, nama, unit, predikat, ya_tidak(ok)) for nip, nama, unit, predikat, ok in rows
    ]


# --- jp_20 -----------------------------------------------------------------------------------


def jp_sumber(tanggal: dt.date) -> tuple[QuerySet[Peserta], QuerySet[PelatihanEksternal]]:
    """Return the training whose JP count for `tanggal`'s year up to `tanggal`: the JP tally's
    two sources (pelatihan.selectors.jp_per_tahun: completed catalogue training, verified
    external training, by their JP year), cut at `tanggal` by the certificate's date and the
    external training's last day. On the last day of the year this is jp_per_tahun's year."""
    pes = Peserta.objects.filter(
        status=LULUS, tahun_jp=tanggal.year, tanggal_sertifikat__lte=tanggal
    )
    eks = PelatihanEksternal.objects.filter(
        status=DIVERIFIKASI, tahun_jp=tanggal.year, tanggal_selesai__lte=tanggal
    )
    return pes, eks


def _jp_20(tanggal: dt.date) -> tuple[QuerySet, Q]:
    pes, eks = jp_sumber(tanggal)
    sql_p, param_p = pes.order_by().values("pegawai_id", jp=F("jp_diakui")).query.sql_with_params()
    sql_e, param_e = eks.order_by().values("pegawai_id", jp=F("jumlah_jp")).query.sql_with_params()
    # One grouped sum over both sources, read by PostgreSQL as a hashed set: no per-employee
    # subquery (measured in pelatihan.selectors.jp_per_unit: twenty times slower).
    cukup = RawSQL(
        f"SELECT j.pegawai_id FROM ({sql_p} UNION ALL {sql_e}) j "
        "GROUP BY j.pegawai_id HAVING SUM(j.jp) >= %s",
        (*param_p, *param_e, JP_MINIMAL_PNS),
    )
    return pns_pada(tanggal), Q(pk__in=cukup)


def jp_20(tanggal: dt.date) -> Angka:
    """Count the PNS in service on `tanggal` with at least 20 JP of competency development in
    `tanggal`'s year up to `tanggal` (jp_sumber); the denominator is all of them. One query.

    Evidences PP 11/2017 jo. PP 17/2020 Pasal 203 ayat (4): at least 20 JP a year per PNS."""
    qs, memenuhi = _jp_20(tanggal)
    n = hitung_qs(qs, memenuhi)
    penyebut, pembilang = n["penyebut"], n["pembilang"]
    if not penyebut:
        return Angka(0, 0, gettext("Tidak ada PNS pada tanggal ini."))
    uraian = gettext(
        "%(n)s dari %(d)s PNS (%(p)s%%) telah mencapai %(jp)s JP pada tahun %(tahun)s"
    ) % {
        "n": angka(pembilang),
        "d": angka(penyebut),
        "p": persen(pembilang, penyebut),
        "jp": JP_MINIMAL_PNS,
        "tahun": tanggal.year,
    }
    kurang = ""
    if pembilang < penyebut:
        kurang = gettext(
            "%(p)s%% PNS (%(n)s orang) belum mencapai %(jp)s JP pada tahun %(tahun)s "
            "sampai %(tanggal)s"
        ) % {
            "p": persen(penyebut - pembilang, penyebut),
            "n": angka(penyebut - pembilang),
            "jp": JP_MINIMAL_PNS,
            "tahun": tanggal.year,
            "tanggal": _tanggal_str(tanggal),
        }
    return Angka(pembilang, penyebut, uraian, kurang)


def jp_20_baris(tanggal: dt.date) -> Baris:
    """Return every PNS counted by jp_20 with their JP up to `tanggal` and whether it reaches
    20."""
    qs, memenuhi = _jp_20(tanggal)
    pes, eks = jp_sumber(tanggal)

    def jumlah(sumber: QuerySet, kolom: str):
        sub = (
            sumber.filter(pegawai=OuterRef("pk"))
            .order_by()
            .values("pegawai")
            .annotate(s=Sum(kolom))
            .values("s")
        )
        return Coalesce(Subquery(sub, output_field=IntegerField()), Value(0))

    rows = (
        qs.annotate(
            v_jp=jumlah(pes, "jp_diakui") + jumlah(eks, "jumlah_jp"), memenuhi=bendera(memenuhi)
        )
        .order_by("unit_kerja__nama", "nama", "nip")
        .values_list(*KOLOM_PEGAWAI, "v_jp", "memenuhi")
    )
    return [*kolom_pegawai(), gettext("JP"), gettext("Mencapai 20 JP")], [
        (nip, nama, unit, jp, ya_tidak(ok)) for nip, nama, unit, jp, ok in rows
    ]


daftar(
    Bukti(
        kode="asesmen_pegawai",
        judul=_("PNS yang telah diases kompetensinya"),
        hitung=asesmen_pegawai,
        baris=asesmen_pegawai_baris,
        tautan="admin:pegawai_hasilasesmen_changelist",
        sumber="PP 11/2017 Pasal 134 ayat (2) huruf d; Pasal 206 ayat (2)",
    )
)
daftar(
    Bukti(
        kode="kesenjangan_kompetensi",
        judul=_("Analisis kesenjangan kompetensi yang ditindaklanjuti rencana pengembangan"),
        hitung=kesenjangan_kompetensi,
        baris=kesenjangan_kompetensi_baris,
        tautan="pelatihan:kebutuhan",
        sumber="PP 11/2017 Pasal 206 ayat (1) dan (2); Pasal 134 ayat (2) huruf g",
    )
)
daftar(
    Bukti(
        kode="kesenjangan_kinerja",
        judul=_("Analisis kesenjangan kinerja yang ditindaklanjuti rencana pengembangan"),
        hitung=kesenjangan_kinerja,
        baris=kesenjangan_kinerja_baris,
        tautan="pelatihan:rencana",
        sumber="PP 11/2017 Pasal 206 ayat (1) dan (3); Pasal 134 ayat (2) huruf g",
    )
)
daftar(
    Bukti(
        kode="jp_20",
        judul=_("PNS dengan paling sedikit 20 JP pengembangan kompetensi setahun"),
        hitung=jp_20,
        baris=jp_20_baris,
        tautan="pelatihan:dasbor",
        sumber="PP 11/2017 jo. PP 17/2020 Pasal 203 ayat (4)",
    )
)
