"""The position catalogue (jabatan) with its requirements and competency standard."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jabatan.models.base import ESELON_CHOICES
from pegawai import golongan as gol
from pegawai.jenis_jabatan import KEAHLIAN, KETERAMPILAN, JenisJabatan, Jenjang
from pegawai.kompetensi import KODE as KOMPETENSI_KODE
from pegawai.kompetensi import standar_default
from pegawai.models import (
    BidangStudi,
    RumpunIlmu,
    TimestampedModel,
    level_field,
    pilihan_sah,
)
from pegawai.pendidikan import TingkatPendidikan
from pegawai.pensiun import batas_usia_pensiun


class Jabatan(TimestampedModel):
    """A position of the catalogue with its requirements (UU 20/2023 Pasal 13–18).

    `batas_usia_pensiun` is derived from the kind and level (or the position's own law,
    `bup_khusus`) on save, so projected vacancies are a plain date comparison in SQL.
    """

    kode = models.CharField(_("kode jabatan"), max_length=40, unique=True)
    nama = models.CharField(_("nama jabatan"), max_length=200)
    jenis = models.CharField(_("jenis jabatan"), max_length=15, choices=JenisJabatan.choices)
    jenjang = models.CharField(
        _("jenjang fungsional"), max_length=15, choices=Jenjang.choices, blank=True
    )
    kelas_jabatan = models.PositiveSmallIntegerField(
        _("kelas jabatan"), validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    eselon = models.CharField(
        _("eselon (historis)"), max_length=5, choices=ESELON_CHOICES, blank=True
    )
    golongan_minimal = models.CharField(
        _("golongan minimal"), max_length=5, choices=gol.CHOICES[: len(gol.PNS)], blank=True
    )
    pendidikan_minimal = models.CharField(
        _("pendidikan minimal"), max_length=4, choices=TingkatPendidikan.choices
    )
    bidang_studi = models.ManyToManyField(
        BidangStudi,
        verbose_name=_("bidang studi yang diterima"),
        related_name="jabatan",
        blank=True,
        help_text=_("Kosongkan jika semua bidang studi diterima."),
    )
    # A field of study that a sector regulation requires (not a preference): e.g. the head of a
    # health office comes from the health family — Permenkes 49/2016 on organising provincial
    # and district/city health offices covers "kualifikasi jabatan" (Pasal 2 huruf d, its annex);
    # the annex's own wording was not in the searched sources, and Permenkes 36/2023 (office
    # nomenclature) adjusted 49/2016: HR enters the rule in force in `dasar_bidang_studi`. The
    # merit ranking refuses those outside the families and the fields above (BIDANG_STUDI) and
    # names that rule.
    rumpun_wajib = models.ManyToManyField(
        RumpunIlmu,
        verbose_name=_("rumpun ilmu yang disyaratkan"),
        related_name="jabatan_wajib",
        blank=True,
        help_text=_(
            "Bidang studi dalam rumpun ini diterima, di samping bidang studi di atas; "
            "kandidat di luar keduanya tidak memenuhi syarat."
        ),
    )
    dasar_bidang_studi = models.CharField(
        _("dasar syarat bidang studi"),
        max_length=200,
        blank=True,
        help_text=_(
            "Peraturan yang mewajibkan bidang studi ini, mis. Permenkes 49/2016 (kualifikasi "
            "jabatan dinas kesehatan); ditampilkan dalam alasan peringkat."
        ),
    )
    bup_khusus = models.PositiveSmallIntegerField(
        _("batas usia pensiun khusus"),
        null=True,
        blank=True,
        validators=[MinValueValidator(50), MaxValueValidator(70)],
        help_text=_("Diisi bila undang-undang jabatan ini mengatur sendiri (mis. guru: 60)."),
    )
    batas_usia_pensiun = models.PositiveSmallIntegerField(_("batas usia pensiun"), editable=False)
    std_m01 = level_field(_("standar M.01 Integritas"))
    std_m02 = level_field(_("standar M.02 Kerja Sama"))
    std_m03 = level_field(_("standar M.03 Komunikasi"))
    std_m04 = level_field(_("standar M.04 Orientasi pada Hasil"))
    std_m05 = level_field(_("standar M.05 Pelayanan Publik"))
    std_m06 = level_field(_("standar M.06 Pengembangan Diri dan Orang Lain"))
    std_m07 = level_field(_("standar M.07 Mengelola Perubahan"))
    std_m08 = level_field(_("standar M.08 Pengambilan Keputusan"))
    std_sk01 = level_field(_("standar SK.01 Perekat Bangsa"))
    aktif = models.BooleanField(_("aktif"), default=True)
    # The decree by which the PPK set this position's competency standard (standar kompetensi
    # jabatan, PermenPANRB 38/2017 Pasal 5; the merit index asks for it, PermenPANRB 19/2025
    # aspek 4). The levels above always hold at least the regulation's defaults; these say
    # whether the agency has set the position's own standard, and when.
    skj_nomor = models.CharField(_("nomor keputusan SKJ"), max_length=100, blank=True)
    skj_tanggal = models.DateField(_("tanggal keputusan SKJ"), null=True, blank=True)

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = pgettext_lazy("jamak", "jabatan")
        ordering = ["nama"]
        constraints = [
            models.CheckConstraint(
                condition=Q(jenis=JenisJabatan.FUNGSIONAL, jenjang__in=KEAHLIAN | KETERAMPILAN)
                | (~Q(jenis=JenisJabatan.FUNGSIONAL) & Q(jenjang="")),
                name="jabatan_jenjang_hanya_fungsional",
                violation_error_message=_(
                    "Jenjang wajib diisi untuk jabatan fungsional dan dikosongkan untuk jenis lain."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kelas_jabatan__gte=1, kelas_jabatan__lte=17),
                name="jabatan_kelas_1_17",
                violation_error_message=_("Kelas jabatan harus 1 sampai 17."),
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"std_{kode}__gte": 1, f"std_{kode}__lte": 5}),
                    name=f"jabatan_std_{kode}_1_5",
                    violation_error_message=_("Standar kompetensi harus level 1 sampai 5."),
                )
                for kode in KOMPETENSI_KODE
            ],
            pilihan_sah("jenis", JenisJabatan.choices, name="jabatan_jenis_pilihan"),
            pilihan_sah("jenjang", Jenjang.choices, name="jabatan_jenjang_pilihan", kosong=True),
            pilihan_sah("eselon", ESELON_CHOICES, name="jabatan_eselon_pilihan", kosong=True),
            pilihan_sah(
                "golongan_minimal",
                gol.CHOICES[: len(gol.PNS)],
                name="jabatan_golongan_minimal_pilihan",
                kosong=True,
            ),
            pilihan_sah(
                "pendidikan_minimal",
                TingkatPendidikan.choices,
                name="jabatan_pendidikan_minimal_pilihan",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def standar_kompetensi(self) -> dict[str, int]:
        return {kode: getattr(self, f"std_{kode}") for kode in KOMPETENSI_KODE}

    def isi_standar_default(self) -> None:
        """Fill blank competency standards with the defaults for the kind (PermenPANRB 38/2017)."""
        for kode, level in standar_default(self.jenis, self.jenjang).items():
            if getattr(self, f"std_{kode}") is None:
                setattr(self, f"std_{kode}", level)

    def hitung_batas_usia_pensiun(self) -> int:
        return batas_usia_pensiun(self.jenis, self.jenjang, khusus=self.bup_khusus)

    def clean(self) -> None:
        if self.jenis == JenisJabatan.FUNGSIONAL and not self.jenjang:
            raise ValidationError({"jenjang": _("Jenjang wajib diisi untuk jabatan fungsional.")})
        if self.jenis and self.jenis != JenisJabatan.FUNGSIONAL and self.jenjang:
            raise ValidationError({"jenjang": _("Jenjang hanya diisi untuk jabatan fungsional.")})
        if self.jenis:
            self.isi_standar_default()
            self.batas_usia_pensiun = self.hitung_batas_usia_pensiun()

    def save(self, *args, **kwargs) -> None:
        self.isi_standar_default()
        self.batas_usia_pensiun = self.hitung_batas_usia_pensiun()
        super().save(*args, **kwargs)
