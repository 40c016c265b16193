"""pelatihan's own writer for imports: training from SIASN's rw-diklat and rw-kursus lists.

The caller (the `impor` app) has read and checked the rows; this module compares them with what
the employees have and, when asked, writes them. One function serves the dry run and the
confirmed import, so the preview's counts are what happens.

An imported row becomes a PelatihanEksternal that is already verified: SIASN is the national
official record (BKN), kept from the decrees and certificates the agency itself uploaded there,
so HR's verification of the evidence has been done at the source. It is recorded as verified by
the HR officer who confirmed the import, at that moment, and carries no evidence file of ours (the
certificate stays in SIASN; `nomor_sertifikat` names it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import acting_as
from pegawai import projection
from pegawai.impor import HasilImpor
from pelatihan.models import PelatihanEksternal

# The fields an import compares and writes (the key is employee, name, start date).
KOLOM_IMPOR = (
    "penyelenggara",
    "kelompok",
    "pelatihan_wajib",
    "tanggal_selesai",
    "jumlah_jp",
    "nomor_sertifikat",
)


def _kunci(pegawai_id: int, nama: str, mulai: dt.date) -> tuple[int, str, dt.date]:
    return pegawai_id, " ".join(nama.split()).casefold(), mulai


def eksternal_import(
    *, baris: Sequence[Mapping[str, Any]], oleh: Any, terapkan: bool = False
) -> HasilImpor:
    """Compare (and with `terapkan`, write) imported training rows: dicts with `pegawai_id`
    (None for an employee the same import creates), `nama`, `tanggal_mulai` and KOLOM_IMPOR.

    A row whose employee has training of that name and start date is unchanged, or changed when
    a field differs (a record awaiting verification or rejected becomes verified: SIASN says it
    took place). Three queries however many rows, then one write per new or changed record (each
    saved, so the audit trail records it)."""
    hasil = HasilImpor()
    ids = {b["pegawai_id"] for b in baris if b.get("pegawai_id")}
    ada = {
        _kunci(e.pegawai_id, e.nama, e.tanggal_mulai): e
        for e in PelatihanEksternal.objects.filter(pegawai_id__in=ids)
    }
    tulis: list[PelatihanEksternal] = []
    dilihat: set[tuple] = set()
    for i, b in enumerate(baris):
        kunci = _kunci(b.get("pegawai_id") or -1 - i, b["nama"], b["tanggal_mulai"])
        if kunci in dilihat:
            hasil.galat.append(
                (i, "nama", _("Pelatihan ganda dalam berkas: nama dan tanggal mulai sama."))
            )
            continue
        dilihat.add(kunci)
        lama = ada.get(kunci) if b.get("pegawai_id") else None
        if lama is None:
            hasil.baru += 1
            lama = PelatihanEksternal(pegawai_id=b.get("pegawai_id"), nama=b["nama"][:200])
        elif lama.status == PelatihanEksternal.Status.DIVERIFIKASI and all(
            getattr(lama, f) == b[f] for f in KOLOM_IMPOR
        ):
            hasil.sama += 1
            continue
        else:
            hasil.ubah += 1
        for f in KOLOM_IMPOR:
            setattr(lama, f, b[f])
        lama.tanggal_mulai = b["tanggal_mulai"]
        tulis.append(lama)
    if terapkan and tulis:
        if not getattr(oleh, "pk", None):
            raise ValueError("an imported training is verified by the officer confirming it")
        sekarang = timezone.now()
        with transaction.atomic(), acting_as(oleh):
            for e in tulis:
                e.penyelenggara = e.penyelenggara[:150] or "-"
                e.nomor_sertifikat = e.nomor_sertifikat[:100]
                e.tahun_jp = e.tanggal_selesai.year
                e.status = PelatihanEksternal.Status.DIVERIFIKASI
                e.alasan_penolakan = ""
                e.diverifikasi_oleh = oleh
                e.diverifikasi_pada = sekarang
                e.save()
            projection.refresh({e.pegawai_id for e in tulis})  # the merit projection
    return hasil
