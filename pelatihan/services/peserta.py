"""Enrolment: enrol, ask to join, attend, complete, fail, cancel, and bulk enrolment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.audit import acting_as, audited, record_operation
from pegawai import projection
from pegawai.models import Pegawai
from pelatihan.models import (
    Peserta,
    Sesi,
)
from pelatihan.services.base import (
    S,
    _integrity_to_validation,
    _kunci_sesi,
    _raise,
    _today,
    alasan_tidak_dapat_didaftar,
)


@audited
@transaction.atomic
def peserta_enrol(
    *, sesi: Sesi, pegawai: Pegawai, oleh: Any, hari_ini: dt.date | None = None
) -> Peserta:
    """Enrol `pegawai` in `sesi` (HR), taking a seat; an employee's request becomes an
    enrolment, a cancelled one is enrolled again."""
    hari_ini = hari_ini or _today()
    sesi = _kunci_sesi(sesi)
    yang_ada = Peserta.objects.select_for_update().filter(sesi=sesi, pegawai=pegawai).first()
    _raise(
        alasan_tidak_dapat_didaftar(
            sesi=sesi, pegawai=pegawai, yang_ada=yang_ada, hari_ini=hari_ini
        )
    )
    try:
        with transaction.atomic():
            if yang_ada is None:
                return Peserta.objects.create(sesi=sesi, pegawai=pegawai, status=S.TERDAFTAR)
            yang_ada.status = S.TERDAFTAR
            yang_ada.keterangan = ""
            yang_ada.save(update_fields=["status", "keterangan", "updated_at"])
            return yang_ada
    except IntegrityError as exc:
        raise _integrity_to_validation(exc) from exc


@audited
@transaction.atomic
def peserta_submit(
    *,
    sesi: Sesi,
    pegawai: Pegawai,
    oleh: Any,
    sadar_batas_pppk: bool = False,
    hari_ini: dt.date | None = None,
) -> Peserta:
    """Record an employee's own request to join an open session (no seat until HR enrols).

    A PPPK whom the program would take past the 24 JP of the year (PP 49/2018 Pasal 40 ayat
    (1)) is warned, not refused: the request is sent only with `sadar_batas_pppk` (the form
    showed the warning), and the request keeps the warning in `keterangan` for HR.
    Why a warning and not a refusal: the article limits the development the agency carries out
    ("pelaksanaan pengembangan kompetensi ... dilakukan paling lama 24 jam pelajaran"), which
    HR decides when enrolling, not what an employee may ask for; and it counts per year of the
    work contract (from the TMT PPPK), while JP here are counted per calendar year as on the
    dashboard, so a request may fall in the next contract year. HR sees the warning on the
    request and on the bulk enrolment's review, and decides.
    """
    from pelatihan.selectors.jp import batas_pppk

    hari_ini = hari_ini or _today()
    sesi = Sesi.objects.select_related("program").get(pk=sesi.pk)
    errors: list[tuple[str, str]] = []
    if not sesi.pendaftaran_dibuka:
        errors.append(("sesi", _("Pendaftaran sesi ini ditutup.")))
    if sesi.tanggal_mulai < hari_ini:
        errors.append(("sesi", _("Sesi sudah dimulai; pengajuan tidak dapat diterima.")))
    if pegawai.kedudukan not in Pegawai.KEDUDUKAN_AKTIF:
        errors.append(("pegawai", _("Pegawai tidak aktif.")))
    yang_ada = Peserta.objects.filter(sesi=sesi, pegawai=pegawai).first()
    if yang_ada is not None and yang_ada.status != S.BATAL:
        errors.append(
            (
                "sesi",
                _("Anda sudah tercatat pada sesi ini (status: %(s)s).")
                % {"s": yang_ada.get_status_display()},
            )
        )
    _raise(errors)
    batas = batas_pppk([pegawai], sesi).get(pegawai.pk)
    keterangan = ""
    if batas is not None and batas.lebih:
        if not sadar_batas_pppk:
            raise ValidationError(
                {
                    "sadar_batas_pppk": _(
                        "%(pesan)s Baca peringatan ini, lalu ajukan lagi bila tetap ingin ikut."
                    )
                    % {"pesan": batas.pesan()}
                },
                code="batas_pppk",
            )
        keterangan = _("Diajukan dengan peringatan: %(pesan)s") % {"pesan": batas.pesan()}
    try:
        with transaction.atomic():
            if yang_ada is None:
                return Peserta.objects.create(
                    sesi=sesi, pegawai=pegawai, status=S.DIAJUKAN, keterangan=keterangan[:300]
                )
            yang_ada.status = S.DIAJUKAN
            yang_ada.keterangan = keterangan[:300]
            yang_ada.save(update_fields=["status", "keterangan", "updated_at"])
            return yang_ada
    except IntegrityError as exc:
        raise _integrity_to_validation(exc) from exc


def _kunci_peserta(peserta: Peserta) -> Peserta:
    return Peserta.objects.select_for_update().select_related("sesi__program").get(pk=peserta.pk)


def _harus(peserta: Peserta, boleh: Sequence[str], aksi: str) -> None:
    if peserta.status not in boleh:
        raise ValidationError(
            {
                "status": _("Peserta berstatus %(s)s tidak dapat %(a)s.")
                % {"s": peserta.get_status_display(), "a": aksi}
            }
        )


@audited
@transaction.atomic
def peserta_attend(*, peserta: Peserta, oleh: Any) -> Peserta:
    """Mark an enrolled participant as having attended."""
    peserta = _kunci_peserta(peserta)
    _harus(peserta, [S.TERDAFTAR], _("ditandai hadir"))
    peserta.status = S.HADIR
    peserta.save(update_fields=["status", "updated_at"])
    return peserta


@audited
@transaction.atomic
def peserta_pass(
    *,
    peserta: Peserta,
    nomor_sertifikat: str,
    tanggal_sertifikat: dt.date | None,
    oleh: Any,
    hari_ini: dt.date | None = None,
) -> Peserta:
    """Complete an attended enrolment with its certificate; credit the program's JP in the
    certificate's year."""
    hari_ini = hari_ini or _today()
    peserta = _kunci_peserta(peserta)
    _harus(peserta, [S.HADIR], _("dinyatakan lulus (tandai hadir dahulu)"))
    errors: list[tuple[str, str]] = []
    nomor_sertifikat = (nomor_sertifikat or "").strip()
    if not nomor_sertifikat:
        errors.append(("nomor_sertifikat", _("Nomor sertifikat wajib diisi.")))
    elif len(nomor_sertifikat) > 100:
        errors.append(("nomor_sertifikat", _("Nomor sertifikat paling banyak 100 karakter.")))
    if tanggal_sertifikat is None:
        errors.append(("tanggal_sertifikat", _("Tanggal sertifikat wajib diisi.")))
    elif tanggal_sertifikat < peserta.sesi.tanggal_mulai:
        errors.append(
            (
                "tanggal_sertifikat",
                _("Tanggal sertifikat tidak boleh sebelum sesi dimulai (%(t)s).")
                % {"t": date_format(peserta.sesi.tanggal_mulai)},
            )
        )
    elif tanggal_sertifikat > hari_ini:
        errors.append(("tanggal_sertifikat", _("Tanggal sertifikat tidak boleh di masa depan.")))
    _raise(errors)
    peserta.status = S.LULUS
    peserta.nomor_sertifikat = nomor_sertifikat
    peserta.tanggal_sertifikat = tanggal_sertifikat
    peserta.jp_diakui = peserta.sesi.program.jumlah_jp
    peserta.tahun_jp = tanggal_sertifikat.year
    peserta.save()
    projection.refresh([peserta.pegawai_id])  # the merit projection reads completed training
    return peserta


