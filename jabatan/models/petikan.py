"""Who signs the decree extracts (petikan SK) that HR prints: a setting HR keeps."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pegawai.models import Pegawai, TimestampedModel

JABATAN_PENGESAH_BAWAAN = "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"


class PengaturanPetikan(TimestampedModel):
    """The signatures of a petikan: the regional head who signed the decree ("ttd." and the
    name) and the official who certifies the extract ("Salinan sesuai dengan aslinya"), whose
    name, NIP and rank come from their employee record, so a promotion shows without editing
    this. One row (pk 1), changed by HR in the admin and kept in the audit trail."""

    nama_kepala_daerah = models.CharField(
        _("nama Wali Kota"),
        max_length=200,
        blank=True,
        help_text=_("Nama lengkap dengan gelar, dicetak di bawah “ttd.” pada petikan."),
    )
    pengesah = models.ForeignKey(
        Pegawai,
        verbose_name=_("pejabat pengesah salinan"),
        related_name="+",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Nama, NIP dan pangkatnya diambil dari data pegawai."),
    )
    jabatan_pengesah = models.CharField(
        _("jabatan pengesah"),
        max_length=200,
        default=JABATAN_PENGESAH_BAWAAN,
        help_text=_("Mis. “Kepala Badan …” atau “Plt. Kepala Badan …”; dicetak dengan nama kota."),
    )

    class Meta:
        verbose_name = _("pengaturan petikan keputusan")
        verbose_name_plural = pgettext_lazy("jamak", "pengaturan petikan keputusan")
        constraints = [
            # One row (`aktif()` reads pk 1): a second one would be silently ignored.
            models.CheckConstraint(
                condition=Q(id=1),
                name="pengaturan_petikan_satu_baris",
                violation_error_message=_("Pengaturan petikan hanya satu baris."),
            ),
        ]

    def __str__(self) -> str:
        return str(_("Penandatangan petikan keputusan"))

    @classmethod
    def aktif(cls) -> PengaturanPetikan:
        """Return the setting in force: the saved row with its signatory, else the defaults
        (unsaved: printing never writes)."""
        return cls.objects.select_related("pengesah").filter(pk=1).first() or cls(pk=1)
