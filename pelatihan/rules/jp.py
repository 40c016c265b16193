"""Pure rules of the JP an employee owes or may take a year and of the leadership training a
level requires (no ORM here).

- PNS: at least 20 JP a year — PP 11/2017 Pasal 203 ayat (4), kept by PP 17/2020
  (docs/aturan.md §9).
- PPPK: competency development of at most 24 JP in one year of the work contract — PP 49/2018
  Pasal 40 ayat (1) (docs/aturan.md §9).
- Leadership training by level (PP 11/2017 jo. PP 17/2020; Peraturan LAN 1/2019 Latsar CPNS;
  Peraturan LAN 15, 16, 17/2019 on PKP, PKA, PKN): Latsar for a new civil servant, PKP for
  Pengawas, PKA for Administrator, PKN II for JPT Pratama, PKN I for JPT Madya and Utama.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pegawai.jenis_jabatan import JenisJabatan

JP_MINIMAL_PNS = 20  # PP 11/2017 Pasal 203 ayat (4)
JP_MAKSIMAL_PPPK = 24  # PP 49/2018 Pasal 40 ayat (1), per year of the contract; ayat (2): not
# for PPPK in certain JPT Utama and Madya posts (none in a city)
# Latsar CPNS replaced the old Prajabatan from 2018 (Peraturan LAN 12/2018, now 1/2019): an
# employee appointed CPNS before then completed Prajabatan, which counts as done.
TAHUN_LATSAR_MULAI = 2018

PNS = "PNS"
PPPK = "PPPK"

LATSAR_CPNS = "latsar_cpns"
PKP = "pkp"
PKA = "pka"
PKN_II = "pkn_ii"
PKN_I = "pkn_i"
KEPEMIMPINAN = (LATSAR_CPNS, PKP, PKA, PKN_II, PKN_I)  # lowest first
# Official abbreviations (not translated).
SINGKATAN = {LATSAR_CPNS: "Latsar CPNS", PKP: "PKP", PKA: "PKA", PKN_II: "PKN II", PKN_I: "PKN I"}

_WAJIB_JENIS = {
    JenisJabatan.PENGAWAS: PKP,
    JenisJabatan.ADMINISTRATOR: PKA,
    JenisJabatan.JPT_PRATAMA: PKN_II,
    JenisJabatan.JPT_MADYA: PKN_I,
    JenisJabatan.JPT_UTAMA: PKN_I,
}
# The next leadership program for a high performer with high potential (PermenPANRB 3/2020:
# box 9 "promote", development towards the next level).
_BERIKUTNYA = {
    JenisJabatan.PELAKSANA: PKP,
    JenisJabatan.FUNGSIONAL: PKP,
    JenisJabatan.PENGAWAS: PKA,
    JenisJabatan.ADMINISTRATOR: PKN_II,
    JenisJabatan.JPT_PRATAMA: PKN_I,
}


# --- JP --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusJp:
    jp: int
    memenuhi: bool  # PNS: reached 20 JP; PPPK: within the 24 JP entitlement
    kurang: int  # PNS: JP still owed this year
    lebih: int  # PPPK: JP above the entitlement


def status_jp(status: str, jp: int) -> StatusJp:
    """Return how `jp` lesson hours in one year stand against the rule for `status`."""
    if isinstance(jp, bool) or not isinstance(jp, int) or jp < 0:
        raise ValueError(f"jp must be a non-negative int, got {jp!r}")
    if status == PNS:
        kurang = max(0, JP_MINIMAL_PNS - jp)
        return StatusJp(jp=jp, memenuhi=kurang == 0, kurang=kurang, lebih=0)
    if status == PPPK:
        lebih = max(0, jp - JP_MAKSIMAL_PPPK)
        return StatusJp(jp=jp, memenuhi=lebih == 0, kurang=0, lebih=lebih)
    raise ValueError(f"Unknown status: {status!r}")


def lebih_batas_pppk(*, status: str, jp: int, jp_tambahan: int) -> int:
    """Return by how many JP `jp_tambahan` more lesson hours would take a PPPK past the yearly
    ceiling (0 when within it, or for a PNS, who has a floor and no ceiling).

    PP 49/2018 Pasal 40 ayat (1): "Pelaksanaan pengembangan kompetensi ... dilakukan paling lama
    24 (dua puluh empat) jam pelajaran dalam 1 (satu) tahun masa perjanjian kerja."
    The JP already over the ceiling do not count again: only what this program adds beyond it.
    """
    for n in (jp, jp_tambahan):
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValueError(f"JP must be a non-negative int, got {n!r}")
    if status != PPPK:
        return 0
    return min(jp_tambahan, max(0, jp + jp_tambahan - JP_MAKSIMAL_PPPK))


def sisa_jatah_pppk(jp: int) -> int:
    """Return the JP a PPPK may still be given this contract year (PP 49/2018 Pasal 40)."""
    return max(0, JP_MAKSIMAL_PPPK - jp)


# --- Leadership training ---------------------------------------------------------------------


def kepemimpinan_wajib(
    *, status: str, jenis_jabatan: str, tahun_cpns: int | None = None
) -> tuple[str, ...]:
    """Return the leadership trainings the employee's level requires, lowest first.

    Latsar CPNS for a PNS appointed CPNS from 2018; the level's own program for a manajerial
    position (a PPPK JPT included). A lower level's program is not required once above it.
    """
    wajib: list[str] = []
    if status == PNS and tahun_cpns is not None and tahun_cpns >= TAHUN_LATSAR_MULAI:
        wajib.append(LATSAR_CPNS)
    if jenis_jabatan in _WAJIB_JENIS:
        wajib.append(_WAJIB_JENIS[jenis_jabatan])
    return tuple(wajib)


def kepemimpinan_berikutnya(jenis_jabatan: str) -> str | None:
    """Return the next leadership program above the level, or None at the top."""
    return _BERIKUTNYA.get(jenis_jabatan)


def setara_atau_lebih_tinggi(selesai: Iterable[str], wajib: str) -> bool:
    """Whether `wajib` (or, above Latsar, a higher leadership program) was completed: a PKA
    holder placed as Pengawas does not need PKP any more."""
    selesai = set(selesai)
    if wajib in selesai:
        return True
    if wajib == LATSAR_CPNS:
        return False
    return any(
        KEPEMIMPINAN.index(s) > KEPEMIMPINAN.index(wajib) for s in selesai if s in KEPEMIMPINAN
    )


# Names of leadership training as SIASN's rw-diklat carries them (latihanStrukturalNama), onto our
# codes. The pre-2019 Diklatpim levels are the predecessors of today's programs and count as them
# (Peraturan LAN 15, 16, 17/2019 transitional provisions): Diklatpim IV = PKP, III = PKA,
# II = PKN II, I = PKN I; Prajabatan = Latsar CPNS (see TAHUN_LATSAR_MULAI).
_NAMA_KEPEMIMPINAN = (
    # (words that must all appear, code); the more specific first ("tingkat ii" before "i").
    (("pkp",), PKP),
    (("kepemimpinan", "pengawas"), PKP),
    (("pka",), PKA),
    (("kepemimpinan", "administrator"), PKA),
    (("pkn", "ii"), PKN_II),
    (("pkn", "2"), PKN_II),
    (("nasional", "ii"), PKN_II),
    (("pkn", "i"), PKN_I),
    (("pkn", "1"), PKN_I),
    (("nasional", "i"), PKN_I),
    (("pim", "iv"), PKP),
    (("pim", "4"), PKP),
    (("pim", "iii"), PKA),
    (("pim", "3"), PKA),
    (("pim", "ii"), PKN_II),
    (("pim", "2"), PKN_II),
    (("pim", "i"), PKN_I),
    (("pim", "1"), PKN_I),
    (("latsar",), LATSAR_CPNS),
    (("pelatihan", "dasar"), LATSAR_CPNS),
    (("prajabatan",), LATSAR_CPNS),
    (("pra", "jabatan"), LATSAR_CPNS),
)


def kepemimpinan_dari_nama(nama: str) -> str | None:
    """Return our leadership-training code for a training name ("DIKLATPIM TINGKAT IV",
    "Diklat PIM III", "PKA", "Pelatihan Kepemimpinan Nasional Tingkat II"), or None when the
    name is no leadership training."""
    teks = re.sub(r"[^a-z0-9]+", " ", (nama or "").lower())
    # "DIKLATPIM IV", "Diklatpim4", "Diklat PIM Tk. IV" all give the words "pim" and "iv".
    teks = re.sub(r"\bdiklat ?pim ?", " pim ", teks)
    kata = set(teks.split()) - {"tingkat", "tk"}
    if "kepemimpinan" in kata and not kata & {"pengawas", "administrator", "nasional"}:
        kata.add("pim")  # "Diklat Kepemimpinan Tingkat III": the old Diklatpim
    for perlu, kode in _NAMA_KEPEMIMPINAN:
        if all(w in kata for w in perlu):
            return kode
    return None
