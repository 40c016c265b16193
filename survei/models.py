"""The public satisfaction survey's records (Survei Kepuasan Masyarakat, PermenPANRB 14/2017).

HR marks the units of the organisation tree that serve the public (`UnitLayanan`); each has a
public questionnaire whose answers are `ResponSkm` rows (nine answers 1–4, the regulation's
optional respondent profile, never a name or a contact); a comment is kept apart
(`KomentarSkm`) and shown only once HR has approved it. The index itself is
`survei.rules.ikm`.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pegawai.models import TimestampedModel, UnitKerja, pilihan_sah
from survei import rules

PANJANG_KOMENTAR = 1000
UNSUR = [kode for kode, _label in rules.UNSUR_SKM]


class UnitLayanan(TimestampedModel):
    """A unit of the organisation tree marked by HR as a public service unit, with its form."""

    unit_kerja = models.OneToOneField(
        UnitKerja,
        verbose_name=_("unit kerja"),
        related_name="unit_layanan",
        on_delete=models.PROTECT,
    )
    kode = models.SlugField(
        _("kode formulir"),
        max_length=60,
        unique=True,
        help_text=_("Bagian alamat formulir publik dan kode QR, mis. puskesmas-ampenan."),
    )
    nama_layanan = models.CharField(
        _("nama layanan"),
        max_length=200,
        blank=True,
        help_text=_("Nama yang dilihat masyarakat; kosong: nama unit."),
    )
    aktif = models.BooleanField(_("menerima survei"), default=True)

    class Meta:
        verbose_name = _("unit layanan publik")
        verbose_name_plural = pgettext_lazy("jamak", "unit layanan publik")
        ordering = ["unit_kerja__path"]

    def __str__(self) -> str:
        return self.nama

    @property
    def nama(self) -> str:
        return self.nama_layanan or self.unit_kerja.nama


class JenisKelamin(models.TextChoices):
    LAKI_LAKI = "L", _("Laki-laki")
    PEREMPUAN = "P", _("Perempuan")


class Pendidikan(models.TextChoices):
    SD = "sd", _("SD ke bawah")
    SMP = "smp", _("SMP")
    SMA = "sma", _("SMA/sederajat")
    DIPLOMA = "diploma", _("D1–D4")
    S1 = "s1", _("S1")
    S2 = "s2", _("S2 ke atas")


class Pekerjaan(models.TextChoices):
    PNS = "pns", _("PNS/TNI/Polri")
    SWASTA = "swasta", _("Pegawai swasta")
    WIRAUSAHA = "wirausaha", _("Wirausaha")
    PELAJAR = "pelajar", _("Pelajar/mahasiswa")
    LAINNYA = "lainnya", _("Lainnya")


class KelompokUsia(models.TextChoices):
    # Ranges, not a birth date: the profile must not identify anyone.
    MUDA = "<25", _("di bawah 25 tahun")
    DEWASA = "25-39", _("25–39 tahun")
    MADYA = "40-54", _("40–54 tahun")
    TUA = "55+", _("55 tahun ke atas")


class ResponSkm(models.Model):
    """One filled questionnaire: the nine answers in `rules.UNSUR_SKM` order and the profile.

    No name, contact or address is stored, not even the client's IP (the rate limit counts in the
    cache and forgets).
    """

    unit = models.ForeignKey(
        UnitLayanan,
        verbose_name=_("unit layanan"),
        related_name="respon",
        on_delete=models.PROTECT,
    )
    tanggal = models.DateField(_("tanggal"), default=timezone.localdate)
    u1 = models.PositiveSmallIntegerField(rules.UNSUR_SKM[0][1])
    u2 = models.PositiveSmallIntegerField(rules.UNSUR_SKM[1][1])
    u3 = models.PositiveSmallIntegerField(rules.UNSUR_SKM[2][1])
    u4 = models.PositiveSmallIntegerField(rules.UNSUR_SKM[3][1])
    u5 = models.PositiveSmallIntegerField(rules.UNSUR_SKM[4][1])
    u6 = models.PositiveSmallIntegerField(rules.UNSUR_SKM[5][1])
    u7 = models.PositiveSmallIntegerField(rules.UNSUR_SKM[6][1])
    u8 = models.PositiveSmallIntegerField(rules.UNSUR_SKM[7][1])
    u9 = models.PositiveSmallIntegerField(rules.UNSUR_SKM[8][1])
    jenis_kelamin = models.CharField(
        _("jenis kelamin"), max_length=1, choices=JenisKelamin.choices, blank=True
    )
    usia = models.CharField(_("usia"), max_length=5, choices=KelompokUsia.choices, blank=True)
    pendidikan = models.CharField(
        _("pendidikan"), max_length=10, choices=Pendidikan.choices, blank=True
    )
    pekerjaan = models.CharField(
        _("pekerjaan"), max_length=10, choices=Pekerjaan.choices, blank=True
    )
    created_at = models.DateTimeField(_("dikirim"), auto_now_add=True)

    KOLOM = [f"u{i}" for i in range(1, rules.JUMLAH_UNSUR + 1)]

    class Meta:
        verbose_name = _("respon survei kepuasan")
        verbose_name_plural = pgettext_lazy("jamak", "respon survei kepuasan")
        ordering = ["-tanggal", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    **{f"u{i}__gte": 1 for i in range(1, 10)},
                    **{f"u{i}__lte": 4 for i in range(1, 10)},
                ),
                name="respon_skm_jawaban_1_4",
                violation_error_message=_("Setiap jawaban bernilai 1 sampai 4."),
            ),
            pilihan_sah(
                "jenis_kelamin", JenisKelamin, kosong=True, name="respon_skm_jenis_kelamin_pilihan"
            ),
            pilihan_sah("usia", KelompokUsia, kosong=True, name="respon_skm_usia_pilihan"),
            pilihan_sah(
                "pendidikan", Pendidikan, kosong=True, name="respon_skm_pendidikan_pilihan"
            ),
            pilihan_sah("pekerjaan", Pekerjaan, kosong=True, name="respon_skm_pekerjaan_pilihan"),
        ]
        indexes = [
            # Results per unit and period: WHERE unit_id = ? AND tanggal BETWEEN ? AND ?
            models.Index(fields=["unit", "tanggal"], name="respon_skm_unit_tanggal"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.tanggal}"

    @property
    def jawaban(self) -> list[int]:
        return [getattr(self, k) for k in self.KOLOM]


class StatusKomentar(models.TextChoices):
    MENUNGGU = "menunggu", _("Menunggu moderasi")
    TAYANG = "tayang", _("Ditayangkan")
    DITOLAK = "ditolak", _("Ditolak")


class KomentarSkm(TimestampedModel):
    """A respondent's comment, public only once HR has approved it (moderation is audited)."""

    Status = StatusKomentar

    respon = models.OneToOneField(
        ResponSkm, verbose_name=_("respon"), related_name="komentar", on_delete=models.CASCADE
    )
    unit = models.ForeignKey(
        UnitLayanan,
        verbose_name=_("unit layanan"),
        related_name="komentar",
        on_delete=models.PROTECT,
    )
    teks = models.TextField(_("komentar"), max_length=PANJANG_KOMENTAR)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatusKomentar.choices,
        default=StatusKomentar.MENUNGGU,
    )
    dimoderasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dimoderasi oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    dimoderasi_pada = models.DateTimeField(_("dimoderasi pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("komentar survei")
        verbose_name_plural = pgettext_lazy("jamak", "komentar survei")
        ordering = ["-created_at"]
        constraints = [
            pilihan_sah("status", StatusKomentar, name="komentar_skm_status_pilihan"),
            models.CheckConstraint(
                condition=Q(status=StatusKomentar.MENUNGGU) | Q(dimoderasi_pada__isnull=False),
                name="komentar_skm_moderasi_tercatat",
                violation_error_message=_("Komentar yang dimoderasi mencatat waktunya."),
            ),
        ]
        indexes = [
            # The public page: WHERE unit_id = ? AND status = 'tayang' ORDER BY created_at DESC
            models.Index(fields=["unit", "status", "-created_at"], name="komentar_skm_tayang"),
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.teks[:40]}"


# --- Counting respondents' networks (survei.terbit) ------------------------------------


class JaringanSkm(models.Model):
    """One respondent network that sent a unit at least one questionnaire in a quarter.

    Read only as counts: a quarter, and the year's unpublished rest, is published only when its
    questionnaires came from at least `survei_terbit.MIN_RESPONDEN` distinct networks. `kunci`
    is a keyed hash of the unit and the network (an IPv4 address, an IPv6 /64), keyed with a
    secret derived from SECRET_KEY and the year (`survei.services.kunci_jaringan`), so one
    network is one row per quarter and the same value in every quarter of that year (the year's
    rest counts it once). A questionnaire from a registered counter kiosk gets a random key (it
    counts by itself). Nothing here points at a response: no foreign key to it, no timestamp, no
    serial id (the primary key is the row's own fields), so neither an order of insertion nor a
    time joins a row to the questionnaire written in the same transaction. The rows of a year
    are replaced by counts (`RekapJaringanSkm`) once its publication can no longer change.

    What an insider could still do while a year runs: whoever holds both the database and
    SECRET_KEY can test candidate addresses against a key (IPv4 has only 2^32), and the tables'
    physical order (not their columns) roughly follows insertion; the keys are deleted when the
    year is final, and the HR dashboard shows every questionnaire to HR anyway.
    """

    pk = models.CompositePrimaryKey("unit", "tahun", "triwulan", "kunci")
    unit = models.ForeignKey(
        UnitLayanan, verbose_name=_("unit layanan"), related_name="+", on_delete=models.PROTECT
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    triwulan = models.PositiveSmallIntegerField(_("triwulan"))
    kunci = models.CharField(_("kunci jaringan"), max_length=64)

    class Meta:
        verbose_name = _("jaringan responden survei")
        verbose_name_plural = pgettext_lazy("jamak", "jaringan responden survei")
        constraints = [
            models.CheckConstraint(
                condition=Q(triwulan__gte=1, triwulan__lte=4), name="jaringan_skm_triwulan_1_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.tahun}/{self.triwulan}"


class RekapJaringanSkm(models.Model):
    """The network counts of a unit's year once its keys are gone: how many distinct networks
    sent questionnaires in exactly the quarters of `pola` (a bit per quarter: 1, 2, 4, 8).
    Enough to count the distinct networks of any set of quarters, and no key is left."""

    unit = models.ForeignKey(
        UnitLayanan, verbose_name=_("unit layanan"), related_name="+", on_delete=models.PROTECT
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    pola = models.PositiveSmallIntegerField(_("pola triwulan"))
    jumlah = models.PositiveIntegerField(_("jumlah jaringan"))

    class Meta:
        verbose_name = _("rekap jaringan responden survei")
        verbose_name_plural = pgettext_lazy("jamak", "rekap jaringan responden survei")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "tahun", "pola"], name="rekap_jaringan_skm_satu_pola"
            ),
            models.CheckConstraint(
                condition=Q(pola__gte=1, pola__lte=15), name="rekap_jaringan_skm_pola_1_15"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.tahun} {self.pola}: {self.jumlah}"


class KiosSkm(TimestampedModel):
    """A device at a unit's counter (a tablet the staff hand to citizens) registered by HR.

    SKM is often run this way (PermenPANRB 14/2017 lets the unit choose how questionnaires are
    collected), and every questionnaire from such a device shares the office's one network: the
    distinct-network rule would never publish a unit surveyed only at its counter. A
    questionnaire sent from a registered kiosk therefore counts as a network of its own; the
    kiosk is supervised, and HR can switch it off. Only a hash of its token is kept.
    """

    unit = models.ForeignKey(
        UnitLayanan, verbose_name=_("unit layanan"), related_name="kios", on_delete=models.PROTECT
    )
    nama = models.CharField(
        _("nama perangkat"), max_length=100, help_text=_("Mis. Tablet loket 1.")
    )
    token_hash = models.CharField(_("sidik token"), max_length=64, unique=True, editable=False)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("kios survei")
        verbose_name_plural = pgettext_lazy("jamak", "kios survei")
        ordering = ["unit", "nama"]

    def __str__(self) -> str:
        return f"{self.unit}: {self.nama}"

    @staticmethod
    def alamat_pasang(kios: KiosSkm, token: str) -> str:
        """Return the address that installs the kiosk on a device. The public side, which owns
        that page, replaces this at start-up (publik.apps): survei may not name its URLs."""
        return token

    @staticmethod
    def sidik(token: str) -> str:
        """Return what is stored of a kiosk's token (a SHA-256; the token is random and long)."""
        return hashlib.sha256(token.encode()).hexdigest()


# --- The employees' satisfaction and engagement survey (a module of its own) -------------------
# Imported here so that Django registers its models with the app.
from survei.pegawai.models import (  # noqa: E402, F401
    ButirSurveiPegawai,
    DimensiSurveiPegawai,
    JawabanSurveiPegawai,
    KotakSurveiPegawai,
    PeriodeSurveiPegawai,
    ResponSurveiPegawai,
    TandaSurveiPegawai,
)
