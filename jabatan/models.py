"""The position catalogue (jabatan), posts in units (formasi) and placements (penempatan)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Trim
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jabatan.merit import KOMPONEN, Bobot
from pegawai import golongan as gol
from pegawai.jenis_jabatan import KEAHLIAN, KETERAMPILAN, JenisJabatan, Jenjang
from pegawai.kompetensi import KODE as KOMPETENSI_KODE
from pegawai.kompetensi import standar_default
from pegawai.models import (
    BidangStudi,
    Pegawai,
    TimestampedModel,
    UnitKerja,
    level_field,
    pilihan_sah,
)
from pegawai.pendidikan import TingkatPendidikan
from pegawai.pensiun import batas_usia_pensiun

ESELON_CHOICES = [
    (e, e) for e in ("I.a", "I.b", "II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b", "V.a")
]


def tidak_kosong(field: str) -> Q:
    """The field holds more than spaces (TRIM, the same on PostgreSQL and SQLite)."""
    return ~Q(Exact(Trim(field), Value("")))


class Jabatan(TimestampedModel):
    """A position of the catalogue with its requirements (UU 20/2023 Pasal 13–18).

    `batas_usia_pensiun` is derived from the kind and level (or the position's own law,
    `bup_khusus`) on save, so projected vacancies are a plain date comparison in SQL.
    """

    kode = models.CharField(_("kode jabatan"), max_length=40, unique=True)
    nama = models.CharField(_("nama jabatan"), max_length=200)
    jenis = models.CharField(_("jenis jabatan"), max_length=15, choices=JenisJabatan.choices)
    jenjang = models.CharField(
        _("jenjang fungsional"), max_length=15, choices=Jenjang.choices, blank=True
    )
    kelas_jabatan = models.PositiveSmallIntegerField(
        _("kelas jabatan"), validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    eselon = models.CharField(
        _("eselon (historis)"), max_length=5, choices=ESELON_CHOICES, blank=True
    )
    golongan_minimal = models.CharField(
        _("golongan minimal"), max_length=5, choices=gol.CHOICES[: len(gol.PNS)], blank=True
    )
    pendidikan_minimal = models.CharField(
        _("pendidikan minimal"), max_length=4, choices=TingkatPendidikan.choices
    )
    bidang_studi = models.ManyToManyField(
        BidangStudi,
        verbose_name=_("bidang studi yang diterima"),
        related_name="jabatan",
        blank=True,
        help_text=_("Kosongkan jika semua bidang studi diterima."),
    )
    bup_khusus = models.PositiveSmallIntegerField(
        _("batas usia pensiun khusus"),
        null=True,
        blank=True,
        validators=[MinValueValidator(50), MaxValueValidator(70)],
        help_text=_("Diisi bila undang-undang jabatan ini mengatur sendiri (mis. guru: 60)."),
    )
    batas_usia_pensiun = models.PositiveSmallIntegerField(_("batas usia pensiun"), editable=False)
    std_m01 = level_field(_("standar M.01 Integritas"))
    std_m02 = level_field(_("standar M.02 Kerja Sama"))
    std_m03 = level_field(_("standar M.03 Komunikasi"))
    std_m04 = level_field(_("standar M.04 Orientasi pada Hasil"))
    std_m05 = level_field(_("standar M.05 Pelayanan Publik"))
    std_m06 = level_field(_("standar M.06 Pengembangan Diri dan Orang Lain"))
    std_m07 = level_field(_("standar M.07 Mengelola Perubahan"))
    std_m08 = level_field(_("standar M.08 Pengambilan Keputusan"))
    std_sk01 = level_field(_("standar SK.01 Perekat Bangsa"))
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("jabatan")
        verbose_name_plural = pgettext_lazy("jamak", "jabatan")
        ordering = ["nama"]
        constraints = [
            models.CheckConstraint(
                condition=Q(jenis=JenisJabatan.FUNGSIONAL, jenjang__in=KEAHLIAN | KETERAMPILAN)
                | (~Q(jenis=JenisJabatan.FUNGSIONAL) & Q(jenjang="")),
                name="jabatan_jenjang_hanya_fungsional",
                violation_error_message=_(
                    "Jenjang wajib diisi untuk jabatan fungsional dan dikosongkan untuk jenis lain."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kelas_jabatan__gte=1, kelas_jabatan__lte=17),
                name="jabatan_kelas_1_17",
                violation_error_message=_("Kelas jabatan harus 1 sampai 17."),
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"std_{kode}__gte": 1, f"std_{kode}__lte": 5}),
                    name=f"jabatan_std_{kode}_1_5",
                    violation_error_message=_("Standar kompetensi harus level 1 sampai 5."),
                )
                for kode in KOMPETENSI_KODE
            ],
            pilihan_sah("jenis", JenisJabatan.choices, name="jabatan_jenis_pilihan"),
            pilihan_sah("jenjang", Jenjang.choices, name="jabatan_jenjang_pilihan", kosong=True),
            pilihan_sah("eselon", ESELON_CHOICES, name="jabatan_eselon_pilihan", kosong=True),
            pilihan_sah(
                "golongan_minimal",
                gol.CHOICES[: len(gol.PNS)],
                name="jabatan_golongan_minimal_pilihan",
                kosong=True,
            ),
            pilihan_sah(
                "pendidikan_minimal",
                TingkatPendidikan.choices,
                name="jabatan_pendidikan_minimal_pilihan",
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    @property
    def standar_kompetensi(self) -> dict[str, int]:
        return {kode: getattr(self, f"std_{kode}") for kode in KOMPETENSI_KODE}

    def isi_standar_default(self) -> None:
        """Fill blank competency standards with the defaults for the kind (PermenPANRB 38/2017)."""
        for kode, level in standar_default(self.jenis, self.jenjang).items():
            if getattr(self, f"std_{kode}") is None:
                setattr(self, f"std_{kode}", level)

    def hitung_batas_usia_pensiun(self) -> int:
        return batas_usia_pensiun(self.jenis, self.jenjang, khusus=self.bup_khusus)

    def clean(self) -> None:
        if self.jenis == JenisJabatan.FUNGSIONAL and not self.jenjang:
            raise ValidationError({"jenjang": _("Jenjang wajib diisi untuk jabatan fungsional.")})
        if self.jenis and self.jenis != JenisJabatan.FUNGSIONAL and self.jenjang:
            raise ValidationError({"jenjang": _("Jenjang hanya diisi untuk jabatan fungsional.")})
        if self.jenis:
            self.isi_standar_default()
            self.batas_usia_pensiun = self.hitung_batas_usia_pensiun()

    def save(self, *args, **kwargs) -> None:
        self.isi_standar_default()
        self.batas_usia_pensiun = self.hitung_batas_usia_pensiun()
        super().save(*args, **kwargs)


class FormasiQuerySet(models.QuerySet):
    def lowong(self) -> FormasiQuerySet:
        """Return posts with fewer definitive holders than their quota."""
        return self.filter(jumlah_terisi__lt=F("kuota"))

    def in_unit(self, unit: UnitKerja) -> FormasiQuerySet:
        return self.filter(unit_kerja__path__startswith=unit.path)


class Formasi(TimestampedModel):
    """A post: a position in a unit with a quota of definitive holders.

    `jumlah_terisi` is kept by database triggers on `Penempatan` (migration 0002) and bounded by
    `kuota` in a CHECK constraint, so no code path — a service, the admin, raw SQL, two HR staff
    saving at once — can overfill a post.
    """

    jabatan = models.ForeignKey(
        Jabatan, verbose_name=_("jabatan"), related_name="formasi", on_delete=models.PROTECT
    )
    unit_kerja = models.ForeignKey(
        UnitKerja, verbose_name=_("unit kerja"), related_name="formasi", on_delete=models.PROTECT
    )
    kuota = models.PositiveSmallIntegerField(
        _("kuota"), default=1, validators=[MinValueValidator(1)]
    )
    jumlah_terisi = models.PositiveSmallIntegerField(
        _("jumlah terisi (definitif)"), default=0, editable=False
    )
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)

    objects = FormasiQuerySet.as_manager()

    class Meta:
        verbose_name = _("formasi")
        verbose_name_plural = pgettext_lazy("jamak", "formasi")
        ordering = ["unit_kerja__path", "jabatan__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit_kerja", "jabatan"],
                name="formasi_satu_per_jabatan_unit",
                violation_error_message=_("Jabatan ini sudah memiliki formasi di unit tersebut."),
            ),
            models.CheckConstraint(
                condition=Q(kuota__gte=1),
                name="formasi_kuota_minimal_1",
                violation_error_message=_("Kuota minimal 1."),
            ),
            models.CheckConstraint(
                condition=Q(jumlah_terisi__gte=0, jumlah_terisi__lte=F("kuota")),
                name="formasi_terisi_tidak_melebihi_kuota",
                violation_error_message=_(
                    "Kuota tidak boleh lebih kecil dari jumlah pemangku definitif yang aktif."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jabatan} — {self.unit_kerja}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding and kwargs.get("update_fields") is None:
            # Never write back `jumlah_terisi`: the triggers own it, and this instance's copy may
            # be stale.
            kwargs["update_fields"] = [
                f.name
                for f in self._meta.concrete_fields
                if not f.primary_key and f.name != "jumlah_terisi"
            ]
        super().save(*args, **kwargs)

    @property
    def sisa(self) -> int:
        return self.kuota - self.jumlah_terisi


class JenisPenempatan(models.TextChoices):
    DEFINITIF = "definitif", _("Definitif")
    PLT = "plt", _("Pelaksana Tugas (Plt)")
    PLH = "plh", _("Pelaksana Harian (Plh)")


class PenempatanQuerySet(models.QuerySet):
    def aktif(self) -> PenempatanQuerySet:
        return self.filter(tmt_selesai__isnull=True)

    def definitif(self) -> PenempatanQuerySet:
        return self.filter(jenis=Penempatan.Jenis.DEFINITIF)


class Penempatan(TimestampedModel):
    """An employee holding a post from `tmt_mulai` until `tmt_selesai` (open while null).

    A Plt/Plh (acting) holder does not count against the quota: the post stays vacant for a
    definitive appointment (BKN circular 1/SE/I/2021 on Plt/Plh authority).
    """

    Jenis = JenisPenempatan

    pegawai = models.ForeignKey(
        Pegawai, verbose_name=_("pegawai"), related_name="penempatan", on_delete=models.PROTECT
    )
    formasi = models.ForeignKey(
        Formasi, verbose_name=_("formasi"), related_name="penempatan", on_delete=models.PROTECT
    )
    jenis = models.CharField(
        _("jenis penempatan"), max_length=10, choices=Jenis.choices, default=Jenis.DEFINITIF
    )
    tmt_mulai = models.DateField(_("TMT mulai"))
    tmt_selesai = models.DateField(_("TMT selesai"), null=True, blank=True)
    nomor_sk = models.CharField(_("nomor SK"), max_length=100, blank=True)
    tanggal_sk = models.DateField(_("tanggal SK"), null=True, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=200, blank=True)

    objects = PenempatanQuerySet.as_manager()

    class Meta:
        verbose_name = _("penempatan")
        verbose_name_plural = pgettext_lazy("jamak", "penempatan")
        ordering = ["-tmt_mulai", "-id"]
        indexes = [
            # The placement list's default order (newest first), without sorting every row.
            models.Index(fields=["-tmt_mulai", "-id"], name="penempatan_terbaru"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai"],
                condition=Q(jenis="definitif", tmt_selesai__isnull=True),
                name="penempatan_satu_definitif_aktif_per_pegawai",
                violation_error_message=_(
                    "Pegawai sudah memiliki penempatan definitif yang aktif."
                ),
            ),
            models.UniqueConstraint(
                fields=["formasi"],
                condition=Q(jenis__in=["plt", "plh"], tmt_selesai__isnull=True),
                name="penempatan_satu_pelaksana_tugas_per_formasi",
                violation_error_message=_("Formasi ini sudah memiliki Plt/Plh yang aktif."),
            ),
            models.CheckConstraint(
                condition=Q(tmt_selesai__isnull=True) | Q(tmt_selesai__gte=F("tmt_mulai")),
                name="penempatan_selesai_setelah_mulai",
                violation_error_message=_("TMT selesai tidak boleh sebelum TMT mulai."),
            ),
            # The quota triggers (migration 0002) count jenis = 'definitif' literally.
            pilihan_sah("jenis", JenisPenempatan.choices, name="penempatan_jenis_pilihan"),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai.nama} — {self.formasi.jabatan} ({self.get_jenis_display()})"

    @property
    def aktif(self) -> bool:
        return self.tmt_selesai is None


BOBOT_JUMLAH_100 = "profil_merit_bobot_jumlah_100"


class ProfilMerit(TimestampedModel):
    """The weights of the merit score for one position kind, editable by HR and audited."""

    jenis_jabatan = models.CharField(
        _("jenis jabatan"), max_length=15, choices=JenisJabatan.choices, unique=True
    )
    bobot_kinerja = models.PositiveSmallIntegerField(_("bobot kinerja (%)"), default=30)
    bobot_kompetensi = models.PositiveSmallIntegerField(_("bobot kompetensi (%)"), default=30)
    bobot_kualifikasi = models.PositiveSmallIntegerField(_("bobot kualifikasi (%)"), default=15)
    bobot_pengembangan = models.PositiveSmallIntegerField(
        _("bobot pengembangan (%)"),
        default=0,
        help_text=_("Nol sampai data pelatihan (JP) tersedia."),
    )
    bobot_pengalaman = models.PositiveSmallIntegerField(_("bobot pengalaman (%)"), default=15)
    bobot_integritas = models.PositiveSmallIntegerField(_("bobot integritas (%)"), default=10)
    hanya_talent_pool = models.BooleanField(
        _("hanya kelompok rencana suksesi"),
        default=False,
        help_text=_("Batasi kandidat pada kotak talenta 7–9 (PermenPANRB 3/2020)."),
    )

    class Meta:
        verbose_name = _("profil merit")
        verbose_name_plural = pgettext_lazy("jamak", "profil merit")
        ordering = ["jenis_jabatan"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    bobot_kinerja__lte=100, bobot_kompetensi__lte=100, bobot_kualifikasi__lte=100,
                    bobot_pengembangan__lte=100, bobot_pengalaman__lte=100,
                    bobot_integritas__lte=100,
                ),
                name="profil_merit_bobot_0_100",
                violation_error_message=_("Setiap bobot 0 sampai 100."),
            ),
            models.CheckConstraint(
                condition=Exact(sum((F(f"bobot_{k}") for k in KOMPONEN[1:]),
                                    F(f"bobot_{KOMPONEN[0]}")), 100),
                name=BOBOT_JUMLAH_100,
                violation_error_code=BOBOT_JUMLAH_100,
                violation_error_message=_("Jumlah bobot harus 100%%."),
            ),
            pilihan_sah("jenis_jabatan", JenisJabatan.choices,
                          name="profil_merit_jenis_jabatan_pilihan"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.get_jenis_jabatan_display()}"

    @property
    def bobot(self) -> Bobot:
        return Bobot(**{k: getattr(self, f"bobot_{k}") for k in KOMPONEN})

    def clean(self) -> None:
        total = sum(getattr(self, f"bobot_{k}") or 0 for k in KOMPONEN)
        if total != 100:
            raise ValidationError(_("Jumlah bobot harus 100%% (sekarang %(n)s%%).") % {"n": total})

    def validate_constraints(self, exclude=None) -> None:
        # clean() names the wrong total; the same rule's constraint would repeat it without.
        try:
            super().validate_constraints(exclude)
        except ValidationError as exc:
            lain = {
                field: [e for e in errors if e.code != BOBOT_JUMLAH_100]
                for field, errors in exc.error_dict.items()
            }
            lain = {field: errors for field, errors in lain.items() if errors}
            if lain:
                raise ValidationError(lain) from exc


MAKS_USULAN = 3  # candidates proposed to the PPK per post


class Usulan(TimestampedModel):
    """A candidate proposed to the appointing official (PPK) for a vacant post: three at most."""

    formasi = models.ForeignKey(
        Formasi, verbose_name=_("formasi"), related_name="usulan", on_delete=models.PROTECT
    )
    pegawai = models.ForeignKey(
        Pegawai, verbose_name=_("pegawai"), related_name="usulan", on_delete=models.PROTECT
    )
    peringkat = models.PositiveIntegerField(_("peringkat saat diusulkan"), null=True)
    skor = models.DecimalField(_("skor"), max_digits=5, decimal_places=2, null=True)
    diusulkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diusulkan oleh"), on_delete=models.PROTECT
    )
    aktif = models.BooleanField(_("aktif"), default=True)
    # One of the post's three proposal slots: a CHECK cannot count rows, but a unique slot
    # among the active proposals holds "three at most" against any writer (usulan_set numbers).
    urutan = models.PositiveSmallIntegerField(_("urutan usulan"))

    class Meta:
        verbose_name = _("usulan kandidat")
        verbose_name_plural = pgettext_lazy("jamak", "usulan kandidat")
        ordering = ["formasi", "peringkat"]
        constraints = [
            models.UniqueConstraint(
                fields=["formasi", "pegawai"],
                condition=Q(aktif=True),
                name="usulan_satu_per_pegawai_formasi",
                violation_error_message=_("Pegawai ini sudah diusulkan untuk formasi ini."),
            ),
            models.UniqueConstraint(
                fields=["formasi", "urutan"],
                condition=Q(aktif=True),
                name="usulan_tiga_slot_per_formasi",
                violation_error_message=_("Formasi ini sudah memiliki tiga usulan aktif."),
            ),
            models.CheckConstraint(
                condition=Q(urutan__gte=1, urutan__lte=MAKS_USULAN),
                name="usulan_urutan_1_3",
                violation_error_message=_("Usulan paling banyak tiga per formasi."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai} → {self.formasi}"


class MetodePengisian(models.TextChoices):
    SELEKSI_TERBUKA = "seleksi_terbuka", _("Seleksi terbuka")
    TALENT_POOL = "talent_pool", _("Talent pool")
    ROTASI_MUTASI = "rotasi_mutasi", _("Rotasi/mutasi")


class Keputusan(TimestampedModel):
    """The appointing official's decision on a vacant post, with the ranking frozen beside it.

    Never edited: a later decision annuls it, with its reason.
    """

    Metode = MetodePengisian

    formasi = models.ForeignKey(
        Formasi, verbose_name=_("formasi"), related_name="keputusan", on_delete=models.PROTECT
    )
    pegawai = models.ForeignKey(
        Pegawai, verbose_name=_("pegawai yang diangkat"), related_name="keputusan",
        on_delete=models.PROTECT,
    )  # fmt: skip
    penempatan = models.OneToOneField(
        Penempatan, verbose_name=_("penempatan"), related_name="keputusan",
        on_delete=models.PROTECT,
    )  # fmt: skip
    nomor_sk = models.CharField(_("nomor SK"), max_length=100)
    tanggal_sk = models.DateField(_("tanggal SK"))
    tmt = models.DateField(_("TMT jabatan"))
    metode = models.CharField(_("metode pengisian"), max_length=20, choices=Metode.choices)
    justifikasi = models.TextField(
        _("justifikasi"), blank=True,
        help_text=_("Wajib bila yang diangkat bukan kandidat layak peringkat pertama."),
    )  # fmt: skip
    peringkat_terpilih = models.PositiveIntegerField(_("peringkat yang diangkat"), null=True)
    snapshot = models.JSONField(_("snapshot peringkat"))
    aturan_versi = models.CharField(_("versi aturan"), max_length=30)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), on_delete=models.PROTECT
    )
    membatalkan = models.OneToOneField(
        "self", verbose_name=_("membatalkan keputusan"), related_name="dibatalkan_oleh",
        on_delete=models.PROTECT, null=True, blank=True,
    )  # fmt: skip
    alasan_pembatalan = models.TextField(_("alasan pembatalan"), blank=True)

    class Meta:
        verbose_name = _("keputusan pengisian jabatan")
        verbose_name_plural = pgettext_lazy("jamak", "keputusan pengisian jabatan")
        ordering = ["-tanggal_sk", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=tidak_kosong("nomor_sk"),
                name="keputusan_nomor_sk_wajib",
                violation_error_message=_("Nomor SK wajib diisi."),
            ),
            # An unknown rank (NULL) is not "ranked first": it needs a justification too.
            models.CheckConstraint(
                condition=Q(peringkat_terpilih__isnull=False, peringkat_terpilih=1)
                | tidak_kosong("justifikasi"),
                name="keputusan_justifikasi_bila_bukan_pertama",
                violation_error_message=_(
                    "Yang diangkat bukan kandidat layak peringkat pertama: tuliskan justifikasinya."
                ),
            ),
            models.CheckConstraint(
                condition=Q(membatalkan__isnull=True) | tidak_kosong("alasan_pembatalan"),
                name="keputusan_alasan_bila_membatalkan",
                violation_error_message=_("Alasan pembatalan wajib diisi."),
            ),
            pilihan_sah("metode", MetodePengisian.choices, name="keputusan_metode_pilihan"),
        ]

    def __str__(self) -> str:
        return f"{self.nomor_sk}: {self.pegawai.nama} → {self.formasi}"


class IndeksMerit(models.Model):
    """One row per employee in the candidate pool: the merit inputs, ready for one table scan.

    A projection, never edited by hand: `jabatan.indeks.segarkan` rebuilds a row whenever the
    employee, their evaluations, sanctions, assessments or placements change (signals registered
    in `JabatanConfig.ready`), and the whole table after bulk loads or when an annual period
    opens or closes. The ranking (`jabatan.peringkat`) reads this table alone, so ranking one
    vacancy is one scan whatever the number of employees. Days and scores are kept as the pure
    rules (`jabatan.merit`) count them, so SQL and Python give the same numbers. Which sanctions
    matter depends on the ranking date, so they stay in their own table; two dates here let the
    ranking look there only for the few rows that may be concerned.
    """

    pegawai = models.OneToOneField(
        Pegawai, primary_key=True, on_delete=models.CASCADE, related_name="indeks_merit"
    )
    nip = models.CharField(max_length=18)
    nama = models.CharField(max_length=250)
    jenis_kelamin = models.CharField(max_length=1)
    tanggal_lahir = models.DateField()
    status = models.CharField(max_length=4)
    aktif = models.BooleanField()  # kedudukan aktif (cuti is in the pool but not eligible)
    golongan = models.CharField(max_length=5)
    urutan_golongan = models.PositiveSmallIntegerField()
    tmt_golongan = models.DateField()
    tmt_masuk = models.DateField()
    urutan_pendidikan = models.PositiveSmallIntegerField()
    bidang_studi_id = models.IntegerField(null=True)
    # The last two closed annual periods: predikat ('' when not evaluated) and its score.
    predikat_1 = models.CharField(max_length=20, blank=True)
    predikat_2 = models.CharField(max_length=20, blank=True)
    skor_1 = models.PositiveSmallIntegerField(null=True)
    skor_2 = models.PositiveSmallIntegerField(null=True)
    kinerja_lulus = models.BooleanField(default=False)  # both at least Baik (merit.kelayakan)
    asesmen = models.BooleanField(default=False)  # the levels below are the latest assessment
    level_m01 = models.PositiveSmallIntegerField(null=True)
    level_m02 = models.PositiveSmallIntegerField(null=True)
    level_m03 = models.PositiveSmallIntegerField(null=True)
    level_m04 = models.PositiveSmallIntegerField(null=True)
    level_m05 = models.PositiveSmallIntegerField(null=True)
    level_m06 = models.PositiveSmallIntegerField(null=True)
    level_m07 = models.PositiveSmallIntegerField(null=True)
    level_m08 = models.PositiveSmallIntegerField(null=True)
    level_sk01 = models.PositiveSmallIntegerField(null=True)
    # Days in ended definitive posts per position kind; the running post's kind and start.
    hari_jpt_utama = models.PositiveIntegerField(default=0)
    hari_jpt_madya = models.PositiveIntegerField(default=0)
    hari_jpt_pratama = models.PositiveIntegerField(default=0)
    hari_administrator = models.PositiveIntegerField(default=0)
    hari_pengawas = models.PositiveIntegerField(default=0)
    hari_pelaksana = models.PositiveIntegerField(default=0)
    hari_fungsional = models.PositiveIntegerField(default=0)
    jabatan_kini = models.CharField(max_length=15, blank=True)
    jabatan_kini_mulai = models.DateField(null=True)
    # The day related experience reaches what each managerial kind asks (merit.PENGALAMAN):
    # 0001-01-01 when ended posts suffice, NULL when time alone never brings it.
    cukup_jpt_pratama = models.DateField(null=True)
    cukup_administrator = models.DateField(null=True)
    cukup_pengawas = models.DateField(null=True)
    jp_pelatihan = models.PositiveIntegerField(default=0)
    diklat_kepemimpinan = models.BooleanField(default=False)
    # The latest assessment's JPM (of those with one), in hundredths: the talent grid's potensial
    # axis, banded at ranking time by HR's current PengaturanTalenta (so a band change needs no
    # rebuild here).
    jpm_sen = models.PositiveIntegerField(null=True)
    # Prefilters: only rows with a sanction near the date look at the sanctions table.
    hukuman_sampai = models.DateField(
        null=True, db_index=True
    )  # last end, sedang/berat (open: 9999)
    hukuman_terakhir = models.DateField(null=True)  # latest start of any sanction

    class Meta:
        verbose_name = _("indeks merit")
        verbose_name_plural = pgettext_lazy("jamak", "indeks merit")

    def __str__(self) -> str:
        return f"{self.nip} {self.nama}"
