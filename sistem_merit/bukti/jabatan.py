"""Evidence of positions and talent: competency standards of the positions in use, and the PNS
mapped on the talent grid (PP 11/2017 Pasal 134 ayat (2) huruf a and d)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

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
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.kompetensi import KODE, KODE_RESMI
from sistem_merit.bukti.base import Angka, Bukti, daftar
from sistem_merit.bukti.data import angka, hitung_qs, kolom_pegawai, persen, pns_pada, ya_tidak
from sistem_merit.bukti.kompetensi import standar_lengkap

# --- standar_kompetensi ----------------------------------------------------------------------


def jabatan_dipakai(tanggal: dt.date) -> QuerySet[Jabatan]:
    """Return the active positions with a post (formasi, filled or vacant) created on or before
    `tanggal`. `aktif` is the catalogue's current flag (no history is kept)."""
    return Jabatan.objects.filter(
        aktif=True,
        pk__in=Formasi.objects.filter(created_at__date__lte=tanggal).values("jabatan_id"),
    )


def standar_kompetensi(tanggal: dt.date) -> Angka:
    """Count the positions in use on `tanggal` (jabatan_dipakai: the denominator) whose
    competency standard is recorded: all nine levels, eight manajerial and one sosial
    kultural (PermenPANRB 38/2017). `kurang` names those lacking it per position kind. One
    query.

    The catalogue requires the nine levels (NOT NULL) and fills a blank one with the
    regulation's level for the kind (Jabatan.save), so every position holds at least the
    default: the figure says whether the standard is recorded, not whether the PPK has set a
    position-specific one (no record of that decree, nor of technical competencies, exists).
    Evidences PP 11/2017 Pasal 134 ayat (2) huruf a."""
    tanpa = ~standar_lengkap()
    per_jenis = {
        f"tanpa_{kode}": Count("pk", filter=tanpa & Q(jenis=kode)) for kode in JenisJabatan.values
    }
    n = hitung_qs(jabatan_dipakai(tanggal), standar_lengkap(), **per_jenis)
    penyebut, pembilang = n["penyebut"], n["pembilang"]
    if not penyebut:
        return Angka(0, 0, gettext("Tidak ada jabatan berformasi pada tanggal ini."))
    uraian = gettext("%(n)s dari %(d)s jabatan (%(p)s%%) memiliki standar kompetensi") % {
        "n": angka(pembilang),
        "d": angka(penyebut),
        "p": persen(pembilang, penyebut),
    }
    kurang = [
        gettext("%(n)s jabatan %(jenis)s") % {"n": angka(n[f"tanpa_{kode}"]), "jenis": label}
        for kode, label in JenisJabatan.choices
        if n[f"tanpa_{kode}"]
    ]
    if not kurang:
        return Angka(pembilang, penyebut, uraian)
    return Angka(
        pembilang,
        penyebut,
        uraian,
        gettext("%(daftar)s tanpa standar kompetensi") % {"daftar": ", ".join(kurang)},
    )


def standar_kompetensi_baris(tanggal: dt.date) -> tuple[Sequence[str], list[tuple]]:
    """Return every position counted by standar_kompetensi with its levels."""
    std = [f"std_{kode}" for kode in KODE]
    rows = (
        jabatan_dipakai(tanggal).order_by("nama", "kode").values_list("kode", "nama", "jenis", *std)
    )
    jenis_label = dict(JenisJabatan.choices)
    hasil = []
    for kode, nama, jenis, *level in rows:
        ada = all(v is not None for v in level)
        teks = ", ".join(
            f"{KODE_RESMI[k]} {v}" for k, v in zip(KODE, level, strict=True) if v is not None
        )
        hasil.append((kode, nama, str(jenis_label.get(jenis, jenis)), teks, ya_tidak(ada)))
    headers = [
        gettext("Kode jabatan"),
        gettext("Nama jabatan"),
        gettext("Jenis jabatan"),
        gettext("Standar kompetensi"),
        gettext("Standar lengkap"),
    ]
    return headers, hasil


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
    sql = (
        f"SELECT {kolom} FROM ({p_sql}) p LEFT JOIN ({grid_sql}) t ON t.pegawai_id = p.v_id {akhir}"
    )
    return sql, [*p_params, *grid_params]


_TERPETAKAN = "COALESCE(t.kinerja, '') <> '' AND COALESCE(t.potensial, '') <> ''"


def talent_pool(tanggal: dt.date) -> Angka:
    """Count the PNS in service on `tanggal` (the denominator) placed in a box of the talent
    grid built on the annual evaluation of the year before `tanggal`'s year (the last year
    complete on `tanggal`; the grid a talent pool set in `tanggal`'s year rests on): both
    axes known, kinerja from the predikat and potensial from an assessment's JPM
    (PermenPANRB 3/2020, kinerja.rules.kotak_talenta). The potensial axis reads the latest
    assessment, as the dashboard's grid does, even one after `tanggal`. Two queries: the
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


def talent_pool_baris(tanggal: dt.date) -> tuple[Sequence[str], list[tuple]]:
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
        kode="standar_kompetensi",
        judul=_("Jabatan yang memiliki standar kompetensi"),
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
