"""Permissions the roles hold on the merit-system index's records (assembled into groups by
`peran`; see pegawai/roles.py). HR assesses; unit heads and employees see the public page."""

from __future__ import annotations

from pegawai.roles import ADMIN_BKPSDM, PEGAWAI, PIMPINAN_UNIT

IZIN: dict[str, list[str]] = {ADMIN_BKPSDM: [], PIMPINAN_UNIT: [], PEGAWAI: []}
