"""SIASN's SKP ratings (rw-skp22: `hasilKinerja`, `perilakuKerja`, `kuadranKinerja`).

SIASN spells the PermenPANRB 6/2022 ratings without the space after "Di" ("Diatas Ekspektasi",
"Dibawah Ekspektasi"), in capitals in its exports, and numbers them 1 Diatas, 2 Sesuai, 3 Dibawah
Ekspektasi (`hasilKinerjaNilai`, `perilakuKerjaNilai`): rumahASN utils/client-utils.js
(refHasilKerja) and utils/transfer-siasn.utils.js (serializeKinerja). Labels are compared without
case and spaces, so "DIATAS EKSPEKTASI", "Diatas Ekspektasi" and our "Di Atas Ekspektasi" are one.
"""

from __future__ import annotations

from kinerja import rules

RATING_ID = {"1": rules.DI_ATAS, "2": rules.SESUAI, "3": rules.DI_BAWAH}
RATING = {r.replace(" ", "").upper(): r for r in rules.RATING}
PREDIKAT = {p.replace(" ", "").upper(): p for p in rules.PREDIKAT}
PREDIKAT["KURANG"] = rules.KURANG
PREDIKAT["MISCONDUCT"] = rules.KURANG


def rating(teks: str, id_: str = "") -> str | None:
    """Return the PermenPANRB 6/2022 rating of SIASN's label, else of its numeric id."""
    if teks:
        return RATING.get(teks.replace(" ", "").upper())
    return RATING_ID.get(id_.strip()) if id_ else None


def predikat(teks: str) -> str | None:
    return PREDIKAT.get(teks.replace(" ", "").upper()) if teks else None
