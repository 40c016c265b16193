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
