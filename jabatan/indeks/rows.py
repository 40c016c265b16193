"""The projection's rows: one candidate's IndeksMerit, IndeksUrusan and IndeksJp values,
the pure rules' view of a stored row, and the stored affair days and JP years of some employees."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from decimal import Decimal

from django.utils import timezone

from jabatan import merit
from jabatan.merit import pengembangan
from jabatan.models import IndeksJp, IndeksMerit, IndeksUrusan
from kinerja import rules as kinerja_rules
from pegawai import golongan as gol
from pegawai.disiplin import (
    MENGHALANGI,
    berakhir_menghalangi,
)
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.kompetensi import KODE

KOLOM_HARI = {j: f"hari_{j.lower()}" for j in JenisJabatan.values}
KOLOM_JENJANG = {j: f"hari_{j.lower()}" for j in sorted(merit.jpt.JENJANG_DIHITUNG)}
KOLOM_CUKUP = {j: f"cukup_{j.lower()}" for j in merit.PENGALAMAN}
TERBUKA = date(9999, 12, 31)  # the end of a sanction without an end date
SUDAH = date(1, 1, 1)  # experience already sufficient from ended posts


def cukup(k: merit.Kandidat, jenis: str) -> date | None:
    """The day `k`'s related experience reaches what position kind `jenis` asks, the same as
    merit.kelayakan decides it for any date from the start of the running post on."""
    tahun, terkait = merit.PENGALAMAN[jenis]
    perlu = merit.hari_minimal(tahun)
    selesai = sum(v for j, v in k.pengalaman_hari.items() if j in terkait)
    if selesai >= perlu:
        return SUDAH
    if k.jabatan_kini in terkait and k.jabatan_kini_mulai is not None:
        return date.fromordinal(k.jabatan_kini_mulai.toordinal() + perlu - selesai)
    return None


def nilai_baris(k: merit.Kandidat) -> dict[str, object]:
    """The projection row of one candidate, by column (bulk writes skip model instances)."""
    predikat = [*k.predikat_tahunan[:2], "", ""]
    hari_ini = timezone.localdate()  # the JP window ends in the year of the writing
    row = dict(
        pegawai_id=k.pegawai_id,
        nip=k.nip,
        nama=k.nama[:250],
        jenis_kelamin=k.jenis_kelamin,
        tanggal_lahir=k.tanggal_lahir,
        status=k.status,
        aktif=k.aktif,
        kedudukan_hukum=k.kedudukan_hukum,
        golongan=k.golongan,
        urutan_golongan=gol.urutan(k.golongan),
        tmt_golongan=k.tmt_golongan,
        tmt_masuk=k.tmt_masuk,
        urutan_pendidikan=k.pendidikan,
        bidang_studi_id=k.bidang_studi,
        predikat_1=predikat[0],
        predikat_2=predikat[1],
        skor_1=kinerja_rules.skor_predikat(predikat[0]) if predikat[0] else None,
        skor_2=kinerja_rules.skor_predikat(predikat[1]) if predikat[1] else None,
        kinerja_lulus={predikat[0], predikat[1]} <= merit.PREDIKAT_LULUS,
        asesmen=k.capaian is not None,
        jabatan_kini=k.jabatan_kini,
        jenjang_kini=k.jenjang_kini,
        jabatan_kini_mulai=k.jabatan_kini_mulai,
        urusan_kini_id=k.urusan_kini,
        tingkat_kepemimpinan=k.tingkat_kepemimpinan,
        jp_jendela_tahun=hari_ini.year,
        jp_jendela=pengembangan.jp(k, hari_ini),
        jpm_sen=int(k.jpm * 100) if k.jpm is not None else None,
        hukuman_sampai=max(
            (
                berakhir_menghalangi(h.jenis, h.selesai) or TERBUKA
                for h in k.hukuman
                if h.jenis in MENGHALANGI
            ),
            default=None,
        ),
        hukuman_terakhir=max((h.mulai for h in k.hukuman), default=None),
    )
    for jenis in merit.PENGALAMAN:
        row[KOLOM_CUKUP[jenis]] = cukup(k, jenis)
    for kode in KODE:
        row[f"level_{kode}"] = (k.capaian or {}).get(kode)
    for jenis, kolom in KOLOM_HARI.items():
        row[kolom] = k.pengalaman_hari.get(jenis, 0)
    for jenjang, kolom in KOLOM_JENJANG.items():
        row[kolom] = k.pengalaman_jenjang_hari.get(jenjang, 0)
    return row


def baris(k: merit.Kandidat) -> IndeksMerit:
    """The projection row of one candidate."""
    return IndeksMerit(**nilai_baris(k))


def nilai_urusan(k: merit.Kandidat) -> list[tuple[int, int, int]]:
    """The candidate's related-experience rows (FIELDS_URUSAN): days of ended posts per
    government affair, only affairs with days."""
    return [(k.pegawai_id, u, h) for u, h in sorted(k.pengalaman_urusan_hari.items()) if h]


def nilai_jp(k: merit.Kandidat) -> list[tuple[int, int, int]]:
    """The candidate's JP rows (FIELDS_JP): one per year with JP."""
    return [(k.pegawai_id, t, jp) for t, jp in sorted(k.jp_per_tahun.items()) if jp]


