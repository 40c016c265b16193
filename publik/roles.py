"""Permissions the roles hold on the open selection's records (assembled into groups by `peran`;
see pegawai/roles.py). HR runs selections; unit heads and employees see them on the public pages
(employees apply from /saya/, which needs no model permission)."""

from __future__ import annotations

from pegawai.roles import ADMIN_BKPSDM, PEGAWAI, PIMPINAN_UNIT, izin_model

_HR, _PIMPINAN = izin_model(
    "publik",
    (
        "seleksi",
        "anggotapanitia",
        "tahap",
        "pelamar",
        "hasiltahap",
        "pengumuman",
        "perubahanseleksi",
        "keputusanseleksi",
    ),
)

IZIN: dict[str, list[str]] = {ADMIN_BKPSDM: _HR, PIMPINAN_UNIT: [], PEGAWAI: []}
