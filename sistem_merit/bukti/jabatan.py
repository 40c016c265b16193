"""Evidence of positions and talent: competency standards of the positions in use, and the PNS
mapped on the talent grid (PP 11/2017 Pasal 134 ayat (2) huruf a and d)."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jabatan.models import Formasi, Jabatan
from kinerja import rules as kinerja_rules
from kinerja.models import Periode, Skp

# The talent grid's one SQL definition (the dashboard's 9-box): private to kinerja.selectors,
# read here rather than copied, so the index and the dashboard place people alike.
from kinerja.selectors import _talenta_sql
from pegawai.jenis_jabatan import MANAJERIAL, JenisJabatan
from pegawai.kompetensi import KODE, KODE_RESMI
from sistem_merit.bukti.base import Angka, Bukti, daftar
from sistem_merit.bukti.ukur import (
    Baris,
    angka,
    bendera,
    hitung_qs,
    kolom_pegawai,
    persen,
    pns_pada,
    ya_tidak,
)

# --- standar_kompetensi ----------------------------------------------------------------------


def jabatan_dipakai(tanggal: dt.date) -> QuerySet[Jabatan]:
    """Return the active managerial positions (JPT, Administrator, Pengawas) with a post
    (formasi, filled or vacant) created on or before `tanggal`. `aktif` is the catalogue's
    current flag (no history is kept). Managerial only: the index's levels ask for the standard
    of "seluruh jabatan manajerial" (PermenPANRB 19/2025 aspek 4, kertas kerja 4.1)."""
    return Jabatan.objects.filter(
        aktif=True,
        jenis__in=MANAJERIAL,
        pk__in=Formasi.objects.filter(created_at__date__lte=tanggal).values("jabatan_id"),
    )


def _skj_ditetapkan(tanggal: dt.date) -> Q:
    # The nine levels are NOT NULL (the regulation's defaults when blank): the decree is what
    # tells a position's own standard.
    return Q(skj_tanggal__lte=tanggal) & ~Q(skj_nomor="")


def standar_kompetensi(tanggal: dt.date) -> Angka:
    """Count the managerial positions in use on `tanggal` (jabatan_dipakai: the denominator)
    whose competency standard the PPK has set by decree on or before `tanggal` (Jabatan
    skj_nomor and skj_tanggal; its nine levels, eight manajerial and one sosial kultural, are
    always recorded: PermenPANRB 38/2017). `kurang` names those lacking it per managerial
    kind. One query.

    The levels alone say nothing: the catalogue fills a blank one with the regulation's
    default for the kind (Jabatan.save), so only the decree tells a position's own standard.
    Evidences PP 11/2017 Pasal 134 ayat (2) huruf a."""
    ditetapkan = _skj_ditetapkan(tanggal)
    per_jenis = {
        f"tanpa_{kode}": Count("pk", filter=~ditetapkan & Q(jenis=kode))
        for kode in JenisJabatan.values
        if kode in MANAJERIAL
    }
    n = hitung_qs(jabatan_dipakai(tanggal), ditetapkan, **per_jenis)
    penyebut, pembilang = n["penyebut"], n["pembilang"]
    if not penyebut:
        return Angka(0, 0, gettext("Tidak ada jabatan manajerial berformasi pada tanggal ini."))
    uraian = gettext(
        "%(n)s dari %(d)s jabatan manajerial (%(p)s%%) memiliki standar kompetensi yang "
        "ditetapkan dengan keputusan"
    ) % {
        "n": angka(pembilang),
        "d": angka(penyebut),
        "p": persen(pembilang, penyebut),
    }
    kurang = [
        gettext("%(n)s jabatan %(jenis)s") % {"n": angka(n[f"tanpa_{kode}"]), "jenis": label}
        for kode, label in JenisJabatan.choices
        if kode in MANAJERIAL and n[f"tanpa_{kode}"]
    ]
    if not kurang:
        return Angka(pembilang, penyebut, uraian)
    return Angka(
        pembilang,
        penyebut,
        uraian,
        gettext("%(daftar)s tanpa keputusan standar kompetensi jabatan")
        % {"daftar": ", ".join(kurang)},
    )


def standar_kompetensi_baris(tanggal: dt.date) -> Baris:
    """Return every position counted by standar_kompetensi with its levels and decree."""
    std = [f"std_{kode}" for kode in KODE]
    rows = (
        jabatan_dipakai(tanggal)
        .annotate(memenuhi=bendera(_skj_ditetapkan(tanggal)))
        .order_by("nama", "kode")
        .values_list("kode", "nama", "jenis", "skj_nomor", "skj_tanggal", "memenuhi", *std)
    )
    jenis_label = dict(JenisJabatan.choices)
    hasil = []
    for kode, nama, jenis, nomor, tanggal_skj, memenuhi, *level in rows:
        teks = ", ".join(
            f"{KODE_RESMI[k]} {v}" for k, v in zip(KODE, level, strict=True) if v is not None
        )
        hasil.append(
            (
                kode,
                nama,
                str(jenis_label.get(jenis, jenis)),
                teks,
                nomor,
                tanggal_skj,
                ya_tidak(memenuhi),
            )
        )
    headers = [
        gettext("Kode jabatan"),
        gettext("Nama jabatan"),
        gettext("Jenis jabatan"),
        gettext("Standar kompetensi"),
        gettext("Nomor keputusan SKJ"),
        gettext("Tanggal keputusan SKJ"),
        gettext("Standar ditetapkan"),
    ]
    return headers, hasil


# --- kebutuhan_beban_kerja -------------------------------------------------------------------


def formasi_pada(tanggal: dt.date) -> QuerySet[Formasi]:
    """Return the posts of active positions created on or before `tanggal`."""
    return Formasi.objects.filter(jabatan__aktif=True, created_at__date__lte=tanggal)


def _anjab_abk(tanggal: dt.date) -> Q:
    return Q(anjab_abk_tanggal__lte=tanggal) & ~Q(anjab_abk_nomor="")


def kebutuhan_beban_kerja(tanggal: dt.date) -> Angka:
    """Count the posts (formasi) on `tanggal` (the denominator) whose quota rests on a job and
    workload analysis dated on or before `tanggal` (Formasi anjab_abk_nomor and
    anjab_abk_tanggal; PermenPANRB 1/2020). `kurang` names the posts without one and how
    many units they are in. One query.

    Evidences PP 11/2017 Pasal 134 ayat (2) huruf b (needs planned from workload) and the
    index's "Anjab dan ABK tersedia untuk seluruh jabatan" (PermenPANRB 19/2025 aspek 1)."""
    memenuhi = _anjab_abk(tanggal)
    n = hitung_qs(
        formasi_pada(tanggal),
        memenuhi,
        unit_kurang=Count("unit_kerja", filter=~memenuhi, distinct=True),
    )
    penyebut, pembilang = n["penyebut"], n["pembilang"]
    if not penyebut:
        return Angka(0, 0, gettext("Tidak ada formasi pada tanggal ini."))
    uraian = gettext(
        "%(n)s dari %(d)s formasi (%(p)s%%) berdasar dokumen Anjab/ABK yang ditetapkan"
    ) % {"n": angka(pembilang), "d": angka(penyebut), "p": persen(pembilang, penyebut)}
    if pembilang == penyebut:
        return Angka(pembilang, penyebut, uraian)
    kurang = gettext("%(n)s formasi di %(u)s unit kerja tanpa dokumen Anjab/ABK") % {
        "n": angka(penyebut - pembilang),
        "u": angka(n["unit_kurang"]),
    }
    return Angka(pembilang, penyebut, uraian, kurang)


