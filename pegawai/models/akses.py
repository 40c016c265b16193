"""Who may see what (the link of a login to a unit and an employee) and the export log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pegawai.models.base import TimestampedModel
from pegawai.models.organisasi import UnitKerja
from pegawai.models.pegawai import Pegawai


class Akses(TimestampedModel):
    """What a login may see beyond its permissions: the unit it leads and its own record.

    A unit head (Pimpinan Unit) gets `unit_kerja`: that unit and everything under it. An employee
    using self-service gets `pegawai`: their own record. HR see everything through the
    `lihat_semua_unit` permission of their group. `pegawai.akses.lingkup` reads this.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        related_name="akses",
        on_delete=models.CASCADE,
    )
    pegawai = models.OneToOneField(
        Pegawai,
        verbose_name=_("pegawai (data diri)"),
        related_name="akses",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    unit_kerja = models.ForeignKey(
        UnitKerja,
        verbose_name=_("unit yang dipimpin"),
        related_name="pimpinan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Pimpinan Unit melihat unit ini dan semua unit di bawahnya."),
    )

    class Meta:
        verbose_name = _("akses pengguna")
        verbose_name_plural = pgettext_lazy("jamak", "akses pengguna")
        permissions = [("lihat_semua_unit", _("Dapat melihat data semua unit kerja"))]

    def __str__(self) -> str:
        return str(self.user)


class CatatanEkspor(models.Model):
    """Who exported which rows, when and from where: personal data leaves the system only here."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        related_name="catatan_ekspor",
        on_delete=models.PROTECT,
    )
    waktu = models.DateTimeField(_("waktu"), auto_now_add=True)
    data = models.CharField(_("data"), max_length=100)
    jumlah_baris = models.PositiveIntegerField(_("jumlah baris"))
    filter = models.CharField(_("filter"), max_length=1000, blank=True)
    alamat_ip = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)

    class Meta:
        verbose_name = _("catatan ekspor")
        verbose_name_plural = pgettext_lazy("jamak", "catatan ekspor")
        ordering = ["-waktu"]

    def __str__(self) -> str:
        return f"{self.user} — {self.data} ({self.jumlah_baris})"
