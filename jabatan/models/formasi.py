"""Posts in units (formasi, with a quota the database holds) and placements (penempatan)."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jabatan.models.jabatan import Jabatan
from pegawai.models import (
    Pegawai,
    TimestampedModel,
    UnitKerja,
    pilihan_sah,
)


class FormasiQuerySet(models.QuerySet):
    def lowong(self) -> FormasiQuerySet:
        """Return posts with fewer definitive holders than their quota."""
        return self.filter(jumlah_terisi__lt=F("kuota"))

    def in_unit(self, unit: UnitKerja) -> FormasiQuerySet:
        return self.filter(unit_kerja__path__startswith=unit.path)


class Formasi(TimestampedModel):
    """A post: a position in a unit with a quota of definitive holders.

    `jumlah_terisi` is kept by database triggers on `Penempatan` (migration 0002) and bounded by
    `kuota` in a CHECK constraint, so no code path — a service, the admin, raw SQL, two HR staff
    saving at once — can overfill a post.
    """

    jabatan = models.ForeignKey(
        Jabatan, verbose_name=_("jabatan"), related_name="formasi", on_delete=models.PROTECT
    )
    unit_kerja = models.ForeignKey(
        UnitKerja, verbose_name=_("unit kerja"), related_name="formasi", on_delete=models.PROTECT
    )
    kuota = models.PositiveSmallIntegerField(
        _("kuota"), default=1, validators=[MinValueValidator(1)]
    )
    jumlah_terisi = models.PositiveSmallIntegerField(
        _("jumlah terisi (definitif)"), default=0, editable=False
    )
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)
    # The job and workload analysis (analisis jabatan dan analisis beban kerja, PermenPANRB
    # 1/2020) the quota rests on: PP 11/2017 Pasal 134 ayat (2) huruf b plans needs from
    # workload; the merit index asks whether Anjab and ABK exist for every position
    # (PermenPANRB 19/2025 aspek 1).
    anjab_abk_nomor = models.CharField(_("nomor dokumen Anjab/ABK"), max_length=100, blank=True)
    anjab_abk_tanggal = models.DateField(_("tanggal dokumen Anjab/ABK"), null=True, blank=True)

    objects = FormasiQuerySet.as_manager()

    class Meta:
        verbose_name = _("formasi")
        verbose_name_plural = pgettext_lazy("jamak", "formasi")
        ordering = ["unit_kerja__path", "jabatan__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit_kerja", "jabatan"],
                name="formasi_satu_per_jabatan_unit",
                violation_error_message=_("Jabatan ini sudah memiliki formasi di unit tersebut."),
            ),
            models.CheckConstraint(
                condition=Q(kuota__gte=1),
                name="formasi_kuota_minimal_1",
                violation_error_message=_("Kuota minimal 1."),
            ),
            models.CheckConstraint(
                condition=Q(jumlah_terisi__gte=0, jumlah_terisi__lte=F("kuota")),
                name="formasi_terisi_tidak_melebihi_kuota",
                violation_error_message=_(
                    "Kuota tidak boleh lebih kecil dari jumlah pemangku definitif yang aktif."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jabatan} — {self.unit_kerja}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding and kwargs.get("update_fields") is None:
            # Never write back `jumlah_terisi`: the triggers own it, and this instance's copy may
            # be stale.
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name != "jumlah_terisi"
            ]
        super().save(*args, **kwargs)

    @property
    def sisa(self) -> int:
        return self.kuota - self.jumlah_terisi


class JenisPenempatan(models.TextChoices):
    DEFINITIF = "definitif", _("Definitif")
    PLT = "plt", _("Pelaksana Tugas (Plt)")
    PLH = "plh", _("Pelaksana Harian (Plh)")


class PenempatanQuerySet(models.QuerySet):
    def aktif(self) -> PenempatanQuerySet:
        return self.filter(tmt_selesai__isnull=True)

    def definitif(self) -> PenempatanQuerySet:
        return self.filter(jenis=Penempatan.Jenis.DEFINITIF)


class Penempatan(TimestampedModel):
    """An employee holding a post from `tmt_mulai` until `tmt_selesai` (open while null).

    A Plt/Plh (acting) holder does not count against the quota: the post stays vacant for a
    definitive appointment (BKN circular 1/SE/I/2021 on Plt/Plh authority).
    """

    Jenis = JenisPenempatan

    pegawai = models.ForeignKey(
        Pegawai, verbose_name=_("pegawai"), related_name="penempatan", on_delete=models.PROTECT
    )
    formasi = models.ForeignKey(
        Formasi, verbose_name=_("formasi"), related_name="penempatan", on_delete=models.PROTECT
    )
    jenis = models.CharField(
        _("jenis penempatan"), max_length=10, choices=Jenis.choices, default=Jenis.DEFINITIF
    )
    tmt_mulai = models.DateField(_("TMT mulai"))
    tmt_selesai = models.DateField(_("TMT selesai"), null=True, blank=True)
    nomor_sk = models.CharField(_("nomor SK"), max_length=100, blank=True)
    tanggal_sk = models.DateField(_("tanggal SK"), null=True, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)

    objects = PenempatanQuerySet.as_manager()

    class Meta:
        verbose_name = _("penempatan")
        verbose_name_plural = pgettext_lazy("jamak", "penempatan")
        ordering = ["-tmt_mulai", "-id"]
        indexes = [
            # The placement list's default order (newest first), without sorting every row.
            models.Index(fields=["-tmt_mulai", "-id"], name="penempatan_terbaru"),
            # The day a post fell vacant (the end of its last definitive placement), looked up
            # once per vacant post by the vacancy list's sort: one index probe each, where the
            # post's index alone reads every placement it ever had.
            models.Index(
                fields=["formasi", "-tmt_selesai"],
                condition=Q(jenis="definitif", tmt_selesai__isnull=False),
                name="penempatan_definitif_selesai",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai"],
                condition=Q(jenis="definitif", tmt_selesai__isnull=True),
                name="penempatan_satu_definitif_aktif_per_pegawai",
                violation_error_message=_(
                    "Pegawai sudah memiliki penempatan definitif yang aktif."
                ),
            ),
            models.UniqueConstraint(
                fields=["formasi"],
                condition=Q(jenis__in=["plt", "plh"], tmt_selesai__isnull=True),
                name="penempatan_satu_pelaksana_tugas_per_formasi",
                violation_error_message=_("Formasi ini sudah memiliki Plt/Plh yang aktif."),
            ),
            models.CheckConstraint(
                condition=Q(tmt_selesai__isnull=True) | Q(tmt_selesai__gte=F("tmt_mulai")),
                name="penempatan_selesai_setelah_mulai",
                violation_error_message=_("TMT selesai tidak boleh sebelum TMT mulai."),
            ),
            # The quota triggers (migration 0002) count jenis = 'definitif' literally.
            pilihan_sah("jenis", JenisPenempatan.choices, name="penempatan_jenis_pilihan"),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai.nama} — {self.formasi.jabatan} ({self.get_jenis_display()})"

    @property
    def aktif(self) -> bool:
        return self.tmt_selesai is None
