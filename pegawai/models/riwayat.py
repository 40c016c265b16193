"""An employee's histories: ranks, education, discipline and competency assessments."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pegawai import golongan as gol
from pegawai.disiplin import (
    DURASI_BULAN,
    JENIS_BERDURASI,
    JenisHukuman,
    tanggal_selesai,
    tingkat_hukuman,
)
from pegawai.kompetensi import KODE as KOMPETENSI_KODE
from pegawai.models.base import GOLONGAN_CODES, TimestampedModel, pilihan_sah
from pegawai.models.organisasi import BidangStudi
from pegawai.models.pegawai import Pegawai
from pegawai.pendidikan import TingkatPendidikan


class JenisKenaikanPangkat(models.TextChoices):
    PENGANGKATAN = "pengangkatan", _("Pengangkatan CPNS/PPPK")
    REGULER = "reguler", _("Kenaikan pangkat reguler")
    PILIHAN = "pilihan", _("Kenaikan pangkat pilihan")
    PENYESUAIAN_IJAZAH = "ijazah", _("Penyesuaian ijazah")
    PENURUNAN = "penurunan", _("Penurunan (hukuman disiplin)")


class RiwayatPangkat(TimestampedModel):
    """One rank of an employee's career (riwayat pangkat/golongan)."""

    JenisKenaikan = JenisKenaikanPangkat  # at module level for Meta's CHECK constraint

    pegawai = models.ForeignKey(
        Pegawai, verbose_name=_("pegawai"), related_name="riwayat_pangkat", on_delete=models.PROTECT
    )
    golongan = models.CharField(_("golongan/ruang"), max_length=5, choices=gol.CHOICES)
    tmt_golongan = models.DateField(_("TMT golongan"))
    jenis_kenaikan = models.CharField(
        _("jenis kenaikan"), max_length=15, choices=JenisKenaikan.choices
    )
    nomor_sk = models.CharField(_("nomor SK"), max_length=100, blank=True)
    tanggal_sk = models.DateField(_("tanggal SK"), null=True, blank=True)

    class Meta:
        verbose_name = _("riwayat pangkat")
        verbose_name_plural = pgettext_lazy("jamak", "riwayat pangkat")
        ordering = ["pegawai", "-tmt_golongan"]
        constraints = [
            pilihan_sah("golongan", GOLONGAN_CODES, name="riwayat_pangkat_golongan_pilihan"),
            pilihan_sah(
                "jenis_kenaikan",
                JenisKenaikanPangkat,
                name="riwayat_pangkat_jenis_kenaikan_pilihan",
            ),
            models.UniqueConstraint(
                fields=["pegawai", "tmt_golongan"],
                name="riwayat_pangkat_satu_per_tmt",
                violation_error_message=_("Pegawai sudah memiliki riwayat pangkat dengan TMT ini."),
            ),
        ]

    def __str__(self) -> str:
        return f"{gol.label(self.golongan)} TMT {self.tmt_golongan:%d-%m-%Y}"