def kebutuhan_beban_kerja_baris(tanggal: dt.date) -> Baris:
    """Return every post counted by kebutuhan_beban_kerja with its document."""
    rows = (
        formasi_pada(tanggal)
        .annotate(memenuhi=bendera(_anjab_abk(tanggal)))
        .order_by("unit_kerja__path", "jabatan__nama", "pk")
        .values_list(
            "unit_kerja__nama",
            "jabatan__nama",
            "kuota",
            "anjab_abk_nomor",
            "anjab_abk_tanggal",
            "memenuhi",
        )
    )
    headers = [
        gettext("Unit kerja"),
        gettext("Jabatan"),
        gettext("Kuota"),
        gettext("Nomor dokumen Anjab/ABK"),
        gettext("Tanggal dokumen Anjab/ABK"),
        gettext("Berdasar Anjab/ABK"),
    ]
    return headers, [(*row[:-1], ya_tidak(row[-1])) for row in rows]


# --- talent_pool -----------------------------------------------------------------------------


def _talenta(tanggal: dt.date, kolom: str, akhir: str = "") -> tuple[str, list]:
    """Return SQL over the PNS in service on `tanggal` joined to their place on the talent grid
    of the annual period before `tanggal`'s year (kinerja.selectors._talenta_sql: kinerja from
    that year's and the previous year's predikat, potensial from the latest assessment's JPM,
    banded by HR's PengaturanTalenta), selecting `kolom` (p: the employee, t: the grid)."""
    tahun = tanggal.year - 1
    pns = pns_pada(tanggal)
    skp = Skp.objects.dinilai().filter(
        periode__jenis=Periode.Jenis.TAHUNAN, periode__tahun=tahun, pegawai__in=pns
    )
    grid_sql, grid_params = _talenta_sql(skp, Periode(tahun=tahun, jenis=Periode.Jenis.TAHUNAN))
    p_sql, p_params = (
        pns.order_by()
        .values(v_id=F("pk"), v_nip=F("nip"), v_nama=F("nama"), v_unit=F("unit_kerja__nama"))
        .query.sql_with_params()
    )
    # The grid is computed once (MATERIALIZED): on tables not yet analysed (a fresh seed, a
    # test) the planner guesses one row and re-ran the whole grid for each employee (26 s for
    # 470 PNS, against 4 ms materialised).
    sql = (
        f"WITH t AS MATERIALIZED ({grid_sql}) "
        f"SELECT {kolom} FROM ({p_sql}) p LEFT JOIN t ON t.pegawai_id = p.v_id {akhir}"
    )
    return sql, [*grid_params, *p_params]


