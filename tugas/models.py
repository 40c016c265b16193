"""The progress of one background task, as the page that started it shows it."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

GALAT_MAKS = 20  # error messages kept per task; the count goes on


class Progres(models.Model):
    """One background task's progress: counts, errors, outcome, and an optional download.

    Written by the task through `tugas.progres.Laporan`, read by `/tugas/<id>/`. The task's own
    result (django-tasks) keeps the traceback; this row keeps what the user may read.
    """

    class Status(models.TextChoices):
        ANTRE = "antre", _("Menunggu giliran")
        BERJALAN = "berjalan", _("Berjalan")
        # A context of its own: "Selesai" elsewhere is an end date ("End"), here "Finished".
        SELESAI = "selesai", pgettext_lazy("status tugas", "Selesai")
        GAGAL = "gagal", _("Gagal")

    AKTIF = (Status.ANTRE, Status.BERJALAN)

    # A UUID: ids in links say nothing about how many tasks others ran.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    jenis = models.CharField(_("jenis tugas"), max_length=100)
    kunci = models.CharField(
        _("kunci"),
        max_length=100,
        blank=True,
        help_text=_("Yang dikerjakan, mis. periode:12; satu tugas aktif per jenis dan kunci."),
    )
    label = models.CharField(_("label"), max_length=200)
    task_id = models.CharField(_("id tugas"), max_length=64, blank=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dimulai oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ANTRE
    )
    total = models.PositiveIntegerField(_("total"), null=True, blank=True)
    selesai = models.PositiveIntegerField(_("selesai"), default=0)
    jumlah_galat = models.PositiveIntegerField(_("jumlah galat"), default=0)
    galat = models.JSONField(_("galat"), default=list, blank=True)
    pesan = models.TextField(_("pesan"), blank=True)
    url_kembali = models.CharField(_("tautan kembali"), max_length=300, blank=True)
    # The step after the task (the preview it built, the list it filled): the starter knows it,
    # so the page offers it once the task is done instead of a bare "back".
    url_lanjut = models.CharField(_("tautan langkah berikutnya"), max_length=300, blank=True)
    label_lanjut = models.CharField(_("label langkah berikutnya"), max_length=100, blank=True)
    # The export file lives in the row, not on a disk: web and workers may run on different
    # machines, and the file goes when the row goes.
    berkas = models.BinaryField(_("berkas"), null=True, blank=True, editable=False)
    nama_berkas = models.CharField(_("nama berkas"), max_length=200, blank=True)
    jenis_berkas = models.CharField(_("jenis berkas"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        verbose_name = _("progres tugas")
        verbose_name_plural = _("progres tugas")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["antre", "berjalan", "selesai", "gagal"]),
                name="progres_status_sah",
            ),
            models.CheckConstraint(
                condition=Q(total__isnull=True) | Q(selesai__lte=F("total")),
                name="progres_selesai_tidak_lebih_dari_total",
                violation_error_message=_("Jumlah selesai tidak boleh melebihi total."),
            ),
            # The same work twice at once (a period opened by two clicks) is refused by the
            # database, whichever process asks.
            models.UniqueConstraint(
                fields=["jenis", "kunci"],
                condition=Q(status__in=["antre", "berjalan"]) & ~Q(kunci=""),
                name="progres_satu_aktif_per_kunci",
                violation_error_message=_("Tugas yang sama sedang berjalan."),
            ),
        ]
        indexes = [
            # "my tasks", newest first
            models.Index(fields=["oleh", "-created_at"], name="progres_oleh_idx"),
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("tugas:detail", args=[self.pk])

    @property
    def persen(self) -> int:
        """Whole percent done: 100 once finished, 0 while the total is unknown."""
        if self.status == self.Status.SELESAI:
            return 100
        if not self.total:
            return 0
        return min(100, self.selesai * 100 // self.total)

    @property
    def aktif(self) -> bool:
        return self.status in self.AKTIF

    @property
    def ringkasan(self) -> str:
        """Counts as people read them, `1.234 dari 7.000` (Indonesian separators)."""
        if self.total is None:
            return str(self.get_status_display())
        return _("%(selesai)s dari %(total)s") % {
            "selesai": number_format(self.selesai, force_grouping=True),
            "total": number_format(self.total, force_grouping=True),
        }

    @property
    def teks_galat(self) -> str:
        n = self.jumlah_galat
        return ngettext("%(n)s galat", "%(n)s galat", n) % {
            "n": number_format(n, force_grouping=True)
        }


def batas_hidup(sekarang: datetime | None = None) -> datetime:
    """Return the oldest heartbeat of a live worker: READINESS_WORKER_MAX_SILENCE ago."""
    return (sekarang or timezone.now()) - settings.READINESS_WORKER_MAX_SILENCE


class DetakQuerySet(models.QuerySet):
    @staticmethod
    def hidup_q(sekarang: datetime | None = None) -> models.Q:
        """The condition of a live worker's row: it beat since `batas_hidup` (for `hidup`, or
        an aggregate's filter)."""
        return models.Q(terakhir__gte=batas_hidup(sekarang))

    def hidup(self, sekarang: datetime | None = None) -> DetakQuerySet:
        """The live workers (the readiness check and the orphaned-task sweep ask the same
        question)."""
        return self.filter(self.hidup_q(sekarang))


class Detak(models.Model):
    """A task worker's heartbeat: the worker process writes its row every `DETAK_SETIAP`.

    django-tasks-db records which worker claimed a task, but nothing about a worker that waits
    for work, so "is any worker alive?" had no answer until a task was stuck. The project's
    `db_worker` (tugas/management/commands/db_worker.py) beats from a thread beside the loop;
    the readiness check (`tugas.kesiapan`) reads the newest row. A worker stopped gracefully
    deletes its row; one that was killed leaves it to grow old (and `prune_progres` removes it).
    """

    worker_id = models.CharField(_("id worker"), max_length=64, primary_key=True)
    host = models.CharField(_("mesin"), max_length=255)
    pid = models.PositiveIntegerField(_("id proses"))
    dimulai = models.DateTimeField(_("dimulai"))
    terakhir = models.DateTimeField(_("detak terakhir"))

    objects = DetakQuerySet.as_manager()

    class Meta:
        verbose_name = _("detak worker")
        verbose_name_plural = _("detak worker")
        indexes = [
            # the readiness check: the newest heartbeat
            models.Index(fields=["-terakhir"], name="detak_terakhir_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.host}:{self.pid}"