class RiwayatPendidikan(TimestampedModel):
    pegawai = models.ForeignKey(
        Pegawai,
        verbose_name=_("pegawai"),
        related_name="riwayat_pendidikan",
        on_delete=models.PROTECT,
    )
    tingkat = models.CharField(_("tingkat"), max_length=4, choices=TingkatPendidikan.choices)
    bidang_studi = models.ForeignKey(
        BidangStudi,
        verbose_name=_("bidang studi"),
        related_name="riwayat_pendidikan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    jurusan = models.CharField(_("jurusan/program studi"), max_length=150, blank=True)
    nama_institusi = models.CharField(_("nama sekolah/perguruan tinggi"), max_length=200)
    tahun_lulus = models.PositiveSmallIntegerField(_("tahun lulus"))
    nomor_ijazah = models.CharField(_("nomor ijazah"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("riwayat pendidikan")
        verbose_name_plural = pgettext_lazy("jamak", "riwayat pendidikan")
        ordering = ["pegawai", "-tahun_lulus"]
        constraints = [
            pilihan_sah("tingkat", TingkatPendidikan, name="riwayat_pendidikan_tingkat_pilihan"),
            models.CheckConstraint(
                condition=Q(tahun_lulus__gte=1940, tahun_lulus__lte=2100),
                name="riwayat_pendidikan_tahun_lulus_wajar",
                violation_error_message=_("Tahun lulus harus antara 1940 dan 2100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_tingkat_display()} {self.jurusan} ({self.tahun_lulus})".strip()


class HukumanDisiplin(TimestampedModel):
    """A disciplinary sanction (hukuman disiplin), PP 94/2021 Pasal 8.

    The level (ringan/sedang/berat) follows from the kind, so it is not stored.
    """

    pegawai = models.ForeignKey(
        Pegawai,
        verbose_name=_("pegawai"),
        related_name="hukuman_disiplin",
        on_delete=models.PROTECT,
    )
    jenis = models.CharField(_("jenis hukuman"), max_length=25, choices=JenisHukuman.choices)
    nomor_sk = models.CharField(_("nomor SK"), max_length=100)
    tanggal_sk = models.DateField(_("tanggal SK"))
    tmt_mulai = models.DateField(_("TMT mulai"))
    tmt_selesai = models.DateField(
        _("TMT selesai"),
        null=True,
        blank=True,
        help_text=_("Kosongkan untuk dihitung dari jenis hukuman."),
    )
    keterangan = models.TextField(_("keterangan"), blank=True)

    class Meta:
        verbose_name = _("hukuman disiplin")
        verbose_name_plural = pgettext_lazy("jamak", "hukuman disiplin")
        ordering = ["pegawai", "-tmt_mulai"]
        constraints = [
            pilihan_sah("jenis", JenisHukuman, name="hukuman_disiplin_jenis_pilihan"),
            models.CheckConstraint(
                condition=Q(tmt_selesai__isnull=True) | Q(tmt_selesai__gte=F("tmt_mulai")),
                name="hukuman_disiplin_selesai_setelah_mulai",
                violation_error_message=_("TMT selesai tidak boleh sebelum TMT mulai."),
            ),
            # A sanction that runs N months has its end: an empty one reads as "still running"
            # to the merit ranking, for ever. save() derives it; this refuses bulk writes and
            # raw SQL without it. (The exact date needs month arithmetic that SQLite and
            # PostgreSQL do differently, so save() alone computes it.)
            models.CheckConstraint(
                condition=~Q(jenis__in=JENIS_BERDURASI) | Q(tmt_selesai__isnull=False),
                name="hukuman_disiplin_berdurasi_ada_selesai",
                violation_error_message=_(
                    "Hukuman disiplin yang berlaku beberapa bulan wajib mempunyai TMT selesai."
                ),
            ),
        ]
        indexes = [models.Index(fields=["pegawai", "tmt_mulai"], name="hukdis_pegawai_mulai")]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} ({self.tmt_mulai:%d-%m-%Y})"

    def save(self, *args, **kwargs) -> None:
        """Derive the end of a sanction that runs N months, on every save (shell, import,
        service, admin): PP 94/2021 Pasal 8 fixes it from the kind and the start."""
        if self.jenis in JENIS_BERDURASI and self.tmt_mulai:
            self.tmt_mulai = self._tanggal(self.tmt_mulai)
            self.tmt_selesai = tanggal_selesai(self.jenis, self.tmt_mulai)
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and {"jenis", "tmt_mulai"} & set(update_fields):
                kwargs["update_fields"] = {*update_fields, "tmt_selesai"}
        super().save(*args, **kwargs)

    @staticmethod
    def _tanggal(value: date | str) -> date:
        # A date typed as text in the shell or an import ("2024-01-15") is still a date.
        return value if isinstance(value, date) else date.fromisoformat(str(value))

    @property
    def tingkat(self) -> str:
        return tingkat_hukuman(self.jenis)

    def clean(self) -> None:
        if not self.jenis or not self.tmt_mulai:
            return
        expected = tanggal_selesai(self.jenis, self.tmt_mulai)
        if self.tmt_selesai is None:
            self.tmt_selesai = expected
        elif DURASI_BULAN.get(self.jenis) and self.tmt_selesai != expected:
            raise ValidationError(
                {
                    "tmt_selesai": _(
                        "%(jenis)s berlaku %(bulan)s bulan: TMT selesai seharusnya %(tgl)s "
                        "(PP 94/2021 Pasal 8)."
                    )
                    % {
                        "jenis": self.get_jenis_display(),
                        "bulan": DURASI_BULAN[self.jenis],
                        "tgl": date_format(expected),
                    }
                }
            )
        if self.tanggal_sk and self.tmt_mulai < self.tanggal_sk:
            raise ValidationError({"tmt_mulai": _("TMT mulai tidak boleh sebelum tanggal SK.")})

    def berlaku_pada(self, pada: date) -> bool:
        return self.tmt_mulai <= pada and (self.tmt_selesai is None or pada <= self.tmt_selesai)


def level_field(label: str, **kwargs) -> models.PositiveSmallIntegerField:
    """Return a competency level field (1–5, PermenPANRB 38/2017)."""
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(1), MaxValueValidator(5)], **kwargs
    )


class MetodeAsesmen(models.TextChoices):
    ASSESSMENT_CENTER = "ac", _("Pusat asesmen (assessment center)")
    CAT = "cat", _("Tes berbantuan komputer (CAT)")
    WAWANCARA = "wawancara", _("Wawancara berbasis perilaku")
    PORTOFOLIO = "portofolio", _("Penilaian portofolio")
    UJI_KOMPETENSI = "uji", _("Uji kompetensi")


class HasilAsesmen(TimestampedModel):
    """A competency assessment: the level (1–5) reached on each of the nine competencies.

    PermenPANRB 38/2017 (M.01–M.08 manajerial, SK.01 sosial kultural); Peraturan BKN 26/2019.
    """

    Metode = MetodeAsesmen  # at module level so Meta's CHECK constraint can name it

    pegawai = models.ForeignKey(
        Pegawai, verbose_name=_("pegawai"), related_name="asesmen", on_delete=models.PROTECT
    )
    tanggal = models.DateField(_("tanggal asesmen"))
    metode = models.CharField(_("metode"), max_length=15, choices=Metode.choices)
    asesor = models.CharField(_("asesor/lembaga"), max_length=150)
    m01 = level_field(_("M.01 Integritas"))
    m02 = level_field(_("M.02 Kerja Sama"))
    m03 = level_field(_("M.03 Komunikasi"))
    m04 = level_field(_("M.04 Orientasi pada Hasil"))
    m05 = level_field(_("M.05 Pelayanan Publik"))
    m06 = level_field(_("M.06 Pengembangan Diri dan Orang Lain"))
    m07 = level_field(_("M.07 Mengelola Perubahan"))
    m08 = level_field(_("M.08 Pengambilan Keputusan"))
    sk01 = level_field(_("SK.01 Perekat Bangsa"))
    jpm = models.DecimalField(
        _("JPM (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Job Person Match terhadap standar jabatan yang diduduki saat asesmen."),
    )
    catatan = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("hasil asesmen")
        verbose_name_plural = pgettext_lazy("jamak", "hasil asesmen")
        ordering = ["pegawai", "-tanggal"]
        constraints = [
            pilihan_sah("metode", MetodeAsesmen, name="asesmen_metode_pilihan"),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{kode}__gte": 1, f"{kode}__lte": 5}),
                    name=f"asesmen_{kode}_level_1_5",
                    violation_error_message=_("Level kompetensi harus 1 sampai 5."),
                )
                for kode in KOMPETENSI_KODE
            ],
        ]
        indexes = [models.Index(fields=["pegawai", "-tanggal"], name="asesmen_pegawai_terbaru")]

    def __str__(self) -> str:
        return f"{self.get_metode_display()} {self.tanggal:%d-%m-%Y}"

    @property
    def capaian(self) -> dict[str, int]:
        return {kode: getattr(self, kode) for kode in KOMPETENSI_KODE}

    @property
    def capaian_berlabel(self) -> list[tuple[str, int]]:
        """Return (field label, level) per competency, in the regulation's order."""
        return [
            (str(self._meta.get_field(kode).verbose_name), getattr(self, kode))
            for kode in KOMPETENSI_KODE
        ]
