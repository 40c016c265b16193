"""Performance evaluation (SKP, PermenPANRB 6/2022), organisational performance, talent bands."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
    ProhibitNullCharactersValidator,
)
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kinerja import rules
from pegawai import golongan as gol
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import Pegawai, TimestampedModel, UnitKerja, pilihan_sah

RATING_CHOICES = [(r, r) for r in rules.RATING]
PREDIKAT_CHOICES = [(p, p) for p in rules.PREDIKAT]
PREDIKAT_ORGANISASI_CHOICES = [(p, p) for p in rules.PREDIKAT_ORGANISASI]
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}

# Free text typed on the SKP pages: PostgreSQL refuses NUL in text (it would be a 500), so the
# services refuse it first, by field; notes are long enough for a paragraph, not a book.
TANPA_NUL = ProhibitNullCharactersValidator(message=_("Karakter NUL (\\x00) tidak diizinkan."))
PANJANG_CATATAN = 2000


def cek_panjang(field: str, batas: int = 0) -> models.CheckConstraint:
    """Return a CHECK on a text column's length (PostgreSQL's text has no limit of its own)."""
    batas = batas or PANJANG_CATATAN
    return models.CheckConstraint(
        condition=LessThanOrEqual(Length(field), batas),
        name="%(class)s_" + f"{field}_panjang",
        violation_error_message=_("Teks ini melebihi batas panjangnya."),
    )


def _teks_panjang(label, **kwargs) -> models.TextField:
    """A TextField limited to PANJANG_CATATAN characters, in forms and in full_clean() alike
    (Django's TextField.max_length alone binds the form only)."""
    return models.TextField(
        label,
        max_length=PANJANG_CATATAN,
        validators=[TANPA_NUL, MaxLengthValidator(PANJANG_CATATAN)],
        **kwargs,
    )


# The choices live at module level so that the models' Meta can name them in CHECKs.
class JenisPeriode(models.TextChoices):
    TAHUNAN = "tahunan", _("Tahunan")
    TRIWULAN = "triwulan", _("Triwulan")


class StatusSkp(models.TextChoices):
    DRAFT = "draft", _("Draf")
    DIRENCANAKAN = "direncanakan", _("Direncanakan")
    DIEVALUASI = "dievaluasi", _("Dievaluasi")
    FINAL = "final", _("Final")


class Periode(TimestampedModel):
    """An evaluation period: the year, or a quarter of it (periodic evaluation, Pasal 9)."""

    Jenis = JenisPeriode

    tahun = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    jenis = models.CharField(_("jenis periode"), max_length=10, choices=Jenis.choices)
    triwulan = models.PositiveSmallIntegerField(
        _("triwulan"), default=0, help_text=_("1–4 untuk periode triwulan, 0 untuk tahunan.")
    )
    terbuka = models.BooleanField(
        _("terbuka"), default=True, help_text=_("Hanya periode terbuka yang dapat dinilai.")
    )

    class Meta:
        verbose_name = _("periode penilaian")
        verbose_name_plural = pgettext_lazy("jamak", "periode penilaian")
        ordering = ["-tahun", "jenis", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "jenis", "triwulan"],
                name="periode_unik",
                violation_error_message=_("Periode ini sudah ada."),
            ),
            models.CheckConstraint(
                condition=Q(jenis="tahunan", triwulan=0)
                | Q(jenis="triwulan", triwulan__gte=1, triwulan__lte=4),
                name="periode_triwulan_sesuai_jenis",
                violation_error_message=_(
                    "Periode tahunan memakai triwulan 0; periode triwulan memakai 1 sampai 4."
                ),
            ),
            pilihan_sah("jenis", JenisPeriode.choices),
        ]

    def __str__(self) -> str:
        if self.jenis == self.Jenis.TAHUNAN:
            return _("Tahunan %(tahun)s") % {"tahun": self.tahun}
        return _("Triwulan %(tw)s %(tahun)s") % {"tw": ROMAWI[self.triwulan], "tahun": self.tahun}


