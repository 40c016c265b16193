"""What pelatihan's needs analysis learns from jabatan (registered in pelatihan.sumber by
JabatanConfig.ready): the kind and competency standard of each employee's current definitive
post, and the posts they are an active candidate for (Usulan aktif) or a named successor to
(Suksesor aktif, a succession plan) with their standards.

pelatihan sits below jabatan and cannot read the position catalogue; this provider passes the
data up through the registry, in four queries whatever the number of employees.
"""

from __future__ import annotations

from collections import defaultdict

from jabatan.models import Jabatan, Penempatan, Suksesor, Usulan
from pegawai.kompetensi import KODE, standar_default
from pegawai.selectors import PilihanPegawai, saring_pegawai
from pelatihan.rules import SUKSESI, USULAN, DataSasaran
from pelatihan.sumber import JabatanPegawai

_STD = [f"std_{kode}" for kode in KODE]


def _standar(jenis: str, jenjang: str, nilai) -> dict[str, int]:
    """A post's standard (jabatan.Jabatan.standar_kompetensi), its kind's default for a level
    left blank (Jabatan.save fills them; rows written around it may not have)."""
    standar = dict(zip(KODE, nilai, strict=True))
    if any(v is None for v in standar.values()):
        bawaan = standar_default(jenis, jenjang)
        standar = {k: v if v is not None else bawaan.get(k) for k, v in standar.items()}
    return {k: v for k, v in standar.items() if v is not None}


_SASARAN = [
    "pegawai_id",
    "formasi_id",
    "formasi__jabatan_id",
    "formasi__jabatan__nama",
    "formasi__unit_kerja__nama",
    "formasi__jabatan__jenis",
    "formasi__jabatan__jenjang",
    *[f"formasi__jabatan__{f}" for f in _STD],
]


def jabatan_pegawai(pegawai_ids: PilihanPegawai) -> dict[int, JabatanPegawai]:
    """Return, per employee with a current definitive placement, an active proposal or an
    active succession entry, the post's kind and standard and the target posts (label
    "position — unit", kind, standard, why: USULAN or SUKSESI). Four queries: the open
    definitive placements' positions, those positions' kinds and standards, the active
    proposals and the active successors, each with their post's position and unit;
    `pegawai_ids` as pegawai.selectors.saring_pegawai takes it.

    A post that is both proposed and planned for the same person is one target, the proposal
    (the nearer step: its needs name "usulan kandidat"), so its gaps are not listed twice."""
    # One standard per position (a city has some hundred), shared by all its holders.
    cache: dict[int, dict[str, int]] = {}

    def standar(jabatan_id: int, jenis: str, jenjang: str, nilai) -> dict[str, int]:
        if jabatan_id not in cache:
            cache[jabatan_id] = _standar(jenis, jenjang, nilai)
        return cache[jabatan_id]

    # The placements as (employee, position) pairs: a city's 100,000 rows carry two columns,
    # their positions' eleven are read once per position.
    dipegang = dict(
        saring_pegawai(Penempatan.objects.aktif().definitif(), pegawai_ids)
        .order_by()
        .values_list("pegawai_id", "formasi__jabatan_id")
    )
    posisi: dict[int, tuple[str, dict[str, int]]] = {}
    for jabatan_id, jenis, jenjang, *nilai in Jabatan.objects.filter(
        pk__in=set(dipegang.values())
    ).values_list("pk", "jenis", "jenjang", *_STD):
        posisi[jabatan_id] = (jenis, standar(jabatan_id, jenis, jenjang, nilai))
    sekarang = {pid: posisi[jabatan_id] for pid, jabatan_id in dipegang.items()}
    sasaran: dict[int, list[DataSasaran]] = defaultdict(list)
    dikenal: set[tuple[int, int]] = set()  # (employee, post) already a target
    for alasan, qs in (
        (USULAN, Usulan.objects.filter(aktif=True).order_by("pegawai_id", "created_at", "pk")),
        (SUKSESI, Suksesor.objects.filter(aktif=True).order_by("pegawai_id", "urutan", "pk")),
    ):
        for pid, formasi_id, jabatan_id, jabatan, unit, jenis, jenjang, *nilai in saring_pegawai(
            qs, pegawai_ids
        ).values_list(*_SASARAN):
            if (pid, formasi_id) in dikenal:
                continue
            dikenal.add((pid, formasi_id))
            sasaran[pid].append(
                DataSasaran(
                    f"{jabatan} — {unit}", jenis, standar(jabatan_id, jenis, jenjang, nilai), alasan
                )
            )
    kosong = ("", None)
    return {
        pid: JabatanPegawai(*sekarang.get(pid, kosong), tuple(sasaran.get(pid, ())))
        for pid in sekarang.keys() | sasaran.keys()
    }
