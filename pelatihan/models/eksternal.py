"""Training the employee took elsewhere, counted once HR has verified its evidence."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pegawai.models import Pegawai, TimestampedModel, pilihan_sah
from pelatihan.bukti import bukti_upload_to
from pelatihan.models.pilihan import KelompokKompetensi, PelatihanWajib


class StatusVerifikasi(models.TextChoices):
    DIAJUKAN = "diajukan", _("Menunggu verifikasi")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")
    DITOLAK = "ditolak", _("Ditolak")


class PelatihanEksternal(TimestampedModel):
    """Training the employee took outside the catalogue, recorded with evidence; its JP count
    only once HR has verified it."""

    Status = StatusVerifikasi

    pegawai = models.ForeignKey(
        Pegawai,
        verbose_name=_("pegawai"),
        related_name="pelatihan_eksternal",
        on_delete=models.PROTECT,
    )
    nama = models.CharField(_("nama pelatihan"), max_length=200)
    penyelenggara = models.CharField(_("penyelenggara"), max_length=150)
    kelompok = models.CharField(
        _("kelompok kompetensi"), max_length=20, choices=KelompokKompetensi.choices
    )
    pelatihan_wajib = models.CharField(
        _("pelatihan kepemimpinan wajib"), max_length=12, choices=PelatihanWajib.choices, blank=True
    )
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"))
    jumlah_jp = models.PositiveSmallIntegerField(_("jumlah JP"), validators=[MinValueValidator(1)])
    nomor_sertifikat = models.CharField(_("nomor sertifikat"), max_length=100)
    # A random name under sertifikat/<year>/; served only by pelatihan.views.eksternal_bukti.
    bukti = models.FileField(_("bukti (sertifikat)"), upload_to=bukti_upload_to)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=StatusVerifikasi.choices,
        default=StatusVerifikasi.DIAJUKAN,
    )
    tahun_jp = models.PositiveSmallIntegerField(_("tahun JP"), editable=False)
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diverifikasi oleh"),
        related_name="+",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
    )
    diverifikasi_pada = models.DateTimeField(
        _("diverifikasi pada"), null=True, blank=True, editable=False
    )
    alasan_penolakan = models.CharField(_("alasan penolakan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("pelatihan eksternal")
        verbose_name_plural = pgettext_lazy("jamak", "pelatihan eksternal")
        ordering = ["-tanggal_selesai"]
        constraints = [
            pilihan_sah("status", StatusVerifikasi, name="eksternal_status_pilihan"),
            pilihan_sah("kelompok", KelompokKompetensi, name="eksternal_kelompok_pilihan"),
            pilihan_sah(
                "pelatihan_wajib", PelatihanWajib, name="eksternal_wajib_pilihan", kosong=True
            ),
            models.CheckConstraint(
                condition=Q(tanggal_selesai__gte=F("tanggal_mulai")),
                name="eksternal_selesai_setelah_mulai",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
            models.CheckConstraint(
                condition=Q(jumlah_jp__gte=1),
                name="eksternal_jp_positif",
                violation_error_message=_("Jumlah JP minimal 1."),
            ),
            models.CheckConstraint(
                condition=Q(status="diajukan")
                | Q(diverifikasi_oleh__isnull=False, diverifikasi_pada__isnull=False),
                name="eksternal_verifikasi_punya_pemeriksa",
                violation_error_message=_("Verifikasi wajib mencatat pemeriksa dan waktunya."),
            ),
            models.CheckConstraint(
                condition=~Q(status="ditolak") | ~Q(alasan_penolakan=""),
                name="eksternal_ditolak_punya_alasan",
                violation_error_message=_("Alasan penolakan wajib diisi."),
            ),
        ]
        indexes = [
            models.Index(
                fields=["pegawai", "tahun_jp"],
                include=["jumlah_jp"],
                condition=Q(status="diverifikasi"),
                name="eksternal_jp_pegawai_tahun",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.pegawai.nama})"
