"""Writes of the import app: take an upload, save HR's mappings, start the dry run and the
confirmed import (both background tasks, impor.tasks)."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from impor import read
from impor.models import Impor, PemetaanJabatan, PemetaanUnit
from jabatan.models import Jabatan
from pegawai.models import UnitKerja


def impor_create(*, nama: str, jenis_konten: str, data: bytes, oleh) -> Impor:
    """Check the file as a whole and keep it; ValidationError({"berkas": ...}) if refused."""
    try:
        fmt = read.check_file(nama, jenis_konten, data)
    except read.BerkasDitolak as exc:
        raise ValidationError({"berkas": exc.pesan}) from exc
    return Impor.objects.create(
        nama_berkas=nama[:200],
        format=fmt,
        ukuran=len(data),
        checksum=hashlib.sha256(data).hexdigest(),
        berkas=data,
        oleh=oleh,
    )


@transaction.atomic
def pemetaan_save(
    *, unit: dict[str, tuple[str, int]], jabatan: dict[str, tuple[str, int]], oleh
) -> int:
    """Save HR's mappings (SIASN id -> (SIASN name, our id)); return how many. An existing
    mapping of the same SIASN id is replaced (HR corrected it)."""
    n = 0
    for kode, (nama, pk) in unit.items():
        if not UnitKerja.objects.filter(pk=pk).exists():
            raise ValidationError({"unit": _("Unit kerja tidak ditemukan.")})
        PemetaanUnit.objects.update_or_create(
            kode_siasn=kode, defaults={"nama_siasn": nama[:250], "unit_kerja_id": pk, "oleh": oleh}
        )
        n += 1
    for kode, (nama, pk) in jabatan.items():
        if not Jabatan.objects.filter(pk=pk).exists():
            raise ValidationError({"jabatan": _("Jabatan tidak ditemukan.")})
        PemetaanJabatan.objects.update_or_create(
            kode_siasn=kode, defaults={"nama_siasn": nama[:250], "jabatan_id": pk, "oleh": oleh}
        )
        n += 1
    return n
