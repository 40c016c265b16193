"""Generated import files of any size (the benchmark, the browser test): valid SIASN-named rows
whose NIPs agree with their birth dates, genders and TMT CPNS."""

from __future__ import annotations

import csv
import io
import random
from datetime import date

from impor import kolom as k

NAMA = ("Ahmad", "Baiq", "Lalu", "Made", "Ni Luh", "Siti", "Muhammad", "Nurul", "Dewi", "Rudi")
BELAKANG = ("Fauzi", "Hidayati", "Saputra", "Wulandari", "Pratama", "Rahmawati", "Hakim")


def baris_contoh(n: int, unor: str, *, seed: int = 1, awal: int = 0) -> list[dict[str, str]]:
    """`n` distinct valid PNS rows in unit `unor` (our unit code)."""
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
    return rows


def csv_contoh(rows: list[dict[str, str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";")
    w.writerow(k.KOLOM)
    for r in rows:
        w.writerow([r.get(c, "") for c in k.KOLOM])
    return buf.getvalue().encode("utf-8")
