"""The records of the employees' satisfaction and engagement survey (PermenPANRB 19/2025).

HR opens a yearly period (`PeriodeSurveiPegawai`) and edits the questions
(`ButirSurveiPegawai`, data rather than code: the official questionnaire was not found, so the
seeded items are a project draft). An employee answers once per period: `TandaSurveiPegawai`
records THAT they answered (a keyed hash of the period and the employee), never what; the
answers wait in `KotakSurveiPegawai` and are moved in batches into `ResponSurveiPegawai` and its
`JawabanSurveiPegawai` rows (survei.pegawai.services explains why, and what remains).

None of the response-side tables holds a user, an employee, a serial id or a timestamp: their
primary keys are random UUIDs (or the row's own fields), and the unit is the perangkat daerah,
not the employee's own section.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pegawai.models import TimestampedModel, UnitKerja, pilihan_sah

NILAI_MIN, NILAI_MAKS = 1, 5  # the agreement scale: 1 sangat tidak setuju … 5 sangat setuju
SKALA = [
    (1, _("Sangat tidak setuju")),
    (2, _("Tidak setuju")),
    (3, _("Ragu-ragu")),
    (4, _("Setuju")),
    (5, _("Sangat setuju")),
]


class DimensiSurveiPegawai(models.TextChoices):
    KEPUASAN = "kepuasan", _("Kepuasan")
    KETERIKATAN = "keterikatan", _("Keterikatan")


class PeriodeSurveiPegawai(TimestampedModel):
    """One year's survey: open from `dibuka` (inclusive) until `ditutup` (exclusive: the day it
    is closed). `rampung` is set once every pending answer has been moved into responses; only
    then are its figures read (survei.pegawai.terbit)."""

    tahun = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    dibuka = models.DateField(_("dibuka"), default=timezone.localdate)
    ditutup = models.DateField(
        _("ditutup"), help_text=_("Hari pertama survei tidak lagi menerima jawaban.")
    )
    rampung = models.BooleanField(
        _("rekap rampung"),
        default=False,
        editable=False,
        help_text=_("Semua jawaban sudah dipindahkan ke respons; hasil boleh dibaca."),
    )

    class Meta:
        verbose_name = _("periode survei pegawai")
        verbose_name_plural = pgettext_lazy("jamak", "periode survei pegawai")
        ordering = ["-tahun"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ditutup__gte=models.F("dibuka")),
                name="periode_survei_pegawai_tutup_setelah_buka",
                violation_error_message=_("Tanggal tutup tidak boleh sebelum tanggal buka."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.tahun)

    def terbuka_pada(self, hari: object) -> bool:
        return self.dibuka <= hari < self.ditutup and not self.rampung

    def tertutup_pada(self, hari: object) -> bool:
        return hari >= self.ditutup


class ButirSurveiPegawai(TimestampedModel):
    """One statement of the questionnaire, answered on the 1–5 agreement scale."""

    Dimensi = DimensiSurveiPegawai

    nomor = models.PositiveSmallIntegerField(_("nomor"), unique=True)
    pertanyaan = models.TextField(_("pernyataan"), max_length=500)
    dimensi = models.CharField(_("dimensi"), max_length=12, choices=Dimensi.choices)
    aktif = models.BooleanField(_("aktif"), default=True)
    sumber = models.CharField(_("sumber"), max_length=300)
    terverifikasi = models.BooleanField(
        _("terverifikasi"),
        default=False,
        help_text=_("Dicentang bila kalimatnya sudah dicocokkan dengan formulir resmi BKN."),
    )

    class Meta:
        verbose_name = _("butir survei pegawai")
        verbose_name_plural = pgettext_lazy("jamak", "butir survei pegawai")
        ordering = ["nomor"]
        constraints = [
            pilihan_sah("dimensi", DimensiSurveiPegawai, name="butir_survei_pegawai_dimensi"),
        ]

    def __str__(self) -> str:
        return f"{self.nomor}. {self.pertanyaan[:60]}"


class TandaSurveiPegawai(models.Model):
    """That one employee has answered in a period, and nothing else.

    `kunci` is an HMAC-SHA256 keyed with SECRET_KEY of a fixed salt, the period and the employee
    (survei.pegawai.services.kunci_tanda): the unique constraint refuses a second answer, even
    one committing at the same moment, without storing who answered. No timestamp, no serial
    id: the primary key is random.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    periode = models.ForeignKey(
        PeriodeSurveiPegawai,
        verbose_name=_("periode"),
        related_name="+",
        on_delete=models.PROTECT,
    )
    kunci = models.CharField(_("kunci"), max_length=64)

    class Meta:
        verbose_name = _("tanda sudah mengisi")
        verbose_name_plural = pgettext_lazy("jamak", "tanda sudah mengisi")
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "kunci"], name="tanda_survei_pegawai_sekali"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.periode_id}: {self.kunci[:8]}"


