"""The demo position catalogue: structural positions, fungsional families and pelaksana.

The ranks of the holders follow the regulations (docs/aturan.md §2 and §5), so that a
BKPSDM officer finds no "pelaksana at IV/b" or "Ahli Pertama at IV/a":
- fungsional: the ranks of each jenjang (PermenPANRB 1/2023 on jabatan fungsional, as each
  family's own rule repeats it, e.g. PermenKKP 25/2023 Pasal 2: Terampil II/b-II/d, Mahir
  III/a-III/b, Penyelia III/c-III/d; keahlian Ahli Pertama III/a-III/b, Ahli Muda III/c-III/d,
  Ahli Madya IV/a-IV/c, Ahli Utama IV/d-IV/e);
- struktural: the lowest and highest rank of each old eselon (PP 100/2000 jo. PP 13/2002,
  Lampiran), appointment allowed one step below the lowest (the post's minimum rank);
- pelaksana: regular promotions up to a ceiling by education and never above the direct
  superior, a Pengawas whose eselon IV tops at III/d (PP 99/2000 jo. PP 12/2002 Pasal 18)
  [practice: the ceilings in `PUNCAK_PELAKSANA`].
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from pegawai.jenis_jabatan import JenisJabatan as J
from pegawai.jenis_jabatan import Jenjang as L

# Rank order numbers (pegawai.golongan.urutan): II/a=5, II/c=7, III/a=9, III/c=11, IV/a=13, ...
# The ranks a holder of each jenjang has (PermenPANRB 1/2023; see the module docstring).
RENTANG_JENJANG: dict[str, tuple[int, int]] = {
    L.PEMULA: (5, 5),
    L.TERAMPIL: (6, 8),
    L.MAHIR: (9, 10),
    L.PENYELIA: (11, 12),
    L.AHLI_PERTAMA: (9, 10),
    L.AHLI_MUDA: (11, 12),
    L.AHLI_MADYA: (13, 15),
    L.AHLI_UTAMA: (16, 17),
}
KELAS_JENJANG = {
    L.PEMULA: 5,
    L.TERAMPIL: 6,
    L.MAHIR: 7,
    L.PENYELIA: 8,
    L.AHLI_PERTAMA: 8,
    L.AHLI_MUDA: 9,
    L.AHLI_MADYA: 11,
    L.AHLI_UTAMA: 13,
}
# (minimum rank, usual span) by old eselon: the minimum is one step below the eselon's lowest
# rank (docs/aturan.md §5 [configurable]); the span is the eselon's lowest to highest
# rank (PP 13/2002 Lampiran: II.a IV/c-IV/d, II.b IV/b-IV/c, III.a IV/a-IV/b, III.b III/d-IV/a,
# IV.a III/b-III/d, IV.b III/a-III/c).
ESELON: dict[str, tuple[int, tuple[int, int]]] = {
    "II.a": (14, (15, 16)),
    "II.b": (13, (14, 15)),
    "III.a": (12, (13, 14)),
    "III.b": (11, (12, 13)),
    "IV.a": (9, (10, 12)),
    "IV.b": (8, (9, 11)),
}
# Highest rank of a pelaksana by education [practice]: the regular promotion stops at the
# education's ceiling (PP 99/2000 jo. PP 12/2002 Pasal 18) and never passes the direct
# superior's rank, a Pengawas at most III/d (PP 13/2002 Lampiran, eselon IV.a).
# Kept as one row (the formatter marker below): the education ladder of Pasal 18, read left
# to right.
PUNCAK_PELAKSANA: dict[str, int] = {
    "SD": 5, "SMP": 7, "SLTA": 10, "D3": 11, "D4": 12, "S1": 12, "S2": 12, "S3": 12,
}  # fmt: skip


def rentang_golongan(jenis: str, jenjang: str = "", eselon: str = "") -> tuple[int, int] | None:
    """Return the lowest and highest rank order a holder of this kind of position may have
    (one step below the eselon's lowest for a structural post), or None for pelaksana, whose
    rank follows education and years (`PUNCAK_PELAKSANA`)."""
    if jenjang:
        return RENTANG_JENJANG[jenjang]
    if eselon:
        minimal, (_terendah, tertinggi) = ESELON[eselon]
        return minimal, tertinggi
    return None


@dataclass(frozen=True)
class Posisi:
    """One catalogue entry before it becomes a `Jabatan` row."""

    kode: str
    nama: str
    jenis: str
    jenjang: str = ""
    kelas: int = 5
    eselon: str = ""
    pendidikan: str = "SLTA"
    bidang: tuple[str, ...] = ()
    bup_khusus: int | None = None
    rentang: tuple[int, int] | None = None  # rank span of holders (urutan); None: by service years
    golongan_minimal: int | None = None
    pppk: float = 0.0  # share of PPPK holders
    keluarga: str = field(default="", compare=False)
    # Families of fields of study a sector regulation requires, and the regulation.
    rumpun: tuple[str, ...] = ()
    dasar_bidang: str = ""


def _struktural(kode: str, nama: str, jenis: str, eselon: str, kelas: int) -> Posisi:
    minimal, rentang = ESELON[eselon]
    return Posisi(
        kode=kode,
        nama=nama,
        jenis=jenis,
        kelas=kelas,
        eselon=eselon,
        pendidikan="S1" if jenis != J.PENGAWAS else "D3",
        rentang=rentang,
        golongan_minimal=minimal,
    )


STRUKTURAL: dict[str, Posisi] = {
    p.kode: p
    for p in [
        _struktural("SEKDA", "Sekretaris Daerah", J.JPT_PRATAMA, "II.a", 15),
        _struktural("ASISTEN", "Asisten Sekretaris Daerah", J.JPT_PRATAMA, "II.b", 14),
        _struktural("KADIS", "Kepala Dinas", J.JPT_PRATAMA, "II.b", 14),
        # The head of the health office comes from the health family by the Ministry of
        # Health's rule on organising health offices (Permenkes 49/2016, whose annex covers
        # "kualifikasi jabatan", Pasal 2 huruf d; see jabatan.models.Jabatan.rumpun_wajib).
        replace(
            _struktural("KADIS_KES", "Kepala Dinas Kesehatan", J.JPT_PRATAMA, "II.b", 14),
            rumpun=("KESEHATAN",),
            dasar_bidang="Permenkes 49/2016, kualifikasi jabatan dinas kesehatan",
        ),
        _struktural("KABAN", "Kepala Badan", J.JPT_PRATAMA, "II.b", 14),
        _struktural("INSPEKTUR", "Inspektur", J.JPT_PRATAMA, "II.b", 14),
        _struktural("SEKWAN", "Sekretaris DPRD", J.JPT_PRATAMA, "II.b", 14),
        _struktural("DIRUT", "Direktur Rumah Sakit Umum Daerah", J.JPT_PRATAMA, "II.b", 14),
        _struktural("KASATPOL", "Kepala Satuan Polisi Pamong Praja", J.JPT_PRATAMA, "II.b", 14),
        _struktural("SEKDIS", "Sekretaris Dinas/Badan", J.ADMINISTRATOR, "III.a", 12),
        _struktural("KABAG", "Kepala Bagian", J.ADMINISTRATOR, "III.a", 12),
        _struktural("KABID", "Kepala Bidang", J.ADMINISTRATOR, "III.a", 11),
        _struktural("IRBAN", "Inspektur Pembantu", J.ADMINISTRATOR, "III.a", 12),
        _struktural("CAMAT", "Camat", J.ADMINISTRATOR, "III.a", 12),
        _struktural("SEKCAM", "Sekretaris Kecamatan", J.ADMINISTRATOR, "III.b", 10),
        _struktural("KASUBAG", "Kepala Subbagian", J.PENGAWAS, "IV.a", 9),
        _struktural("KASI", "Kepala Seksi", J.PENGAWAS, "IV.a", 9),
        _struktural("LURAH", "Lurah", J.PENGAWAS, "IV.a", 9),
        _struktural("SEKLUR", "Sekretaris Kelurahan", J.PENGAWAS, "IV.b", 8),
    ]
}

# Fungsional families: key → (name, jenjang, accepted fields of study, own retirement age,
# PPPK share at the entry jenjang, minimum education of keterampilan jenjang).
KELUARGA: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], int | None, float, str]] = {
    # Guru: UU 14/2005 Pasal 40 jo. PP 11/2017 Pasal 239 — guru retire at 60.
    "GURU": ("Guru", (L.AHLI_PERTAMA, L.AHLI_MUDA, L.AHLI_MADYA), ("PEND",), 60, 0.45, ""),
    "PENGAWAS_SEKOLAH": ("Pengawas Sekolah", (L.AHLI_MUDA, L.AHLI_MADYA), ("PEND",), 60, 0, ""),
    "DOKTER": ("Dokter", (L.AHLI_PERTAMA, L.AHLI_MUDA, L.AHLI_MADYA), ("DOK",), None, 0.2, ""),
    "PERAWAT": (
        "Perawat",
        (L.TERAMPIL, L.MAHIR, L.PENYELIA, L.AHLI_PERTAMA, L.AHLI_MUDA),
        ("KEP",),
        None,
        0.35,
        "D3",
    ),
    "BIDAN": ("Bidan", (L.TERAMPIL, L.MAHIR, L.AHLI_PERTAMA), ("BID",), None, 0.35, "D3"),
    "APOTEKER": ("Apoteker", (L.AHLI_PERTAMA, L.AHLI_MUDA), ("FAR",), None, 0.2, ""),
    "PLK": ("Pranata Laboratorium Kesehatan", (L.TERAMPIL, L.MAHIR), ("ANK",), None, 0.3, "D3"),
    "NUTRISIONIS": ("Nutrisionis", (L.TERAMPIL, L.AHLI_PERTAMA), ("GIZ",), None, 0.3, "D3"),
    "ANALIS_KEBIJAKAN": (
        "Analis Kebijakan",
        (L.AHLI_PERTAMA, L.AHLI_MUDA, L.AHLI_MADYA),
        (),
        None,
        0,
        "",
    ),
    "PERENCANA": ("Perencana", (L.AHLI_PERTAMA, L.AHLI_MUDA, L.AHLI_MADYA), (), None, 0, ""),
    "PRAKOM": (
        "Pranata Komputer",
        (L.TERAMPIL, L.AHLI_PERTAMA, L.AHLI_MUDA),
        ("TI",),
        None,
        0.2,
        "D3",
    ),
    "AUDITOR": (
        "Auditor",
        (L.AHLI_PERTAMA, L.AHLI_MUDA, L.AHLI_MADYA),
        ("EKO", "HUK", "AN", "MAN", "TS"),
        None,
        0,
        "",
    ),
    "ASDMA": (
        "Analis Sumber Daya Manusia Aparatur",
        (L.AHLI_PERTAMA, L.AHLI_MUDA),
        (),
        None,
        0,
        "",
    ),
    "ANALIS_KEUANGAN": (
        "Analis Keuangan Pusat dan Daerah",
        (L.AHLI_PERTAMA, L.AHLI_MUDA),
        ("EKO", "MAN"),
        None,
        0,
        "",
    ),
    "ARSIPARIS": ("Arsiparis", (L.TERAMPIL, L.AHLI_PERTAMA), ("PERPUS",), None, 0.2, "D3"),
    "PUSTAKAWAN": ("Pustakawan", (L.TERAMPIL, L.AHLI_PERTAMA), ("PERPUS",), None, 0.2, "D3"),
    "PENYULUH_PERTANIAN": (
        "Penyuluh Pertanian",
        (L.TERAMPIL, L.AHLI_PERTAMA, L.AHLI_MUDA),
        ("TAN",),
        None,
        0.3,
        "D3",
    ),
    "PPBJ": ("Pengelola Pengadaan Barang/Jasa", (L.AHLI_PERTAMA, L.AHLI_MUDA), (), None, 0, ""),
    "TEKNIK_JALAN": (
        "Teknik Jalan dan Jembatan",
        (L.AHLI_PERTAMA, L.AHLI_MUDA),
        ("TS",),
        None,
        0,
        "",
    ),
    "PEKSOS": ("Pekerja Sosial", (L.AHLI_PERTAMA, L.AHLI_MUDA), ("SOS", "PSI"), None, 0.2, ""),
    "PEDAL": (
        "Pengendali Dampak Lingkungan",
        (L.AHLI_PERTAMA, L.AHLI_MUDA),
        ("LING", "TS"),
        None,
        0,
        "",
    ),
    "POLPP": (
        "Polisi Pamong Praja",
        (L.TERAMPIL, L.MAHIR, L.PENYELIA),
        (),
        None,
        0.3,
        "SLTA",
    ),
    "DAMKAR": (
        "Pemadam Kebakaran",
        (L.PEMULA, L.TERAMPIL, L.MAHIR),
        (),
        None,
        0.3,
        "SLTA",
    ),
}

KETERAMPILAN = {L.PEMULA, L.TERAMPIL, L.MAHIR, L.PENYELIA}


def _fungsional() -> dict[str, Posisi]:
    posisi: dict[str, Posisi] = {}
    for key, (nama, jenjang_list, bidang, bup, pppk, pend_ket) in KELUARGA.items():
        for n, jenjang in enumerate(jenjang_list):
            ket = jenjang in KETERAMPILAN
            pendidikan = (pend_ket or "D3") if ket else "S1"
            rentang = RENTANG_JENJANG[jenjang]
            posisi[f"{key}:{jenjang}"] = Posisi(
                kode=f"JF-{key}-{jenjang}",
                nama=f"{nama} {L(jenjang).label}",
                jenis=J.FUNGSIONAL,
                jenjang=jenjang,
                kelas=KELAS_JENJANG[jenjang],
                pendidikan=pendidikan,
                bidang=bidang,
                bup_khusus=bup,
                rentang=rentang,
                golongan_minimal=rentang[0],
                # PPPK are appointed at the entry level of a family.
                pppk=pppk if n == 0 else 0.0,
                keluarga=key,
            )
    return posisi


FUNGSIONAL = _fungsional()

PELAKSANA: dict[str, Posisi] = {
    # Nomenclature of jabatan pelaksana after the 2024 simplification (KepmenPANRB 11/2024).
    "PENGADMINISTRASI": Posisi(
        "JP-PENGADMINISTRASI", "Pengadministrasi Perkantoran", J.PELAKSANA, kelas=5, pppk=0.3
    ),
    "OPERATOR": Posisi(
        "JP-OPERATOR", "Operator Layanan Operasional", J.PELAKSANA, kelas=5, pppk=0.3
    ),
    "PENGELOLA": Posisi(
        "JP-PENGELOLA",
        "Pengelola Layanan Operasional",
        J.PELAKSANA,
        kelas=6,
        pendidikan="D3",
        pppk=0.2,
    ),
    "PENATA": Posisi(
        "JP-PENATA",
        "Penata Layanan Operasional",
        J.PELAKSANA,
        kelas=7,
        pendidikan="S1",
        pppk=0.15,
    ),
}

SEMUA: dict[str, Posisi] = {**STRUKTURAL, **FUNGSIONAL, **PELAKSANA}


def fj(keluarga: str, jenjang: str) -> str:
    """Return the catalogue key of a fungsional position."""
    return f"{keluarga}:{jenjang}"
