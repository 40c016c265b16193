"""DUK (Daftar Urut Kepangkatan) per unit: the active employees in the order of the merit
ranking's tie-break (jabatan.merit.kunci_duk: rank, TMT rank, service, leadership training,
education, age) — one definition, read from the merit projection (IndeksMerit), scoped through
pegawai.akses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jabatan import merit
from jabatan.indeks import kandidat
from jabatan.merit.pengembangan import TINGKAT
from jabatan.models import IndeksMerit, Penempatan
from pegawai import golongan as gol
from pegawai.akses import Lingkup
from pegawai.models import Pegawai, UnitKerja
from pegawai.pendidikan import TingkatPendidikan
from pelatihan.rules import SINGKATAN

KEPEMIMPINAN = {n: SINGKATAN[kode] for kode, n in TINGKAT.items()}


@dataclass
class BarisDuk:
    nomor: int
    pegawai: Pegawai
    jabatan: str
    masa_kerja: tuple[int, int]  # years, months since TMT CPNS/PPPK
    kepemimpinan: str  # the highest leadership program completed ("" none), e.g. "PKA"
    usia: int


def unit_terlihat(scope: Lingkup):
    """The units the user may ask a DUK for."""
    return scope.filter(UnitKerja.objects.all(), path="path", pegawai=None)


def _bulan(dari: date, pada: date) -> int:
    return (pada.year - dari.year) * 12 + pada.month - dari.month - (pada.day < dari.day)


def duk(*, scope: Lingkup, unit: UnitKerja, pada: date) -> list[BarisDuk]:
    """Return the DUK of `unit` and everything under it (three queries)."""
    rows = list(
        scope.filter(
            IndeksMerit.objects.filter(pegawai__unit_kerja__path__startswith=unit.path),
            path="pegawai__unit_kerja__path",
            pegawai="pegawai_id",
        ).select_related("pegawai__unit_kerja")
    )
    rows.sort(key=lambda r: merit.kunci_duk(kandidat(r)))
    jabatan = dict(
        Penempatan.objects.aktif()
        .definitif()
        .filter(pegawai_id__in=[r.pegawai_id for r in rows])
        .values_list("pegawai_id", "formasi__jabatan__nama")
    )
    out = []
    for n, r in enumerate(rows, start=1):
        bulan = _bulan(r.tmt_masuk, pada)
        out.append(
            BarisDuk(
                nomor=n,
                pegawai=r.pegawai,
                jabatan=jabatan.get(r.pegawai_id, ""),
                masa_kerja=(bulan // 12, bulan % 12),
                kepemimpinan=KEPEMIMPINAN.get(r.tingkat_kepemimpinan, ""),
                usia=_bulan(r.tanggal_lahir, pada) // 12,
            )
        )
    return out


def pendidikan_label(kode: str) -> str:
    return str(TingkatPendidikan(kode).label) if kode else ""


def pangkat(kode: str) -> str:
    return gol.label(kode) if kode else ""