class SkpQuerySet(models.QuerySet):
    def dinilai(self) -> SkpQuerySet:
        """Return the evaluated SKPs: rated (dievaluasi) or final. The CHECK
        `skp_dinilai_punya_predikat` guarantees that each has its predikat."""
        return self.filter(status__in=Skp.STATUS_DINILAI)

    def menunggu_penilaian(self) -> SkpQuerySet:
        """Return the SKPs waiting for their evaluator's rating: planned, not yet rated (the
        employee may be filling in the realisation meanwhile)."""
        return self.filter(status=Skp.Status.DIRENCANAKAN)


class Skp(TimestampedModel):
    """An employee's performance plan and evaluation for a period (SKP, PermenPANRB 6/2022).

    The unit, rank and position kind are copied when the SKP is made, so a dashboard of a past
    year shows the organisation as it was. The predikat is never typed: `kinerja.rules.predikat`
    computes it from the two ratings.
    """

    Status = StatusSkp

    # The one definition of an evaluated SKP (SkpQuerySet.dinilai, the dashboards' counts).
    STATUS_DINILAI = (Status.DIEVALUASI, Status.FINAL)

    pegawai = models.ForeignKey(
        Pegawai, verbose_name=_("pegawai"), related_name="skp", on_delete=models.PROTECT
    )
    periode = models.ForeignKey(
        Periode, verbose_name=_("periode"), related_name="skp", on_delete=models.PROTECT
    )
    penilai = models.ForeignKey(
        Pegawai,
        verbose_name=_("pejabat penilai"),
        related_name="skp_dinilai",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    unit_kerja = models.ForeignKey(
        UnitKerja, verbose_name=_("unit kerja"), related_name="skp", on_delete=models.PROTECT
    )
    perangkat_daerah = models.ForeignKey(
        UnitKerja,
        verbose_name=_("perangkat daerah"),
        related_name="skp_perangkat_daerah",
        on_delete=models.PROTECT,
    )
    golongan = models.CharField(_("golongan/ruang"), max_length=5, choices=gol.CHOICES)
    jenis_jabatan = models.CharField(
        _("jenis jabatan"), max_length=15, choices=JenisJabatan.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.DRAFT
    )
    rating_hasil = models.CharField(
        _("rating hasil kerja"), max_length=20, choices=RATING_CHOICES, blank=True
    )
    rating_perilaku = models.CharField(
        _("rating perilaku kerja"), max_length=20, choices=RATING_CHOICES, blank=True
    )
    predikat = models.CharField(
        _("predikat kinerja"), max_length=20, choices=PREDIKAT_CHOICES, blank=True
    )
    catatan_perilaku = _teks_panjang(_("catatan perilaku (BerAKHLAK)"), blank=True)
    catatan_penilai = _teks_panjang(_("catatan penilai"), blank=True)
    dinilai_pada = models.DateTimeField(_("dinilai pada"), null=True, blank=True)
    difinalkan_pada = models.DateTimeField(_("difinalkan pada"), null=True, blank=True)

    objects = SkpQuerySet.as_manager()

    class Meta:
        verbose_name = _("SKP")
        verbose_name_plural = pgettext_lazy("jamak", "SKP")
        ordering = ["-periode__tahun", "pegawai__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "periode"],
                name="skp_satu_per_pegawai_periode",
                violation_error_message=_("Pegawai ini sudah memiliki SKP pada periode ini."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "direncanakan"])
                | (~Q(rating_hasil="") & ~Q(rating_perilaku="") & ~Q(predikat="")),
                name="skp_dinilai_punya_predikat",
                violation_error_message=_(
                    "SKP yang dievaluasi atau final harus memiliki kedua rating dan predikat."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(penilai=F("pegawai")),
                name="skp_penilai_bukan_diri_sendiri",
                violation_error_message=_("Pejabat penilai tidak boleh pegawai itu sendiri."),
            ),
            models.CheckConstraint(
                condition=~Q(status="final") | Q(difinalkan_pada__isnull=False),
                name="skp_final_punya_tanggal",
                violation_error_message=_("SKP final harus memiliki tanggal finalisasi."),
            ),
            # Butuh Perbaikan or lower is final only with the evaluator's written note, so the
            # employee learns why (PermenPANRB 6/2022; kinerja.rules.RENDAH_KE_BAWAH).
            models.CheckConstraint(
                condition=~Q(status="final")
                | ~Q(predikat__in=rules.RENDAH_KE_BAWAH)
                | GreaterThan(Length(Trim("catatan_penilai")), 0),
                name="skp_final_rendah_punya_catatan",
                violation_error_message=_(
                    "SKP final dengan predikat Butuh Perbaikan atau lebih rendah harus memiliki "
                    "catatan penilai."
                ),
            ),
            pilihan_sah("status", StatusSkp.choices),
            pilihan_sah("golongan", gol.CHOICES),
            pilihan_sah("jenis_jabatan", JenisJabatan.choices, kosong=True),
            pilihan_sah("rating_hasil", RATING_CHOICES, kosong=True),
            pilihan_sah("rating_perilaku", RATING_CHOICES, kosong=True),
            pilihan_sah("predikat", PREDIKAT_CHOICES, kosong=True),
            cek_panjang("catatan_perilaku"),
            cek_panjang("catatan_penilai"),
        ]
        indexes = [
            # Dashboards: one period's evaluated SKPs grouped by predikat and perangkat daerah,
            # and the set of their owners (the talent grid): answered from the index alone.
            models.Index(
                fields=["periode", "status", "perangkat_daerah", "predikat"],
                include=["pegawai", "unit_kerja"],
                name="skp_dasbor",
            ),
            # "SKP yang saya nilai" and completion per evaluator.
            models.Index(fields=["penilai", "periode"], name="skp_penilai"),
        ]

    def __str__(self) -> str:
        return f"SKP {self.periode} — {self.pegawai.nama}"


