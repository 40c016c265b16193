"""The assessment instrument as rows HR edits when the regulation changes, never code.

An instrument (PermenPANRB 40/2018, PermenPANRB 19/2025) has aspects with weights, each aspect
criteria (or indicators) answered by level, each level worded as the regulation words it, and
bands (kategori) on the instrument's scale. Every row says where it comes from (`sumber`) and
whether that source is the regulation's own text (`terverifikasi`); a row taken from a draft or
a third-party copy, or not found at all, is shown as such until HR replaces it from the
official form. The shipped rows are sistem_merit/data/*.json (docs/sistem-merit.md).
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pegawai.models import TimestampedModel


class Rumus(models.TextChoices):
    # 40/2018: each aspect's mean level (1–4) weighted by the aspect's weight, times 100: 100–400.
    JUMLAH_2018 = "jumlah_2018", _("Jumlah tertimbang 100–400 (PermenPANRB 40/2018)")
    # 19/2025: maturity of the aspects (weighted mean level / top level, 0–1) combined with the
    # employees' satisfaction and engagement survey (0–1) by `bobot_survei`.
    INDEKS_2025 = "indeks_2025", _("Indeks 0–1: kematangan aspek dan survei pegawai (19/2025)")


class Sumber(models.Model):
    """Where a row comes from, and whether that is the regulation's own text."""

    sumber = models.TextField(_("sumber"), blank=True)
    terverifikasi = models.BooleanField(
        _("sesuai teks resmi"),
        default=False,
        help_text=_(
            "Dicentang hanya bila baris ini sudah dicocokkan dengan teks resmi regulasi atau "
            "formulir resmi; selain itu tampil sebagai belum terverifikasi."
        ),
    )

    class Meta:
        abstract = True


