"""Reads of the landing pages by role (selectors): what a unit head finds on their unit's page.

A unit head's day starts from three lists of their unit: the SKPs waiting for their rating
(kinerja), the PNS still short of 20 JP this year (pelatihan) and the vacant posts (jabatan).
jabatan sits above kinerja and pelatihan (docs/desain.md), so the page lives here and reads
their selectors; each list is a count and its first rows, in a fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Q

from jabatan.selectors import daftar_lowongan
from kinerja.selectors import skp_saya_nilai
from pegawai.capability import UNIT_HEAD, demand
from pegawai.models import Pegawai, UnitKerja
from pelatihan.rules import JP_MINIMAL_PNS
from pelatihan.selectors import pegawai_dengan_jp

# Rows each list shows on the page; the rest are one link away, on the list's own page.
BARIS = 10


@dataclass
class Daftar:
    """The first rows of a list and how many there are in all."""

    baris: list = field(default_factory=list)
    jumlah: int = 0

    @property
    def lebih(self) -> int:
        return self.jumlah - len(self.baris)


@dataclass
class BerandaUnit:
    unit: UnitKerja
    tahun: int
    skp_menunggu: Daftar
    kurang_jp: Daftar
    lowongan: Daftar
    jp_minimal: int = JP_MINIMAL_PNS


def _daftar(qs, n: int = BARIS) -> Daftar:
    return Daftar(baris=list(qs[:n]), jumlah=qs.count())


def beranda_unit(user: User | AnonymousUser, pada: dt.date) -> BerandaUnit:
    """Return the unit head's page: their unit, the SKPs waiting for their rating (with the plan
    rows still without a realisation), the PNS of the unit under 20 JP this year (PP 11/2017
    Pasal 203 ayat (4)) and the unit's vacant posts, each with its count: seven queries."""
    scope = demand(user, UNIT_HEAD)  # HR's home is every unit's summary, an employee's /saya/
    unit = UnitKerja.objects.get(path=scope.unit_path)
    skp = (
        skp_saya_nilai(user)
        .menunggu_penilaian()
        .annotate(tanpa_realisasi=Count("rencana", filter=Q(rencana__realisasi="")))
    )
    kurang = (
        pegawai_dengan_jp(scope, pada.year)
        .filter(status=Pegawai.Status.PNS, jp__lt=JP_MINIMAL_PNS)
        .order_by("jp", "nama", "pk")
    )
    lowongan = _daftar(daftar_lowongan(scope=scope))
    for f in lowongan.baris:
        f.hari = (pada - f.lowong_sejak).days
    return BerandaUnit(
        unit=unit,
        tahun=pada.year,
        skp_menunggu=_daftar(skp),
        kurang_jp=_daftar(kurang),
        lowongan=lowongan,
    )
