"""Education levels (tingkat pendidikan), ordered for "minimum education" requirements.

Requirements are written as "S1/D-IV" (e.g. PP 11/2017 Pasal 107 jo. PP 17/2020 for JPT Pratama), so
D-IV and S-1 share one order value.

Profesi, spesialis and subspesialis (doctors, dentists, pharmacists, ners, midwives: most of a
health service) are SIASN's tingkat pendidikan 42, 47 and 49 (impor.referensi.pendidikan).
Perpres 8/2012 (KKNI) Pasal 5 sets sarjana and D-IV at level 6, profesi at 7 or 8, magister at 8,
spesialis at 8 or 9 and doktor at 9. Our integer order has no step between S-1 and S-2
(requirements are written "S1/D-IV", "S2"), so a profesi graduate meets "S1/D-IV" but not "S2";
spesialis ranks with S-2, and subspesialis (the second specialist level) with S-3.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TingkatPendidikan(models.TextChoices):
    SD = "SD", _("SD")
    SMP = "SMP", _("SMP")
    SLTA = "SLTA", _("SLTA/SMA/SMK")
    D1 = "D1", _("D-I")
    D2 = "D2", _("D-II")
    D3 = "D3", _("D-III")
    D4 = "D4", _("D-IV")
    S1 = "S1", _("S-1")
    PROFESI = "PROF", _("Profesi")
    S2 = "S2", _("S-2")
    SPESIALIS = "SP1", _("Spesialis")
    S3 = "S3", _("S-3")
    SUBSPESIALIS = "SP2", _("Subspesialis")


_URUTAN: dict[str, int] = {
    TingkatPendidikan.SD: 1,
    TingkatPendidikan.SMP: 2,
    TingkatPendidikan.SLTA: 3,
    TingkatPendidikan.D1: 4,
    TingkatPendidikan.D2: 5,
    TingkatPendidikan.D3: 6,
    TingkatPendidikan.D4: 7,
    TingkatPendidikan.S1: 7,  # equivalent to D-IV: requirements read "S1/D-IV"
    TingkatPendidikan.S2: 8,
    TingkatPendidikan.S3: 9,
    TingkatPendidikan.PROFESI: 7,  # KKNI 7-8 (S-1: 6, S-2: 8): meets "S1/D-IV"
    TingkatPendidikan.SPESIALIS: 8,  # KKNI 8-9; ranked with magister
    TingkatPendidikan.SUBSPESIALIS: 9,  # spesialis-II: ranked with doktor (9)
}


def urutan_pendidikan(kode: str) -> int:
    """Return the order of an education level (SD=1 … S3=9; D-IV, S-1 and profesi all 7)."""
    try:
        return _URUTAN[kode]
    except KeyError:
        raise ValueError(f"Unknown tingkat pendidikan: {kode!r}") from None


def memenuhi_pendidikan(tingkat: str, minimal: str) -> bool:
    """Return whether education level ``tingkat`` meets the required ``minimal`` level."""
    return urutan_pendidikan(tingkat) >= urutan_pendidikan(minimal)
