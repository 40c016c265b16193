"""The six weighted score components, the DUK tie-break key and the talent box."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from jabatan.merit import pengembangan, relevansi
from jabatan.merit.base import (
    DUA,
    KOMPONEN,
    TAHUN_INTEGRITAS,
    Bobot,
    Kandidat,
    Syarat,
    hari_pengalaman,
    tambah_tahun,
)
from kinerja import rules as kinerja_rules
from pegawai import golongan as gol
from pegawai.disiplin import TINGKAT, TingkatHukuman
from pegawai.kompetensi import jpm


def nilai_pengalaman(hari_pangkat: int, hari_jabatan: int, hari_terkait: int = 0) -> Decimal:
    """Experience component: 3.75 points per year in rank, 1.25 per year in definitive posts
    and 2.50 more per year of those in units of the post's government affair (related
    experience counts three times, jabatan.merit.relevansi), capped at 100 — (3·rank days +
    post days + 2·related days)·5 / 1461, rounded once (half up), so the SQL ranking
    (jabatan/peringkat/sql.py) computes the very same number."""
    nilai = Decimal((3 * hari_pangkat + hari_jabatan + 2 * hari_terkait) * 5) / 1461
    return min(Decimal(100), nilai.quantize(DUA, ROUND_HALF_UP))


def komponen(k: Kandidat, s: Syarat, pada: date) -> dict[str, Decimal]:
    """Return the six score components, each 0–100 with two decimals."""
    predikat = k.predikat_tahunan[:2]
    kinerja = (
        Decimal(sum(kinerja_rules.skor_predikat(p) for p in predikat)) / len(predikat)
        if predikat
        else Decimal(0)
    )
    kompetensi = jpm(k.capaian, s.standar) if (k.capaian and s.standar) else Decimal(0)
    dasar = relevansi.DASAR_KUALIFIKASI[relevansi.kecocokan(k, s)]
    lebih = max(0, k.pendidikan - s.pendidikan_minimal)
    kualifikasi = Decimal(min(100, dasar + relevansi.PER_JENJANG * lebih))
    pengalaman = nilai_pengalaman(
        max(0, (pada - k.tmt_golongan).days),
        hari_pengalaman(k, pada),
        relevansi.hari_terkait(k, s, pada),
    )
    batas = tambah_tahun(pada, -TAHUN_INTEGRITAS)
    integritas = Decimal(100)
    for h in k.hukuman:
        tingkat = TINGKAT[h.jenis]
        if tingkat != TingkatHukuman.RINGAN and h.mulai >= batas:
            integritas -= 30
        elif tingkat == TingkatHukuman.RINGAN and h.mulai >= tambah_tahun(pada, -2):
            integritas -= 10
    nilai = {
        "kinerja": kinerja,
        "kompetensi": kompetensi,
        "kualifikasi": kualifikasi,
        "pengembangan": pengembangan.nilai(k, s, pada),
        "pengalaman": pengalaman,
        "integritas": max(Decimal(0), integritas),
    }
    return {kunci: v.quantize(DUA, ROUND_HALF_UP) for kunci, v in nilai.items()}


def skor(nilai: Mapping[str, Decimal], bobot: Bobot) -> Decimal:
    total = sum(nilai[k] * getattr(bobot, k) for k in KOMPONEN) / Decimal(100)
    return Decimal(total).quantize(DUA, ROUND_HALF_UP)


def kunci_duk(
    k: Kandidat, *, tingkat_jabatan: int | None = None, masa_kerja_bulan: int | None = None
) -> tuple:
    """Sort key of the DUK order as SE Kepala BAKN 02/SE/1980 words PP 15/1979: the higher
    pangkat first, within one pangkat the earlier TMT; then the higher jabatan; then the longer
    masa kerja ("yang dapat diperhitungkan untuk penetapan gaji": masa kerja golongan); then the
    higher latihan jabatan (leadership training); then the higher pendidikan; then the older.
    The NIP last, so the order never depends on how rows arrive.

    The DUK (jabatan.duk) passes `tingkat_jabatan` (pegawai.jenis_jabatan.tingkat_jabatan) and
    `masa_kerja_bulan` (pegawai.golongan.masa_kerja_bulan). The merit ranking's tie-break
    (jabatan.merit.urutan, and column by column the SQL ranking, jabatan/peringkat) calls it
    without them and so differs, knowingly, in two steps: no jabatan step (every candidate is
    ranked for the same post, and the projection holds no position level), and service counted
    from TMT CPNS/PPPK (earlier first), not masa kerja golongan, which the projection does not
    hold: the two differ only by credited prior service. Both differ from the SE in one detail:
    within the same latihan level the SE puts the earlier graduate first; we keep the level only.
    """
    jabatan = () if tingkat_jabatan is None else (-tingkat_jabatan,)
    masa = k.tmt_masuk if masa_kerja_bulan is None else -masa_kerja_bulan
    return (
        -gol.urutan(k.golongan),
        k.tmt_golongan,
        *jabatan,
        masa,
        -k.tingkat_kepemimpinan,
        -k.pendidikan,
        k.tanggal_lahir,
        k.nip,
    )


def kotak_dari(
    predikat_tahunan: Sequence[str],
    jpm: Decimal | None,
    pita_kinerja: kinerja_rules.Pita = kinerja_rules.PITA_BAKU,
    pita_potensial: kinerja_rules.Pita = kinerja_rules.PITA_BAKU,
) -> int | None:
    """Return the talent box of the annual predikat (newest first) and the latest JPM by
    kinerja's rule (PermenPANRB 3/2020), with HR's bands; None without an evaluation or an
    assessment."""
    sumbu_k = kinerja_rules.sumbu_kinerja(list(predikat_tahunan[:2]), pita_kinerja)
    sumbu_p = kinerja_rules.sumbu_potensial(jpm, pita_potensial)
    return kinerja_rules.kotak_talenta(sumbu_k, sumbu_p) if sumbu_k and sumbu_p else None


def kotak(
    k: Kandidat,
    pita_kinerja: kinerja_rules.Pita = kinerja_rules.PITA_BAKU,
    pita_potensial: kinerja_rules.Pita = kinerja_rules.PITA_BAKU,
) -> int | None:
    """Return the person's talent box by kinerja's rule (PermenPANRB 3/2020), with the bands HR
    set (kinerja.models.PengaturanTalenta): the same box the kinerja dashboard shows."""
    return kotak_dari(k.predikat_tahunan, k.jpm, pita_kinerja, pita_potensial)
