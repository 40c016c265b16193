"""Writes for employees that need more than the model's own validation."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from pegawai.models import Pegawai


@transaction.atomic
def pegawai_delete(*, pegawai: Pegawai) -> None:
    """Delete an employee entered by mistake; one with any history is ended, never deleted.

    Histories are legal records (PROTECT foreign keys), so the database refuses and nothing is
    written; the message says what to do instead.
    """
    try:
        with transaction.atomic():
            pegawai.delete()
    except ProtectedError as exc:
        jenis = sorted({str(obj._meta.verbose_name) for obj in exc.protected_objects})
        raise ValidationError(
            {
                "kedudukan": _(
                    "Pegawai %(nama)s memiliki riwayat (%(jenis)s) sehingga tidak dapat dihapus. "
                    "Akhiri dengan mengubah kedudukan menjadi diberhentikan, pensiun atau "
                    "meninggal dunia beserta TMT berhenti."
                )
                % {"nama": pegawai.nama_lengkap, "jenis": ", ".join(jenis)}
            },
            code="pegawai_berriwayat",
        ) from exc
