"""Building import files for the tests: rows of SIASN-named columns as CSV, XLSX or JSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from openpyxl import Workbook

from impor import kolom as k
from pegawai.nip import compose_nip

_urut = iter(range(1, 999))


def nip(lahir=date(1985, 3, 15), tmt=date(2010, 1, 1), jk="L") -> str:
    return compose_nip(lahir, tmt, jk, next(_urut))


def baris(**ubah) -> dict[str, str]:
    """A valid row of a PNS in unit U-1 (a unit with kode "U-1" must exist)."""
    lahir = ubah.pop("_lahir", date(1985, 3, 15))
    row = {
        "nipBaru": nip(lahir),
        "nama": "Ahmad Fauzi",
        "gelarDepan": "",
        "gelarBelakang": "S.T.",
        "tempatLahir": "Mataram",
        "tglLahir": lahir.strftime("%d-%m-%Y"),
        "jenisKelamin": "L",
        "statusPegawai": "PNS",
        "kedudukanPnsNama": "Aktif",
        "tmtCpns": "01-01-2010",
        "tmtPns": "2011-01-01",
        "golRuangAkhirId": "32",
        "golRuangAkhir": "III/b",
        "tmtGolAkhir": "01-04-2018",
        "tkPendidikanTerakhirId": "40",
        "tkPendidikanTerakhir": "S-1",
        "unorId": "U-1",
        "unorNama": "Dinas Uji",
        "jenisJabatanId": "",
        "jabatanId": "",
        "jabatanNama": "",
        "tmtJabatan": "",
        "tmtBerhenti": "",
        "email": "",
        "noHp": "",
    }
    row.update(ubah)
    return row


def ke_csv(rows: list[dict], kolom=k.KOLOM, pemisah=";", encoding="utf-8-sig") -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=pemisah)
    w.writerow(kolom)
    for r in rows:
        w.writerow([r.get(c, "") for c in kolom])
    return buf.getvalue().encode(encoding)


def ke_xlsx(rows: list[dict], kolom=k.KOLOM, *, gabung: str | None = None, nilai=None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(list(kolom))
    for r in rows:
        ws.append([r.get(c, "") for c in kolom])
    if nilai:
        for sel, v in nilai.items():
            ws[sel] = v
    if gabung:
        ws.merge_cells(gabung)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def ke_json(rows: list[dict], bungkus: bool = False) -> bytes:
    data = {"data": rows} if bungkus else rows
    return json.dumps(data).encode()


def rekam_utuh(**ubah) -> dict[str, str]:
    """A whole data-utama record as SIASN's web service sends it: every field public client
    code stores (lighthinkstudio/simpeg-lts, database/migrations/
    2022_05_31_000000_create_master_pegawai_table.php), the ones we do not use filled as SIASN
    fills them (impor.contoh.isian_lain), on top of a valid row of ours (`baris`)."""
    from impor.contoh import isian_lain

    row = isian_lain(1)
    row.update(bupPensiun="58", masaKerja="16 Tahun 03 Bulan", kedudukanPnsId="01")
    row.update(baris(**ubah))
    return row


def baris_pegawai(p, *, dasar=baris, **ubah) -> dict[str, str]:
    """Return an import row (`dasar`: our template's `baris` or SIASN's `rekam_utuh`) of an
    employee we already hold, unchanged but for `ubah`."""
    return dasar(
        nipBaru=p.nip,
        nama=p.nama,
        tglLahir="",
        jenisKelamin="",
        gelarBelakang="",
        tempatLahir="",
        tmtCpns=f"{p.tmt_cpns:%d-%m-%Y}",
        tmtPns="",
        golRuangAkhirId="",
        golRuangAkhir=p.golongan,
        tmtGolAkhir=f"{p.tmt_golongan:%d-%m-%Y}",
        **ubah,
    )
