"""The projection's SQL: one INSERT … SELECT per table (IndeksMerit, IndeksUrusan, IndeksJp),
computed from the live tables, for every employee of the candidate pool or for some of them
(`pegawai_id IN` the ids, inside every read, so a refresh of one employee reads their rows
alone). The same statements on PostgreSQL and SQLite (the dev default), a few dialect pieces
apart.

The rules are the pure rules' (jabatan.merit, jabatan.selectors.kandidat_merit is their
reading in Python, and the tests hold the two equal); the tables that turn codes into numbers
(golongan, education, predikat scores, leadership levels, the sanction tiers) are written into
the text from their one Python definition.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date

from django.db import connection
from django.utils import timezone

from core.sql import literal, literal_list
from jabatan import merit
from jabatan.indeks.rows import KOLOM_CUKUP, KOLOM_HARI, KOLOM_JENJANG, SUDAH, TERBUKA
from jabatan.merit import pengembangan
from jabatan.models import IndeksJp, IndeksMerit, IndeksUrusan
from kinerja import rules as kinerja_rules
from kinerja.models import Periode, Skp
from pegawai import golongan as gol
from pegawai.disiplin import berakhir_menghalangi_sql
from pegawai.kompetensi import KODE
from pegawai.models import Pegawai
from pegawai.pendidikan import _URUTAN as URUTAN_PENDIDIKAN
from pelatihan.selectors.jp import DIVERIFIKASI, LULUS

DEFINITIF = "definitif"


def _pg() -> bool:
    return connection.vendor == "postgresql"


def _tanggal(d: date) -> str:
    return f"DATE '{d.isoformat()}'" if _pg() else f"'{d.isoformat()}'"


def _hari(akhir: str, awal: str) -> str:
    """Whole days from date column `awal` to `akhir`."""
    if _pg():
        return f"({akhir} - {awal})"
    return f"CAST(julianday({akhir}) - julianday({awal}) AS INTEGER)"


def _tambah_hari(kolom: str, hari: str) -> str:
    """Date column `kolom` plus `hari` days (an integer expression)."""
    if _pg():
        return f"({kolom} + CAST({hari} AS INTEGER))"
    return f"date({kolom}, '+' || ({hari}) || ' days')"


def _case(kolom: str, peta: dict) -> str:
    """CASE `kolom` WHEN code THEN value … END from a Python table (NULL for others)."""
    return (
        f"CASE {kolom} "
        + " ".join(f"WHEN {literal(k)} THEN {int(v)}" for k, v in sorted(peta.items()))
        + " END"
    )


def saring(kolom: str) -> str:
    """The employees' filter on `kolom` ('' for every employee): the ids are the named
    parameter `ids`, a list on PostgreSQL, a JSON array on SQLite."""
    if _pg():
        return f"{kolom} = ANY(%(ids)s)"
    return f"{kolom} IN (SELECT value FROM json_each(%(ids)s))"


def params(pegawai_ids: Collection[int] | None) -> dict[str, object]:
    if pegawai_ids is None:
        return {}
    ids = sorted(set(pegawai_ids))
    if _pg():
        return {"ids": ids}
    return {"ids": json.dumps(ids)}


def _dan(kolom: str, semua: bool) -> str:
    return "" if semua else f" AND {saring(kolom)}"


def _unit_urusan() -> str:
    """Each unit's government affair, its own else its nearest ancestor's (UnitKerja.objects.
    urusan_efektif): a recursive CTE down the tree."""
    return (
        "unit_urusan (id, urusan) AS ("
        " SELECT u.id, u.urusan_id FROM pegawai_unitkerja u WHERE u.parent_id IS NULL"
        " UNION ALL"
        " SELECT u.id, COALESCE(u.urusan_id, uu.urusan) FROM pegawai_unitkerja u"
        " JOIN unit_urusan uu ON u.parent_id = uu.id)"
    )


def _penempatan(semua: bool) -> str:
    """Definitive placements with the post's kind, level, the unit's affair and their days
    (ended ones; NULL while running)."""
    hari = _hari("pn.tmt_selesai", "pn.tmt_mulai")
    return (
        "pnm AS (SELECT pn.pegawai_id, pn.id, j.jenis, j.jenjang, uu.urusan, pn.tmt_mulai,"
        f" pn.tmt_selesai, CASE WHEN pn.tmt_selesai IS NULL THEN NULL WHEN {hari} > 0"
        f" THEN {hari} ELSE 0 END AS hari"
        " FROM jabatan_penempatan pn"
        " JOIN jabatan_formasi f ON f.id = pn.formasi_id"
        " JOIN jabatan_jabatan j ON j.id = f.jabatan_id"
        " LEFT JOIN unit_urusan uu ON uu.id = f.unit_kerja_id"
        f" WHERE pn.jenis = {literal(DEFINITIF)}{_dan('pn.pegawai_id', semua)})"
    )


def pool(semua: bool) -> str:
    """The candidate pool: active employees (aktif or cuti)."""
    return f"p.kedudukan IN {literal_list(Pegawai.KEDUDUKAN_AKTIF)}{_dan('p.id', semua)}"


def _nama() -> str:
    nama = (
        "TRIM(p.gelar_depan || ' ' || p.nama) || CASE WHEN p.gelar_belakang <> '' "
        "THEN ', ' || p.gelar_belakang ELSE '' END"
    )
    return f"SUBSTR({nama}, 1, 250)"


def _cukup(jenis: str) -> str:
    """The day related experience reaches what kind `jenis` asks (rows.cukup)."""
    tahun, terkait = merit.PENGALAMAN[jenis]
    perlu = merit.hari_minimal(tahun)
    selesai = " + ".join(f"COALESCE(ph.{KOLOM_HARI[j]}, 0)" for j in sorted(terkait))
    return (
        f"CASE WHEN {selesai} >= {perlu} THEN {_tanggal(SUDAH)}"
        f" WHEN kini.jenis IN {literal_list(terkait)}"
        f" THEN {_tambah_hari('kini.tmt_mulai', f'{perlu} - ({selesai})')} END"
    )


def select_merit(semua: bool) -> tuple[list[str], str]:
    """The columns (IndeksMerit's attnames) and the SELECT of the fresh rows."""

    # The last two closed annual periods, newest first (kinerja.selectors.
    # periode_tahunan_tertutup), each looked up once by the database. An employee has at most
    # one SKP per period (skp_satu_per_pegawai_periode): one join each, no ranking of rows.
    def periode(k: int) -> str:
        return (
            "(SELECT id FROM kinerja_periode"
            f" WHERE jenis = {literal(Periode.Jenis.TAHUNAN)} AND NOT terbuka"
            f" ORDER BY tahun DESC LIMIT 1 OFFSET {k})"
        )

    predikat = "".join(
        f" LEFT JOIN kinerja_skp {s} ON {s}.pegawai_id = p.id AND {s}.periode_id = {periode(k)}"
        f" AND {s}.status IN {literal_list(Skp.STATUS_DINILAI)}"
        for k, s in enumerate(["s1", "s2"])
    )
    # Newest first among those evaluated: the older year comes first when the newer one has no
    # evaluated SKP.
    p1 = "CASE WHEN s1.id IS NULL THEN s2.predikat ELSE s1.predikat END"
    p2 = "CASE WHEN s1.id IS NULL THEN NULL ELSE s2.predikat END"
    hukuman = (
        "huk AS (SELECT pegawai_id,"
        f" MAX({berakhir_menghalangi_sql('jenis', 'tmt_selesai', _tanggal(TERBUKA))}) AS sampai,"
        " MAX(tmt_mulai) AS terakhir FROM pegawai_hukumandisiplin"
        f" WHERE 1 = 1{_dan('pegawai_id', semua)} GROUP BY pegawai_id)"
    )
    level = ", ".join(KODE)
    asesmen = (
        f"ases AS (SELECT pegawai_id, {level} FROM (SELECT pegawai_id, {level},"
        " ROW_NUMBER() OVER (PARTITION BY pegawai_id ORDER BY tanggal DESC, id DESC) AS n"
        f" FROM pegawai_hasilasesmen WHERE 1 = 1{_dan('pegawai_id', semua)}) x WHERE n = 1)"
    )
    jpm = (
        "jpm AS (SELECT pegawai_id, jpm FROM (SELECT pegawai_id, jpm,"
        " ROW_NUMBER() OVER (PARTITION BY pegawai_id ORDER BY tanggal DESC, id DESC) AS n"
        " FROM pegawai_hasilasesmen WHERE jpm IS NOT NULL"
        f"{_dan('pegawai_id', semua)}) x WHERE n = 1)"
    )
    hari = ", ".join(
        f"SUM(CASE WHEN jenis = {literal(j)} THEN hari ELSE 0 END) AS {kolom}"
        for j, kolom in KOLOM_HARI.items()
    )
    hari += "".join(
        f", SUM(CASE WHEN jenjang = {literal(j)} THEN hari ELSE 0 END) AS {kolom}"
        for j, kolom in KOLOM_JENJANG.items()
    )
    pengalaman = (
        f"ph AS (SELECT pegawai_id, {hari} FROM pnm WHERE tmt_selesai IS NOT NULL"
        " GROUP BY pegawai_id)"
    )
    # At most one running definitive post per employee (the unique index
    # penempatan_satu_definitif_aktif_per_pegawai): the running post is a filter, no ranking.
    kini = (
        "kini AS (SELECT pegawai_id, jenis, jenjang, urusan, tmt_mulai FROM pnm"
        " WHERE tmt_selesai IS NULL)"
    )
    kode_tingkat = _case("kode", pengembangan.TINGKAT)
    kepemimpinan = (
        f"kep AS (SELECT pegawai_id, MAX({kode_tingkat}) AS tingkat FROM ("
        " SELECT ps.pegawai_id, pg.pelatihan_wajib AS kode FROM pelatihan_peserta ps"
        " JOIN pelatihan_sesi se ON se.id = ps.sesi_id"
        " JOIN pelatihan_program pg ON pg.id = se.program_id"
        f" WHERE ps.status = {literal(LULUS)} AND pg.pelatihan_wajib <> ''"
        f"{_dan('ps.pegawai_id', semua)}"
        " UNION ALL SELECT pegawai_id, pelatihan_wajib FROM pelatihan_pelatihaneksternal"
        f" WHERE status = {literal(DIVERIFIKASI)} AND pelatihan_wajib <> ''"
        f"{_dan('pegawai_id', semua)}) x GROUP BY pegawai_id)"
    )
    # The JP of the window that ends this year (IndeksMerit.jp_jendela): the sum of this
    # year's IndeksJp rows of the window, read from the same training rows.
    jendela = pengembangan.tahun_jendela(timezone.localdate())
    jp_jendela = (
        f"jpj AS (SELECT pegawai_id, SUM(jp) AS jp FROM ({_jp(semua, jendela[0], jendela[-1])})"
        " x GROUP BY pegawai_id)"
    )
    lulus = literal_list(merit.PREDIKAT_LULUS)
    skor = kinerja_rules.SKOR_PREDIKAT
    if _pg():
        jpm_sen = "CAST(FLOOR(jpm.jpm * 100) AS INTEGER)"
    else:  # REAL in SQLite: two decimal places, rounded back before truncation
        jpm_sen = "CAST(ROUND(jpm.jpm * 100, 6) AS INTEGER)"
    kolom: dict[str, str] = {
        "pegawai_id": "p.id",
        "nip": "p.nip",
        "nama": _nama(),
        "jenis_kelamin": "p.jenis_kelamin",
        "tanggal_lahir": "p.tanggal_lahir",
        "status": "p.status",
        "aktif": f"p.kedudukan = {literal(Pegawai.Kedudukan.AKTIF)}",
        "kedudukan_hukum": "p.kedudukan_hukum",
        "golongan": "p.golongan",
        "urutan_golongan": _case("p.golongan", {**gol._URUTAN_PNS, **gol._URUTAN_PPPK}),
        "tmt_golongan": "p.tmt_golongan",
        "tmt_masuk": "COALESCE(p.tmt_cpns, p.tmt_pppk, p.tmt_golongan)",
        "urutan_pendidikan": _case("p.pendidikan", URUTAN_PENDIDIKAN),
        "bidang_studi_id": "p.bidang_studi_id",
        "predikat_1": f"COALESCE({p1}, '')",
        "predikat_2": f"COALESCE({p2}, '')",
        "skor_1": _case(f"({p1})", skor),
        "skor_2": _case(f"({p2})", skor),
        "kinerja_lulus": f"COALESCE({p1}, '') IN {lulus} AND COALESCE({p2}, '') IN {lulus}",
        "asesmen": "ases.pegawai_id IS NOT NULL",
        **{f"level_{k}": f"ases.{k}" for k in KODE},
        **{c: f"COALESCE(ph.{c}, 0)" for c in [*KOLOM_HARI.values(), *KOLOM_JENJANG.values()]},
        "jabatan_kini": "COALESCE(kini.jenis, '')",
        "jenjang_kini": "COALESCE(kini.jenjang, '')",
        "jabatan_kini_mulai": "kini.tmt_mulai",
        "urusan_kini_id": "kini.urusan",
        **{KOLOM_CUKUP[j]: _cukup(j) for j in merit.PENGALAMAN},
        "tingkat_kepemimpinan": "COALESCE(kep.tingkat, 0)",
        "jp_jendela_tahun": str(jendela[-1]),
        "jp_jendela": "COALESCE(jpj.jp, 0)",
        "jpm_sen": jpm_sen,
        "hukuman_sampai": "huk.sampai",
        "hukuman_terakhir": "huk.terakhir",
    }
    fields = [f.attname for f in IndeksMerit._meta.concrete_fields]
    assert set(kolom) == set(fields), set(kolom) ^ set(fields)
    cte = ", ".join(
        [
            _unit_urusan(),
            _penempatan(semua),
            hukuman,
            asesmen,
            jpm,
            pengalaman,
            kini,
            kepemimpinan,
            jp_jendela,
        ]
    )
    select = (
        f"WITH RECURSIVE {cte} SELECT "
        + ", ".join(f"{kolom[f]} AS {f}" for f in fields)
        + " FROM pegawai_pegawai p"
        + predikat
        + " LEFT JOIN huk ON huk.pegawai_id = p.id"
        " LEFT JOIN ases ON ases.pegawai_id = p.id"
        " LEFT JOIN jpm ON jpm.pegawai_id = p.id"
        " LEFT JOIN ph ON ph.pegawai_id = p.id"
        " LEFT JOIN kini ON kini.pegawai_id = p.id"
        " LEFT JOIN kep ON kep.pegawai_id = p.id"
        " LEFT JOIN jpj ON jpj.pegawai_id = p.id"
        f" WHERE {pool(semua)}"
    )
    return fields, select


def select_urusan(semua: bool) -> tuple[list[str], str]:
    """Days of ended definitive posts per government affair, affairs with days only."""
    return ["pegawai_id", "urusan_id", "hari"], (
        f"WITH RECURSIVE {_unit_urusan()}, {_penempatan(semua)}"
        " SELECT pnm.pegawai_id, pnm.urusan, SUM(pnm.hari) FROM pnm"
        " JOIN pegawai_pegawai p ON p.id = pnm.pegawai_id"
        f" WHERE pnm.tmt_selesai IS NOT NULL AND pnm.urusan IS NOT NULL AND pnm.hari > 0"
        f" AND {pool(semua)} GROUP BY pnm.pegawai_id, pnm.urusan"
    )


def _jp(semua: bool, dari: int = 1, sampai: int = 9999) -> str:
    """JP by employee and calendar year from `dari` to `sampai`, one row per training: completed
    catalogue training and verified external training (pegawai_id, tahun, jp)."""
    tahun = f"tahun_jp BETWEEN {int(dari)} AND {int(sampai)}"
    return (
        "SELECT pegawai_id, tahun_jp AS tahun, jp_diakui AS jp FROM pelatihan_peserta"
        f" WHERE status = {literal(LULUS)} AND {tahun}{_dan('pegawai_id', semua)}"
        " UNION ALL SELECT pegawai_id, tahun_jp, jumlah_jp FROM pelatihan_pelatihaneksternal"
        f" WHERE status = {literal(DIVERIFIKASI)} AND {tahun}{_dan('pegawai_id', semua)}"
    )


def select_jp(semua: bool) -> tuple[list[str], str]:
    """JP per calendar year: completed catalogue training and verified external training."""
    return ["pegawai_id", "tahun", "jp"], (
        f"SELECT x.pegawai_id, x.tahun, SUM(x.jp) FROM ({_jp(semua)})"
        " x JOIN pegawai_pegawai p ON p.id = x.pegawai_id"
        f" WHERE {pool(semua)} GROUP BY x.pegawai_id, x.tahun HAVING SUM(x.jp) <> 0"
    )


TABEL = ((IndeksMerit, select_merit), (IndeksUrusan, select_urusan), (IndeksJp, select_jp))


def insert(model, select_fn, semua: bool) -> str:
    """INSERT … SELECT of `model`'s fresh rows (a CTE's WITH stays in front of the SELECT)."""
    fields, select = select_fn(semua)
    column = {f.attname: f.column for f in model._meta.concrete_fields}
    kolom = ", ".join(column[f] for f in fields)
    return f"INSERT INTO {model._meta.db_table} ({kolom}) {select}"
