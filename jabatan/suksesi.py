"""Reads of the succession plans (rencana suksesi) for the post's page and the employee's own
page: the plan with each successor's current post and talent box, the talent-pool candidates
the page offers, an employee's own entries. Writes are in jabatan.services.suksesi."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from jabatan.merit import Hasil
from jabatan.models import MAKS_SUKSESOR, Formasi, Penempatan, Suksesor
from jabatan.peringkat import kotak_talenta
from kinerja.rules import TALENT_POOL
from pegawai.jenis_jabatan import MANAJERIAL

RIWAYAT = 5  # removed successors shown under the plan


@dataclass
class BarisSuksesor:
    suksesor: Suksesor
    jabatan_kini: str  # "position — unit" of their definitive post, "" without one
    kotak: int | None  # their talent box today (it may have left the pool since)

    @property
    def di_luar_pool(self) -> bool:
        return self.kotak not in TALENT_POOL


@dataclass
class RencanaSuksesi:
    formasi: Formasi
    baris: list[BarisSuksesor]
    riwayat: list[Suksesor]

    @property
    def penuh(self) -> bool:
        return len(self.baris) >= MAKS_SUKSESOR

    @property
    def urutan_kosong(self) -> list[int]:
        dipakai = {b.suksesor.urutan for b in self.baris}
        return [n for n in range(1, MAKS_SUKSESOR + 1) if n not in dipakai]


def formasi_kunci(formasi: Formasi) -> bool:
    """A key post of the succession plans: a structural (manajerial) one."""
    return formasi.jabatan.jenis in MANAJERIAL


def rencana_suksesi(*, formasi: Formasi) -> RencanaSuksesi:
    """Return the post's succession plan: the active successors in order, each with their
    current definitive post and talent box, and the latest removed ones. Five queries: the
    successors, the removed, their placements, the talent bands and their projection rows."""
    aktif = list(
        Suksesor.objects.filter(formasi=formasi, aktif=True)
        .select_related("pegawai", "ditetapkan_oleh")
        .order_by("urutan")
    )
    riwayat = list(
        Suksesor.objects.filter(formasi=formasi, aktif=False)
        .select_related("pegawai")
        .order_by("-updated_at", "-pk")[:RIWAYAT]
    )
    ids = [s.pegawai_id for s in aktif]
    kini = {
        pid: f"{jabatan} — {unit}"
        for pid, jabatan, unit in Penempatan.objects.aktif()
        .definitif()
        .filter(pegawai_id__in=ids)
        .values_list("pegawai_id", "formasi__jabatan__nama", "formasi__unit_kerja__nama")
    }
    kotak = kotak_talenta(ids) if ids else {}
    return RencanaSuksesi(
        formasi=formasi,
        baris=[
            BarisSuksesor(s, kini.get(s.pegawai_id, ""), kotak.get(s.pegawai_id)) for s in aktif
        ],
        riwayat=riwayat,
    )


def calon_dari_peringkat(rencana: RencanaSuksesi, teratas: Iterable[Hasil]) -> list[Hasil]:
    """The ranked candidates the page offers as successors: in the talent pool, not named
    already (no query: the ranking the page shows has their boxes)."""
    sudah = {b.suksesor.pegawai_id for b in rencana.baris}
    return [
        h for h in teratas if h.kotak_talenta in TALENT_POOL and h.kandidat.pegawai_id not in sudah
    ]


def suksesi_pegawai(*, pegawai_id: int) -> QuerySet[Suksesor]:
    """Return the key posts the employee is a named successor to, with the posts."""
    return (
        Suksesor.objects.filter(pegawai_id=pegawai_id, aktif=True)
        .select_related("formasi__jabatan", "formasi__unit_kerja")
        .order_by("urutan", "pk")
    )
