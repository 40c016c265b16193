"""Where the needs analysis learns the post an employee holds and the posts they are heading
for: an inversion-of-control registry.

The position catalogue, placements and proposals live in jabatan, above pelatihan (docs/desain.md,
dependency rule), so pelatihan cannot read them. jabatan registers a provider here from its
AppConfig.ready() (jabatan.kebutuhan); pelatihan's selectors call `jabatan_pegawai(ids)` and
get, per employee, the kind and competency standard of the current post and the target posts
(an active candidacy, a succession) with theirs. Without a provider, nothing is known and the
needs fall back to the default standard of the latest SKP's position kind.

A provider takes the employees as pegawai.selectors.saring_pegawai does (ids; a queryset; a
Bagian, one step of the city's needs) and returns {employee id: JabatanPegawai} for those it
knows, in a fixed number of queries whatever their number.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db.models import QuerySet

from pegawai.selectors import Bagian, PilihanPegawai
from pelatihan.rules import DataSasaran


@dataclass(slots=True)  # not frozen: a city builds 100,000, and frozen ones cost twice as much
class JabatanPegawai:
    """What a provider knows of one employee's posts (read only)."""

    jenis_jabatan: str = ""  # the kind of the post held; "" when unknown
    standar: Mapping[str, int] | None = None  # its competency standard
    sasaran: tuple[DataSasaran, ...] = field(default_factory=tuple)


Penyedia = Callable[[PilihanPegawai], Mapping[int, JabatanPegawai]]

# Keyed by the function itself (a dict keeps the order): ready() may run twice in tests.
_PENYEDIA: dict[Penyedia, None] = {}


def daftarkan(fungsi: Penyedia) -> Penyedia:
    """Register a provider, once however often it is registered; usable as a decorator."""
    _PENYEDIA[fungsi] = None
    return fungsi


def penyedia() -> list[Penyedia]:
    return list(_PENYEDIA)


def jabatan_pegawai(pegawai_ids: PilihanPegawai) -> dict[int, JabatanPegawai]:
    """Return what the registered providers know of the employees' posts: a later provider's
    current post wins where it names one; target posts are joined, in the providers' order."""
    hasil: dict[int, JabatanPegawai] = {}
    ids = pegawai_ids if isinstance(pegawai_ids, Bagian | QuerySet) else list(pegawai_ids or ())
    if isinstance(ids, list) and not ids:
        return hasil
    for fungsi in _PENYEDIA:
        for pid, j in fungsi(ids).items():
            lama = hasil.get(pid)
            if lama is None:
                hasil[pid] = j
                continue
            hasil[pid] = JabatanPegawai(
                jenis_jabatan=j.jenis_jabatan or lama.jenis_jabatan,
                standar=j.standar if j.standar is not None else lama.standar,
                sasaran=lama.sasaran + j.sasaran,
            )
    return hasil
