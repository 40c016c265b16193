"""The organisation tree (unit kerja, a materialised path) and the fields of study."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pegawai.models.base import TimestampedModel, pilihan_sah


def perangkat_daerah_id(path: str) -> int:
    """Return the id of the perangkat daerah (the depth-1 unit) of a unit's materialised path:
    the unit itself at depth 0 or 1, else its ancestor one below the root."""
    parts = path.strip("/").split("/")
    return int(parts[1]) if len(parts) > 1 else int(parts[0])


class UnitKerjaQuerySet(models.QuerySet):
    def perangkat_daerah_dari(self, paths: Iterable[str]) -> dict[str, UnitKerja]:
        """Return each unit path's perangkat daerah (`perangkat_daerah_id`): one query for the
        distinct ones, however many rows share them."""
        paths = set(paths)
        opd = self.in_bulk({perangkat_daerah_id(p) for p in paths})
        return {p: opd[perangkat_daerah_id(p)] for p in paths if perangkat_daerah_id(p) in opd}

    def subtree(self, unit: UnitKerja) -> UnitKerjaQuerySet:
        """Return the unit and everything under it (one indexed prefix match)."""
        return self.filter(path__startswith=unit.path)

    def with_ancestors(self, unit: UnitKerja) -> UnitKerjaQuerySet:
        """Return the unit and the units above it (the ids of its path)."""
        return self.filter(pk__in=[int(pk) for pk in unit.path.strip("/").split("/")])

    def urusan_efektif(self) -> dict[int, int | None]:
        """Each unit's government affair: its own, else its nearest ancestor's (a puskesmas
        under the Dinas Kesehatan is in Kesehatan without saying so). One query."""
        rows = sorted(self.values_list("pk", "path", "urusan_id"), key=lambda r: r[1])
        hasil: dict[int, int | None] = {}
        for pk, path, urusan in rows:  # parents sort before their children
            if urusan is None:
                induk = path.rstrip("/").split("/")[:-1]
                urusan = hasil.get(int(induk[-1])) if induk else None
            hasil[pk] = urusan
        return hasil


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
    urusan = models.ForeignKey(
        "pegawai.UrusanPemerintahan",
        verbose_name=_("urusan pemerintahan"),
        related_name="unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_(
            "Urusan yang diselenggarakan unit ini (UU 23/2014). Kosongkan untuk mengikuti unit "
            "induk. Menentukan bidang studi yang sesuai dan pengalaman yang terkait dalam "
            "peringkat merit."
        ),
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


class RumpunIlmu(TimestampedModel):
    """A family of fields of study (Permendikbud 154/2014; defaults written by
    pegawai/migrations/0012_urusan_rumpun_bawaan.py)."""

    kode = models.CharField(_("kode"), max_length=20, unique=True)
    nama = models.CharField(_("nama rumpun"), max_length=150)

    class Meta:
        verbose_name = _("rumpun ilmu")
        verbose_name_plural = pgettext_lazy("jamak", "rumpun ilmu")
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class BidangStudi(TimestampedModel):
    """A field of study (jurusan), matched against a position's accepted fields; its family
    decides a near fit (serumpun) in the merit ranking."""

    kode = models.CharField(_("kode"), max_length=20, unique=True)
    nama = models.CharField(_("nama bidang studi"), max_length=150)
    rumpun = models.ForeignKey(
        RumpunIlmu,
        verbose_name=_("rumpun ilmu"),
        related_name="bidang_studi",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("bidang studi")
        verbose_name_plural = pgettext_lazy("jamak", "bidang studi")
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class UrusanPemerintahan(TimestampedModel):
    """A government affair (UU 23/2014; defaults written by
    pegawai/migrations/0012_urusan_rumpun_bawaan.py) with the fields of study that fit its
    posts exactly and the families that fit them closely."""

    kode = models.CharField(_("kode"), max_length=30, unique=True)
    nama = models.CharField(_("nama urusan"), max_length=150)
    bidang_studi = models.ManyToManyField(
        BidangStudi,
        verbose_name=_("bidang studi yang sesuai"),
        related_name="urusan",
        blank=True,
    )
    rumpun = models.ManyToManyField(
        RumpunIlmu,
        verbose_name=_("rumpun ilmu yang serumpun"),
        related_name="urusan",
        blank=True,
        help_text=_(
            "Bidang studi dalam rumpun ini dinilai serumpun; bidang studi di atas dinilai "
            "sesuai. Rumpun bidang studi yang sesuai ikut dihitung serumpun."
        ),
    )

    class Meta:
        verbose_name = _("urusan pemerintahan")
        verbose_name_plural = pgettext_lazy("jamak", "urusan pemerintahan")
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama
