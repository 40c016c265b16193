"""Reads for one employee's page outside the admin (HR, and a unit head within their unit).

The page gathers what three apps hold about one person — pegawai's histories, kinerja's SKPs and
talent box, pelatihan's training and JP, jabatan's placements, proposals, succession entries and
eligibility — so it lives in jabatan, the lowest app that may read all of them (pyproject's
import-linter layers). Every read is a fixed number of queries, however long the histories.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from jabatan import merit
from jabatan.models import Formasi, Suksesor, Usulan
from jabatan.peringkat.peluang import jelaskan_formasi, kandidat_pegawai
from jabatan.selectors import usulan_pegawai
from jabatan.suksesi import suksesi_pegawai
from kinerja import rules as kinerja_rules
from kinerja.models import PengaturanTalenta, Skp
from pegawai.akses import Lingkup
from pegawai.models import Pegawai
from pegawai.selectors import pegawai_dengan_riwayat, saring_nip
from pelatihan import rules as pelatihan_rules
from pelatihan.selectors.jp import RingkasanSaya, jp_per_tahun, ringkasan_saya

TAHUN_JP = 5  # years of JP shown, the current one first
USULAN_MAKS = 50  # active proposals shown: an employee is proposed for a few posts at a time


def pegawai_terlihat(*, scope: Lingkup) -> QuerySet[Pegawai]:
    """Return every employee in scope, active or not (HR look up people who left too)."""
    return scope.filter(Pegawai.objects.all(), path="unit_kerja__path", pegawai="pk")


def cari_pegawai(*, scope: Lingkup, q: str = "") -> QuerySet[Pegawai]:
    """Return the employees in scope whose NIP (typed plain or grouped as printed) or name
    matches `q`, by name, with the unit each row prints."""
    qs = pegawai_terlihat(scope=scope).select_related("unit_kerja")
    q = q.strip()
    if q and (nip := saring_nip(qs, q)) is not None:
        qs = nip
    elif q:
        for kata in q.split():
            qs = qs.filter(nama__icontains=kata)
    return qs.order_by("nama", "nip")


@dataclass
class BarisPeluang:
    """One post the employee is ranked for: proposed to the PPK for it, or named successor."""

    formasi: Formasi
    hasil: merit.Hasil | None  # None: the employee holds the post (or is not ranked)
    usulan: Usulan | None = None
    suksesor: Suksesor | None = None


@dataclass
class ProfilPegawai:
    pegawai: Pegawai
    pada: date
    skp: list[Skp]
    pelatihan: RingkasanSaya
    # (year, JP, the year's standing against PP 11/2017's 20 JP or PPPK's 24 JP ceiling)
    jp_tahunan: list[tuple[int, int, pelatihan_rules.StatusJp]]
    diperingkat: bool  # an active employee in the merit projection
    kotak_talenta: int | None
    rekomendasi_talenta: str
    suksesi: list[Suksesor]
    peluang: list[BarisPeluang] = field(default_factory=list)


def _jp_tahunan(pegawai: Pegawai, tahun: int) -> list[tuple[int, int, pelatihan_rules.StatusJp]]:
    per = jp_per_tahun([pegawai.pk], tahun - TAHUN_JP + 1, tahun).get(pegawai.pk, {})
    return [
        (t, per.get(t, 0), pelatihan_rules.status_jp(pegawai.status, per.get(t, 0)))
        for t in range(tahun, tahun - TAHUN_JP, -1)
    ]


def _peluang(
    kandidat: merit.Kandidat | None, usulan: list[Usulan], suksesi: list[Suksesor], pada: date
) -> list[BarisPeluang]:
    """The posts of the employee's proposals and succession entries, each explained once."""
    baris: dict[int, BarisPeluang] = {}
    for u in usulan:
        baris.setdefault(u.formasi_id, BarisPeluang(u.formasi, None)).usulan = u
    for s in suksesi:
        baris.setdefault(s.formasi_id, BarisPeluang(s.formasi, None)).suksesor = s
    if kandidat is not None:
        hasil = jelaskan_formasi(kandidat, formasi_ids=list(baris), pada=pada)
        for pk, b in baris.items():
            b.hasil = hasil.get(pk)
    return list(baris.values())


def profil_pegawai(*, scope: Lingkup, pk: int, pada: date) -> ProfilPegawai | None:
    """Return one employee's page data if they are in `scope`, else None."""
    pegawai = pegawai_dengan_riwayat(pegawai_terlihat(scope=scope)).filter(pk=pk).first()
    if pegawai is None:
        return None
    skp = list(
        Skp.objects.filter(pegawai=pegawai)
        .select_related("periode", "penilai")
        .order_by("-periode__tahun", "periode__jenis", "periode__triwulan")
    )
    kandidat = kandidat_pegawai(pegawai.pk)
    pengaturan = PengaturanTalenta.aktif()
    kotak = (
        merit.kotak(kandidat, pengaturan.pita_kinerja, pengaturan.pita_potensial)
        if kandidat
        else None
    )
    usulan = list(usulan_pegawai(pegawai_id=pegawai.pk, n=USULAN_MAKS))
    suksesi = list(suksesi_pegawai(pegawai_id=pegawai.pk))
    return ProfilPegawai(
        pegawai=pegawai,
        pada=pada,
        skp=skp,
        pelatihan=ringkasan_saya(pegawai, pada.year),
        jp_tahunan=_jp_tahunan(pegawai, pada.year),
        diperingkat=kandidat is not None,
        kotak_talenta=kotak,
        rekomendasi_talenta=kinerja_rules.rekomendasi_kotak(kotak) if kotak else "",
        suksesi=suksesi,
        peluang=_peluang(kandidat, usulan, suksesi, pada),
    )
