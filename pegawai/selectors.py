"""Reads for employee pages, already scoped to the user (pegawai.akses), and how the other
apps' reads over many employees name which employees they are for."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Prefetch, QuerySet

from pegawai.akses import pegawai_id_sendiri
from pegawai.models import Pegawai
from pegawai.nip import PANJANG, normalize_nip

# A search term made only of digits and spaces is a NIP, typed plain or grouped as printed (also
# with the no-break spaces the lists print, when copied from there).
_NIP_TERM = re.compile(r"[0-9][0-9\s]*")


def saring_nip(qs: QuerySet, term: str, lookup: str = "nip") -> QuerySet | None:
    """Return the rows of `qs` whose NIP matches `term` typed plain or grouped as printed on
    decrees (`19850315 201001 1 002`): a full NIP exactly (the unique index), a partial one as
    a prefix (birth date first). None when `term` is not a NIP (search names instead)."""
    term = term.strip()
    if not _NIP_TERM.fullmatch(term):
        return None
    digits = normalize_nip(term)
    if len(digits) == PANJANG:
        return qs.filter(**{lookup: digits})
    return qs.filter(**{f"{lookup}__startswith": digits})


def pegawai_dengan_riwayat(qs: QuerySet[Pegawai]) -> QuerySet[Pegawai]:
    """Return `qs` with everything an employee's page prints: unit, field of study, placements
    with their posts, and the rank, education, discipline and assessment histories (a fixed
    number of queries, however long the histories)."""
    # Placements are read through the reverse accessor (docs/desain.md): no jabatan import.
    penempatan = Pegawai._meta.get_field("penempatan").related_model
    return qs.select_related("unit_kerja", "bidang_studi").prefetch_related(
        Prefetch(
            "penempatan",
            queryset=penempatan.objects.select_related("formasi__jabatan", "formasi__unit_kerja"),
        ),
        "riwayat_pangkat",
        "riwayat_pendidikan",
        "hukuman_disiplin",
        "asesmen",
    )


def pegawai_diri(user: User | AnonymousUser) -> Pegawai:
    """Return the user's own employee record with everything the self-service page prints
    (PermissionDenied for an account without one)."""
    pegawai_id = pegawai_id_sendiri(user)
    return pegawai_dengan_riwayat(Pegawai.objects.all()).get(pk=pegawai_id)


@dataclass(frozen=True)
class Bagian:
    """One step of a read over many employees: those of `qs` whose ids lie in `antara`
    (inclusive). A read filters its rows by the range, so the database finds a step's rows
    through the employee index instead of scanning a whole table for every step, and no list
    of ids is sent (binding 100,000 ids cost more than reading the rows).

    `padat`: most of the range's ids are employees of `qs` (the city's active employees):
    the range alone selects the rows, and the few rows of employees outside `qs` it also
    reads are left out by the reader, which keys everything by the step's employees. A
    sparse step (a unit's employees spread over the ids) is filtered by `qs` as well. Joined
    with the range, that filter made the planner expect a few hundred rows where there were
    thousands and look each up by index: the city's placements and leadership training took
    twice as long."""

    qs: QuerySet[Pegawai]
    antara: tuple[int, int]
    padat: bool = False

    def pegawai(self) -> QuerySet[Pegawai]:
        return self.qs.filter(pk__range=self.antara)


PilihanPegawai = Bagian | QuerySet | Iterable[int] | None


def saring_pegawai(qs: QuerySet, pegawai: PilihanPegawai, kolom: str = "pegawai_id") -> QuerySet:
    """Filter `qs` to the rows of `pegawai`: None (every employee), a Bagian, a queryset of
    employees or of their ids (a subquery), or ids."""
    if pegawai is None:
        return qs
    if isinstance(pegawai, Bagian):
        dari, sampai = pegawai.antara
        qs = qs.filter(**{f"{kolom}__gte": dari, f"{kolom}__lte": sampai})
        if pegawai.padat:
            return qs
        return qs.filter(**{f"{kolom}__in": pegawai.pegawai().order_by().values("pk")})
    if isinstance(pegawai, QuerySet):
        return qs.filter(**{f"{kolom}__in": pegawai})
    return qs.filter(**{f"{kolom}__in": list(pegawai)})
