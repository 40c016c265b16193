"""How an import shows values and writes its files: the preview's before/after text and
the CSVs of rejected and changed rows."""

from __future__ import annotations

import csv
import io
from datetime import date

from django.utils.translation import gettext as _

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


class _PenulisTolak:
    """The file of rejected rows: their values and, per fault, the column and the reason."""

    def __init__(self) -> None:
        self.buf = io.StringIO()
        self.buf.write("\ufeff")
        self.w = csv.writer(self.buf, delimiter=";")
        self.w.writerow([*k.KOLOM, "baris", "kolom_galat", "alasan"])

    def tulis(self, baris: read.Baris, galat: list[tuple[str, str]]) -> None:
        from core.export import safe_cell

        self.w.writerow(
            [
                *[safe_cell(baris.nilai.get(c, "")) for c in k.KOLOM],
                baris.nomor,
                ", ".join(dict.fromkeys(c for c, _p in galat)),
                safe_cell(" | ".join(p for _c, p in galat)),
            ]
        )


class _PenulisSelisih:
    """Reconciliation: per employee and field, SIASN's value next to ours."""

    KOLOM = ("golongan", "tmt_golongan", "pendidikan", "status", "kedudukan", "kedudukan_hukum")

    def __init__(self) -> None:
        self.buf = io.StringIO()
        self.buf.write("\ufeff")
        self.w = csv.writer(self.buf, delimiter=";")
        self.w.writerow(["NIP", "Nama", "Data", "SIASN", "Data kita"])
        self.n = 0

    def tulis(self, nip: str, nama: str, data: str, siasn: object, kita: object) -> None:
        from core.export import safe_cell

        self.n += 1
        self.w.writerow([nip, safe_cell(str(nama)), data, safe_cell(siasn), safe_cell(kita)])
