"""The choices of the training catalogue: kinds and forms of programs (klasikal,
nonklasikal), competency groups (PermenPANRB 38/2017), required leadership training, organisers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisProgram(models.TextChoices):
    """Peraturan LAN 10/2018: classical (face to face) or non-classical learning."""

    KLASIKAL = "klasikal", _("Klasikal")
    NONKLASIKAL = "nonklasikal", _("Nonklasikal")


class BentukProgram(models.TextChoices):
    """The form of learning (Peraturan LAN 10/2018 Pasal 12); each belongs to one kind."""

    PELATIHAN = "pelatihan", _("Pelatihan")
    SEMINAR = "seminar", _("Seminar/konferensi/sarasehan")
    LOKAKARYA = "lokakarya", _("Workshop/lokakarya")
    KURSUS = "kursus", _("Kursus")
    BIMTEK = "bimtek", _("Bimbingan teknis")
    E_LEARNING = "e_learning", _("E-learning")
    JARAK_JAUH = "jarak_jauh", _("Pelatihan jarak jauh")
    COACHING = "coaching", _("Coaching")
    MENTORING = "mentoring", _("Mentoring")
    MAGANG = "magang", _("Magang/praktik kerja")
    DETASERING = "detasering", _("Detasering (secondment)")
    PATOK_BANDING = "patok_banding", _("Patok banding (benchmarking)")
    BELAJAR_MANDIRI = "belajar_mandiri", _("Belajar mandiri")
    KOMUNITAS = "komunitas", _("Komunitas belajar")


BENTUK_KLASIKAL = frozenset(
    {
        BentukProgram.PELATIHAN,
        BentukProgram.SEMINAR,
        BentukProgram.LOKAKARYA,
        BentukProgram.KURSUS,
        BentukProgram.BIMTEK,
    }
)
BENTUK_NONKLASIKAL = frozenset(set(BentukProgram.values) - BENTUK_KLASIKAL)


class KelompokKompetensi(models.TextChoices):
    """PermenPANRB 38/2017: manajerial, sosial kultural and teknis competencies."""

    MANAJERIAL = "manajerial", _("Manajerial")
    SOSIAL_KULTURAL = "sosial_kultural", _("Sosial kultural")
    TEKNIS = "teknis", _("Teknis")


class SifatKeterampilan(models.TextChoices):
    SOFT = "soft", _("Soft skill")
    HARD = "hard", _("Hard skill")


class PelatihanWajib(models.TextChoices):
    """The leadership training each level requires (docs/aturan.md §9; PP 11/2017 jo.
    PP 17/2020; Peraturan LAN 1/2019 on Latsar CPNS)."""

    LATSAR_CPNS = "latsar_cpns", _("Pelatihan Dasar CPNS (Latsar)")
    PKP = "pkp", _("Pelatihan Kepemimpinan Pengawas (PKP)")
    PKA = "pka", _("Pelatihan Kepemimpinan Administrator (PKA)")
    PKN_II = "pkn_ii", _("Pelatihan Kepemimpinan Nasional Tingkat II (PKN II)")
    PKN_I = "pkn_i", _("Pelatihan Kepemimpinan Nasional Tingkat I (PKN I)")


class Penyelenggara(models.TextChoices):
    BKPSDM = "bkpsdm", _("BKPSDM Kota Mataram")
    LAN = "lan", _("Lembaga Administrasi Negara")
    BPSDM_NTB = "bpsdm_ntb", _("BPSDM Provinsi NTB")
    KEMENTERIAN = "kementerian", _("Kementerian/lembaga")
    DARING = "daring", _("Platform daring")
    LAINNYA = "lainnya", _("Lainnya")


class Moda(models.TextChoices):
    TATAP_MUKA = "tatap_muka", _("Tatap muka")
    DARING = "daring", _("Daring")
    CAMPURAN = "campuran", _("Campuran (blended)")
