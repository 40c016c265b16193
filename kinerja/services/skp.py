"""An SKP's plan, realisation and evaluator: written by the evaluator, the employee or HR."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kinerja.models import Periode, RencanaHasilKerja, Skp
from kinerja.selectors import peran_skp
from kinerja.services.base import (
    RENCANA_MAKS,
    SKP_FK,
    _boleh_menilai,
    _kunci,
    _validasi,
    _wajib_bukan_final,
    _wajib_penilai,
    _wajib_periode_terbuka,
    perangkat_daerah_dari,
)
from pegawai.akses import lingkup
from pegawai.models import Pegawai


class Aksi(StrEnum):
    """The actions on an SKP, each one service: set the plan, record realisations, rate,
    finalise, record a revision."""

    RENCANA = "rencana"
    REALISASI = "realisasi"
    NILAI = "nilai"
    FINAL = "final"
    REVISI = "revisi"


def aksi_skp(*, skp: Skp, oleh: AbstractBaseUser) -> frozenset[Aksi]:
    """Return the actions `oleh` may take on `skp` now: the SKP's state machine, by role.

    The evaluator (or HR acting for one) sets the plan while nothing is rated (Pasal 6), rates
    once a plan stands and until final, finalises a rated SKP and records revisions of a final
    one; the employee records realisations once the plan stands and before the rating (once
    rated, their figures change through the evaluator). The services check the same again
    under their lock, so a page drawn before a concurrent change offers nothing they accept.
    """
    peran = peran_skp(oleh, skp)
    status = skp.status
    boleh: set[Aksi] = set()
    if peran.penilai and status in (Skp.Status.DRAFT, Skp.Status.DIRENCANAKAN):
        boleh.add(Aksi.RENCANA)
    elif peran.pemilik and status == Skp.Status.DIRENCANAKAN:
        boleh.add(Aksi.REALISASI)
    if peran.penilai and status in (Skp.Status.DIRENCANAKAN, Skp.Status.DIEVALUASI):
        boleh.add(Aksi.NILAI)
    if peran.penilai and status == Skp.Status.DIEVALUASI:
        boleh.add(Aksi.FINAL)
    if peran.penilai and status == Skp.Status.FINAL:
        boleh.add(Aksi.REVISI)
    return frozenset(boleh)


@transaction.atomic
def skp_create(
    *, pegawai: Pegawai, periode: Periode, penilai: Pegawai | None, jenis_jabatan: str = ""
) -> Skp:
    """Open an SKP for an employee, copying their unit, rank and position kind as they are now."""
    if not periode.terbuka:
        raise ValidationError({"periode": _("Periode %(p)s sudah ditutup.") % {"p": periode}})
    if penilai is not None and penilai.pk == pegawai.pk:
        raise ValidationError({"penilai": _("Pejabat penilai tidak boleh pegawai itu sendiri.")})
    unit = pegawai.unit_kerja
    skp = Skp(
        pegawai=pegawai,
        periode=periode,
        penilai=penilai,
        unit_kerja=unit,
        perangkat_daerah_id=perangkat_daerah_dari(unit.path),
        golongan=pegawai.golongan,
        jenis_jabatan=jenis_jabatan,
    )
    skp.full_clean()
    skp.save()
    return skp


@transaction.atomic
def skp_set_rencana(*, skp: Skp, rencana: Sequence[dict], oleh: AbstractBaseUser) -> Skp:
    """Set the work plan (rencana hasil kerja); done by the evaluator (Pasal 6)."""
    skp = _kunci(skp)
    _wajib_penilai(oleh, skp)
    _wajib_bukan_final(skp)
    _wajib_periode_terbuka(skp)
    if skp.status == Skp.Status.DIEVALUASI:
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Rencana tidak dapat diubah setelah SKP dinilai.")}
        )
    errors: dict[str, list[str]] = {}
    baris = []
    if len(rencana) > RENCANA_MAKS:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _("Rencana hasil kerja paling banyak %(n)s baris.")
                % {"n": RENCANA_MAKS}
            }
        )
    for n, row in enumerate(rencana, start=1):
        item = RencanaHasilKerja(
            skp=skp,
            urutan=n,
            hasil_kerja=str(row.get("hasil_kerja") or "").strip(),
            indikator=str(row.get("indikator") or "").strip(),
            target=str(row.get("target") or "").strip(),
        )
        kosong = [f for f in ("hasil_kerja", "indikator", "target") if not getattr(item, f)]
        for field in kosong:
            label = capfirst(RencanaHasilKerja._meta.get_field(field).verbose_name)
            errors.setdefault(field, []).append(
                _("Baris %(n)s: %(f)s wajib diisi.") % {"n": n, "f": label}
            )
        try:
            _validasi(item, exclude=["skp", *kosong], baris=n)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors.setdefault(field, []).extend(messages)
        baris.append(item)
    if not baris:
        errors.setdefault(NON_FIELD_ERRORS, []).append(_("Rencana hasil kerja minimal satu baris."))
    if errors:
        raise ValidationError(errors)
    skp.rencana.all().delete()
    RencanaHasilKerja.objects.bulk_create(baris)
    skp.status = Skp.Status.DIRENCANAKAN
    skp.save(update_fields=["status", "updated_at"])
    # No projection refresh: a plan is never an evaluated SKP, the only kind the merit
    # projection reads (jabatan.indeks.sql, evaluated SKPs of closed annual periods).
    return skp


@transaction.atomic
def skp_set_realisasi(
    *, skp: Skp, realisasi: dict[int, tuple[str, str]], oleh: AbstractBaseUser
) -> Skp:
    """Record realisations and evidence per planned result: the employee, evaluator or HR."""
    skp = _kunci(skp)
    scope = lingkup(oleh)
    if not (scope.pegawai_id == skp.pegawai_id or _boleh_menilai(oleh, skp)):
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Realisasi diisi oleh pegawai yang bersangkutan atau penilainya.")}
        )
    _wajib_bukan_final(skp)
    _wajib_periode_terbuka(skp)
    if skp.status == Skp.Status.DIEVALUASI and not _boleh_menilai(oleh, skp):
        # The rating rests on what the employee reported: once rated, the employee's own
        # figures change only through the evaluator (who may rate again).
        raise ValidationError(
            {
                "realisasi": _(
                    "SKP sudah dinilai: realisasi hanya dapat diubah oleh pejabat penilai."
                )
            },
            code="sudah_dinilai",
        )
    if skp.status == Skp.Status.DRAFT or not skp.rencana.exists():
        raise ValidationError(
            {
                "realisasi": _(
                    "Realisasi tidak dapat diisi sebelum rencana hasil kerja ditetapkan penilai."
                )
            },
            code="tanpa_rencana",
        )
    rows = {r.pk: r for r in skp.rencana.all()}
    unknown = set(realisasi) - set(rows)
    if unknown:
        raise ValidationError({"realisasi": _("Baris rencana tidak dikenal.")})
    errors: dict[str, list[str]] = {}
    for pk, (nilai, bukti) in realisasi.items():
        row = rows[pk]
        row.realisasi, row.bukti = str(nilai or "").strip(), str(bukti or "").strip()
        try:
            _validasi(row, exclude=["skp"], baris=row.urutan)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors.setdefault(field, []).extend(messages)
    if errors:  # every row checked before any is written
        raise ValidationError(errors)
    for pk in realisasi:
        rows[pk].save(update_fields=["realisasi", "bukti", "updated_at"])
    return skp


def skp_validate_penilai(*, skp: Skp, penilai: Pegawai | None) -> None:
    """Refuse an evaluator the SKP cannot take: the employee themself, or any change once the
    SKP is final. The admin's form asks this too, so the refusal is a field error there."""
    if penilai is not None and penilai.pk == skp.pegawai_id:
        raise ValidationError(
            {"penilai": _("Pejabat penilai tidak boleh pegawai itu sendiri.")},
            code="penilai_diri_sendiri",
        )
    if skp.status == Skp.Status.FINAL and penilai != skp.penilai:
        raise ValidationError(
            {"penilai": _("SKP final tidak dapat diubah; ajukan revisi dengan alasan.")},
            code="skp_final",
        )


@transaction.atomic
def skp_change_penilai(*, skp: Skp, penilai: Pegawai | None, oleh: AbstractBaseUser) -> Skp:
    """Reassign the evaluator (HR): not the employee themself, not on a final SKP."""
    skp = _kunci(skp)
    if not lingkup(oleh).semua:
        raise ValidationError({"penilai": _("Pejabat penilai ditetapkan ulang oleh BKPSDM.")})
    _wajib_bukan_final(skp)
    skp_validate_penilai(skp=skp, penilai=penilai)
    skp.penilai = penilai
    _validasi(skp, exclude=SKP_FK)
    skp.save(update_fields=["penilai", "updated_at"])
    return skp
