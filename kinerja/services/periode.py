"""Opening a period's SKPs for every active employee, batch by batch."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.bulk import BulkWriter
from kinerja.models import Periode, Skp
from kinerja.services.base import perangkat_daerah_dari
from pegawai.models import Pegawai, UnitKerja

# Rows per INSERT when opening a period: bounded memory, and a progress step the page can show.
BUKA_SKP_BATCH = 2000


def periode_open_skp(
    *,
    periode: Periode,
    penilai: Mapping[int, int | None],
    jenis_jabatan: Mapping[int, str],
    saat_maju: Callable[[int, int], None] | None = None,
) -> int:
    """Open an SKP for every active employee who has none in the period; return how many.

    Kinerja knows no positions: the caller passes each employee's evaluator (`penilai`, the
    direct superior from the organisation structure, which jabatan computes) and position kind.
    An employee missing from `penilai` gets none, for HR to assign.

    Each batch commits on its own, with `saat_maju(done, total)` called inside its transaction,
    so a page polling the progress sees it move (a single transaction would show nothing until
    the end). If the work stops half-way, running it again opens the rest: it is idempotent.
    The rows go in through COPY (core.bulk): the ORM's bulk_create spent 17 of 20 seconds
    building 100,000 INSERT parameters.
    """
    with transaction.atomic():
        _periode_terbuka(periode)
        units = dict(UnitKerja.objects.values_list("pk", "path"))
        calon = list(
            Pegawai.objects.aktif()
            .exclude(skp__periode=periode)
            .order_by("pk")
            .values_list("pk", "unit_kerja_id", "golongan")
        )
        total = len(calon)
        if saat_maju:
            saat_maju(0, total)
    writer = BulkWriter()
    for start in range(0, total, BUKA_SKP_BATCH):
        batch = calon[start : start + BUKA_SKP_BATCH]
        with transaction.atomic():
            # Under the period's row lock: closing the period waits for the batch, a batch
            # after the close is refused, and a second run at once (the action clicked twice)
            # sees the first one's rows and skips them, so the unique (pegawai, periode) holds.
            _periode_terbuka(periode)
            ada = set(
                Skp.objects.filter(
                    periode=periode, pegawai_id__in=[pk for pk, _u, _g in batch]
                ).values_list("pegawai_id", flat=True)
            )
            writer.write(
                Skp,
                [
                    "pegawai_id",
                    "periode_id",
                    "penilai_id",
                    "unit_kerja_id",
                    "perangkat_daerah_id",
                    "golongan",
                    "jenis_jabatan",
                ],
                (
                    (
                        pk,
                        periode.pk,
                        penilai.get(pk),
                        unit,
                        perangkat_daerah_dari(units[unit]),
                        golongan,
                        jenis_jabatan.get(pk, ""),
                    )
                    for pk, unit, golongan in batch
                    if pk not in ada
                ),
            )
            if saat_maju:
                saat_maju(min(start + BUKA_SKP_BATCH, total), total)
    return total


def _periode_terbuka(periode: Periode) -> None:
    if not Periode.objects.select_for_update().filter(pk=periode.pk, terbuka=True).exists():
        raise ValidationError({"periode": _("Periode %(p)s sudah ditutup.") % {"p": periode}})
