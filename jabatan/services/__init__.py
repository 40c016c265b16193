"""Writes for positions and placements. Views, the admin, commands and tests all call these."""

from jabatan.services.base import T, _integrity_to_validation
from jabatan.services.keputusan import keputusan_create, usulan_set
from jabatan.services.koreksi import keputusan_batalkan, keputusan_koreksi
from jabatan.services.penempatan import (
    asesmen_hitung_jpm,
    asesmen_hitung_jpm_semua,
    formasi_set_kuota,
    pegawai_end,
    pegawai_release_posts,
    penempatan_create,
    penempatan_end,
    penempatan_validate,
)
from jabatan.services.riwayat import penempatan_riwayat_impor
from jabatan.services.skp import atasan_dan_jenis_jabatan, periode_buka_skp
from jabatan.services.suksesi import (
    suksesi_akhiri_untuk,
    suksesor_akhiri,
    suksesor_tambah,
    suksesor_ubah,
    suksesor_validate,
)

__all__ = [
    "T",
    "_integrity_to_validation",
    "asesmen_hitung_jpm",
    "asesmen_hitung_jpm_semua",
    "atasan_dan_jenis_jabatan",
    "formasi_set_kuota",
    "keputusan_batalkan",
    "keputusan_create",
    "keputusan_koreksi",
    "pegawai_end",
    "pegawai_release_posts",
    "penempatan_create",
    "penempatan_end",
    "penempatan_riwayat_impor",
    "penempatan_validate",
    "periode_buka_skp",
    "suksesi_akhiri_untuk",
    "suksesor_akhiri",
    "suksesor_tambah",
    "suksesor_ubah",
    "suksesor_validate",
    "usulan_set",
]