class Instrumen(TimestampedModel):
    kode = models.SlugField(_("kode"), max_length=40, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    dasar_hukum = models.TextField(_("dasar hukum"))
    sumber = models.TextField(_("sumber"), blank=True)
    rumus = models.CharField(_("rumus"), max_length=15, choices=Rumus.choices)
    level_min = models.PositiveSmallIntegerField(_("level terendah"))
    level_max = models.PositiveSmallIntegerField(_("level tertinggi"))
    bobot_survei = models.DecimalField(
        _("bobot survei pegawai (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    sumber_bobot_survei = models.TextField(_("sumber bobot survei"), blank=True)
    bobot_survei_terverifikasi = models.BooleanField(
        _("bobot survei sesuai teks resmi"), default=False
    )

    class Meta:
        verbose_name = _("instrumen penilaian sistem merit")
        verbose_name_plural = pgettext_lazy("jamak", "instrumen penilaian sistem merit")
        ordering = ["kode"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level_min__lt=F("level_max")) & Q(level_max__lte=10),
                name="instrumen_level_urut",
            ),
            models.CheckConstraint(
                condition=Q(bobot_survei__gte=0, bobot_survei__lte=100),
                name="instrumen_bobot_survei_persen",
            ),
        ]

    def __str__(self) -> str:
        return self.nama


class Kategori(Sumber):
    """A band of the instrument's scale (e.g. III Baik 250–324), bounds inclusive."""

    instrumen = models.ForeignKey(
        Instrumen, related_name="kategori", on_delete=models.CASCADE, verbose_name=_("instrumen")
    )
    nama = models.CharField(_("nama"), max_length=60)
    batas_bawah = models.DecimalField(_("batas bawah"), max_digits=8, decimal_places=3)
    batas_atas = models.DecimalField(_("batas atas"), max_digits=8, decimal_places=3)

    class Meta:
        verbose_name = _("kategori")
        verbose_name_plural = pgettext_lazy("jamak", "kategori")
        ordering = ["instrumen", "batas_bawah"]
        constraints = [
            models.CheckConstraint(
                condition=Q(batas_bawah__lte=F("batas_atas")), name="kategori_batas_urut"
            ),
            models.UniqueConstraint(fields=["instrumen", "nama"], name="kategori_nama_unik"),
        ]

    def __str__(self) -> str:
        return self.nama


class Aspek(Sumber):
    instrumen = models.ForeignKey(
        Instrumen, related_name="aspek", on_delete=models.CASCADE, verbose_name=_("instrumen")
    )
    nomor = models.PositiveSmallIntegerField(_("nomor"))
    nama = models.CharField(_("nama"), max_length=200)
    uraian = models.TextField(_("uraian"), blank=True)
    bobot = models.DecimalField(
        _("bobot (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = _("aspek")
        verbose_name_plural = pgettext_lazy("jamak", "aspek")
        ordering = ["instrumen", "nomor"]
        constraints = [
            models.UniqueConstraint(fields=["instrumen", "nomor"], name="aspek_nomor_unik"),
            models.CheckConstraint(
                condition=Q(bobot__gte=0, bobot__lte=100), name="aspek_bobot_persen"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.nama}"


class Kriteria(Sumber):
    """One criterion (or indicator) answered by level.

    With `bukti` (a key of `sistem_merit.bukti.BUKTI`), the system computes the figure and
    proposes the level by `ambang`: the least figure (a share, 0–1) each level needs, e.g.
    {"2": "0.5", "3": "0.75", "4": "1"} (`sistem_merit.rules.propose_level`). Without it, HR
    records the level with documents.
    """

    aspek = models.ForeignKey(
        Aspek, related_name="kriteria", on_delete=models.CASCADE, verbose_name=_("aspek")
    )
    kode = models.CharField(_("kode"), max_length=20)
    sub_aspek = models.CharField(_("sub-aspek"), max_length=200, blank=True)
    uraian = models.TextField(_("kriteria"))
    bukti = models.CharField(
        _("fungsi bukti"),
        max_length=60,
        blank=True,
        help_text=_("Kosong: level diisi BKPSDM dengan dokumen."),
    )
    ambang = models.JSONField(_("ambang per level"), default=dict, blank=True)
    ambang_sumber = models.TextField(_("dasar ambang"), blank=True)

    class Meta:
        verbose_name = _("kriteria")
        verbose_name_plural = pgettext_lazy("jamak", "kriteria")
        ordering = ["aspek", "id"]
        constraints = [
            models.UniqueConstraint(fields=["aspek", "kode"], name="kriteria_kode_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian[:80]}"

    def clean(self) -> None:
        """Refuse thresholds the level rule cannot read: keys that are not levels of the
        instrument's scale, shares outside 0–1, or shares that do not rise with the level."""
        from sistem_merit.rules import read_ambang

        if not self.ambang:
            return
        if not isinstance(self.ambang, dict):
            raise ValidationError({"ambang": _('Ambang ditulis {"level": "bagian 0–1"}.')})
        try:
            daftar = read_ambang(self.ambang)
        except (ValueError, ArithmeticError):
            raise ValidationError(
                {
                    "ambang": _(
                        'Ambang ditulis {"level": "bagian 0–1"}, naik bersama level, mis. '
                        '{"1": ">0", "2": "0.5", "3": "1"} (">": harus dilampaui).'
                    )
                }
            ) from None
        instrumen = self.aspek.instrumen
        luar = [
            a.level for a in daftar if not instrumen.level_min <= a.level <= instrumen.level_max
        ]
        if luar:
            raise ValidationError(
                {
                    "ambang": _("Level %(l)s di luar skala instrumen (%(lo)d–%(hi)d).")
                    % {
                        "l": ", ".join(map(str, luar)),
                        "lo": instrumen.level_min,
                        "hi": instrumen.level_max,
                    }
                }
            )


class LevelKriteria(models.Model):
    kriteria = models.ForeignKey(
        Kriteria, related_name="level", on_delete=models.CASCADE, verbose_name=_("kriteria")
    )
    level = models.PositiveSmallIntegerField(_("level"))
    uraian = models.TextField(_("yang dipersyaratkan"))

    class Meta:
        verbose_name = _("level kriteria")
        verbose_name_plural = pgettext_lazy("jamak", "level kriteria")
        ordering = ["kriteria", "level"]
        constraints = [
            models.UniqueConstraint(fields=["kriteria", "level"], name="level_kriteria_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.level}: {self.uraian[:80]}"
