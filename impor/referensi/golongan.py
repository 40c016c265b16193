"""SIASN's golongan reference: ids of the PNS golongan/ruang, and the PPPK golongan.

PNS: id = golongan (tens) and ruang (units), 11 = I/a … 45 = IV/e, as SIASN's own reference table
lists them with their pangkat (rumahASN docs/siasn/siasn_golongan.csv; the pangkat agree with
pegawai.golongan, PP 99/2000 jo. PP 12/2002).

PPPK (golongan I–XVII, Perpres 98/2020): no public client code we could find ships SIASN's ids
for them, so ids 101–117 are read as I–XVII as this importer always has, unverified; the Roman
numeral itself ("IX", "Golongan IX") is the form we rely on.
"""

from __future__ import annotations

from pegawai import golongan as gol

_RUANG = "abcde"
_ROMAWI = ("I", "II", "III", "IV")

# SIASN id -> our code ("31" -> "III/a").
PNS: dict[str, str] = {
    f"{_ROMAWI.index(kode.split('/')[0]) + 1}{_RUANG.index(kode.split('/')[1]) + 1}": kode
    for kode, _pangkat in gol.PNS
}
PPPK: dict[str, str] = {str(100 + n): kode for n, kode in enumerate(gol.PPPK, start=1)}
ID: dict[str, str] = {**PNS, **PPPK}


def golongan(id_: str, nama: str) -> str | None:
    """Return our golongan code for SIASN's id or label ("31", "III/a", "Penata Muda (III/a)",
    "IX", "Golongan IX"); None when neither is known."""
    if id_:
        return ID.get(id_.strip().lstrip("0") or "0")
    teks = nama.strip()
    if "(" in teks and teks.endswith(")"):
        teks = teks.rsplit("(", 1)[1][:-1]
    teks = teks.replace(" ", "")
    for kode, _label in gol.CHOICES:
        if teks.lower() == kode.lower():
            return kode
    if teks.lower().startswith("golongan"):
        return golongan("", teks[len("golongan") :])
    return None
