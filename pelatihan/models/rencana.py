"""The annual competency development plan (rencana pengembangan kompetensi) and its rows."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pegawai.models import TimestampedModel, UnitKerja, pilihan_sah
from pelatihan.models.program import Program


class StatusRencana(models.TextChoices):
    DRAF = "draf", _("Draf")
    DISETUJUI = "disetujui", _("Disetujui BKPSDM")


class RencanaPengembangan(TimestampedModel):
    """The annual development plan (rencana pengembangan kompetensi) of a unit, or of the city
    when `unit_kerja` is empty: planned seats per program with their cost, approved by HR."""

    Status = StatusRencana

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    unit_kerja = models.ForeignKey(
        UnitKerja,
        verbose_name=_("unit kerja"),
        related_name="rencana_pengembangan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Kosongkan untuk rencana tingkat kota."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=StatusRencana.choices, default=StatusRencana.DRAF
    )
    disetujui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disetujui oleh"),
        related_name="+",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
    )
    disetujui_pada = models.DateTimeField(
        _("disetujui pada"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("rencana pengembangan kompetensi")
        verbose_name_plural = pgettext_lazy("jamak", "rencana pengembangan kompetensi")
        ordering = ["-tahun", "unit_kerja__path"]
        constraints = [
            pilihan_sah("status", StatusRencana, name="rencana_status_pilihan"),
            models.UniqueConstraint(
                fields=["tahun", "unit_kerja"],
                name="rencana_satu_per_unit_tahun",
                violation_error_message=_("Rencana unit ini untuk tahun ini sudah ada."),
            ),
            models.UniqueConstraint(
                fields=["tahun"],
                condition=Q(unit_kerja__isnull=True),
                name="rencana_satu_kota_per_tahun",
                violation_error_message=_("Rencana tingkat kota untuk tahun ini sudah ada."),
            ),
            models.CheckConstraint(
                condition=Q(status="draf")
                | Q(disetujui_oleh__isnull=False, disetujui_pada__isnull=False),
                name="rencana_disetujui_punya_penyetuju",
                violation_error_message=_("Persetujuan wajib mencatat penyetuju dan waktunya."),
            ),
        ]

    def __str__(self) -> str:
        unit = self.unit_kerja.nama if self.unit_kerja_id else _("Kota")
        return f"{_('Rencana')} {self.tahun} — {unit}"


class RencanaBaris(models.Model):
    """Planned seats for one program in a plan, with the needs they answer."""

    rencana = models.ForeignKey(
        RencanaPengembangan,
        verbose_name=_("rencana"),
        related_name="baris",
        on_delete=models.CASCADE,
    )
    program = models.ForeignKey(
        Program, verbose_name=_("program"), related_name="rencana", on_delete=models.PROTECT
    )
    jumlah_kursi = models.PositiveIntegerField(_("jumlah kursi"), validators=[MinValueValidator(1)])
    biaya = models.DecimalField(_("biaya (Rp)"), max_digits=14, decimal_places=0)
    jumlah_kebutuhan = models.PositiveIntegerField(_("jumlah kebutuhan"), default=0)

    class Meta:
        verbose_name = _("baris rencana")
        verbose_name_plural = pgettext_lazy("jamak", "baris rencana")
        ordering = ["rencana", "program__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["rencana", "program"],
                name="rencana_baris_satu_per_program",
                violation_error_message=_("Program ini sudah ada dalam rencana."),
            ),
            models.CheckConstraint(
                condition=Q(jumlah_kursi__gte=1),
                name="rencana_baris_kursi_minimal_1",
                violation_error_message=_("Jumlah kursi minimal 1."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.program} × {self.jumlah_kursi}"
