"""SIASN's tingkat pendidikan reference (`tkPendidikanTerakhirId`, "TINGKAT PENDIDIKAN ID").

Ids 05–50 and their names as SIASN's reference table lists them (rumahASN
docs/siasn/jenjang_pendidikan.csv: "05" Sekolah Dasar … "50" S-3/Doktor). Ids 42, 47 and 49 are
not in that table but are the tingkat of SIASN's pendidikan reference rows "PROFESI DOKTER",
"PROFESI NERS", "PROFESI APOTEKER" (42), "DOKTER SPESIALIS …", "NERS SPESIALIS …" (47) and
"DOKTER SUBSPESIALIS …" (49) (rumahASN docs/siasn/pendidikan.csv, column tk_pendidikan_id); their
place in the education order is pegawai.pendidikan's (Perpres 8/2012 Pasal 5).
"""

from __future__ import annotations

from pegawai.pendidikan import TingkatPendidikan as T

# SIASN id -> (SIASN's name, ours)
ID: dict[str, tuple[str, str]] = {
    "05": ("Sekolah Dasar", T.SD),
    "10": ("SLTP", T.SMP),
    "12": ("SLTP Kejuruan", T.SMP),
    "15": ("SLTA", T.SLTA),
    "17": ("SLTA Kejuruan", T.SLTA),
    "18": ("SLTA Keguruan", T.SLTA),
    "20": ("Diploma I", T.D1),
    "25": ("Diploma II", T.D2),
    "30": ("Diploma III/Sarjana Muda", T.D3),
    "35": ("Diploma IV", T.D4),
    "40": ("S-1/Sarjana", T.S1),
    "42": ("Profesi", T.PROFESI),
    "45": ("S-2", T.S2),
    "47": ("Spesialis", T.SPESIALIS),
    "49": ("Sub Spesialis", T.SUBSPESIALIS),
    "50": ("S-3/Doktor", T.S3),
}


def _kunci(teks: str) -> str:
    return "".join(c for c in teks.lower() if c not in " -._")


# Names people and SIASN write, compared without case, spaces, dots, hyphens and underscores.
NAMA: dict[str, str] = {
    **{_kunci(nama): kode for nama, kode in ID.values()},
    **{_kunci(kode): kode for kode in T.values},
    **{_kunci(str(label)): kode for kode, label in T.choices},
    "sd": T.SD,
    "smp": T.SMP,
    "sltp": T.SMP,
    "slta": T.SLTA,
    "sma": T.SLTA,
    "smk": T.SLTA,
    "di": T.D1,
    "dii": T.D2,
    "diii": T.D3,
    "div": T.D4,
    "diplomai": T.D1,
    "diplomaii": T.D2,
    "diplomaiii": T.D3,
    "diplomaiv": T.D4,
    "sarjana": T.S1,
    "sarjanamuda": T.D3,
    "doktor": T.S3,
    "subspesialis": T.SUBSPESIALIS,
    "spesialisi": T.SPESIALIS,
    "spesialisii": T.SUBSPESIALIS,
    "sp1": T.SPESIALIS,
    "sp2": T.SUBSPESIALIS,
}


def pendidikan(id_: str, nama: str) -> str | None:
    """Return our tingkat pendidikan for SIASN's id ("40", "5") or a name ("S-1/Sarjana", "D-III",
    "Profesi"); None when neither is known."""
    if id_:
        baris = ID.get(id_.strip().zfill(2))
        return baris[1] if baris else None
    kunci = _kunci(nama)
    return NAMA.get(kunci) or NAMA.get(kunci.split("/")[0])
