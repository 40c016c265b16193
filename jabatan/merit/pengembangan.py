"""Competency development in the merit ranking: lesson hours (JP) of recent years and the
leadership training the post's level requires (merit-2026.5).

- JP: the JP of the ranking year and the year before (completed catalogue training and verified
  external training, pelatihan.selectors.jp_per_tahun). PNS owe at least 20 JP a year (PP 11/2017
  Pasal 203 ayat (4), docs/aturan.md §9): 40 JP over the two years is the rule kept twice
  and earns the full 80 points, 2 points per JP.
- Leadership training by level (docs/aturan.md §9; Peraturan LAN 15/2019 PKP, 16/2019 PKA,
  17/2019 PKN Tingkat II): 20 points when the candidate completed the program the target post's
  level requires, or a higher one (a PKA holder needs no PKP), or when the level requires none.
  Latsar CPNS is not counted here: it is the condition of becoming PNS (PP 11/2017 Pasal 63 jo.
  PP 17/2020), not a difference between candidates.
- The regulation has the official follow the level's program after appointment, so missing it
  excludes only where HR's merit profile of the position kind says so (ProfilMerit
  .wajib_kepemimpinan): reason KEPEMIMPINAN, naming the catalogue programs that would clear it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from jabatan.merit.base import Kandidat, Syarat
from pelatihan import rules as pelatihan_rules

TAHUN_JP = 2  # the ranking year and the one before
POIN_PER_JP = 2
MAKS_JP = 80
POIN_KEPEMIMPINAN = 20

# The leadership programs above Latsar, lowest first: a candidate's level is the position of the
# highest completed (0: none), so "that program or a higher one" is one comparison in SQL too.
TINGKAT = {kode: n for n, kode in enumerate(pelatihan_rules.KEPEMIMPINAN[1:], start=1)}


def tingkat(selesai) -> int:
    """The level of the highest leadership program among the completed codes (0: none)."""
    return max((TINGKAT[k] for k in selesai if k in TINGKAT), default=0)


def wajib(jenis_jabatan: str) -> str:
    """The leadership program a position kind requires ('' when none)."""
    wajib_ = pelatihan_rules.kepemimpinan_wajib(status="", jenis_jabatan=jenis_jabatan)
    return wajib_[-1] if wajib_ else ""


def memenuhi(k: Kandidat, s: Syarat) -> bool:
    """Whether the candidate completed the level's program or a higher one (True when none)."""
    kode = wajib(s.jenis_jabatan)
    return not kode or k.tingkat_kepemimpinan >= TINGKAT[kode]


def tahun_jendela(pada: date) -> tuple[int, ...]:
    """The years whose JP count: the ranking year and the TAHUN_JP - 1 before, oldest first."""
    return tuple(range(pada.year - TAHUN_JP + 1, pada.year + 1))


def jp(k: Kandidat, pada: date) -> int:
    """The candidate's JP in the years of tahun_jendela."""
    return sum(k.jp_per_tahun.get(t, 0) for t in tahun_jendela(pada))


def nilai(k: Kandidat, s: Syarat, pada: date) -> Decimal:
    """The pengembangan component, 0–100."""
    poin = min(MAKS_JP, POIN_PER_JP * jp(k, pada))
    return Decimal(poin + (POIN_KEPEMIMPINAN if memenuhi(k, s) else 0))


def nama_program(s: Syarat) -> str:
    """The catalogue programs that clear the level's requirement, for the messages."""
    kode = wajib(s.jenis_jabatan)
    nama = s.program_kepemimpinan or (pelatihan_rules.SINGKATAN[kode],)
    return ", ".join(nama)


def keterangan(k: Kandidat, s: Syarat, pada: date) -> list[str]:
    """The development component in words for the breakdown."""
    tahun = tahun_jendela(pada)
    dari, sampai = tahun[0], tahun[-1]
    hasil = [_("Pelatihan %(d)s–%(s)s: %(jp)s JP") % {"d": dari, "s": sampai, "jp": jp(k, pada)}]
    kode = wajib(s.jenis_jabatan)
    if kode:
        singkat = pelatihan_rules.SINGKATAN[kode]
        hasil.append(
            _("%(p)s: terpenuhi") % {"p": singkat}
            if memenuhi(k, s)
            else _("%(p)s: belum (%(n)s)") % {"p": singkat, "n": nama_program(s)}
        )
    return hasil