class KotakSurveiPegawai(models.Model):
    """A submitted questionnaire waiting to be moved into a response (survei.pegawai.services):
    the period, the perangkat daerah and the answers as {butir id: value}. No user, no time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    periode = models.ForeignKey(
        PeriodeSurveiPegawai, verbose_name=_("periode"), related_name="+", on_delete=models.PROTECT
    )
    unit = models.ForeignKey(
        UnitKerja,
        verbose_name=_("perangkat daerah"),
        related_name="+",
        on_delete=models.PROTECT,
        null=True,
    )
    jawaban = models.JSONField(_("jawaban"))

    class Meta:
        verbose_name = _("kotak jawaban survei pegawai")
        verbose_name_plural = pgettext_lazy("jamak", "kotak jawaban survei pegawai")
        indexes = [
            # The flush: WHERE periode_id = ? AND unit_id = ? (count, then lock).
            models.Index(fields=["periode", "unit"], name="kotak_survei_pegawai_unit"),
        ]

    def __str__(self) -> str:
        return str(self.id)


class ResponSurveiPegawai(models.Model):
    """One employee's anonymous questionnaire: the period and their perangkat daerah on the day
    they answered (NULL when the unit had too few respondents to be named, or none)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    periode = models.ForeignKey(
        PeriodeSurveiPegawai,
        verbose_name=_("periode"),
        related_name="respon",
        on_delete=models.PROTECT,
    )
    unit = models.ForeignKey(
        UnitKerja,
        verbose_name=_("perangkat daerah"),
        related_name="+",
        on_delete=models.PROTECT,
        null=True,
    )

    class Meta:
        verbose_name = _("respon survei pegawai")
        verbose_name_plural = pgettext_lazy("jamak", "respon survei pegawai")
        indexes = [
            # Results: WHERE periode_id = ? GROUP BY unit_id.
            models.Index(fields=["periode", "unit"], name="respon_survei_pegawai_unit"),
        ]

    def __str__(self) -> str:
        return str(self.id)


class JawabanSurveiPegawai(models.Model):
    """One answer of a response: the statement and the value 1–5."""

    pk = models.CompositePrimaryKey("respon", "butir")
    respon = models.ForeignKey(
        ResponSurveiPegawai,
        verbose_name=_("respon"),
        related_name="jawaban",
        on_delete=models.CASCADE,
    )
    butir = models.ForeignKey(
        ButirSurveiPegawai, verbose_name=_("butir"), related_name="+", on_delete=models.PROTECT
    )
    nilai = models.PositiveSmallIntegerField(_("nilai"))

    class Meta:
        verbose_name = _("jawaban survei pegawai")
        verbose_name_plural = pgettext_lazy("jamak", "jawaban survei pegawai")
        constraints = [
            models.CheckConstraint(
                condition=Q(nilai__gte=NILAI_MIN, nilai__lte=NILAI_MAKS),
                name="jawaban_survei_pegawai_1_5",
                violation_error_message=_("Setiap jawaban bernilai 1 sampai 5."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.butir_id}: {self.nilai}"
