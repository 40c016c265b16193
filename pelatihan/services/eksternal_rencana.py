"""External training recorded and verified, and the annual plan drafted and approved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audited
from pegawai import projection
from pegawai.models import Pegawai
from pelatihan.bukti import validate_bukti
from pelatihan.models import (
    KelompokKompetensi,
    PelatihanEksternal,
    PelatihanWajib,
    RencanaBaris,
    RencanaPengembangan,
)
from pelatihan.services.base import _raise, _today


@audited
@transaction.atomic
def eksternal_record(
    *,
    pegawai: Pegawai,
    nama: str,
    penyelenggara: str,
    kelompok: str,
    tanggal_mulai: dt.date | None,
    tanggal_selesai: dt.date | None,
    jumlah_jp: int | None,
    nomor_sertifikat: str,
    bukti: Any,
    pelatihan_wajib: str = "",
    oleh: Any,
    hari_ini: dt.date | None = None,
) -> PelatihanEksternal:
    """Record training the employee took outside the catalogue, with its evidence; it counts
    once HR has verified it."""
    hari_ini = hari_ini or _today()
    errors: list[tuple[str, str]] = []
    if not (nama or "").strip():
        errors.append(("nama", _("Nama pelatihan wajib diisi.")))
    if not (penyelenggara or "").strip():
        errors.append(("penyelenggara", _("Penyelenggara wajib diisi.")))
    if kelompok not in KelompokKompetensi.values:
        errors.append(("kelompok", _("Pilih kelompok kompetensi yang sah.")))
    if pelatihan_wajib and pelatihan_wajib not in PelatihanWajib.values:
        errors.append(("pelatihan_wajib", _("Pelatihan kepemimpinan tidak dikenal.")))
    if tanggal_mulai is None:
        errors.append(("tanggal_mulai", _("Tanggal mulai wajib diisi.")))
    if tanggal_selesai is None:
        errors.append(("tanggal_selesai", _("Tanggal selesai wajib diisi.")))
    elif tanggal_mulai and tanggal_selesai < tanggal_mulai:
        errors.append(("tanggal_selesai", _("Tanggal selesai tidak boleh sebelum tanggal mulai.")))
    elif tanggal_selesai > hari_ini:
        errors.append(("tanggal_selesai", _("Pelatihan yang belum selesai belum dapat dicatat.")))
    if isinstance(jumlah_jp, bool) or not isinstance(jumlah_jp, int) or not 1 <= jumlah_jp <= 1000:
        errors.append(("jumlah_jp", _("Jumlah JP harus bilangan bulat 1 sampai 1.000.")))
    if not (nomor_sertifikat or "").strip():
        errors.append(("nomor_sertifikat", _("Nomor sertifikat wajib diisi.")))
    jenis = None
    if not bukti:
        errors.append(("bukti", _("Unggah bukti (sertifikat) pelatihan.")))
    else:
        try:
            jenis = validate_bukti(bukti)
        except ValidationError as exc:
            errors.extend(("bukti", m) for m in exc.message_dict["bukti"])
    _raise(errors)
    # Stored under a random name with the checked type's extension (pelatihan.bukti).
    bukti.name = f"bukti.{jenis.ext}"
    obj = PelatihanEksternal(
        pegawai=pegawai,
        nama=nama.strip()[:200],
        penyelenggara=penyelenggara.strip()[:150],
        kelompok=kelompok,
        pelatihan_wajib=pelatihan_wajib,
        tanggal_mulai=tanggal_mulai,
        tanggal_selesai=tanggal_selesai,
        jumlah_jp=jumlah_jp,
        nomor_sertifikat=nomor_sertifikat.strip()[:100],
        bukti=bukti,
        tahun_jp=tanggal_selesai.year,
    )
    obj.save()
    return obj


@audited
@transaction.atomic
def eksternal_verify(
    *, eksternal: PelatihanEksternal, setuju: bool, alasan: str = "", oleh: Any
) -> PelatihanEksternal:
    """Verify (its JP then count) or reject recorded external training."""
    obj = PelatihanEksternal.objects.select_for_update().get(pk=eksternal.pk)
    if obj.status != PelatihanEksternal.Status.DIAJUKAN:
        raise ValidationError(
            {"status": _("Pelatihan ini sudah %(s)s.") % {"s": obj.get_status_display().lower()}}
        )
    if not getattr(oleh, "pk", None):
        raise ValidationError({"diverifikasi_oleh": _("Verifikasi memerlukan petugas BKPSDM.")})
    if not setuju and not (alasan or "").strip():
        raise ValidationError({"alasan_penolakan": _("Tuliskan alasan penolakan.")})
    obj.status = (
        PelatihanEksternal.Status.DIVERIFIKASI if setuju else PelatihanEksternal.Status.DITOLAK
    )
    obj.alasan_penolakan = "" if setuju else alasan.strip()[:300]
    obj.diverifikasi_oleh = oleh
    obj.diverifikasi_pada = timezone.now()
    obj.save()
    projection.refresh([obj.pegawai_id])  # verified training counts in the merit projection
    return obj


# --- The annual plan -------------------------------------------------------------------------


@audited
@transaction.atomic
def rencana_draft(
    *, tahun: int, unit_kerja: Any, kursi: dict[int, tuple[int, int]], programs: dict, oleh: Any
) -> RencanaPengembangan:
    """Create or replace the draft plan of a unit (or the city) for a year from the needs:
    `kursi` maps a program id to (seats, needs behind them)."""
    rencana, _c = RencanaPengembangan.objects.select_for_update().get_or_create(
        tahun=tahun, unit_kerja=unit_kerja
    )
    if rencana.status == RencanaPengembangan.Status.DISETUJUI:
        raise ValidationError(
            {"status": _("Rencana yang sudah disetujui tidak dapat disusun ulang.")}
        )
    rencana.baris.all().delete()
    RencanaBaris.objects.bulk_create(
        RencanaBaris(
            rencana=rencana,
            program_id=pid,
            jumlah_kursi=n,
            jumlah_kebutuhan=k,
            biaya=Decimal(programs[pid].biaya) * n,
        )
        for pid, (n, k) in kursi.items()
        if n > 0
    )
    return rencana


@audited
@transaction.atomic
def rencana_approve(*, rencana: RencanaPengembangan, oleh: Any) -> RencanaPengembangan:
    """Approve a plan (HR)."""
    rencana = RencanaPengembangan.objects.select_for_update().get(pk=rencana.pk)
    if rencana.status == RencanaPengembangan.Status.DISETUJUI:
        raise ValidationError({"status": _("Rencana ini sudah disetujui.")})
    if not rencana.baris.exists():
        raise ValidationError({"baris": _("Rencana tanpa program tidak dapat disetujui.")})
    rencana.status = RencanaPengembangan.Status.DISETUJUI
    rencana.disetujui_oleh = oleh
    rencana.disetujui_pada = timezone.now()
    rencana.save()
    return rencana
