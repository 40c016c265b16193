"""The position catalogue (jabatan), posts in units (formasi) and placements (penempatan)."""

from jabatan.models.base import ESELON_CHOICES, tidak_kosong
from jabatan.models.formasi import (
    Formasi,
    FormasiQuerySet,
    JenisPenempatan,
    Penempatan,
    PenempatanQuerySet,
)
from jabatan.models.indeks import IndeksJp, IndeksMerit, IndeksUrusan
from jabatan.models.jabatan import Jabatan
from jabatan.models.merit import (
    BOBOT_JUMLAH_100,
    MAKS_USULAN,
    Keputusan,
    KoreksiKeputusan,
    MetodePengisian,
    ProfilMerit,
    Usulan,
)
from jabatan.models.petikan import PengaturanPetikan
from jabatan.models.suksesi import MAKS_SUKSESOR, KesiapanSuksesor, Suksesor

__all__ = [
    "BOBOT_JUMLAH_100",
    "ESELON_CHOICES",
    "MAKS_SUKSESOR",
    "MAKS_USULAN",
    "Formasi",
    "FormasiQuerySet",
    "IndeksJp",
    "IndeksMerit",
    "IndeksUrusan",
    "Jabatan",
    "JenisPenempatan",
    "Keputusan",
    "KesiapanSuksesor",
    "KoreksiKeputusan",
    "MetodePengisian",
    "Penempatan",
    "PenempatanQuerySet",
    "PengaturanPetikan",
    "ProfilMerit",
    "Suksesor",
    "Usulan",
    "tidak_kosong",
]
