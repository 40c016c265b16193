"""Position kinds and fungsional levels (UU 20/2023 Pasal 13–18; PP 11/2017 jo. PP 17/2020).

Kept in ``pegawai`` (not ``jabatan``) so that pure pegawai rules such as the retirement age can use
them without importing the jabatan app.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisJabatan(models.TextChoices):
    """Position kind; the five manajerial kinds plus the two nonmanajerial ones."""

    JPT_UTAMA = "JPT_UTAMA", _("JPT Utama")
    JPT_MADYA = "JPT_MADYA", _("JPT Madya")
    JPT_PRATAMA = "JPT_PRATAMA", _("JPT Pratama")
    ADMINISTRATOR = "ADMINISTRATOR", _("Administrator")
    PENGAWAS = "PENGAWAS", _("Pengawas")
    PELAKSANA = "PELAKSANA", _("Pelaksana")
    FUNGSIONAL = "FUNGSIONAL", _("Fungsional")


class Jenjang(models.TextChoices):
    """Level of a jabatan fungsional: keahlian or keterampilan group."""

    AHLI_PERTAMA = "AHLI_PERTAMA", _("Ahli Pertama")
    AHLI_MUDA = "AHLI_MUDA", _("Ahli Muda")
    AHLI_MADYA = "AHLI_MADYA", _("Ahli Madya")
    AHLI_UTAMA = "AHLI_UTAMA", _("Ahli Utama")
    PEMULA = "PEMULA", _("Pemula")
    TERAMPIL = "TERAMPIL", _("Terampil")
    MAHIR = "MAHIR", _("Mahir")
    PENYELIA = "PENYELIA", _("Penyelia")


# Jabatan manajerial (UU 20/2023 Pasal 13–18): the JPT kinds, Administrator and Pengawas.
MANAJERIAL: frozenset[str] = frozenset(
    {
        JenisJabatan.JPT_UTAMA,
        JenisJabatan.JPT_MADYA,
        JenisJabatan.JPT_PRATAMA,
        JenisJabatan.ADMINISTRATOR,
        JenisJabatan.PENGAWAS,
    }
)

# Jabatan fungsional keahlian and keterampilan levels (PP 11/2017 jo. PP 17/2020).
KEAHLIAN: frozenset[str] = frozenset(
    {Jenjang.AHLI_PERTAMA, Jenjang.AHLI_MUDA, Jenjang.AHLI_MADYA, Jenjang.AHLI_UTAMA}
)
KETERAMPILAN: frozenset[str] = frozenset(
    {Jenjang.PEMULA, Jenjang.TERAMPIL, Jenjang.MAHIR, Jenjang.PENYELIA}
)


# How high a position stands, for the DUK's second criterion ("jabatan yang lebih tinggi", SE
# Kepala BAKN 02/SE/1980 on PP 15/1979). Managerial kinds by their eselon; a fungsional level
# beside the administrative post it is equivalent to (PermenPANRB 17/2021: Administrator = Ahli
# Madya, Pengawas = Ahli Muda, eselon V = Ahli Pertama). Our own placing, stated by no
# regulation: Ahli Utama above Ahli Madya and below JPT Pratama; the keterampilan levels, in
# their order, below Ahli Pertama; pelaksana lowest.
_TINGKAT_JENIS = {
    JenisJabatan.JPT_UTAMA: 100,
    JenisJabatan.JPT_MADYA: 90,
    JenisJabatan.JPT_PRATAMA: 80,
    JenisJabatan.ADMINISTRATOR: 60,
    JenisJabatan.PENGAWAS: 50,
    JenisJabatan.PELAKSANA: 20,
}
_TINGKAT_JENJANG = {
    Jenjang.AHLI_UTAMA: 70,
    Jenjang.AHLI_MADYA: 60,
    Jenjang.AHLI_MUDA: 50,
    Jenjang.AHLI_PERTAMA: 40,
    Jenjang.PENYELIA: 34,
    Jenjang.MAHIR: 33,
    Jenjang.TERAMPIL: 32,
    Jenjang.PEMULA: 31,
}


def tingkat_jabatan(jenis: str, jenjang: str = "") -> int:
    """Return the height of a position (0: no position held), higher is higher."""
    if jenis == JenisJabatan.FUNGSIONAL:
        return _TINGKAT_JENJANG.get(jenjang, 31)
    return _TINGKAT_JENIS.get(jenis, 0)