@audited
@transaction.atomic
def peserta_fail(*, peserta: Peserta, keterangan: str, oleh: Any) -> Peserta:
    """Record that a participant did not complete the program (no JP)."""
    peserta = _kunci_peserta(peserta)
    _harus(peserta, [S.TERDAFTAR, S.HADIR], _("dinyatakan tidak lulus"))
    if not (keterangan or "").strip():
        raise ValidationError({"keterangan": _("Tuliskan alasan peserta tidak lulus.")})
    peserta.status = S.TIDAK_LULUS
    peserta.keterangan = keterangan.strip()[:300]
    peserta.save(update_fields=["status", "keterangan", "updated_at"])
    return peserta


@audited
@transaction.atomic
def peserta_cancel(*, peserta: Peserta, keterangan: str = "", oleh: Any) -> Peserta:
    """Cancel a request or an enrolment before completion; the seat is freed."""
    peserta = _kunci_peserta(peserta)
    _harus(peserta, [S.DIAJUKAN, S.TERDAFTAR, S.HADIR], _("dibatalkan"))
    peserta.status = S.BATAL
    peserta.keterangan = (keterangan or "").strip()[:300]
    peserta.save(update_fields=["status", "keterangan", "updated_at"])
    return peserta


# --- Bulk enrolment --------------------------------------------------------------------------