_TERPETAKAN = "COALESCE(t.kinerja, '') <> '' AND COALESCE(t.potensial, '') <> ''"


def talent_pool(tanggal: dt.date) -> Angka:
    """Count the PNS in service on `tanggal` (the denominator) placed in a box of the talent
    grid built on the annual evaluation of the year before `tanggal`'s year (the last year
    complete on `tanggal`; the grid a talent pool set in `tanggal`'s year rests on): both
    axes known, kinerja from the predikat and potensial from an assessment's JPM
    (PermenPANRB 3/2020, kinerja.rules.kotak_talenta). The grid is the dashboard's, read as it
    is now: the latest assessment (even one after `tanggal`), the SKPs rated by now (even after
    `tanggal`) and HR's current bands; so an assessment computed later may count more than one
    computed on the day. Two queries: the
    talent bands, the count.

    Evidences PP 11/2017 Pasal 134 ayat (2) huruf d (career management from talent
    management, succession groups from the talent pool)."""
    sql, params = _talenta(
        tanggal,
        f"COUNT(*), COUNT(*) FILTER (WHERE {_TERPETAKAN}),"
        " COUNT(*) FILTER (WHERE COALESCE(t.kinerja, '') = ''),"
        " COUNT(*) FILTER (WHERE COALESCE(t.potensial, '') = '')",
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        penyebut, pembilang, tanpa_kinerja, tanpa_potensial = cursor.fetchone()
    if not penyebut:
        return Angka(0, 0, gettext("Tidak ada PNS pada tanggal ini."))
    uraian = gettext(
        "%(n)s dari %(d)s PNS (%(p)s%%) terpetakan pada kotak talenta penilaian tahun %(tahun)s"
    ) % {
        "n": angka(pembilang),
        "d": angka(penyebut),
        "p": persen(pembilang, penyebut),
        "tahun": tanggal.year - 1,
    }
    kurang = ""
    if pembilang < penyebut:
        kurang = gettext(
            "%(n)s PNS belum terpetakan pada kotak talenta: %(k)s tanpa predikat kinerja tahun "
            "%(tahun)s, %(a)s tanpa hasil asesmen (JPM)"
        ) % {
            "n": angka(penyebut - pembilang),
            "k": angka(tanpa_kinerja),
            "a": angka(tanpa_potensial),
            "tahun": tanggal.year - 1,
        }
    return Angka(pembilang, penyebut, uraian, kurang)


def talent_pool_baris(tanggal: dt.date) -> Baris:
    """Return every PNS counted by talent_pool with their axes, their box (1–9) and whether
    they are placed."""
    sql, params = _talenta(
        tanggal,
        f"p.v_nip, p.v_nama, p.v_unit, t.kinerja, t.potensial, ({_TERPETAKAN})",
        "ORDER BY p.v_unit, p.v_nama, p.v_nip",
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    hasil = [
        (
            nip,
            nama,
            unit,
            kinerja or "",
            potensial or "",
            kinerja_rules.kotak_talenta(kinerja, potensial) if ok else "",
            ya_tidak(ok),
        )
        for nip, nama, unit, kinerja, potensial, ok in rows
    ]
    headers = [
        *kolom_pegawai(),
        gettext("Kinerja"),
        gettext("Potensial"),
        gettext("Kotak talenta"),
        gettext("Terpetakan"),
    ]
    return headers, hasil


daftar(
    Bukti(
        kode="kebutuhan_beban_kerja",
        judul=_("Formasi yang berdasar dokumen Anjab/ABK"),
        hitung=kebutuhan_beban_kerja,
        baris=kebutuhan_beban_kerja_baris,
        tautan="admin:jabatan_formasi_changelist",
        sumber="PP 11/2017 Pasal 134 ayat (2) huruf b; PermenPANRB 1/2020",
    )
)
daftar(
    Bukti(
        kode="standar_kompetensi",
        judul=_("Jabatan manajerial dengan standar kompetensi yang ditetapkan"),
        hitung=standar_kompetensi,
        baris=standar_kompetensi_baris,
        tautan="admin:jabatan_jabatan_changelist",
        sumber="PP 11/2017 Pasal 134 ayat (2) huruf a; PermenPANRB 38/2017",
    )
)
daftar(
    Bukti(
        kode="talent_pool",
        judul=_("PNS yang terpetakan pada kotak talenta"),
        hitung=talent_pool,
        baris=talent_pool_baris,
        tautan="kinerja:dasbor",
        sumber="PP 11/2017 Pasal 134 ayat (2) huruf d; PermenPANRB 3/2020",
    )
)
