"""Writes of competency development: enrol, ask to join, attend, complete, fail, cancel, bulk
enrolment, external training and its verification, and the annual plan's approval.

Each function checks, writes in one transaction under the locks it needs, and raises
`ValidationError` keyed by field in Indonesian; the audit trail (django-auditlog) records each
save as the acting user `oleh`; a bulk enrolment writes one audit record of the operation too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import wraps
from typing import Any, TypeVar

from auditlog.context import auditlog_value, set_extra_data
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pegawai.audit import catat_operasi
from pegawai.models import Pegawai
from pelatihan.models import (
    KelompokKompetensi,
    PelatihanEksternal,
    PelatihanWajib,
    Peserta,
    RencanaBaris,
    RencanaPengembangan,
    Sesi,
)

T = TypeVar("T")
S = Peserta.Status

# A violated constraint (another HR officer's write came first) → the field and message shown.
_CONSTRAINT_ERRORS = {
    "sesi_peserta_tidak_melebihi_kapasitas": (
        "sesi",
        gettext_lazy("Sesi sudah penuh: kursi terakhir baru saja diisi pendaftaran lain."),
    ),
    "peserta_satu_per_sesi": (
        "pegawai",
        gettext_lazy("Pegawai ini sudah terdaftar pada sesi ini (baru saja disimpan)."),
    ),
}
_SQLITE_UNIQUE = {
    "pelatihan_peserta.sesi_id, pelatihan_peserta.pegawai_id": "peserta_satu_per_sesi"
}


def _integrity_to_validation(exc: IntegrityError) -> ValidationError:
    text = str(exc)
    if text.startswith("UNIQUE constraint failed: "):
        text = f"{text} {_SQLITE_UNIQUE.get(text.removeprefix('UNIQUE constraint failed: '), '')}"
    for name, (fld, message) in _CONSTRAINT_ERRORS.items():
        if name in text:
            return ValidationError({fld: message}, code=name)
    # SQLite names no CHECK in a trigger-raised error; the capacity is the only CHECK an
    # enrolment's insert or update can trip through the trigger.
    if "CHECK constraint failed" in text:
        fld, message = _CONSTRAINT_ERRORS["sesi_peserta_tidak_melebihi_kapasitas"]
        return ValidationError({fld: message}, code="sesi_penuh")
    raise exc


@contextmanager
def _diaudit_oleh(oleh) -> Iterator[None]:
    """Attribute the audit entries written inside to `oleh` on every path (a command or the
    shell has no request), keeping and then restoring a request's own context."""
    try:
        sebelumnya = auditlog_value.get()
    except LookupError:
        sebelumnya = None
    data = {k: v for k, v in (sebelumnya or {}).items() if k != "signal_duid"}
    with set_extra_data({**data, "actor": oleh}):
        yield
    if sebelumnya is not None:
        auditlog_value.set(sebelumnya)


def _diaudit(service: Callable[..., T]) -> Callable[..., T]:
    @wraps(service)
    def call(*args, oleh, **kwargs) -> T:
        with _diaudit_oleh(oleh):
            return service(*args, oleh=oleh, **kwargs)

    return call


def _today() -> dt.date:
    return timezone.localdate()


# --- Enrolment -------------------------------------------------------------------------------


def alasan_tidak_dapat_didaftar(
    *,
    sesi: Sesi,
    pegawai: Pegawai,
    yang_ada: Peserta | None,
    hari_ini: dt.date,
    cek_kapasitas: bool = True,
) -> list[tuple[str, str]]:
    """Return (field, reason) for each rule an enrolment of `pegawai` in `sesi` breaks.

    Reads only; `peserta_daftar` calls it again under the session's row lock, and the bulk
    enrolment lists these reasons per employee.
    """
    errors: list[tuple[str, str]] = []
    if pegawai.kedudukan not in Pegawai.KEDUDUKAN_AKTIF:
        errors.append(
            ("pegawai", _("Pegawai tidak aktif (kedudukan: %(k)s).")
             % {"k": pegawai.get_kedudukan_display()})
        )  # fmt: skip
    if sesi.tanggal_selesai < hari_ini:
        errors.append(
            (
                "sesi",
                _("Sesi sudah berakhir pada %(t)s.") % {"t": date_format(sesi.tanggal_selesai)},
            )
        )
    if not sesi.program.aktif:
        errors.append(("sesi", _("Program %(p)s tidak aktif.") % {"p": sesi.program}))
    if yang_ada is not None and yang_ada.status not in (S.DIAJUKAN, S.BATAL):
        errors.append(
            ("pegawai", _("Sudah terdaftar pada sesi ini (status: %(s)s).")
             % {"s": yang_ada.get_status_display()})
        )  # fmt: skip
    elif cek_kapasitas and sesi.jumlah_peserta >= sesi.kapasitas:
        errors.append(
            ("sesi", _("Sesi sudah penuh (kapasitas %(k)s, terisi %(n)s).")
             % {"k": sesi.kapasitas, "n": sesi.jumlah_peserta})
        )  # fmt: skip
    return errors


def _raise(errors: list[tuple[str, str]]) -> None:
    if errors:
        out: dict[str, list[str]] = {}
        for fld, msg in errors:
            out.setdefault(fld, []).append(msg)
        raise ValidationError(out)


def _kunci_sesi(sesi: Sesi) -> Sesi:
    # The row lock serialises enrolments into one session; the trigger and the CHECK hold the
    # capacity even for a write that skips this service.
    return Sesi.objects.select_for_update().select_related("program").get(pk=sesi.pk)


