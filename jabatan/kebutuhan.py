"""What pelatihan's needs analysis learns from jabatan (registered in pelatihan.sumber by
JabatanConfig.ready): the kind and competency standard of each employee's current definitive
post, and the posts they are an active candidate for (Usulan aktif) with their standards.

pelatihan sits below jabatan and cannot read the position catalogue; this provider passes the
data up through the registry, in three queries whatever the number of employees.
"""

from __future__ import annotations

from collections import defaultdict

from jabatan.models import Jabatan, Penempatan, Usulan
from pegawai.kompetensi import KODE, standar_default
from pegawai.selectors import PilihanPegawai, saring_pegawai
from pelatihan.rules import USULAN, DataSasaran
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


def jabatan_pegawai(pegawai_ids: PilihanPegawai) -> dict[int, JabatanPegawai]:
    """Return, per employee with a current definitive placement or an active proposal, the
    post's kind and standard and the proposed posts (label "position — unit", kind, standard).
    Three queries: the open definitive placements' positions, those positions' kinds and
    standards, the active proposals with their post's position and unit; `pegawai_ids` as
    pegawai.selectors.saring_pegawai takes it."""
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
    for pid, jabatan_id, jabatan, unit, jenis, jenjang, *nilai in (
        saring_pegawai(Usulan.objects.filter(aktif=True), pegawai_ids)
        .order_by("pegawai_id", "created_at", "pk")
        .values_list(
            "pegawai_id",
            "formasi__jabatan_id",
            "formasi__jabatan__nama",
            "formasi__unit_kerja__nama",
            "formasi__jabatan__jenis",
            "formasi__jabatan__jenjang",
            *[f"formasi__jabatan__{f}" for f in _STD],
        )
    ):
        sasaran[pid].append(
            DataSasaran(
                f"{jabatan} — {unit}", jenis, standar(jabatan_id, jenis, jenjang, nilai), USULAN
            )
        )
    kosong = ("", None)
    return {
        pid: JabatanPegawai(*sekarang.get(pid, kosong), tuple(sasaran.get(pid, ())))
        for pid in sekarang.keys() | sasaran.keys()
    }
