"""A year's self-assessment (penilaian mandiri) against one instrument.

For each criterion the assessment keeps the figure its evidence function found as of
`tanggal_data`, the level the criterion's rule proposes with its reason, and the level HR set
(accepting the proposal or overriding it with a reason; audited). A final assessment is frozen
with its figures, total and band, like a decision's ranking: the services refuse every change
and the database refuses it too (migration 0002's trigger), so a later change of the data or
of the instrument's rows never moves a published result.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pegawai.models import TimestampedModel
from sistem_merit.models.instrumen import Instrumen, Kriteria


class StatusPenilaian(models.TextChoices):
    DRAF = "draf", _("Draf")
    FINAL = "final", _("Final")


class Penilaian(TimestampedModel):
    Status = StatusPenilaian

    instrumen = models.ForeignKey(
        Instrumen, related_name="penilaian", on_delete=models.PROTECT, verbose_name=_("instrumen")
    )
    tahun = models.PositiveSmallIntegerField(_("tahun penilaian"))
    tanggal_data = models.DateField(
        _("data per tanggal"), help_text=_("Angka bukti dihitung dari data pada tanggal ini.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAF
    )
    dihitung_pada = models.DateTimeField(_("bukti dihitung pada"), null=True, blank=True)
    skor_survei = models.DecimalField(
        _("skor survei pegawai (0–1)"), max_digits=6, decimal_places=4, null=True, blank=True
    )
    nilai = models.DecimalField(_("nilai"), max_digits=8, decimal_places=3, null=True, blank=True)
    kategori = models.CharField(_("kategori"), max_length=60, blank=True)
    ringkasan = models.JSONField(_("nilai per aspek"), default=list, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        related_name="+",
        null=True,
        on_delete=models.PROTECT,
    )
    difinalkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("difinalkan oleh"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    difinalkan_pada = models.DateTimeField(_("difinalkan pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("penilaian sistem merit")
        verbose_name_plural = pgettext_lazy("jamak", "penilaian sistem merit")
        ordering = ["-tahun", "instrumen"]
        constraints = [
            # "A self-assessment is for one instrument and one year" (issue 24).
            models.UniqueConstraint(fields=["instrumen", "tahun"], name="penilaian_satu_per_tahun"),
            models.CheckConstraint(
                condition=Q(status="draf") | Q(difinalkan_pada__isnull=False, nilai__isnull=False),
                name="penilaian_final_lengkap",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.instrumen} — {self.tahun}"

    @property
    def final(self) -> bool:
        return self.status == self.Status.FINAL


class JawabanKriteria(TimestampedModel):
    penilaian = models.ForeignKey(
        Penilaian, related_name="jawaban", on_delete=models.CASCADE, verbose_name=_("penilaian")
    )
    kriteria = models.ForeignKey(
        Kriteria, related_name="jawaban", on_delete=models.PROTECT, verbose_name=_("kriteria")
    )
    pembilang = models.PositiveIntegerField(_("pembilang"), null=True, blank=True)
    penyebut = models.PositiveIntegerField(_("penyebut"), null=True, blank=True)
    uraian_angka = models.TextField(_("angka"), blank=True)
    kurang = models.TextField(_("yang kurang"), blank=True)
    level_usulan = models.PositiveSmallIntegerField(_("level usulan"), null=True, blank=True)
    alasan_usulan = models.TextField(_("alasan usulan"), blank=True)
    level = models.PositiveSmallIntegerField(_("level ditetapkan"), null=True, blank=True)
    alasan = models.TextField(_("alasan penetapan"), blank=True)
    ditinjau_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditinjau oleh"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    ditinjau_pada = models.DateTimeField(_("ditinjau pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("jawaban kriteria")
        verbose_name_plural = pgettext_lazy("jamak", "jawaban kriteria")
        ordering = ["penilaian", "kriteria"]
        constraints = [
            models.UniqueConstraint(
                fields=["penilaian", "kriteria"], name="jawaban_satu_per_kriteria"
            ),
            models.CheckConstraint(
                condition=Q(pembilang__isnull=True) | Q(pembilang__lte=models.F("penyebut")),
                name="jawaban_pembilang_lte_penyebut",
            ),
            # A level set by HR away from the proposal carries its reason.
            models.CheckConstraint(
                condition=Q(level__isnull=True) | Q(level=models.F("level_usulan")) | ~Q(alasan=""),
                name="jawaban_ubah_beralasan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.penilaian} — {self.kriteria.kode}"


def dokumen_upload_to(instance: DokumenBukti, filename: str) -> str:
    """Return a random stored name: the uploader's file name never reaches the disk."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"sistem-merit/{uuid.uuid4().hex}.{ext}"


class DokumenBukti(models.Model):
    """A document HR keeps with a criterion's answer; served only to HR (permission-checked)."""

    jawaban = models.ForeignKey(
        JawabanKriteria,
        related_name="dokumen",
        on_delete=models.PROTECT,
        verbose_name=_("jawaban"),
    )
    berkas = models.FileField(_("berkas"), upload_to=dokumen_upload_to)
    nama = models.CharField(_("nama dokumen"), max_length=200)
    jenis_berkas = models.CharField(_("jenis berkas"), max_length=100)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diunggah oleh"),
        related_name="+",
        on_delete=models.PROTECT,
    )
    created_at = models.DateTimeField(_("diunggah pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("dokumen bukti")
        verbose_name_plural = pgettext_lazy("jamak", "dokumen bukti")
        ordering = ["jawaban", "created_at"]

    def __str__(self) -> str:
        return self.nama
