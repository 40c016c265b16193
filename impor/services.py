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
    mapping of the same SIASN id is replaced (HR corrected it).

    Every target is checked first, one query per kind: a unit of ours, an active position (an
    inactive one takes no new placements, so no import may map onto it). A refusal saves
    nothing: a ValidationError on "unit" or "jabatan" with one error per refused SIASN id, its
    `kode` param naming it (impor.forms.PemetaanForm puts each on its row)."""
    galat: dict[str, list[ValidationError]] = {}
    for jenis, pilihan, qs, pesan in (
        ("unit", unit, UnitKerja.objects.all(), _("Unit kerja tidak ditemukan.")),
        (
            "jabatan",
            jabatan,
            Jabatan.objects.filter(aktif=True),
            _("Jabatan tidak ditemukan atau tidak aktif."),
        ),
    ):
        if not pilihan:
            continue
        ada = set(
            qs.filter(pk__in={pk for _nama, pk in pilihan.values()}).values_list("pk", flat=True)
        )
        if salah := [
            ValidationError(pesan, code="tidak_ditemukan", params={"kode": kode})
            for kode, (_nama, pk) in pilihan.items()
            if pk not in ada
        ]:
            galat[jenis] = salah
    if galat:
        raise ValidationError(galat)
    n = 0
    for kode, (nama, pk) in unit.items():
        PemetaanUnit.objects.update_or_create(
            kode_siasn=kode, defaults={"nama_siasn": nama[:250], "unit_kerja_id": pk, "oleh": oleh}
        )
        n += 1
    for kode, (nama, pk) in jabatan.items():
        PemetaanJabatan.objects.update_or_create(
            kode_siasn=kode, defaults={"nama_siasn": nama[:250], "jabatan_id": pk, "oleh": oleh}
        )
        n += 1
    return n
