"""The demo organisation tree of Kota Mataram and the posts (seats) in each unit."""

from __future__ import annotations

from dataclasses import dataclass, field

from demo import data
from demo.catalogue import FUNGSIONAL, KELUARGA, fj
from pegawai.jenis_jabatan import Jenjang as L


@dataclass
class Unit:
    id: int
    kode: str
    nama: str
    jenis: str
    parent: Unit | None
    singkatan: str = ""
    # (catalogue key, base quota at the default size); structural posts always have quota 1.
    kursi: list[tuple[str, int]] = field(default_factory=list)
    opd: Unit | None = None  # the perangkat daerah this unit belongs to

    @property
    def path(self) -> str:
        return f"{self.parent.path if self.parent else ''}{self.id}/"

    @property
    def depth(self) -> int:
        return self.parent.depth + 1 if self.parent else 0


KEPALA_OPD = {
    "dinas": "KADIS",
    "badan": "KABAN",
    "inspektorat": "INSPEKTUR",
    "sekretariat": "SEKWAN",
    "rsud": "DIRUT",
    "satuan": "KASATPOL",
}
# A head whose position has requirements of its own (catalogue.STRUKTURAL), by abbreviation.
KEPALA_KHUSUS = {"Dikes": "KADIS_KES"}
KELUARGA_OPD = {
    "Dikbud": ["PENGAWAS_SEKOLAH", "ANALIS_KEBIJAKAN"],
    "Dikes": ["ANALIS_KEBIJAKAN", "PERENCANA"],
    "PUPR": ["TEKNIK_JALAN", "PERENCANA"],
    "Perkim": ["TEKNIK_JALAN", "PERENCANA"],
    "BKPSDM": ["ASDMA", "ANALIS_KEBIJAKAN"],
    "Bapperida": ["PERENCANA", "ANALIS_KEBIJAKAN"],
    "BPKAD": ["ANALIS_KEUANGAN"],
    "Bapenda": ["ANALIS_KEUANGAN"],
    "Diskominfo": ["PRAKOM"],
    "Dinsos": ["PEKSOS"],
    "DLH": ["PEDAL"],
    "Dispusip": ["PUSTAKAWAN", "ARSIPARIS"],
    "Distan": ["PENYULUH_PERTANIAN"],
    "Inspektorat": ["AUDITOR"],
    "Satpol PP": ["POLPP"],
    "Damkar": ["DAMKAR"],
}
PELAKSANA_BIDANG = [("PENATA", 1), ("PENGELOLA", 1), ("OPERATOR", 1)]


def _keluarga(key: str, kuota: tuple[int, ...] = (2, 1, 1)) -> list[tuple[str, int]]:
    jenjang = KELUARGA[key][1]
    return [(fj(key, j), q) for j, q in zip(jenjang, kuota, strict=False)]


def _sekolah(smp: bool) -> list[tuple[str, int]]:
    guru = (14, 12, 8) if smp else (8, 6, 4)
    kursi = [*_keluarga("GURU", guru), ("PENGADMINISTRASI", 2 if smp else 1)]
    return kursi + ([("PENGELOLA", 1)] if smp else [])


PUSKESMAS_KURSI = [
    (fj("DOKTER", L.AHLI_PERTAMA), 3),
    (fj("DOKTER", L.AHLI_MUDA), 1),
    (fj("PERAWAT", L.TERAMPIL), 6),
    (fj("PERAWAT", L.MAHIR), 4),
    (fj("PERAWAT", L.AHLI_PERTAMA), 3),
    (fj("BIDAN", L.TERAMPIL), 6),
    (fj("BIDAN", L.MAHIR), 3),
    (fj("BIDAN", L.AHLI_PERTAMA), 1),
    (fj("APOTEKER", L.AHLI_PERTAMA), 1),
    (fj("PLK", L.TERAMPIL), 2),
    (fj("NUTRISIONIS", L.TERAMPIL), 2),
    ("PENGADMINISTRASI", 3),
    ("OPERATOR", 2),
]
RSUD_KURSI = [
    (fj("DOKTER", L.AHLI_PERTAMA), 10),
    (fj("DOKTER", L.AHLI_MUDA), 6),
    (fj("DOKTER", L.AHLI_MADYA), 3),
    (fj("PERAWAT", L.TERAMPIL), 35),
    (fj("PERAWAT", L.MAHIR), 25),
    (fj("PERAWAT", L.PENYELIA), 8),
    (fj("PERAWAT", L.AHLI_PERTAMA), 20),
    (fj("PERAWAT", L.AHLI_MUDA), 6),
    (fj("BIDAN", L.TERAMPIL), 8),
    (fj("BIDAN", L.MAHIR), 4),
    (fj("APOTEKER", L.AHLI_PERTAMA), 3),
    (fj("PLK", L.TERAMPIL), 6),
    (fj("NUTRISIONIS", L.TERAMPIL), 3),
    ("PENGADMINISTRASI", 10),
    ("OPERATOR", 8),
    ("PENGELOLA", 5),
]
SEKRETARIAT_KURSI = [
    (fj("PRAKOM", L.AHLI_PERTAMA), 1),
    (fj("ARSIPARIS", L.TERAMPIL), 1),
    (fj("PERENCANA", L.AHLI_PERTAMA), 1),
    (fj("ANALIS_KEUANGAN", L.AHLI_PERTAMA), 1),
    ("PENGADMINISTRASI", 3),
    ("OPERATOR", 2),
    ("PENGELOLA", 2),
    ("PENATA", 1),
]


