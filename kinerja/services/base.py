"""What the performance-evaluation services share: validation, row locks, who may act."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kinerja.models import Skp
from kinerja.selectors import peran_skp
from pegawai.models import perangkat_daerah_id as perangkat_daerah_dari  # noqa: F401 (one place)

# FKs are checked by the database; validating them would cost a query each.
SKP_FK = ("pegawai", "periode", "penilai", "unit_kerja", "perangkat_daerah")


# Plan rows an SKP takes (the form offers five; an evaluator may add more).
RENCANA_MAKS = 20


def _validasi(obj: Model, *, exclude: Sequence[str] = (), baris: int | None = None) -> None:
    """Validate the fields of `obj` (lengths, NUL characters, choices) before it is written.

    Each message names the field (and the plan row), so a page showing them in a list still says
    where the problem is. The table's constraints stay the database's: each service checks the
    rules behind them itself, which costs no query per constraint.
    """
    try:
        obj.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        errors: dict[str, list[str]] = {}
        for name, messages in exc.message_dict.items():
            label = capfirst(obj._meta.get_field(name).verbose_name)
            for m in messages:
                teks = f"{label}: {m}"
                if baris is not None:
                    teks = _("Baris %(n)s: %(pesan)s") % {"n": baris, "pesan": teks}
                errors.setdefault(name, []).append(teks)
        raise ValidationError(errors) from exc


def _kunci(skp: Skp) -> Skp:
    # Lock the SKP row only (the evaluator is an optional join: PostgreSQL refuses to lock it).
    return (
        Skp.objects.select_for_update(of=("self",))
        .select_related("periode", "penilai")
        .get(pk=skp.pk)
    )


def _boleh_menilai(user: AbstractBaseUser, skp: Skp) -> bool:
    return peran_skp(user, skp).penilai


def _wajib_penilai(user: AbstractBaseUser, skp: Skp) -> None:
    if not _boleh_menilai(user, skp):
        nama = skp.penilai.nama_lengkap if skp.penilai else _("(belum ditetapkan)")
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _(
                    "Hanya pejabat penilai SKP ini (%(nama)s) atau BKPSDM yang dapat mengubah "
                    "rencana dan memberi penilaian."
                )
                % {"nama": nama}
            },
            code="bukan_penilai",
        )


def _wajib_bukan_final(skp: Skp) -> None:
    if skp.status == Skp.Status.FINAL:
        raise ValidationError(
            {NON_FIELD_ERRORS: _("SKP final tidak dapat diubah; ajukan revisi dengan alasan.")},
            code="skp_final",
        )


def _wajib_periode_terbuka(skp: Skp) -> None:
    if not skp.periode.terbuka:
        raise ValidationError(
            {NON_FIELD_ERRORS: _("Periode %(p)s sudah ditutup.") % {"p": skp.periode}},
            code="periode_tutup",
        )