@_diaudit
@transaction.atomic
def peserta_daftar(
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


@_diaudit
@transaction.atomic
def peserta_ajukan(
    *, sesi: Sesi, pegawai: Pegawai, oleh: Any, hari_ini: dt.date | None = None
) -> Peserta:
    """Record an employee's own request to join an open session (no seat until HR enrols)."""
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
            ("sesi", _("Anda sudah tercatat pada sesi ini (status: %(s)s).")
             % {"s": yang_ada.get_status_display()})
        )  # fmt: skip
    _raise(errors)
    try:
        with transaction.atomic():
            if yang_ada is None:
                return Peserta.objects.create(sesi=sesi, pegawai=pegawai, status=S.DIAJUKAN)
            yang_ada.status = S.DIAJUKAN
            yang_ada.save(update_fields=["status", "updated_at"])
            return yang_ada
    except IntegrityError as exc:
        raise _integrity_to_validation(exc) from exc


def _kunci_peserta(peserta: Peserta) -> Peserta:
    return Peserta.objects.select_for_update().select_related("sesi__program").get(pk=peserta.pk)


def _harus(peserta: Peserta, boleh: Sequence[str], aksi: str) -> None:
    if peserta.status not in boleh:
        raise ValidationError(
            {"status": _("Peserta berstatus %(s)s tidak dapat %(a)s.")
             % {"s": peserta.get_status_display(), "a": aksi}}
        )  # fmt: skip


@_diaudit
@transaction.atomic
def peserta_hadir(*, peserta: Peserta, oleh: Any) -> Peserta:
    """Mark an enrolled participant as having attended."""
    peserta = _kunci_peserta(peserta)
    _harus(peserta, [S.TERDAFTAR], _("ditandai hadir"))
    peserta.status = S.HADIR
    peserta.save(update_fields=["status", "updated_at"])
    return peserta


@_diaudit
@transaction.atomic
def peserta_lulus(
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
            ("tanggal_sertifikat", _("Tanggal sertifikat tidak boleh sebelum sesi dimulai (%(t)s).")
             % {"t": date_format(peserta.sesi.tanggal_mulai)})
        )  # fmt: skip
    elif tanggal_sertifikat > hari_ini:
        errors.append(("tanggal_sertifikat", _("Tanggal sertifikat tidak boleh di masa depan.")))
    _raise(errors)
    peserta.status = S.LULUS
    peserta.nomor_sertifikat = nomor_sertifikat
    peserta.tanggal_sertifikat = tanggal_sertifikat
    peserta.jp_diakui = peserta.sesi.program.jumlah_jp
    peserta.tahun_jp = tanggal_sertifikat.year
    peserta.save()
    return peserta


@_diaudit
@transaction.atomic
def peserta_tidak_lulus(*, peserta: Peserta, keterangan: str, oleh: Any) -> Peserta:
    """Record that a participant did not complete the program (no JP)."""
    peserta = _kunci_peserta(peserta)
    _harus(peserta, [S.TERDAFTAR, S.HADIR], _("dinyatakan tidak lulus"))
    if not (keterangan or "").strip():
        raise ValidationError({"keterangan": _("Tuliskan alasan peserta tidak lulus.")})
    peserta.status = S.TIDAK_LULUS
    peserta.keterangan = keterangan.strip()[:300]
    peserta.save(update_fields=["status", "keterangan", "updated_at"])
    return peserta


@_diaudit
@transaction.atomic
def peserta_batal(*, peserta: Peserta, keterangan: str = "", oleh: Any) -> Peserta:
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


def periksa_massal(
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
                sesi=sesi, pegawai=p, yang_ada=ada.get(p.pk), hari_ini=hari_ini,
                cek_kapasitas=False,
            )
        ]  # fmt: skip
        if not alasan and len(sah) >= sisa:
            alasan = [_("Sesi sudah penuh (kapasitas %(k)s).") % {"k": sesi.kapasitas}]
        if alasan:
            ditolak.append((p, " ".join(alasan)))
        else:
            sah.append(p)
    return sah, ditolak


def daftar_massal(
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
    with _diaudit_oleh(oleh), transaction.atomic():
        sesi = _kunci_sesi(sesi)
        sah, ditolak = periksa_massal(sesi=sesi, pegawai=pegawai, hari_ini=hari_ini)
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
        catat_operasi(
            sesi,
            "pelatihan.daftar_massal",
            {"didaftar": len(sah), "ditolak": len(ditolak)},
            oleh=oleh if getattr(oleh, "pk", None) else None,
        )
        return hasil


# --- External training -----------------------------------------------------------------------


@_diaudit
@transaction.atomic
def eksternal_catat(
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
    if not bukti:
        errors.append(("bukti", _("Unggah bukti (sertifikat) pelatihan.")))
    _raise(errors)
    obj = PelatihanEksternal(
        pegawai=pegawai, nama=nama.strip()[:200], penyelenggara=penyelenggara.strip()[:150],
        kelompok=kelompok, pelatihan_wajib=pelatihan_wajib, tanggal_mulai=tanggal_mulai,
        tanggal_selesai=tanggal_selesai, jumlah_jp=jumlah_jp,
        nomor_sertifikat=nomor_sertifikat.strip()[:100], bukti=bukti,
        tahun_jp=tanggal_selesai.year,
    )  # fmt: skip
    obj.save()
    return obj


@_diaudit
@transaction.atomic
def eksternal_verifikasi(
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
    return obj


# --- The annual plan -------------------------------------------------------------------------


@_diaudit
@transaction.atomic
def rencana_susun(
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


@_diaudit
@transaction.atomic
def rencana_setujui(*, rencana: RencanaPengembangan, oleh: Any) -> RencanaPengembangan:
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
