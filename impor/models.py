"""What HR mapped (SIASN units and positions onto ours) and each uploaded import file."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jabatan.models import Jabatan
from pegawai.models import TimestampedModel, UnitKerja, pilihan_sah


class PemetaanUnit(TimestampedModel):
    """A SIASN unit (unorId) HR mapped onto one of our units; every later import reuses it."""

    kode_siasn = models.CharField(_("id unit SIASN"), max_length=64, unique=True)
    nama_siasn = models.CharField(_("nama unit SIASN"), max_length=250, blank=True)
    unit_kerja = models.ForeignKey(
        UnitKerja, verbose_name=_("unit kerja"), related_name="+", on_delete=models.PROTECT
    )
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dipetakan oleh"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("pemetaan unit SIASN")
        verbose_name_plural = pgettext_lazy("jamak", "pemetaan unit SIASN")
        ordering = ["kode_siasn"]

    def __str__(self) -> str:
        return f"{self.kode_siasn} {self.nama_siasn} → {self.unit_kerja}"


class PemetaanJabatan(TimestampedModel):
    """A SIASN position (jabatanId) HR mapped onto a position of our catalogue."""

    kode_siasn = models.CharField(_("id jabatan SIASN"), max_length=64, unique=True)
    nama_siasn = models.CharField(_("nama jabatan SIASN"), max_length=250, blank=True)
    jabatan = models.ForeignKey(
        Jabatan, verbose_name=_("jabatan"), related_name="+", on_delete=models.PROTECT
    )
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dipetakan oleh"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("pemetaan jabatan SIASN")
        verbose_name_plural = pgettext_lazy("jamak", "pemetaan jabatan SIASN")
        ordering = ["kode_siasn"]

    def __str__(self) -> str:
        return f"{self.kode_siasn} {self.nama_siasn} → {self.jabatan}"


class StatusImpor(models.TextChoices):
    DIUNGGAH = "diunggah", _("Diunggah")
    PRATINJAU = "pratinjau", _("Pratinjau siap")
    DITOLAK = "ditolak", _("Berkas ditolak")
    DITERAPKAN = "diterapkan", _("Diterapkan")
    GAGAL = "gagal", _("Gagal diterapkan")


class Impor(models.Model):
    """One uploaded file: kept (in the database, so any worker can read it) from the preview
    until it is applied; its checksum goes into the audit record of the import."""

    Status = StatusImpor

    nama_berkas = models.CharField(_("nama berkas"), max_length=200)
    format = models.CharField(_("format"), max_length=4)
    ukuran = models.PositiveBigIntegerField(_("ukuran (byte)"))
    checksum = models.CharField(_("SHA-256"), max_length=64)
    berkas = models.BinaryField(_("berkas"), editable=False)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        related_name="+",
        on_delete=models.PROTECT,
        null=True,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DIUNGGAH
    )
    sebagian = models.BooleanField(
        _("impor baris yang sah saja"),
        default=False,
        help_text=_("Jika tidak dicentang: semua atau tidak sama sekali."),
    )
    ringkasan = models.JSONField(_("ringkasan"), default=dict, blank=True)
    dibuat = models.DateTimeField(_("diunggah"), auto_now_add=True)
    diterapkan = models.DateTimeField(_("diterapkan"), null=True, blank=True)
    diterapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diterapkan oleh"),
        related_name="+",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("impor data pegawai")
        verbose_name_plural = pgettext_lazy("jamak", "impor data pegawai")
        ordering = ["-dibuat"]
        constraints = [pilihan_sah("status", StatusImpor, name="impor_status_pilihan")]

    def __str__(self) -> str:
        return f"{self.nama_berkas} (SHA-256 {self.checksum[:12]})"

    def get_absolute_url(self) -> str:
        return reverse("impor:detail", args=[self.pk])
