"""Permissions on the import's records: HR only (assembled into groups by `peran`)."""

from __future__ import annotations

from pegawai.roles import ADMIN_BKPSDM, PEGAWAI, PIMPINAN_UNIT, izin_model

_HR, _PIMPINAN = izin_model(
    "impor",
    ("impor", "pemetaanunit", "pemetaanjabatan"),
    dapat_dihapus=frozenset({"pemetaanunit", "pemetaanjabatan"}),
)

# Importing writes every unit's employees, so unit heads get nothing here (not even a view).
IZIN: dict[str, list[str]] = {ADMIN_BKPSDM: _HR, PIMPINAN_UNIT: [], PEGAWAI: []}

# The permission each page checks.
PERM_IMPOR = "impor.add_impor"
