"""Succession plans (rencana suksesi, PermenPANRB 3/2020 on talent management): the named
successors of a key post, in priority order, with how ready each is."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jabatan.models.base import tidak_kosong
from jabatan.models.formasi import Formasi
from pegawai.models import Pegawai, TimestampedModel, pilihan_sah

# Successors named per key post. PermenPANRB 3/2020 sets no number; two or three per critical
# post is the common practice of talent-management plans, and three matches the three names a
# selection puts before the PPK. The CHECK below holds it: changing it needs a migration.
MAKS_SUKSESOR = 3


class KesiapanSuksesor(models.TextChoices):
    """How soon a successor could take the post: the three readiness bands common in
    succession planning practice (ready now / in 1–2 years / in 3 years or more); the
    regulation names none."""

    SIAP_SEKARANG = "sekarang", _("Siap sekarang")
    SIAP_1_2_TAHUN = "1_2_tahun", _("Siap 1–2 tahun")
    SIAP_3_TAHUN = "3_tahun", _("Siap 3 tahun atau lebih")


class Suksesor(TimestampedModel):
    """An employee named as a successor (calon suksesor) of a key post, from the talent pool.

    One active row per person and post; the active rows of a post hold the slots 1 to
    MAKS_SUKSESOR, unique among them, so the plan's capacity and its order are database facts
    whoever writes. A removed successor stays as an inactive row with the reason.
    """

    Kesiapan = KesiapanSuksesor

    formasi = models.ForeignKey(
        Formasi, verbose_name=_("formasi kunci"), related_name="suksesor", on_delete=models.PROTECT
    )
    pegawai = models.ForeignKey(
        Pegawai, verbose_name=_("pegawai"), related_name="suksesi", on_delete=models.PROTECT
    )
    kesiapan = models.CharField(_("kesiapan"), max_length=10, choices=Kesiapan.choices)
    urutan = models.PositiveSmallIntegerField(_("urutan prioritas"))
    tanggal_penetapan = models.DateField(_("tanggal penetapan"))
    catatan = models.CharField(_("catatan"), max_length=300, blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)
    alasan_berakhir = models.CharField(_("alasan berakhir"), max_length=300, blank=True)
    ditetapkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ditetapkan oleh"), on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = _("calon suksesor")
        verbose_name_plural = pgettext_lazy("jamak", "calon suksesor")
        ordering = ["formasi", "-aktif", "urutan"]
        indexes = [
            # "Which posts is this employee a named successor to?": the needs provider and /saya/.
            models.Index(
                fields=["pegawai"], condition=Q(aktif=True), name="suksesor_aktif_pegawai"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["formasi", "pegawai"],
                condition=Q(aktif=True),
                name="suksesor_satu_per_pegawai_formasi",
                violation_error_message=_("Pegawai ini sudah menjadi calon suksesor formasi ini."),
            ),
            models.UniqueConstraint(
                fields=["formasi", "urutan"],
                condition=Q(aktif=True),
                name="suksesor_urutan_unik_per_formasi",
                violation_error_message=_("Urutan ini sudah dipakai calon suksesor lain."),
            ),
            models.CheckConstraint(
                condition=Q(urutan__gte=1, urutan__lte=MAKS_SUKSESOR),
                name="suksesor_urutan_1_maks",
                violation_error_message=_("Urutan calon suksesor 1 sampai 3."),
            ),
            models.CheckConstraint(
                condition=Q(aktif=True) | tidak_kosong("alasan_berakhir"),
                name="suksesor_alasan_bila_berakhir",
                violation_error_message=_("Alasan berakhir wajib diisi."),
            ),
            pilihan_sah("kesiapan", KesiapanSuksesor.choices, name="suksesor_kesiapan_pilihan"),
        ]

    def __str__(self) -> str:
        return f"{self.urutan}. {self.pegawai} → {self.formasi}"
