"""Employees (pegawai ASN), the organisation tree and the employees' histories."""

from __future__ import annotations

from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Substr
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
from pegawai.nip import format_nip, normalize_nip, parse_ni_pppk, parse_nip
from pegawai.pendidikan import TingkatPendidikan

PNS_CODES = [kode for kode, _nama in gol.PNS]
PPPK_CODES = list(gol.PPPK)
GOLONGAN_CODES = [kode for kode, _label in gol.CHOICES]


class NipFormField(forms.CharField):
    """Accept a NIP typed as printed on decrees (`19850315 201001 1 002`); keep the digits."""

    def to_python(self, value):
        return normalize_nip(super().to_python(value))

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["maxlength"] = "24"  # 18 digits and the spaces of the printed form
        return attrs


class NipField(models.CharField):
    """An 18-digit NIP or NI PPPK, stored without spaces (shared/STYLE.md)."""

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_nip(value) if value else value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": NipFormField, **kwargs})


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        abstract = True


def pilihan_sah(
    field: str, choices, *, name: str | None = None, kosong: bool = False
) -> models.CheckConstraint:
    """Return a CHECK that `field` holds one of its choices (`kosong`: or the empty string).

    `choices`: a Choices class, or values, or (value, label) pairs. Choices alone are checked by
    forms only; raw SQL, bulk writes and imports reach the column directly, and code matches the
    literal values (the quota triggers match 'definitif'). Every app's models use this one.
    """
    values = getattr(choices, "values", None) or [
        c[0] if isinstance(c, tuple | list) else c for c in choices
    ]
    return models.CheckConstraint(
        condition=Q(
            **{f"{field}__in": sorted({str(v) for v in values} | ({""} if kosong else set()))}
        ),
        name=name or f"%(class)s_{field}_pilihan",
        violation_error_message=_("Nilai %(name)s di luar pilihan yang sah."),
    )


class UnitKerjaQuerySet(models.QuerySet):
    def subtree(self, unit: UnitKerja) -> UnitKerjaQuerySet:
        """Return the unit and everything under it (one indexed prefix match)."""
        return self.filter(path__startswith=unit.path)


class JenisUnitKerja(models.TextChoices):
    PEMERINTAH_DAERAH = "pemda", _("Pemerintah Daerah")
    SEKRETARIAT = "sekretariat", _("Sekretariat")
    INSPEKTORAT = "inspektorat", _("Inspektorat")
    BADAN = "badan", _("Badan")
    DINAS = "dinas", _("Dinas")
    SATUAN = "satuan", _("Satuan")
    RUMAH_SAKIT = "rsud", _("Rumah Sakit Umum Daerah")
    KECAMATAN = "kecamatan", _("Kecamatan")
    KELURAHAN = "kelurahan", _("Kelurahan")
    ASISTEN = "asisten", _("Asisten")
    BAGIAN = "bagian", _("Bagian")
    BIDANG = "bidang", _("Bidang")
    SUBBAGIAN = "subbagian", _("Subbagian")
    SEKSI = "seksi", _("Seksi")
    SEKOLAH = "sekolah", _("Sekolah")
    PUSKESMAS = "puskesmas", _("Puskesmas")
    UPT = "upt", _("Unit Pelaksana Teknis")


