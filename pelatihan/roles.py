"""Permissions the roles hold on the training catalogue, sessions, enrolments and plans
(assembled into groups by `peran`; see pegawai/roles.py).

Never deleted: enrolments (they credit JP; cancelled instead), external training (evidence;
rejected instead) and approved plans. A program or session entered by mistake may be deleted
while nothing refers to it (PROTECT keeps the rest).
"""

from __future__ import annotations

from pegawai.roles import ADMIN_BKPSDM, PEGAWAI, PIMPINAN_UNIT, izin_model

_HR, _PIMPINAN = izin_model(
    "pelatihan",
    (
        "program",
        "programkompetensi",
        "sesi",
        "peserta",
        "pelatihaneksternal",
        "rencanapengembangan",
        "rencanabaris",
    ),
    dapat_dihapus=frozenset({"program", "programkompetensi", "sesi", "rencanabaris"}),
)

IZIN: dict[str, list[str]] = {
    ADMIN_BKPSDM: _HR,
    # Unit heads read their unit's enrolments and plans (scoped by pegawai.akses).
    PIMPINAN_UNIT: _PIMPINAN,
    PEGAWAI: [],
}
