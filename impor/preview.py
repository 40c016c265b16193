"""How an import shows values and writes its files: the preview's before/after text and
the CSVs of rejected and changed rows."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from core.export import CsvTable
from impor import kolom as k
from impor import read
from pegawai import golongan as gol
from pegawai.models import Pegawai


def _teks(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, date):
        return f"{v:%d-%m-%Y}"
    if v == "" or v is None:
        return ""
    return str(v)


def kalimat_diterapkan(r: dict) -> str:
    """What an applied import did, in the past tense, from its summary (Ringkasan.sebagai_dict):
    the progress message and the import's page say the same sentence."""
    return _(
        "Diterapkan: %(baru)d pegawai ditambahkan, %(ubah)d diperbarui, %(tolak)d baris "
        "ditolak; %(sama)d pegawai tidak berubah."
    ) % {
        "baru": r.get("baru") or 0,
        "ubah": r.get("ubah") or 0,
        "tolak": r.get("tolak") or 0,
        "sama": r.get("sama") or 0,
    }


def label_field(f: str) -> str:
    if f == "jabatan":
        return _("jabatan")
    return str(Pegawai._meta.get_field(f).verbose_name)


def _tampil(f: str, v: object) -> str:
    if f == "golongan" and v:
        return gol.label(str(v))
    if f in ("pendidikan", "status", "kedudukan", "kedudukan_hukum", "jenis_kelamin") and v:
        return str(dict(Pegawai._meta.get_field(f).flatchoices).get(v, v))
    return _teks(v)


class _PenulisTolak(CsvTable):
    """The file of rejected rows: their values and, per fault, the column and the reason."""

    def __init__(self) -> None:
        super().__init__([*k.KOLOM, "baris", "kolom_galat", "alasan"])

    def tulis(self, baris: read.Baris, galat: list[tuple[str, str]]) -> None:
        self.writerow(
            [
                *[baris.nilai.get(c, "") for c in k.KOLOM],
                baris.nomor,
                ", ".join(dict.fromkeys(c for c, _p in galat)),
                " | ".join(p for _c, p in galat),
            ]
        )


class _PenulisSelisih(CsvTable):
    """Reconciliation: per employee and field, SIASN's value next to ours."""

    KOLOM = ("golongan", "tmt_golongan", "pendidikan", "status", "kedudukan", "kedudukan_hukum")

    def __init__(self) -> None:
        super().__init__(["NIP", "Nama", "Data", "SIASN", "Data kita"])
        self.n = 0

    def tulis(self, nip: str, nama: str, data: str, siasn: object, kita: object) -> None:
        self.n += 1
        self.writerow([nip, str(nama), data, siasn, kita])