def baris_urusan(k: merit.Kandidat) -> list[IndeksUrusan]:
    return [IndeksUrusan(**dict(zip(FIELDS_URUSAN, r, strict=True))) for r in nilai_urusan(k)]


def baris_jp(k: merit.Kandidat) -> list[IndeksJp]:
    return [IndeksJp(**dict(zip(FIELDS_JP, r, strict=True))) for r in nilai_jp(k)]


def kandidat(
    row: IndeksMerit,
    hukuman: Iterable[merit.Hukuman] = (),
    urusan_hari: Mapping[int, int] | None = None,
    jp_tahun: Mapping[int, int] | None = None,
) -> merit.Kandidat:
    """The pure rules' view of a projection row, its IndeksUrusan days and IndeksJp years (the
    explanations of the ranking use it)."""
    return merit.Kandidat(
        pegawai_id=row.pegawai_id,
        nip=row.nip,
        nama=row.nama,
        jenis_kelamin=row.jenis_kelamin,
        tanggal_lahir=row.tanggal_lahir,
        status=row.status,
        aktif=row.aktif,
        kedudukan_hukum=row.kedudukan_hukum,
        golongan=row.golongan,
        tmt_golongan=row.tmt_golongan,
        tmt_masuk=row.tmt_masuk,
        pendidikan=row.urutan_pendidikan,
        bidang_studi=row.bidang_studi_id,
        predikat_tahunan=tuple(p for p in (row.predikat_1, row.predikat_2) if p),
        hukuman=tuple(hukuman),
        capaian={k: getattr(row, f"level_{k}") for k in KODE} if row.asesmen else None,
        pengalaman_hari={
            j: getattr(row, kolom) for j, kolom in KOLOM_HARI.items() if getattr(row, kolom)
        },
        jabatan_kini=row.jabatan_kini,
        jabatan_kini_mulai=row.jabatan_kini_mulai,
        pengalaman_jenjang_hari={
            j: getattr(row, kolom) for j, kolom in KOLOM_JENJANG.items() if getattr(row, kolom)
        },
        jenjang_kini=row.jenjang_kini,
        pengalaman_urusan_hari=dict(urusan_hari or {}),
        urusan_kini=row.urusan_kini_id,
        jp_per_tahun=dict(jp_tahun or {}),
        tingkat_kepemimpinan=row.tingkat_kepemimpinan,
        jpm=Decimal(row.jpm_sen).scaleb(-2) if row.jpm_sen is not None else None,
    )


FIELDS = [f.attname for f in IndeksMerit._meta.concrete_fields]
FIELDS_URUSAN = ["pegawai_id", "urusan_id", "hari"]
FIELDS_JP = ["pegawai_id", "tahun", "jp"]


def hari_urusan(pegawai_ids: Collection[int]) -> dict[int, dict[int, int]]:
    """The IndeksUrusan days of `pegawai_ids`, per employee and affair (one query)."""
    hasil: dict[int, dict[int, int]] = defaultdict(dict)
    for pid, urusan, hari in IndeksUrusan.objects.filter(
        pegawai_id__in=list(pegawai_ids)
    ).values_list("pegawai_id", "urusan_id", "hari"):
        hasil[pid][urusan] = hari
    return hasil


def jp_tahun(pegawai_ids: Collection[int]) -> dict[int, dict[int, int]]:
    """The IndeksJp years of `pegawai_ids`, per employee and year (one query)."""
    hasil: dict[int, dict[int, int]] = defaultdict(dict)
    for pid, tahun, jp in IndeksJp.objects.filter(pegawai_id__in=list(pegawai_ids)).values_list(
        "pegawai_id", "tahun", "jp"
    ):
        hasil[pid][tahun] = jp
    return hasil