class UnitKerja(TimestampedModel):
    """A node of the organisation tree: pemerintah kota → perangkat daerah → bidang → seksi.

    `path` is a materialised path of primary keys (`"1/7/42/"`), so "my unit and everything under
    it" is one `LIKE '1/7/%'` on an index instead of a recursive walk.
    """

    Jenis = JenisUnitKerja  # at module level so Meta's CHECK constraint can name it

    kode = models.CharField(_("kode unit"), max_length=40, unique=True)
    nama = models.CharField(_("nama unit"), max_length=200)
    singkatan = models.CharField(_("singkatan"), max_length=40, blank=True)
    jenis = models.CharField(_("jenis unit"), max_length=20, choices=Jenis.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("unit induk"),
        related_name="children",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    path = models.CharField(_("jalur"), max_length=255, editable=False, default="")
    depth = models.PositiveSmallIntegerField(_("kedalaman"), editable=False, default=0)

    objects = UnitKerjaQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit kerja")
        verbose_name_plural = pgettext_lazy("jamak", "unit kerja")
        ordering = ["path"]
        constraints = [pilihan_sah("jenis", JenisUnitKerja, name="unit_kerja_jenis_pilihan")]
        indexes = [
            # subtree(): WHERE path LIKE '1/7/%' — pattern ops so PostgreSQL uses the index
            # under any collation.
            models.Index(
                fields=["path"], name="unitkerja_path_like", opclasses=["varchar_pattern_ops"]
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def save(self, *args, **kwargs) -> None:
        with transaction.atomic():
            old_path = self.path
            if self.pk is None:
                super().save(*args, **kwargs)
                kwargs.pop("force_insert", None)
            parent = self.parent
            self.path = f"{parent.path if parent else ''}{self.pk}/"
            self.depth = parent.depth + 1 if parent else 0
            super().save(*args, **kwargs)
            if old_path and old_path != self.path:
                # Moved: re-root every descendant in one statement.
                self.__class__.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                    path=Concat(Value(self.path), Substr("path", len(old_path) + 1)),
                    depth=F("depth") + (self.depth - old_path.count("/") + 1),
                )

    def clean(self) -> None:
        if (
            self.parent_id
            and self.pk
            and (
                self.parent_id == self.pk or (self.path and self.parent.path.startswith(self.path))
            )
        ):
            raise ValidationError(
                {"parent": _("Unit induk tidak boleh unit ini sendiri atau unit di bawahnya.")}
            )


class BidangStudi(TimestampedModel):
    """A field of study (rumpun/jurusan), matched against a position's accepted fields."""

    kode = models.CharField(_("kode"), max_length=20, unique=True)
    nama = models.CharField(_("nama bidang studi"), max_length=150)

    class Meta:
        verbose_name = _("bidang studi")
        verbose_name_plural = pgettext_lazy("jamak", "bidang studi")
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class PegawaiQuerySet(models.QuerySet):
    def in_unit(self, unit: UnitKerja) -> PegawaiQuerySet:
        """Return the employees of the unit and everything under it."""
        return self.filter(unit_kerja__path__startswith=unit.path)

    def aktif(self) -> PegawaiQuerySet:
        return self.filter(kedudukan__in=Pegawai.KEDUDUKAN_AKTIF)


class StatusPegawai(models.TextChoices):
    PNS = "PNS", _("PNS")
    PPPK = "PPPK", _("PPPK")


class JenisKelaminPegawai(models.TextChoices):
    LAKI_LAKI = "L", _("Laki-laki")
    PEREMPUAN = "P", _("Perempuan")


class KedudukanPegawai(models.TextChoices):
    AKTIF = "aktif", _("Aktif")
    CUTI = "cuti", _("Cuti")
    DIBERHENTIKAN = "diberhentikan", _("Diberhentikan")
    PENSIUN = "pensiun", _("Pensiun")
    MENINGGAL = "meninggal", _("Meninggal dunia")


class Pegawai(TimestampedModel):
    """A civil servant (ASN): PNS or PPPK (UU 20/2023 Pasal 6)."""

    # The choices live at module level so Meta's CHECK constraints can name them.
    Status = StatusPegawai
    JenisKelamin = JenisKelaminPegawai
    Kedudukan = KedudukanPegawai

    KEDUDUKAN_AKTIF = (Kedudukan.AKTIF, Kedudukan.CUTI)

    nip = NipField(
        _("NIP"),
        max_length=18,
        unique=True,
        help_text=_(
            "18 digit, boleh diketik berspasi seperti pada SK; NI PPPK untuk pegawai PPPK."
        ),
    )
    nama = models.CharField(_("nama"), max_length=150)
    gelar_depan = models.CharField(_("gelar depan"), max_length=40, blank=True)
    gelar_belakang = models.CharField(_("gelar belakang"), max_length=80, blank=True)
    tempat_lahir = models.CharField(_("tempat lahir"), max_length=80, blank=True)
    tanggal_lahir = models.DateField(
        _("tanggal lahir"), blank=True, help_text=_("Kosongkan untuk diambil dari NIP.")
    )
    jenis_kelamin = models.CharField(
        _("jenis kelamin"),
        max_length=1,
        choices=JenisKelamin.choices,
        blank=True,
        help_text=_("Kosongkan untuk diambil dari NIP."),
    )
    status = models.CharField(_("status kepegawaian"), max_length=4, choices=Status.choices)
    golongan = models.CharField(_("golongan/ruang"), max_length=5, choices=gol.CHOICES)
    tmt_golongan = models.DateField(_("TMT golongan"))
    tmt_cpns = models.DateField(_("TMT CPNS"), null=True, blank=True)
    tmt_pns = models.DateField(_("TMT PNS"), null=True, blank=True)
    tmt_pppk = models.DateField(_("TMT PPPK"), null=True, blank=True)
    pendidikan = models.CharField(
        _("pendidikan terakhir"), max_length=4, choices=TingkatPendidikan.choices
    )
    bidang_studi = models.ForeignKey(
        BidangStudi,
        verbose_name=_("bidang studi"),
        related_name="pegawai",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    unit_kerja = models.ForeignKey(
        UnitKerja,
        verbose_name=_("unit kerja"),
        related_name="pegawai",
        on_delete=models.PROTECT,
        help_text=_("Mengikuti penempatan definitif; diubah lewat penempatan."),
    )
    kedudukan = models.CharField(
        _("kedudukan"), max_length=15, choices=Kedudukan.choices, default=Kedudukan.AKTIF
    )
    tmt_berhenti = models.DateField(_("TMT berhenti"), null=True, blank=True)
    email = models.EmailField(_("email"), blank=True)
    no_hp = models.CharField(_("nomor HP"), max_length=20, blank=True)

    objects = PegawaiQuerySet.as_manager()

    class Meta:
        verbose_name = _("pegawai")
        verbose_name_plural = pgettext_lazy("jamak", "pegawai")
        ordering = ["nama", "nip"]
        constraints = [
            pilihan_sah("jenis_kelamin", JenisKelaminPegawai, name="pegawai_jenis_kelamin_pilihan"),
            pilihan_sah("status", StatusPegawai, name="pegawai_status_pilihan"),
            pilihan_sah("golongan", GOLONGAN_CODES, name="pegawai_golongan_pilihan"),
            pilihan_sah("pendidikan", TingkatPendidikan, name="pegawai_pendidikan_pilihan"),
            pilihan_sah("kedudukan", KedudukanPegawai, name="pegawai_kedudukan_pilihan"),
            models.CheckConstraint(
                condition=Q(nip__regex=r"^[0-9]{18}$"),
                name="pegawai_nip_18_digit",
                violation_error_message=_("NIP harus 18 digit angka."),
            ),
            # Digit 15 is the gender digit in both the NIP and the NI PPPK layout.
            models.CheckConstraint(
                condition=Q(jenis_kelamin="L", nip__regex=r"^.{14}1")
                | Q(jenis_kelamin="P", nip__regex=r"^.{14}2"),
                name="pegawai_jenis_kelamin_sesuai_nip",
                violation_error_message=_("Jenis kelamin tidak sesuai dengan digit ke-15 NIP."),
            ),
            models.CheckConstraint(
                condition=Q(status="PNS", golongan__in=PNS_CODES, tmt_cpns__isnull=False)
                | Q(status="PPPK", golongan__in=PPPK_CODES, tmt_pppk__isnull=False),
                name="pegawai_golongan_sesuai_status",
                violation_error_message=_(
                    "Golongan dan TMT harus sesuai status: PNS memakai I/a–IV/e dan TMT CPNS, "
                    "PPPK memakai I–XVII dan TMT PPPK."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kedudukan__in=["aktif", "cuti"], tmt_berhenti__isnull=True)
                | (~Q(kedudukan__in=["aktif", "cuti"]) & Q(tmt_berhenti__isnull=False)),
                name="pegawai_tmt_berhenti_sesuai_kedudukan",
                violation_error_message=_(
                    "TMT berhenti wajib diisi jika pegawai diberhentikan, pensiun atau meninggal, "
                    "dan dikosongkan jika aktif atau cuti."
                ),
            ),
        ]
        indexes = [
            # The per-unit lists ("my unit and below" joins on unit_kerja).
            models.Index(fields=["unit_kerja", "kedudukan"], name="pegawai_unit_kedudukan"),
            # Admin NIP search by prefix (WHERE nip LIKE '198503%') under any collation.
            models.Index(
                fields=["nip"], name="pegawai_nip_prefix", opclasses=["varchar_pattern_ops"]
            ),
            # The default list order (Meta.ordering), so the first page needs no sort of all rows.
            models.Index(fields=["nama", "nip"], name="pegawai_nama_nip"),
            models.Index(fields=["tanggal_lahir"], name="pegawai_tanggal_lahir"),
        ]

    def __str__(self) -> str:
        return f"{self.nama_lengkap} ({self.nip_tercetak})"

    @property
    def nama_lengkap(self) -> str:
        """Return the name with academic titles: `Dr. Ahmad Fauzi, S.T., M.T.`."""
        nama = f"{self.gelar_depan} {self.nama}".strip()
        return f"{nama}, {self.gelar_belakang}" if self.gelar_belakang else nama

    @property
    def nip_tercetak(self) -> str:
        return format_nip(self.nip, pppk=self.status == self.Status.PPPK)

    @property
    def pangkat_label(self) -> str:
        return gol.label(self.golongan) if self.golongan else ""

    def clean(self) -> None:
        errors: dict[str, list] = {}
        self.nip = "".join((self.nip or "").split())
        try:
            if self.status == self.Status.PPPK:
                info = parse_ni_pppk(self.nip)
            else:
                info = parse_nip(self.nip)
        except ValidationError as exc:
            errors["nip"] = exc.messages
            info = None
        if info is not None:
            if not self.tanggal_lahir:
                self.tanggal_lahir = info.birth_date
            elif self.tanggal_lahir != info.birth_date:
                errors["tanggal_lahir"] = [
                    _("Tanggal lahir %(tgl)s tidak sesuai NIP (digit 1–8: %(nip)s).")
                    % {"tgl": self.tanggal_lahir.isoformat(), "nip": info.birth_date.isoformat()}
                ]
            if not self.jenis_kelamin:
                self.jenis_kelamin = info.gender
            elif self.jenis_kelamin != info.gender:
                errors["jenis_kelamin"] = [
                    _("Jenis kelamin tidak sesuai NIP (digit ke-15 menunjukkan %(jk)s).")
                    % {"jk": self.JenisKelamin(info.gender).label}
                ]
            if (
                self.status == self.Status.PNS
                and self.tmt_cpns
                and (self.tmt_cpns.year, self.tmt_cpns.month)
                != (info.tmt_cpns.year, info.tmt_cpns.month)
            ):
                errors["tmt_cpns"] = [
                    _("TMT CPNS harus pada bulan %(bulan)s sesuai NIP (digit 9–14).")
                    % {"bulan": info.tmt_cpns.strftime("%m-%Y")}
                ]
        if self.golongan:
            if self.status == self.Status.PNS and self.golongan not in PNS_CODES:
                errors["golongan"] = [_("PNS harus memakai golongan ruang I/a sampai IV/e.")]
            if self.status == self.Status.PPPK and self.golongan not in PPPK_CODES:
                errors["golongan"] = [_("PPPK harus memakai golongan I sampai XVII.")]
        if self.status == self.Status.PNS and not self.tmt_cpns:
            errors.setdefault("tmt_cpns", []).append(_("TMT CPNS wajib diisi untuk PNS."))
        if self.status == self.Status.PPPK and not self.tmt_pppk:
            errors.setdefault("tmt_pppk", []).append(_("TMT PPPK wajib diisi untuk PPPK."))
        aktif = self.kedudukan in self.KEDUDUKAN_AKTIF
        if aktif and self.tmt_berhenti:
            errors["tmt_berhenti"] = [_("Kosongkan TMT berhenti untuk pegawai aktif atau cuti.")]
        if not aktif and not self.tmt_berhenti:
            errors["tmt_berhenti"] = [
                _("TMT berhenti wajib diisi untuk kedudukan %(k)s.")
                % {"k": self.get_kedudukan_display()}
            ]
        if errors:
            raise ValidationError(errors)


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
                        "tgl": expected.strftime("%d-%m-%Y"),
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
    ASSESSMENT_CENTER = "ac", _("Assessment center")
    CAT = "cat", _("Computer assisted test")
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


class Akses(TimestampedModel):
    """What a login may see beyond its permissions: the unit it leads and its own record.

    A unit head (Pimpinan Unit) gets `unit_kerja`: that unit and everything under it. An employee
    using self-service gets `pegawai`: their own record. HR see everything through the
    `lihat_semua_unit` permission of their group. `pegawai.akses.lingkup` reads this.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        related_name="akses",
        on_delete=models.CASCADE,
    )
    pegawai = models.OneToOneField(
        Pegawai,
        verbose_name=_("pegawai (data diri)"),
        related_name="akses",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    unit_kerja = models.ForeignKey(
        UnitKerja,
        verbose_name=_("unit yang dipimpin"),
        related_name="pimpinan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Pimpinan Unit melihat unit ini dan semua unit di bawahnya."),
    )

    class Meta:
        verbose_name = _("akses pengguna")
        verbose_name_plural = pgettext_lazy("jamak", "akses pengguna")
        permissions = [("lihat_semua_unit", _("Dapat melihat data semua unit kerja"))]

    def __str__(self) -> str:
        return str(self.user)


class CatatanEkspor(models.Model):
    """Who exported which rows, when and from where: personal data leaves the system only here."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        related_name="catatan_ekspor",
        on_delete=models.PROTECT,
    )
    waktu = models.DateTimeField(_("waktu"), auto_now_add=True)
    data = models.CharField(_("data"), max_length=100)
    jumlah_baris = models.PositiveIntegerField(_("jumlah baris"))
    filter = models.CharField(_("filter"), max_length=1000, blank=True)
    alamat_ip = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)

    class Meta:
        verbose_name = _("catatan ekspor")
        verbose_name_plural = pgettext_lazy("jamak", "catatan ekspor")
        ordering = ["-waktu"]

    def __str__(self) -> str:
        return f"{self.user} — {self.data} ({self.jumlah_baris})"