@dataclass
class HasilMassal:
    """The outcome of a bulk enrolment: who was enrolled, who was refused and why."""

    didaftar: list[Pegawai] = field(default_factory=list)
    ditolak: list[tuple[Pegawai, str]] = field(default_factory=list)
    dijalankan: bool = False  # False: refused as a whole (all or nothing), nothing written


def peserta_check_bulk(
    *, sesi: Sesi, pegawai: Sequence[Pegawai], hari_ini: dt.date | None = None
) -> tuple[list[Pegawai], list[tuple[Pegawai, str]]]:
    """Split `pegawai` into those who may be enrolled and those refused (with the reason),
    counting the seats the valid ones before them take. Reads only (two queries)."""
    hari_ini = hari_ini or _today()
    sesi = Sesi.objects.select_related("program").get(pk=sesi.pk)
    ada = {p.pegawai_id: p for p in Peserta.objects.filter(sesi=sesi, pegawai__in=pegawai)}
    sisa = sesi.kapasitas - sesi.jumlah_peserta
    sah: list[Pegawai] = []
    ditolak: list[tuple[Pegawai, str]] = []
    dilihat: set[int] = set()
    for p in pegawai:
        if p.pk in dilihat:
            continue
        dilihat.add(p.pk)
        # Capacity is judged below, against the seats left after the valid rows above.
        alasan = [
            msg
            for _fld, msg in alasan_tidak_dapat_didaftar(
                sesi=sesi,
                pegawai=p,
                yang_ada=ada.get(p.pk),
                hari_ini=hari_ini,
                cek_kapasitas=False,
            )
        ]
        if not alasan and len(sah) >= sisa:
            alasan = [_("Sesi sudah penuh (kapasitas %(k)s).") % {"k": sesi.kapasitas}]
        if alasan:
            ditolak.append((p, " ".join(alasan)))
        else:
            sah.append(p)
    return sah, ditolak


def peserta_enrol_bulk(
    *,
    sesi: Sesi,
    pegawai: Sequence[Pegawai],
    hanya_yang_sah: bool = False,
    oleh: Any,
    saat_maju: Callable[[int, int], None] | None = None,
    hari_ini: dt.date | None = None,
) -> HasilMassal:
    """Enrol many employees in a session in one transaction.

    All or nothing by default: if any row is invalid (session full, already enrolled, inactive
    employee, ...) nothing is written and every refused row is returned with its reason. With
    `hanya_yang_sah` (an explicit choice of HR) the valid rows are enrolled and the others
    listed. `saat_maju(done, total)` reports progress (a background task's).
    """
    hari_ini = hari_ini or _today()
    with acting_as(oleh), transaction.atomic():
        sesi = _kunci_sesi(sesi)
        sah, ditolak = peserta_check_bulk(sesi=sesi, pegawai=pegawai, hari_ini=hari_ini)
        hasil = HasilMassal(ditolak=ditolak)
        if ditolak and not hanya_yang_sah:
            return hasil
        total = len(sah)
        ada = {p.pegawai_id: p for p in Peserta.objects.filter(sesi=sesi, pegawai__in=sah)}
        baru = [Peserta(sesi=sesi, pegawai=p, status=S.TERDAFTAR) for p in sah if p.pk not in ada]
        try:
            with transaction.atomic():
                for i in range(0, len(baru), 500):
                    Peserta.objects.bulk_create(baru[i : i + 500])
                    if saat_maju:
                        saat_maju(min(i + 500, len(baru)), total)
                if ada:
                    Peserta.objects.filter(pk__in=[p.pk for p in ada.values()]).update(
                        status=S.TERDAFTAR, keterangan="", updated_at=timezone.now()
                    )
        except IntegrityError as exc:
            raise _integrity_to_validation(exc) from exc
        if saat_maju:
            saat_maju(total, total)
        hasil.didaftar = sah
        hasil.dijalankan = True
        record_operation(
            sesi,
            "pelatihan.daftar_massal",
            {"didaftar": len(sah), "ditolak": len(ditolak)},
            oleh=oleh if getattr(oleh, "pk", None) else None,
        )
        return hasil


# --- External training -----------------------------------------------------------------------
