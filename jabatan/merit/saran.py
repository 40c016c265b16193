"""The employee's breakdown of their score for one post: each component with the weight it has
for this post and, for a component that scores zero, what to do about it.

One source for the weight and its note: the weight printed beside a value and the sentence
about it both come from the `Bobot` the ranking used (the merit profile of the position kind,
jabatan.models.ProfilMerit), so the page cannot show 10% beside a note saying it weighs zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from jabatan.merit import pengembangan
from jabatan.merit.base import (
    KOMPONEN,
    LABEL_KOMPONEN,
    TAHUN_INTEGRITAS,
    Bobot,
    Hasil,
    Syarat,
)


@dataclass(frozen=True)
class BarisKomponen:
    """One line of the breakdown: the value (0–100) and the weight (%). No per-line points: each
    rounded on its own, they would not add up to the score, which is rounded once."""

    kode: str
    label: str
    nilai: Decimal
    bobot: int
    catatan: str  # why it scores zero and what to do, or that it does not count; "" otherwise


def _tindakan(kode: str, h: Hasil, s: Syarat, pada: date) -> str:
    """What the employee (or HR) can do about a component that scores zero."""
    k = h.kandidat
    if kode == "kinerja":
        # Any predikat scores at least 20 (kinerja.rules.SKOR_PREDIKAT): zero means none.
        return _(
            "Belum ada predikat SKP tahunan dua tahun terakhir: isi realisasi SKP Anda dan minta "
            "pejabat penilai menilainya; nilai dihitung setelah SKP dinilai."
        )
    if kode == "kompetensi":
        if not k.capaian:
            return _(
                "Belum diasesmen: minta BKPSDM menjadwalkan asesmen kompetensi Anda (uji "
                "kompetensi atau assessment center); nilai dihitung dari hasilnya."
            )
        if not s.standar:
            return _(
                "Jabatan ini belum memiliki standar kompetensi: BKPSDM perlu menetapkannya "
                "sebelum kompetensi dapat dibandingkan."
            )
        return _(
            "Hasil asesmen Anda tidak memuat kompetensi yang disyaratkan jabatan ini: minta "
            "BKPSDM melengkapi asesmen untuk kompetensi tersebut."
        )
    if kode == "pengembangan":
        tahun = pengembangan.tahun_jendela(pada)
        pesan = _(
            "Belum ada JP pelatihan yang diakui pada %(d)s–%(s)s: ikuti pelatihan atau ajukan "
            "pelatihan eksternal untuk diverifikasi (%(p)s poin per JP, penuh pada %(jp)s JP)."
        ) % {
            "d": tahun[0],
            "s": tahun[-1],
            "p": pengembangan.POIN_PER_JP,
            "jp": pengembangan.MAKS_JP // pengembangan.POIN_PER_JP,
        }
        if not pengembangan.memenuhi(k, s):
            pesan += " " + _("Ikuti juga %(p)s.") % {"p": pengembangan.nama_program(s)}
        return pesan
    if kode == "integritas":
        return _(
            "Nilai integritas berkurang karena hukuman disiplin: pulih setelah hukuman "
            "sedang/berat lebih dari %(n)s tahun dan hukuman ringan lebih dari 2 tahun berlalu."
        ) % {"n": TAHUN_INTEGRITAS}
    if kode == "pengalaman":
        return _("Masa kerja dalam pangkat dan jabatan definitif bertambah setiap hari.")
    # kualifikasi: never below 20 (jabatan.merit.relevansi.DASAR_KUALIFIKASI).
    return _("Perbarui riwayat pendidikan Anda melalui pengelola kepegawaian.")


def rincian(h: Hasil, s: Syarat, bobot: Bobot, pada: date) -> list[BarisKomponen]:
    """Return the six components of `h` in KOMPONEN order with the weights of `bobot` (the
    ones its score was computed with) and a note for each zero: the action when it weighs,
    that it does not count when its weight is zero."""
    baris = []
    for kode in KOMPONEN:
        nilai, w = h.komponen[kode], getattr(bobot, kode)
        if not w:
            catatan = _("Tidak dihitung untuk jabatan ini: bobotnya nol.")
        elif not nilai:
            catatan = _tindakan(kode, h, s, pada)
        else:
            catatan = ""
        baris.append(BarisKomponen(kode, str(LABEL_KOMPONEN[kode]), nilai, w, catatan))
    return baris
