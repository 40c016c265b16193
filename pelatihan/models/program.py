"""Training programs and the competencies and levels each develops."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pegawai.jenis_jabatan import JenisJabatan
from pegawai.kompetensi import KODE as KOMPETENSI_KODE
from pegawai.kompetensi import KODE_RESMI, KOMPETENSI
from pegawai.models import TimestampedModel, level_field, pilihan_sah
from pelatihan.models.pilihan import (
    BENTUK_KLASIKAL,
    BENTUK_NONKLASIKAL,
    BentukProgram,
    JenisProgram,
    KelompokKompetensi,
    PelatihanWajib,
    SifatKeterampilan,
)


class Program(TimestampedModel):
    """A program of the training catalogue."""

    Jenis = JenisProgram
    Bentuk = BentukProgram
    Kelompok = KelompokKompetensi
    Sifat = SifatKeterampilan
    Wajib = PelatihanWajib

    kode = models.CharField(_("kode program"), max_length=30, unique=True)
    nama = models.CharField(_("nama program"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=12, choices=JenisProgram.choices)
    bentuk = models.CharField(_("bentuk"), max_length=20, choices=BentukProgram.choices)
    kelompok = models.CharField(
        _("kelompok kompetensi"), max_length=20, choices=KelompokKompetensi.choices
    )
    sifat = models.CharField(_("soft/hard skill"), max_length=4, choices=SifatKeterampilan.choices)
    jumlah_jp = models.PositiveSmallIntegerField(
        _("jumlah JP"), validators=[MinValueValidator(1)], help_text=_("1 JP = 45 menit.")
    )
    biaya_per_peserta = models.DecimalField(
        _("biaya per peserta (Rp)"), max_digits=12, decimal_places=0, default=0
    )
    pelatihan_wajib = models.CharField(
        _("pelatihan kepemimpinan wajib"),
        max_length=12,
        choices=PelatihanWajib.choices,
        blank=True,
        help_text=_(
            "Diisi bila program ini adalah pelatihan kepemimpinan yang diwajibkan jenjangnya."
        ),
    )
    jenis_jabatan_sasaran = models.JSONField(
        _("jenis jabatan sasaran"),
        default=list,
        blank=True,
        help_text=_("Kosongkan bila cocok untuk semua jenis jabatan."),
    )
    bidang_sasaran = models.CharField(
        _("bidang sasaran"),
        max_length=200,
        blank=True,
        help_text=_("Bidang tugas yang cocok, mis. administrasi, kesehatan, pendidikan."),
    )
    deskripsi = models.TextField(_("deskripsi"), blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("program pelatihan")
        verbose_name_plural = pgettext_lazy("jamak", "program pelatihan")
        ordering = ["nama"]
        constraints = [
            pilihan_sah("jenis", JenisProgram, name="program_jenis_pilihan"),
            pilihan_sah("bentuk", BentukProgram, name="program_bentuk_pilihan"),
            pilihan_sah("kelompok", KelompokKompetensi, name="program_kelompok_pilihan"),
            pilihan_sah("sifat", SifatKeterampilan, name="program_sifat_pilihan"),
            pilihan_sah(
                "pelatihan_wajib", PelatihanWajib, name="program_wajib_pilihan", kosong=True
            ),
            models.CheckConstraint(
                condition=Q(jenis="klasikal", bentuk__in=sorted(BENTUK_KLASIKAL))
                | Q(jenis="nonklasikal", bentuk__in=sorted(BENTUK_NONKLASIKAL)),
                name="program_bentuk_sesuai_jenis",
                violation_error_message=_("Bentuk program tidak sesuai dengan jenisnya."),
            ),
            models.CheckConstraint(
                condition=Q(jumlah_jp__gte=1),
                name="program_jp_positif",
                violation_error_message=_("Jumlah JP minimal 1."),
            ),
            models.CheckConstraint(
                condition=Q(biaya_per_peserta__gte=0),
                name="program_biaya_tidak_negatif",
                violation_error_message=_("Biaya tidak boleh negatif."),
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        sasaran = self.jenis_jabatan_sasaran or []
        if not isinstance(sasaran, list) or any(j not in JenisJabatan.values for j in sasaran):
            raise ValidationError(
                {
                    "jenis_jabatan_sasaran": _(
                        "Jenis jabatan sasaran berisi nilai yang tidak dikenal."
                    )
                }
            )
        if (self.jenis == JenisProgram.KLASIKAL and self.bentuk not in BENTUK_KLASIKAL) or (
            self.jenis == JenisProgram.NONKLASIKAL and self.bentuk not in BENTUK_NONKLASIKAL
        ):
            raise ValidationError({"bentuk": _("Bentuk program tidak sesuai dengan jenisnya.")})

    def cocok_untuk(self, jenis_jabatan: str) -> bool:
        return not self.jenis_jabatan_sasaran or jenis_jabatan in self.jenis_jabatan_sasaran


KOMPETENSI_CHOICES = [(kode, f"{KODE_RESMI[kode]} {nama}") for kode, nama in KOMPETENSI]


class ProgramKompetensi(models.Model):
    """A competency a program develops, up to a level (codes of pegawai.kompetensi)."""

    program = models.ForeignKey(
        Program, verbose_name=_("program"), related_name="kompetensi", on_delete=models.CASCADE
    )
    kode = models.CharField(_("kompetensi"), max_length=5, choices=KOMPETENSI_CHOICES)
    level = level_field(_("level sasaran"))

    class Meta:
        verbose_name = _("kompetensi program")
        verbose_name_plural = pgettext_lazy("jamak", "kompetensi program")
        ordering = ["program", "kode"]
        constraints = [
            pilihan_sah("kode", list(KOMPETENSI_KODE), name="program_kompetensi_kode_pilihan"),
            models.UniqueConstraint(
                fields=["program", "kode"],
                name="program_kompetensi_unik",
                violation_error_message=_("Kompetensi ini sudah tercatat pada program."),
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5),
                name="program_kompetensi_level_1_5",
                violation_error_message=_("Level kompetensi harus 1 sampai 5."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kode_display()} → {self.level}"