class RencanaHasilKerja(TimestampedModel):
    """One planned result of an SKP (rencana hasil kerja) with its indicator, target and
    realisation."""

    skp = models.ForeignKey(
        Skp, verbose_name=_("SKP"), related_name="rencana", on_delete=models.CASCADE
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=1)
    hasil_kerja = models.CharField(_("rencana hasil kerja"), max_length=300, validators=[TANPA_NUL])
    indikator = models.CharField(_("indikator kinerja"), max_length=300, validators=[TANPA_NUL])
    target = models.CharField(_("target"), max_length=100, validators=[TANPA_NUL])
    realisasi = models.CharField(_("realisasi"), max_length=300, blank=True, validators=[TANPA_NUL])
    bukti = _teks_panjang(_("bukti dukung"), blank=True)

    class Meta:
        verbose_name = _("rencana hasil kerja")
        verbose_name_plural = pgettext_lazy("jamak", "rencana hasil kerja")
        ordering = ["skp", "urutan"]
        constraints = [cek_panjang("bukti")]

    def __str__(self) -> str:
        return self.hasil_kerja


class RevisiSkp(models.Model):
    """A recorded correction of a final SKP: the old and new ratings and the reason."""

    skp = models.ForeignKey(
        Skp, verbose_name=_("SKP"), related_name="revisi", on_delete=models.PROTECT
    )
    alasan = _teks_panjang(_("alasan revisi"))
    rating_hasil_lama = models.CharField(
        _("rating hasil lama"), max_length=20, choices=RATING_CHOICES
    )
    rating_perilaku_lama = models.CharField(
        _("rating perilaku lama"), max_length=20, choices=RATING_CHOICES
    )
    predikat_lama = models.CharField(_("predikat lama"), max_length=20, choices=PREDIKAT_CHOICES)
    predikat_baru = models.CharField(_("predikat baru"), max_length=20, choices=PREDIKAT_CHOICES)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("oleh"), on_delete=models.PROTECT
    )
    waktu = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        verbose_name = _("revisi SKP")
        verbose_name_plural = pgettext_lazy("jamak", "revisi SKP")
        ordering = ["-waktu"]
        constraints = [
            pilihan_sah("rating_hasil_lama", RATING_CHOICES),
            pilihan_sah("rating_perilaku_lama", RATING_CHOICES),
            pilihan_sah("predikat_lama", PREDIKAT_CHOICES),
            pilihan_sah("predikat_baru", PREDIKAT_CHOICES),
            cek_panjang("alasan"),
        ]

    def __str__(self) -> str:
        return f"{self.skp}: {self.predikat_lama} → {self.predikat_baru}"


