"""The employee (pegawai ASN: PNS and PPPK) and their current rank, education and status."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pegawai import golongan as gol
from pegawai import kedudukan_hukum as kh
from pegawai.models.base import (
    GOLONGAN_CODES,
    PNS_CODES,
    PPPK_CODES,
    NipField,
    TimestampedModel,
    pilihan_sah,
)
from pegawai.models.organisasi import BidangStudi, UnitKerja
from pegawai.nip import format_nip, normalize_nip, parse_ni_pppk, parse_nip
from pegawai.pendidikan import TingkatPendidikan


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
    # Masa kerja golongan: the service counted for pay (credited prior service included), as
    # the last rank decree prints it on its TMT (SIASN: mkTahun/mkBulan). The DUK orders by it
    # (SE Kepala BAKN 02/SE/1980 on PP 15/1979: "masa kerja yang dapat diperhitungkan untuk
    # penetapan gaji"); pegawai.golongan.masa_kerja_bulan carries it to a later date.
    mk_golongan_tahun = models.PositiveSmallIntegerField(
        _("masa kerja golongan (tahun)"),
        null=True,
        blank=True,
        help_text=_("Pada TMT golongan, seperti tercetak pada SK pangkat terakhir."),
    )
    mk_golongan_bulan = models.PositiveSmallIntegerField(
        _("masa kerja golongan (bulan)"), null=True, blank=True
    )
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
    # SIASN's kedudukan hukum (pegawai.kedudukan_hukum): what the kedudukan means for the post,
    # the ranking and the DUK. Blank: unknown or entered by hand, the kedudukan's plain meaning.
    kedudukan_hukum = models.CharField(
        _("kedudukan hukum (SIASN)"),
        max_length=2,
        choices=kh.CHOICES,
        blank=True,
        default="",
        help_text=_(
            "Menurut SIASN. Tugas belajar, pemberhentian sementara, CLTN, MPP dan sejenisnya "
            "melepas jabatan, dan pegawainya tidak diperingkat untuk lowongan. Kosongkan bila "
            "tidak diketahui."
        ),
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
            pilihan_sah(
                "kedudukan_hukum", kh.CHOICES, kosong=True, name="pegawai_kedudukan_hukum_pilihan"
            ),
            # SIASN's kedudukan hukum agrees with ours (99 Pensiun is pensiun, 03 Tugas Belajar
            # aktif, 02 CLTN cuti) and PPPK's ids go with a PPPK (pegawai.kedudukan_hukum).
            models.CheckConstraint(
                condition=(
                    Q(kedudukan_hukum="")
                    | reduce(
                        or_,
                        (
                            Q(kedudukan=k, kedudukan_hukum__in=ids)
                            for k, ids in sorted(kh.PER_KEDUDUKAN.items())
                        ),
                    )
                )
                & (~Q(kedudukan_hukum__in=sorted(kh.PPPK)) | Q(status="PPPK")),
                name="pegawai_kedudukan_hukum_sesuai",
                violation_error_message=_(
                    "Kedudukan hukum SIASN tidak sesuai dengan kedudukan atau status pegawai."
                ),
            ),
            models.CheckConstraint(
                condition=Q(mk_golongan_tahun__isnull=True, mk_golongan_bulan__isnull=True)
                | Q(
                    # NULL compares to nothing: without these a half-filled pair would pass.
                    mk_golongan_tahun__isnull=False,
                    mk_golongan_bulan__isnull=False,
                    mk_golongan_tahun__lte=60,
                    mk_golongan_bulan__gte=0,
                    mk_golongan_bulan__lte=11,
                ),
                name="pegawai_mk_golongan_sah",
                violation_error_message=_(
                    "Masa kerja golongan: tahun 0–60 dan bulan 0–11, keduanya diisi atau "
                    "keduanya kosong."
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

    @property
    def masa_kerja_golongan(self) -> tuple[int, int] | None:
        """Return the masa kerja golongan today as (years, months), None when not recorded."""
        from django.utils import timezone

        bulan = gol.masa_kerja_bulan(
            self.mk_golongan_tahun, self.mk_golongan_bulan, self.tmt_golongan, timezone.localdate()
        )
        return None if bulan is None else (bulan // 12, bulan % 12)

    def clean(self) -> None:
        errors: dict[str, list] = {}
        self.nip = normalize_nip(self.nip or "")
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
        if (self.mk_golongan_tahun is None) != (self.mk_golongan_bulan is None):
            errors["mk_golongan_bulan"] = [
                _("Isi tahun dan bulan masa kerja golongan, atau kosongkan keduanya.")
            ]
        elif self.mk_golongan_bulan is not None and self.mk_golongan_bulan > 11:
            errors["mk_golongan_bulan"] = [_("Bulan masa kerja golongan 0 sampai 11.")]
        if self.mk_golongan_tahun is not None and self.mk_golongan_tahun > 60:
            errors["mk_golongan_tahun"] = [_("Tahun masa kerja golongan 0 sampai 60.")]
        aktif = self.kedudukan in self.KEDUDUKAN_AKTIF
        if aktif and self.tmt_berhenti:
            errors["tmt_berhenti"] = [_("Kosongkan TMT berhenti untuk pegawai aktif atau cuti.")]
        if not aktif and not self.tmt_berhenti:
            errors["tmt_berhenti"] = [
                _("TMT berhenti wajib diisi untuk kedudukan %(k)s.")
                % {"k": self.get_kedudukan_display()}
            ]
        if self.kedudukan_hukum in kh.ID and not kh.sesuai(self.kedudukan_hukum, self.kedudukan):
            errors["kedudukan_hukum"] = [
                _("Kedudukan hukum %(kh)s berarti kedudukan %(k)s, bukan %(ini)s.")
                % {
                    "kh": kh.nama(self.kedudukan_hukum),
                    "k": KedudukanPegawai(kh.ID[self.kedudukan_hukum].kedudukan).label,
                    "ini": self.get_kedudukan_display(),
                }
            ]
        elif self.kedudukan_hukum in kh.PPPK and self.status != self.Status.PPPK:
            errors["kedudukan_hukum"] = [
                _("Kedudukan hukum %(kh)s hanya untuk pegawai PPPK.")
                % {"kh": kh.nama(self.kedudukan_hukum)}
            ]
        if errors:
            raise ValidationError(errors)
