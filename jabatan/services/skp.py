"""Opening a period's SKPs with the evaluators the organisation structure gives."""

from __future__ import annotations

from collections.abc import Callable

from jabatan.models import Penempatan
from jabatan.rules import atasan_langsung
from kinerja import services as kinerja_services
from kinerja.models import Periode
from pegawai import golongan as gol
from pegawai.jenis_jabatan import MANAJERIAL
from pegawai.models import Pegawai, UnitKerja


def atasan_dan_jenis_jabatan() -> tuple[dict[int, int | None], dict[int, str]]:
    """Return each active employee's direct superior (pejabat penilai) and position kind.

    The superior comes from the organisation structure (jabatan.rules): the holder of the
    highest managerial post of the employee's unit, or of the nearest unit above. A fixed
    number of queries whatever the number of employees.
    """
    kepala: dict[int, tuple[int, int]] = {}
    for unit_id, pegawai_id, eselon_min in (
        Penempatan.objects.aktif()
        .definitif()
        .filter(formasi__jabatan__jenis__in=MANAJERIAL)
        .values_list("formasi__unit_kerja_id", "pegawai_id", "formasi__jabatan__golongan_minimal")
    ):
        rank = gol.urutan(eselon_min) if eselon_min else 0
        if unit_id not in kepala or rank > kepala[unit_id][1]:
            kepala[unit_id] = (pegawai_id, rank)
    induk = dict(UnitKerja.objects.values_list("pk", "parent_id"))
    akar = [pk for pk, parent in induk.items() if parent is None]
    sekda = max(
        (v for k, v in kepala.items() if induk.get(k) in akar and k not in akar),
        key=lambda v: v[1],
        default=(None, 0),
    )[0]
    jenis = dict(
        Penempatan.objects.aktif().definitif().values_list("pegawai_id", "formasi__jabatan__jenis")
    )
    atasan = atasan_langsung(
        Pegawai.objects.aktif().values_list("pk", "unit_kerja_id").iterator(),
        {unit: head for unit, (head, _r) in kepala.items()},
        induk,
        sekda,
    )
    return atasan, jenis


def periode_open_skp(
    *, periode: Periode, saat_maju: Callable[[int, int], None] | None = None
) -> int:
    """Open the period's SKPs (kinerja.services.periode_open_skp) for every active employee,
    each with their direct superior from the organisation structure as evaluator; HR can
    reassign afterwards. Return how many were opened."""
    penilai, jenis = atasan_dan_jenis_jabatan()
    return kinerja_services.periode_open_skp(
        periode=periode, penilai=penilai, jenis_jabatan=jenis, saat_maju=saat_maju
    )