class KinerjaOrganisasi(TimestampedModel):
    """A unit's organisational performance for a year, which bounds the employees' predikat
    shares (the distribution curve)."""

    unit_kerja = models.ForeignKey(
        UnitKerja,
        verbose_name=_("perangkat daerah"),
        related_name="kinerja_organisasi",
        on_delete=models.PROTECT,
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    predikat = models.CharField(
        _("predikat kinerja organisasi"), max_length=20, choices=PREDIKAT_ORGANISASI_CHOICES
    )

    class Meta:
        verbose_name = _("kinerja organisasi")
        verbose_name_plural = pgettext_lazy("jamak", "kinerja organisasi")
        ordering = ["-tahun", "unit_kerja__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit_kerja", "tahun"],
                name="kinerja_organisasi_satu_per_tahun",
                violation_error_message=_("Unit ini sudah memiliki kinerja organisasi tahun ini."),
            ),
            pilihan_sah("predikat", PREDIKAT_ORGANISASI_CHOICES),
        ]

    def __str__(self) -> str:
        return f"{self.unit_kerja} {self.tahun}: {self.predikat}"


def _persen(label):
    return models.DecimalField(
        label,
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )


class PengaturanTalenta(TimestampedModel):
    """The score bands that place people on the talent grid's axes (PermenPANRB 3/2020 leaves
    them to the agency). One row; defaults from docs/aturan.md §7."""

    kinerja_batas_rendah = _persen(_("kinerja: batas rendah"))
    kinerja_batas_menengah = _persen(_("kinerja: batas menengah"))
    potensial_batas_rendah = _persen(_("potensial (JPM): batas rendah"))
    potensial_batas_menengah = _persen(_("potensial (JPM): batas menengah"))

    class Meta:
        verbose_name = _("pengaturan talenta")
        verbose_name_plural = pgettext_lazy("jamak", "pengaturan talenta")
        constraints = [
            models.CheckConstraint(
                condition=Q(kinerja_batas_rendah__lt=F("kinerja_batas_menengah"))
                & Q(potensial_batas_rendah__lt=F("potensial_batas_menengah")),
                name="pengaturan_talenta_batas_naik",
                violation_error_message=_("Batas rendah harus lebih kecil dari batas menengah."),
            ),
            # One row (`aktif()` reads pk 1): a second set of bands would be silently ignored.
            models.CheckConstraint(
                condition=Q(id=1),
                name="pengaturan_talenta_satu_baris",
                violation_error_message=_("Pengaturan talenta hanya satu baris."),
            ),
        ]

    def __str__(self) -> str:
        return str(_("Pita skor talenta"))

    @classmethod
    def aktif(cls) -> PengaturanTalenta:
        """Return the bands in force: the saved row, else the regulation's defaults (unsaved,
        so reading a dashboard never writes)."""
        return cls.objects.filter(pk=1).first() or cls(pk=1, **cls.bawaan())

    @staticmethod
    def bawaan() -> dict[str, Decimal]:
        pita = rules.Pita()
        return {
            "kinerja_batas_rendah": pita.batas_rendah,
            "kinerja_batas_menengah": pita.batas_menengah,
            "potensial_batas_rendah": pita.batas_rendah,
            "potensial_batas_menengah": pita.batas_menengah,
        }

    @property
    def pita_kinerja(self) -> rules.Pita:
        return rules.Pita(self.kinerja_batas_rendah, self.kinerja_batas_menengah)

    @property
    def pita_potensial(self) -> rules.Pita:
        return rules.Pita(self.potensial_batas_rendah, self.potensial_batas_menengah)