class _Tree:
    def __init__(self, start_id: int) -> None:
        self.units: list[Unit] = []
        self._next = start_id
        self._children: dict[str, int] = {}

    def add(
        self,
        nama: str,
        jenis: str,
        parent: Unit | None,
        singkatan: str = "",
        kursi: list[tuple[str, int]] | None = None,
    ) -> Unit:
        if parent is None:
            kode = "5271"  # BPS region code of Kota Mataram
        else:
            n = self._children[parent.kode] = self._children.get(parent.kode, 0) + 1
            kode = f"{parent.kode}.{n:02d}"
        unit = Unit(self._next, kode, nama, jenis, parent, singkatan, list(kursi or []))
        unit.opd = (
            parent.opd
            if parent and parent.opd
            else (unit if parent and parent.parent is None else None)
        )
        self._next += 1
        self.units.append(unit)
        return unit


def build(*, skala: float, start_id: int = 1) -> list[Unit]:
    """Return the units of Kota Mataram; schools and puskesmas grow with `skala` (pegawai/7,000)."""
    t = _Tree(start_id)
    root = t.add("Pemerintah Kota Mataram", "pemda", None, "Pemkot Mataram")

    setda = t.add("Sekretariat Daerah", "sekretariat", root, "Setda", [("SEKDA", 1)])
    for asisten, bagian_list in data.ASISTEN.items():
        a = t.add(asisten, "asisten", setda, kursi=[("ASISTEN", 1)])
        for bagian in bagian_list:
            kursi = [("KABAG", 1), ("PENATA", 2), ("PENGELOLA", 2)]
            kursi += (
                _keluarga("PPBJ") if "Pengadaan" in bagian else _keluarga("ANALIS_KEBIJAKAN", (1,))
            )
            t.add(bagian, "bagian", a, kursi=kursi)

    for jenis, nama, singkatan, bidang_list in data.PERANGKAT_DAERAH:
        kepala = KEPALA_KHUSUS.get(singkatan, KEPALA_OPD[jenis])
        opd = t.add(nama, jenis, root, singkatan, [(kepala, 1)])
        if jenis != "sekretariat":
            sek = t.add(
                f"Sekretariat {singkatan}",
                "sekretariat",
                opd,
                kursi=[("SEKDIS", 1), *SEKRETARIAT_KURSI],
            )
            for sub in data.SUBBAGIAN_SEKRETARIAT:
                t.add(sub, "subbagian", sek, kursi=[("KASUBAG", 1), ("PENGADMINISTRASI", 1)])
        for bidang in bidang_list:
            if jenis == "rsud":
                kursi = [("KABID", 1), *RSUD_KURSI]
            elif jenis == "inspektorat":
                kursi = [("IRBAN", 1), *_keluarga("AUDITOR", (3, 2, 1))]
            elif singkatan in ("Satpol PP", "Damkar"):
                kursi = [("KABID", 1), *_keluarga(KELUARGA_OPD[singkatan][0], (15, 8, 3))]
            else:
                kursi = [("KABAG" if jenis == "sekretariat" else "KABID", 1)]
                for key in KELUARGA_OPD.get(singkatan, ["ANALIS_KEBIJAKAN", "PERENCANA"]):
                    kursi += _keluarga(key, (1, 1))
                kursi += PELAKSANA_BIDANG
            unit_jenis = "bagian" if jenis == "sekretariat" else "bidang"
            t.add(bidang, unit_jenis, opd, kursi=kursi)
        if singkatan == "Dikbud":
            for n in range(1, max(1, round(data.JUMLAH_SD * skala)) + 1):
                t.add(f"SD Negeri {n} Mataram", "sekolah", opd, f"SDN {n}", _sekolah(smp=False))
            for n in range(1, max(1, round(data.JUMLAH_SMP * skala)) + 1):
                t.add(f"SMP Negeri {n} Mataram", "sekolah", opd, f"SMPN {n}", _sekolah(smp=True))
        if singkatan == "Dikes":
            for n in range(max(1, round(data.JUMLAH_PUSKESMAS * skala))):
                base = data.PUSKESMAS[n % len(data.PUSKESMAS)]
                nama_pkm = f"Puskesmas {base}" + (
                    f" {n // len(data.PUSKESMAS) + 1}" if n >= len(data.PUSKESMAS) else ""
                )
                t.add(nama_pkm, "puskesmas", opd, kursi=PUSKESMAS_KURSI)

    for kecamatan, kelurahan_list in data.KECAMATAN.items():
        kec = t.add(
            f"Kecamatan {kecamatan}",
            "kecamatan",
            root,
            kursi=[
                ("CAMAT", 1),
                ("SEKCAM", 1),
                ("PENGADMINISTRASI", 3),
                ("PENATA", 1),
                ("PENGELOLA", 2),
            ],
        )
        for seksi in data.SEKSI_KECAMATAN:
            t.add(seksi, "seksi", kec, kursi=[("KASI", 1), ("PENGELOLA", 1), ("OPERATOR", 1)])
        for kelurahan in kelurahan_list:
            t.add(
                f"Kelurahan {kelurahan}",
                "kelurahan",
                kec,
                kursi=[
                    ("LURAH", 1),
                    ("SEKLUR", 1),
                    ("PENGADMINISTRASI", 2),
                    ("OPERATOR", 1),
                    ("PENGELOLA", 1),
                ],
            )
    assert all(k in FUNGSIONAL or ":" not in k for u in t.units for k, _ in u.kursi)
    return t.units
