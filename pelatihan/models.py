"""Competency development (pengembangan kompetensi): the training catalogue, its sessions, the
enrolments that credit lesson hours (JP), external training verified by HR, and the annual plan.

PP 11/2017 jo. PP 17/2020 Pasal 203 (PNS at least 20 JP a year); PP 49/2018 Pasal 39 (PPPK);
Peraturan LAN 10/2018 (forms: klasikal and nonklasikal); PermenPANRB 38/2017 (competency groups).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pegawai.jenis_jabatan import JenisJabatan
from pegawai.kompetensi import KODE as KOMPETENSI_KODE
from pegawai.kompetensi import KODE_RESMI, KOMPETENSI
from pegawai.models import Pegawai, TimestampedModel, UnitKerja, level_field, pilihan_sah


class JenisProgram(models.TextChoices):
    """Peraturan LAN 10/2018: classical (face to face) or non-classical learning."""

    KLASIKAL = "klasikal", _("Klasikal")
    NONKLASIKAL = "nonklasikal", _("Nonklasikal")


class BentukProgram(models.TextChoices):
    """The form of learning (Peraturan LAN 10/2018 Pasal 12); each belongs to one kind."""

    PELATIHAN = "pelatihan", _("Pelatihan")
    SEMINAR = "seminar", _("Seminar/konferensi/sarasehan")
    LOKAKARYA = "lokakarya", _("Workshop/lokakarya")
    KURSUS = "kursus", _("Kursus")
    BIMTEK = "bimtek", _("Bimbingan teknis")
    E_LEARNING = "e_learning", _("E-learning")
    JARAK_JAUH = "jarak_jauh", _("Pelatihan jarak jauh")
    COACHING = "coaching", _("Coaching")
    MENTORING = "mentoring", _("Mentoring")
    MAGANG = "magang", _("Magang/praktik kerja")
    DETASERING = "detasering", _("Detasering (secondment)")
    PATOK_BANDING = "patok_banding", _("Patok banding (benchmarking)")
    BELAJAR_MANDIRI = "belajar_mandiri", _("Belajar mandiri")
    KOMUNITAS = "komunitas", _("Komunitas belajar")


BENTUK_KLASIKAL = frozenset(
    {
        BentukProgram.PELATIHAN,
        BentukProgram.SEMINAR,
        BentukProgram.LOKAKARYA,
        BentukProgram.KURSUS,
        BentukProgram.BIMTEK,
    }
)
BENTUK_NONKLASIKAL = frozenset(set(BentukProgram.values) - BENTUK_KLASIKAL)


class KelompokKompetensi(models.TextChoices):
    """PermenPANRB 38/2017: manajerial, sosial kultural and teknis competencies."""

    MANAJERIAL = "manajerial", _("Manajerial")
    SOSIAL_KULTURAL = "sosial_kultural", _("Sosial kultural")
    TEKNIS = "teknis", _("Teknis")


class SifatKeterampilan(models.TextChoices):
    SOFT = "soft", _("Soft skill")
    HARD = "hard", _("Hard skill")


class PelatihanWajib(models.TextChoices):
    """The leadership training each level requires (REGULATIONS.md section 9; PP 11/2017 jo.
    PP 17/2020; Peraturan LAN 1/2019 on Latsar CPNS)."""

    LATSAR_CPNS = "latsar_cpns", _("Pelatihan Dasar CPNS (Latsar)")
    PKP = "pkp", _("Pelatihan Kepemimpinan Pengawas (PKP)")
    PKA = "pka", _("Pelatihan Kepemimpinan Administrator (PKA)")
    PKN_II = "pkn_ii", _("Pelatihan Kepemimpinan Nasional Tingkat II (PKN II)")
    PKN_I = "pkn_i", _("Pelatihan Kepemimpinan Nasional Tingkat I (PKN I)")


class Penyelenggara(models.TextChoices):
    BKPSDM = "bkpsdm", _("BKPSDM Kota Mataram")
    LAN = "lan", _("Lembaga Administrasi Negara")
    BPSDM_NTB = "bpsdm_ntb", _("BPSDM Provinsi NTB")
    KEMENTERIAN = "kementerian", _("Kementerian/lembaga")
    DARING = "daring", _("Platform daring")
    LAINNYA = "lainnya", _("Lainnya")


class Moda(models.TextChoices):
    TATAP_MUKA = "tatap_muka", _("Tatap muka")
    DARING = "daring", _("Daring")
    CAMPURAN = "campuran", _("Campuran (blended)")


class Program(TimestampedModel):
    """A program of the training catalogue."""

    Jenis = JenisProgram
    Bentuk = BentukProgram
    Kelompok = KelompokKompetensi
    Sifat = SifatKeterampilan
    Wajib = PelatihanWajib

    kode = models.CharField(_("kode program"), max_length=30, unique=True)
    nama = models.CharField(_("nama program"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=12, choices=JenisProgram.choices)
    bentuk = models.CharField(_("bentuk"), max_length=20, choices=BentukProgram.choices)
    kelompok = models.CharField(
        _("kelompok kompetensi"), max_length=20, choices=KelompokKompetensi.choices
    )
    sifat = models.CharField(_("soft/hard skill"), max_length=4, choices=SifatKeterampilan.choices)
    jumlah_jp = models.PositiveSmallIntegerField(
        _("jumlah JP"), validators=[MinValueValidator(1)], help_text=_("1 JP = 45 menit.")
    )
    biaya_per_peserta = models.DecimalField(
        _("biaya per peserta (Rp)"), max_digits=12, decimal_places=0, default=0
    )
    pelatihan_wajib = models.CharField(
        _("pelatihan kepemimpinan wajib"),
        max_length=12,
        choices=PelatihanWajib.choices,
        blank=True,
        help_text=_(
            "Diisi bila program ini adalah pelatihan kepemimpinan yang diwajibkan jenjangnya."
        ),
    )
    jenis_jabatan_sasaran = models.JSONField(
        _("jenis jabatan sasaran"),
        default=list,
        blank=True,
        help_text=_("Kosongkan bila cocok untuk semua jenis jabatan."),
    )
    bidang_sasaran = models.CharField(
        _("bidang sasaran"),
        max_length=200,
        blank=True,
        help_text=_("Bidang tugas yang cocok, mis. administrasi, kesehatan, pendidikan."),
    )
    deskripsi = models.TextField(_("deskripsi"), blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("program pelatihan")
        verbose_name_plural = pgettext_lazy("jamak", "program pelatihan")
        ordering = ["nama"]
        constraints = [
            pilihan_sah("jenis", JenisProgram, name="program_jenis_pilihan"),
            pilihan_sah("bentuk", BentukProgram, name="program_bentuk_pilihan"),
            pilihan_sah("kelompok", KelompokKompetensi, name="program_kelompok_pilihan"),
            pilihan_sah("sifat", SifatKeterampilan, name="program_sifat_pilihan"),
            pilihan_sah(
                "pelatihan_wajib", PelatihanWajib, name="program_wajib_pilihan", kosong=True
            ),
            models.CheckConstraint(
                condition=Q(jenis="klasikal", bentuk__in=sorted(BENTUK_KLASIKAL))
                | Q(jenis="nonklasikal", bentuk__in=sorted(BENTUK_NONKLASIKAL)),
                name="program_bentuk_sesuai_jenis",
                violation_error_message=_("Bentuk program tidak sesuai dengan jenisnya."),
            ),
            models.CheckConstraint(
                condition=Q(jumlah_jp__gte=1),
                name="program_jp_positif",
                violation_error_message=_("Jumlah JP minimal 1."),
            ),
            models.CheckConstraint(
                condition=Q(biaya_per_peserta__gte=0),
                name="program_biaya_tidak_negatif",
                violation_error_message=_("Biaya tidak boleh negatif."),
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        sasaran = self.jenis_jabatan_sasaran or []
        if not isinstance(sasaran, list) or any(j not in JenisJabatan.values for j in sasaran):
            raise ValidationError(
                {
                    "jenis_jabatan_sasaran": _(
                        "Jenis jabatan sasaran berisi nilai yang tidak dikenal."
                    )
                }
            )
        if (self.jenis == JenisProgram.KLASIKAL and self.bentuk not in BENTUK_KLASIKAL) or (
            self.jenis == JenisProgram.NONKLASIKAL and self.bentuk not in BENTUK_NONKLASIKAL
        ):
            raise ValidationError({"bentuk": _("Bentuk program tidak sesuai dengan jenisnya.")})

    def cocok_untuk(self, jenis_jabatan: str) -> bool:
        return not self.jenis_jabatan_sasaran or jenis_jabatan in self.jenis_jabatan_sasaran


KOMPETENSI_CHOICES = [(kode, f"{KODE_RESMI[kode]} {nama}") for kode, nama in KOMPETENSI]


class ProgramKompetensi(models.Model):
    """A competency a program develops, up to a level (codes of pegawai.kompetensi)."""

    program = models.ForeignKey(
        Program, verbose_name=_("program"), related_name="kompetensi", on_delete=models.CASCADE
    )
    kode = models.CharField(_("kompetensi"), max_length=5, choices=KOMPETENSI_CHOICES)
    level = level_field(_("level sasaran"))

    class Meta:
        verbose_name = _("kompetensi program")
        verbose_name_plural = pgettext_lazy("jamak", "kompetensi program")
        ordering = ["program", "kode"]
        constraints = [
            pilihan_sah("kode", list(KOMPETENSI_KODE), name="program_kompetensi_kode_pilihan"),
            models.UniqueConstraint(
                fields=["program", "kode"],
                name="program_kompetensi_unik",
                violation_error_message=_("Kompetensi ini sudah tercatat pada program."),
            ),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5),
                name="program_kompetensi_level_1_5",
                violation_error_message=_("Level kompetensi harus 1 sampai 5."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kode_display()} → {self.level}"


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


class StatusVerifikasi(models.TextChoices):
    DIAJUKAN = "diajukan", _("Menunggu verifikasi")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")
    DITOLAK = "ditolak", _("Ditolak")


class PelatihanEksternal(TimestampedModel):
    """Training the employee took outside the catalogue, recorded with evidence; its JP count
    only once HR has verified it."""

    Status = StatusVerifikasi

    pegawai = models.ForeignKey(
        Pegawai,
        verbose_name=_("pegawai"),
        related_name="pelatihan_eksternal",
        on_delete=models.PROTECT,
    )
    nama = models.CharField(_("nama pelatihan"), max_length=200)
    penyelenggara = models.CharField(_("penyelenggara"), max_length=150)
    kelompok = models.CharField(
        _("kelompok kompetensi"), max_length=20, choices=KelompokKompetensi.choices
    )
    pelatihan_wajib = models.CharField(
        _("pelatihan kepemimpinan wajib"), max_length=12, choices=PelatihanWajib.choices, blank=True
    )
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"))
    jumlah_jp = models.PositiveSmallIntegerField(_("jumlah JP"), validators=[MinValueValidator(1)])
    nomor_sertifikat = models.CharField(_("nomor sertifikat"), max_length=100)
    bukti = models.FileField(_("bukti (sertifikat)"), upload_to="pelatihan/bukti/%Y/")
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=StatusVerifikasi.choices,
        default=StatusVerifikasi.DIAJUKAN,
    )
    tahun_jp = models.PositiveSmallIntegerField(_("tahun JP"), editable=False)
    diverifikasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diverifikasi oleh"),
        related_name="+",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
    )
    diverifikasi_pada = models.DateTimeField(
        _("diverifikasi pada"), null=True, blank=True, editable=False
    )
    alasan_penolakan = models.CharField(_("alasan penolakan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("pelatihan eksternal")
        verbose_name_plural = pgettext_lazy("jamak", "pelatihan eksternal")
        ordering = ["-tanggal_selesai"]
        constraints = [
            pilihan_sah("status", StatusVerifikasi, name="eksternal_status_pilihan"),
            pilihan_sah("kelompok", KelompokKompetensi, name="eksternal_kelompok_pilihan"),
            pilihan_sah(
                "pelatihan_wajib", PelatihanWajib, name="eksternal_wajib_pilihan", kosong=True
            ),
            models.CheckConstraint(
                condition=Q(tanggal_selesai__gte=F("tanggal_mulai")),
                name="eksternal_selesai_setelah_mulai",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
            models.CheckConstraint(
                condition=Q(jumlah_jp__gte=1),
                name="eksternal_jp_positif",
                violation_error_message=_("Jumlah JP minimal 1."),
            ),
            models.CheckConstraint(
                condition=Q(status="diajukan")
                | Q(diverifikasi_oleh__isnull=False, diverifikasi_pada__isnull=False),
                name="eksternal_verifikasi_punya_pemeriksa",
                violation_error_message=_("Verifikasi wajib mencatat pemeriksa dan waktunya."),
            ),
            models.CheckConstraint(
                condition=~Q(status="ditolak") | ~Q(alasan_penolakan=""),
                name="eksternal_ditolak_punya_alasan",
                violation_error_message=_("Alasan penolakan wajib diisi."),
            ),
        ]
        indexes = [
            models.Index(
                fields=["pegawai", "tahun_jp"],
                include=["jumlah_jp"],
                condition=Q(status="diverifikasi"),
                name="eksternal_jp_pegawai_tahun",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.pegawai.nama})"


class StatusRencana(models.TextChoices):
    DRAF = "draf", _("Draf")
    DISETUJUI = "disetujui", _("Disetujui BKPSDM")


class RencanaPengembangan(TimestampedModel):
    """The annual development plan (rencana pengembangan kompetensi) of a unit, or of the city
    when `unit_kerja` is empty: planned seats per program with their cost, approved by HR."""

    Status = StatusRencana

    tahun = models.PositiveSmallIntegerField(_("tahun"))
    unit_kerja = models.ForeignKey(
        UnitKerja,
        verbose_name=_("unit kerja"),
        related_name="rencana_pengembangan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Kosongkan untuk rencana tingkat kota."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=StatusRencana.choices, default=StatusRencana.DRAF
    )
    disetujui_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disetujui oleh"),
        related_name="+",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
    )
    disetujui_pada = models.DateTimeField(
        _("disetujui pada"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("rencana pengembangan kompetensi")
        verbose_name_plural = pgettext_lazy("jamak", "rencana pengembangan kompetensi")
        ordering = ["-tahun", "unit_kerja__path"]
        constraints = [
            pilihan_sah("status", StatusRencana, name="rencana_status_pilihan"),
            models.UniqueConstraint(
                fields=["tahun", "unit_kerja"],
                name="rencana_satu_per_unit_tahun",
                violation_error_message=_("Rencana unit ini untuk tahun ini sudah ada."),
            ),
            models.UniqueConstraint(
                fields=["tahun"],
                condition=Q(unit_kerja__isnull=True),
                name="rencana_satu_kota_per_tahun",
                violation_error_message=_("Rencana tingkat kota untuk tahun ini sudah ada."),
            ),
            models.CheckConstraint(
                condition=Q(status="draf")
                | Q(disetujui_oleh__isnull=False, disetujui_pada__isnull=False),
                name="rencana_disetujui_punya_penyetuju",
                violation_error_message=_("Persetujuan wajib mencatat penyetuju dan waktunya."),
            ),
        ]

    def __str__(self) -> str:
        unit = self.unit_kerja.nama if self.unit_kerja_id else _("Kota")
        return f"{_('Rencana')} {self.tahun} — {unit}"


class RencanaBaris(models.Model):
    """Planned seats for one program in a plan, with the needs they answer."""

    rencana = models.ForeignKey(
        RencanaPengembangan,
        verbose_name=_("rencana"),
        related_name="baris",
        on_delete=models.CASCADE,
    )
    program = models.ForeignKey(
        Program, verbose_name=_("program"), related_name="rencana", on_delete=models.PROTECT
    )
    jumlah_kursi = models.PositiveIntegerField(_("jumlah kursi"), validators=[MinValueValidator(1)])
    biaya = models.DecimalField(_("biaya (Rp)"), max_digits=14, decimal_places=0)
    jumlah_kebutuhan = models.PositiveIntegerField(_("jumlah kebutuhan"), default=0)

    class Meta:
        verbose_name = _("baris rencana")
        verbose_name_plural = pgettext_lazy("jamak", "baris rencana")
        ordering = ["rencana", "program__nama"]
        constraints = [
            models.UniqueConstraint(
                fields=["rencana", "program"],
                name="rencana_baris_satu_per_program",
                violation_error_message=_("Program ini sudah ada dalam rencana."),
            ),
            models.CheckConstraint(
                condition=Q(jumlah_kursi__gte=1),
                name="rencana_baris_kursi_minimal_1",
                violation_error_message=_("Jumlah kursi minimal 1."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.program} × {self.jumlah_kursi}"
