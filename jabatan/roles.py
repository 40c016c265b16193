"""Permissions the roles hold on positions, posts, placements and the merit ranking's records
(assembled into groups by `peran`; see pegawai/roles.py)."""

from __future__ import annotations

from pegawai.roles import ADMIN_BKPSDM, PEGAWAI, PIMPINAN_UNIT, izin_model

# formasi: a post entered by mistake may be deleted; one with placements is protected. Never
# deleted: penempatan (ended with TMT selesai), jabatan (retired through `aktif`), and the merit
# records (profiles are edited, proposals, decisions, their corrections and succession plans
# are records; a successor removed stays, inactive, with the reason).
_HR, _PIMPINAN = izin_model(
    "jabatan",
    (
        "jabatan",
        "formasi",
        "penempatan",
        "profilmerit",
        "usulan",
        "keputusan",
        "koreksikeputusan",
        "suksesor",
    ),
    dapat_dihapus=frozenset({"formasi"}),
)

# The petikan's signatories: HR's setting (one row made by a migration: the admin offers no add
# page and no delete, as for the talent bands).
_PETIKAN = [f"jabatan.{a}_pengaturanpetikan" for a in ("view", "add", "change")]

IZIN: dict[str, list[str]] = {
    ADMIN_BKPSDM: [*_HR, *_PETIKAN],
    PIMPINAN_UNIT: _PIMPINAN,
    PEGAWAI: [],
}
