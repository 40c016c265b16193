"""Writes for positions and placements. Views, the admin, commands and tests all call these."""

from jabatan.services.base import T, _integrity_to_validation
from jabatan.services.keputusan import keputusan_create, usulan_set
from jabatan.services.koreksi import keputusan_cancel, keputusan_correct
from jabatan.services.penempatan import (
    asesmen_compute_jpm,
    asesmen_compute_jpm_bulk,
    formasi_set_kuota,
    pegawai_end,
    pegawai_release_posts,
    penempatan_create,
    penempatan_end,
    penempatan_validate,
)
from jabatan.services.riwayat import penempatan_riwayat_import
from jabatan.services.skp import atasan_dan_jenis_jabatan, periode_open_skp
from jabatan.services.suksesi import (
    suksesor_add,
    suksesor_end,
    suksesor_end_all,
    suksesor_update,
    suksesor_validate,
)

__all__ = [
    "T",
    "_integrity_to_validation",
    "asesmen_compute_jpm",
    "asesmen_compute_jpm_bulk",
    "atasan_dan_jenis_jabatan",
    "formasi_set_kuota",
    "keputusan_cancel",
    "keputusan_correct",
    "keputusan_create",
    "pegawai_end",
    "pegawai_release_posts",
    "penempatan_create",
    "penempatan_end",
    "penempatan_riwayat_import",
    "penempatan_validate",
    "periode_open_skp",
    "suksesor_add",
    "suksesor_end",
    "suksesor_end_all",
    "suksesor_update",
    "suksesor_validate",
    "usulan_set",
]
