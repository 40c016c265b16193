"""What every pelatihan service shares: constraint errors as field errors, refusal reasons of an
enrolment, the session lock. (The audit actor: core.audit.audited.)"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pegawai.models import Pegawai
from pelatihan.models import (
    Peserta,
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

    Reads only; `peserta_enrol` calls it again under the session's row lock, and the bulk
    enrolment lists these reasons per employee.
    """
    errors: list[tuple[str, str]] = []
    if pegawai.kedudukan not in Pegawai.KEDUDUKAN_AKTIF:
        errors.append(
            (
                "pegawai",
                _("Pegawai tidak aktif (kedudukan: %(k)s).")
                % {"k": pegawai.get_kedudukan_display()},
            )
        )
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
            (
                "pegawai",
                _("Sudah terdaftar pada sesi ini (status: %(s)s).")
                % {"s": yang_ada.get_status_display()},
            )
        )
    elif cek_kapasitas and sesi.jumlah_peserta >= sesi.kapasitas:
        errors.append(
            (
                "sesi",
                _("Sesi sudah penuh (kapasitas %(k)s, terisi %(n)s).")
                % {"k": sesi.kapasitas, "n": sesi.jumlah_peserta},
            )
        )
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
