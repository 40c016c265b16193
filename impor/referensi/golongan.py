"""SIASN's golongan reference: ids of the PNS golongan/ruang, and the PPPK golongan.

PNS: id = golongan (tens) and ruang (units), 11 = I/a … 45 = IV/e, as SIASN's own reference table
lists them with their pangkat (rumahASN docs/siasn/siasn_golongan.csv, the same ids in its
utils/client-utils.js REF_PANGKAT; the pangkat agree with pegawai.golongan, PP 99/2000 jo. PP
12/2002).

PPPK (golongan I–XVII, Perpres 98/2020): SIASN's ids for them were not found in any public
client searched. rumahASN's table and REF_PANGKAT hold the PNS ids 11–45 only;
kanekescom/laravel-siasn-referensi and laravel-siasn-referensi-api fetch the golongan table from
the web service at run time and ship no rows; the PPPK tables in the code index belong to other
systems and number differently (a Java enum PangkatP3K "01"–"17", a Laravel seeder's
kode_golongan under jenis_pegawai 2), so they are not SIASN's. Ids 101–117 are read as I–XVII as
this importer always has [our assumption, not a documented SIASN id]; a PPPK label ("IX",
"Golongan IX") is the form we rely on, read even when the id beside it is not one of ours.
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
    "IX", "Golongan IX"); an unknown id beside a PPPK label is read by the label; None when
    neither is known."""
    if id_:
        kode = ID.get(id_.strip().lstrip("0") or "0")
        if kode is not None or not nama.strip():
            return kode
        # PNS ids are SIASN's table, so an unknown id stays refused; the PPPK ids are our
        # assumption (see above), so a PPPK label is read even when its id is not ours.
        label = golongan("", nama)
        return label if label is not None and gol.is_pppk(label) else None
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
