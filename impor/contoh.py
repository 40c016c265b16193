"""Generated import files of any size (the benchmark, the browser test): valid SIASN-named rows
whose NIPs agree with their birth dates, genders and TMT CPNS."""

from __future__ import annotations

import random
from datetime import date

from core.export import write_csv
from impor import kolom as k

NAMA = ("Ahmad", "Baiq", "Lalu", "Made", "Ni Luh", "Siti", "Muhammad", "Nurul", "Dewi", "Rudi")
BELAKANG = ("Fauzi", "Hidayati", "Saputra", "Wulandari", "Pratama", "Rahmawati", "Hakim")


# The fields of a whole data-utama record we read nothing from, filled as SIASN fills them
# (ids of 32 hex digits, names in capitals, dates dd-mm-yyyy): the benchmark's rows carry the
# whole record (kolom.SIASN_LAIN), so reading and ignoring them is measured too.
def isian_lain(i: int) -> dict[str, str]:
    hx = f"{i:032x}"
    nilai = {}
    for f in sorted(k.SIASN_LAIN):
        if f.endswith("Id") or f in ("id", "pnsId"):
            nilai[f] = hx
        elif f.startswith(("tgl", "tmt")):
            nilai[f] = "01-03-2010"
        elif f.startswith(("no", "nomor", "nik", "akte", "skck", "bpjs", "kartu")):
            nilai[f] = f"{5271000000000000 + i}"
        elif f.startswith("jumlah") or f in ("gajiPokok", "kodePos", "tahunLulus"):
            nilai[f] = "3820000" if f == "gajiPokok" else "2"
        else:
            nilai[f] = f"{f.upper()} KOTA MATARAM"
    nilai.update(alamat=f"JL. PEJANGGIK NO. {i % 300}, CAKRANEGARA, KOTA MATARAM, NTB")
    return nilai


def kolom_utuh() -> list[str]:
    """The columns of a whole record: ours, then SIASN's others."""
    return [*k.KOLOM, *sorted(k.SIASN_LAIN)]


def baris_contoh(
    n: int, unor: str, *, seed: int = 1, awal: int = 0, utuh: bool = False
) -> list[dict[str, str]]:
    """`n` distinct valid PNS rows in unit `unor` (our unit code); `utuh`: whole records
    (about a hundred fields, with masa kerja golongan and tmtPensiun)."""
    rnd = random.Random(seed)
    rows = []
    for i in range(awal, awal + n):
        # Unique NIPs: birth day and TMT month vary, the sequence number carries the rest.
        lahir = date(1965 + i % 30, 1 + (i // 30) % 12, 1 + (i // 360) % 28)
        tmt = date(lahir.year + 23 + (i // 10080) % 5, 1 + (i // 50400) % 12, 1)
        jk = "L" if i % 2 == 0 else "P"
        urut = 1 + (i // 604800) % 999
        nip = f"{lahir:%Y%m%d}{tmt:%Y%m}{'1' if jk == 'L' else '2'}{urut:03d}"
        gol = rnd.choice(("31", "32", "33", "34", "41"))
        rows.append(
            {
                "nipBaru": nip,
                "nama": f"{rnd.choice(NAMA)} {rnd.choice(BELAKANG)}",
                "gelarBelakang": rnd.choice(("", "S.T.", "S.E.", "S.Pd.")),
                "tempatLahir": "Mataram",
                "tglLahir": f"{lahir:%d-%m-%Y}",
                "jenisKelamin": jk,
                "statusPegawai": "PNS",
                "kedudukanPnsNama": "Aktif",
                "tmtCpns": f"{tmt:%d-%m-%Y}",
                "golRuangAkhirId": gol,
                "tmtGolAkhir": f"01-04-{min(2024, tmt.year + 4)}",
                "tkPendidikanTerakhirId": rnd.choice(("30", "40", "45")),
                "unorId": unor,
            }
        )
        if utuh:
            rows[-1].update(
                isian_lain(i),
                tmtPns=f"{tmt.replace(year=tmt.year + 1):%d-%m-%Y}",
                mkTahun=str(i % 30),
                mkBulan=str(i % 12),
                tmtPensiun=f"01-{1 + lahir.month % 12:02d}-{lahir.year + 58 + (lahir.month == 12)}",
                unorNama="UNIT UJI IMPOR",
                jenisJabatanId="4",
                jabatanFungsionalUmumNama="PENGADMINISTRASI UMUM",
                email=f"pegawai{i}@mataramkota.go.id",
                noHp=f"0812{i % 10**8:08d}",
            )
    return rows


def csv_contoh(rows: list[dict[str, str]], kolom: list[str] | tuple[str, ...] = k.KOLOM) -> bytes:
    """Return the rows as a spreadsheet's CSV (core.export: `;`, UTF-8 with BOM), as HR's
    files come."""
    return write_csv(kolom, ([r.get(c, "") for c in kolom] for r in rows))
