"""DUK (Daftar Urut Kepangkatan, PP 15/1979) per unit: the PNS in the order SE Kepala BAKN
02/SE/1980 gives it — pangkat (and its TMT), jabatan, masa kerja golongan, latihan jabatan,
pendidikan, usia — through the one sort key the merit ranking's tie-break shares
(jabatan.merit.kunci_duk, which says where the two differ). Read from the merit projection
(IndeksMerit), scoped through pegawai.akses; it reads posts and the projection, so it lives in
jabatan, not in the importer.

Only PNS are on it: "yang dimasukkan dalam DUK hanya PNS saja, tidak termasuk calon PNS" (the
same SE, point 2.c); PPPK are not PNS (UU 20/2023 Pasal 6). A CPNS is a PNS without TMT PNS.
Nor is anyone whose SIASN kedudukan hukum keeps them off it (pegawai.kedudukan_hukum, `masuk_duk`:
51 CPNS, 71/72 PPPK); who has left the service has no projection row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jabatan import merit
from jabatan.indeks import kandidat
from jabatan.merit.pengembangan import TINGKAT
from jabatan.models import IndeksMerit, Penempatan
from pegawai import golongan as gol
from pegawai import kedudukan_hukum as kh
from pegawai.akses import Lingkup
from pegawai.bulan import whole_months
from pegawai.jenis_jabatan import tingkat_jabatan
from pegawai.models import Pegawai, UnitKerja
from pegawai.pendidikan import TingkatPendidikan
from pelatihan.rules import SINGKATAN

KEPEMIMPINAN = {n: SINGKATAN[kode] for kode, n in TINGKAT.items()}


@dataclass
class BarisDuk:
    nomor: int
    pegawai: Pegawai
    jabatan: str
    masa_kerja: tuple[int, int]  # years, months: masa kerja golongan on the DUK's date
    masa_kerja_golongan: bool  # False: not imported yet, counted from TMT CPNS instead
    kepemimpinan: str  # the highest leadership program completed ("" none), e.g. "PKA"
    usia: int


def unit_terlihat(scope: Lingkup):
    """The units the user may ask a DUK for."""
    return scope.filter(UnitKerja.objects.all(), path="path", pegawai=None)


class Duk(list):
    """The DUK's rows, and how many PNS without TMT PNS (CPNS) were left out."""

    def __init__(self, cpns: int = 0) -> None:
        super().__init__()
        self.cpns = cpns


def duk(*, scope: Lingkup, unit: UnitKerja, pada: date) -> Duk:
    """Return the DUK of `unit` and everything under it (two queries)."""
    rows = list(
        scope.filter(
            IndeksMerit.objects.filter(
                pegawai__unit_kerja__path__startswith=unit.path, status=Pegawai.Status.PNS
            ).exclude(kedudukan_hukum__in=sorted(kh.TIDAK_DUK)),
            path="pegawai__unit_kerja__path",
            pegawai="pegawai_id",
        ).select_related("pegawai__unit_kerja")
    )
    cpns = sum(r.pegawai.tmt_pns is None for r in rows)
    rows = [r for r in rows if r.pegawai.tmt_pns is not None]
    jabatan = {
        pid: (nama, tingkat_jabatan(jenis, jenjang))
        for pid, nama, jenis, jenjang in Penempatan.objects.aktif()
        .definitif()
        .filter(pegawai_id__in=[r.pegawai_id for r in rows])
        .values_list(
            "pegawai_id",
            "formasi__jabatan__nama",
            "formasi__jabatan__jenis",
            "formasi__jabatan__jenjang",
        )
    }

    def masa_kerja(r: IndeksMerit) -> int:
        p = r.pegawai
        bulan = gol.masa_kerja_bulan(p.mk_golongan_tahun, p.mk_golongan_bulan, p.tmt_golongan, pada)
        return whole_months(r.tmt_masuk, pada) if bulan is None else bulan

    bulan_mk = {r.pegawai_id: masa_kerja(r) for r in rows}
    rows.sort(
        key=lambda r: merit.kunci_duk(
            kandidat(r),
            tingkat_jabatan=jabatan.get(r.pegawai_id, ("", 0))[1],
            masa_kerja_bulan=bulan_mk[r.pegawai_id],
        )
    )
    out = Duk(cpns=cpns)
    for n, r in enumerate(rows, start=1):
        bulan = bulan_mk[r.pegawai_id]
        out.append(
            BarisDuk(
                nomor=n,
                pegawai=r.pegawai,
                jabatan=jabatan.get(r.pegawai_id, ("", 0))[0],
                masa_kerja=(bulan // 12, bulan % 12),
                masa_kerja_golongan=r.pegawai.mk_golongan_tahun is not None,
                kepemimpinan=KEPEMIMPINAN.get(r.tingkat_kepemimpinan, ""),
                usia=whole_months(r.tanggal_lahir, pada) // 12,
            )
        )
    return out


def pendidikan_label(kode: str) -> str:
    return str(TingkatPendidikan(kode).label) if kode else ""


def pangkat(kode: str) -> str:
    return gol.label(kode) if kode else ""


def tabel_duk(baris: list[BarisDuk]) -> tuple[list[str], list[tuple]]:
    """Return the header and rows of the DUK's download (NIP as text, dates as dates)."""
    from django.utils.translation import gettext as _

    header = [
        _("No."),
        _("NIP"),
        _("Nama"),
        _("Pangkat/gol. ruang"),
        _("TMT golongan"),
        _("Jabatan"),
        _("Masa kerja"),
        _("Diklat kepemimpinan"),
        _("Pendidikan"),
        _("Tanggal lahir"),
        _("Usia"),
        _("Unit kerja"),
    ]
    return header, [
        (
            b.nomor,
            b.pegawai.nip,  # text: spreadsheets keep the 18 digits
            b.pegawai.nama_lengkap,
            pangkat(b.pegawai.golongan),
            b.pegawai.tmt_golongan,  # a date: dd-mm-yyyy (pegawai.ekspor)
            b.jabatan,
            _("%(t)d tahun %(b)d bulan") % {"t": b.masa_kerja[0], "b": b.masa_kerja[1]},
            b.kepemimpinan or "—",
            pendidikan_label(b.pegawai.pendidikan),
            b.pegawai.tanggal_lahir,
            b.usia,
            b.pegawai.unit_kerja.nama,
        )
        for b in baris
    ]
