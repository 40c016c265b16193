"""Sessions of a program, whose capacity the database holds, and their enrolments."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pegawai.models import Pegawai, TimestampedModel, pilihan_sah
from pelatihan.models.pilihan import Moda, Penyelenggara
from pelatihan.models.program import Program


class Sesi(TimestampedModel):
    """One run (angkatan) of a program with its dates, place and capacity.

    `jumlah_peserta` is kept by database triggers on `Peserta` (migration 0002) and bounded by
    `kapasitas` in a CHECK constraint, the way a post's quota is held (jabatan.Formasi): no
    write path can overfill a session, also under concurrent enrolment.
    """

    program = models.ForeignKey(
        Program, verbose_name=_("program"), related_name="sesi", on_delete=models.PROTECT
    )
    nama = models.CharField(_("angkatan/nama sesi"), max_length=100)
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"))
    moda = models.CharField(_("moda"), max_length=12, choices=Moda.choices)
    tempat = models.CharField(_("tempat/tautan"), max_length=200, blank=True)
    kapasitas = models.PositiveSmallIntegerField(_("kapasitas"), validators=[MinValueValidator(1)])
    jumlah_peserta = models.PositiveSmallIntegerField(
        _("jumlah peserta"), default=0, editable=False
    )
    penyelenggara = models.CharField(
        _("penyelenggara"), max_length=12, choices=Penyelenggara.choices
    )
    nama_penyelenggara = models.CharField(
        _("nama penyelenggara"), max_length=150, blank=True, help_text=_("Mis. nama kementerian.")
    )
    pendaftaran_dibuka = models.BooleanField(
        _("pendaftaran dibuka"),
        default=True,
        help_text=_("Pegawai dapat mengajukan diri ikut selama pendaftaran dibuka."),
    )

    class Meta:
        verbose_name = _("sesi pelatihan")
        verbose_name_plural = pgettext_lazy("jamak", "sesi pelatihan")
        ordering = ["-tanggal_mulai", "program__nama"]
        constraints = [
            pilihan_sah("moda", Moda, name="sesi_moda_pilihan"),
            pilihan_sah("penyelenggara", Penyelenggara, name="sesi_penyelenggara_pilihan"),
            models.CheckConstraint(
                condition=Q(tanggal_selesai__gte=F("tanggal_mulai")),
                name="sesi_selesai_setelah_mulai",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
            models.CheckConstraint(
                condition=Q(kapasitas__gte=1),
                name="sesi_kapasitas_minimal_1",
                violation_error_message=_("Kapasitas minimal 1."),
            ),
            models.CheckConstraint(
                condition=Q(jumlah_peserta__gte=0, jumlah_peserta__lte=F("kapasitas")),
                name="sesi_peserta_tidak_melebihi_kapasitas",
                violation_error_message=_(
                    "Kapasitas tidak boleh lebih kecil dari jumlah peserta terdaftar."
                ),
            ),
        ]
        indexes = [
            # Open sessions on /saya/ and the HR list: WHERE tanggal_mulai >= today.
            models.Index(fields=["tanggal_mulai"], name="sesi_tanggal_mulai"),
        ]

    def __str__(self) -> str:
        return f"{self.program.nama} — {self.nama}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding and kwargs.get("update_fields") is None:
            # The triggers own `jumlah_peserta`; this instance's copy may be stale.
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name != "jumlah_peserta"
            ]
        super().save(*args, **kwargs)

    @property
    def sisa(self) -> int:
        return self.kapasitas - self.jumlah_peserta


class StatusPeserta(models.TextChoices):
    DIAJUKAN = "diajukan", _("Diajukan pegawai")
    TERDAFTAR = "terdaftar", _("Terdaftar")
    HADIR = "hadir", _("Hadir")
    LULUS = "lulus", _("Lulus")
    TIDAK_LULUS = "tidak_lulus", _("Tidak lulus")
    BATAL = "batal", _("Batal")


# The statuses that hold a seat (the capacity triggers of migration 0002 list them literally):
# an employee's own request does not, nor a cancelled enrolment.
STATUS_MENEMPATI = ("terdaftar", "hadir", "lulus", "tidak_lulus")


class Peserta(TimestampedModel):
    """An employee's enrolment in a session: registered → attended → completed (certificate),
    or failed / cancelled. Completion credits the program's JP in the certificate's year."""

    Status = StatusPeserta

    sesi = models.ForeignKey(
        Sesi, verbose_name=_("sesi"), related_name="peserta", on_delete=models.PROTECT
    )
    pegawai = models.ForeignKey(
        Pegawai, verbose_name=_("pegawai"), related_name="pelatihan", on_delete=models.PROTECT
    )
    status = models.CharField(
        _("status"), max_length=12, choices=StatusPeserta.choices, default=StatusPeserta.TERDAFTAR
    )
    nomor_sertifikat = models.CharField(_("nomor sertifikat"), max_length=100, blank=True)
    tanggal_sertifikat = models.DateField(_("tanggal sertifikat"), null=True, blank=True)
    jp_diakui = models.PositiveSmallIntegerField(_("JP diakui"), default=0, editable=False)
    tahun_jp = models.PositiveSmallIntegerField(
        _("tahun JP"), null=True, blank=True, editable=False
    )
    keterangan = models.CharField(_("keterangan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("peserta pelatihan")
        verbose_name_plural = pgettext_lazy("jamak", "peserta pelatihan")
        ordering = ["sesi", "pegawai__nama"]
        constraints = [
            pilihan_sah("status", StatusPeserta, name="peserta_status_pilihan"),
            models.UniqueConstraint(
                fields=["sesi", "pegawai"],
                name="peserta_satu_per_sesi",
                violation_error_message=_("Pegawai ini sudah terdaftar pada sesi ini."),
            ),
            # Completion and JP go together: a completed enrolment has its certificate, its
            # JP and their year; any other status credits nothing.
            models.CheckConstraint(
                condition=Q(
                    status="lulus",
                    tanggal_sertifikat__isnull=False,
                    jp_diakui__gte=1,
                    tahun_jp__isnull=False,
                )
                & ~Q(nomor_sertifikat="")
                | (~Q(status="lulus") & Q(jp_diakui=0, tahun_jp__isnull=True)),
                name="peserta_lulus_punya_sertifikat_dan_jp",
                violation_error_message=_(
                    "Peserta lulus wajib memiliki nomor dan tanggal sertifikat; status lain "
                    "tidak mengakui JP."
                ),
            ),
        ]
        indexes = [
            # JP per employee and year (the dashboard, the ranking's selectors).
            models.Index(
                fields=["pegawai", "tahun_jp"],
                include=["jp_diakui"],
                condition=Q(status="lulus"),
                name="peserta_jp_pegawai_tahun",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai.nama} — {self.sesi}"
