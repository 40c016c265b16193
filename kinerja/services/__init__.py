"""Writes of the performance evaluation: plan, realisation, rating, finalising, revision.

Only the evaluator (pejabat penilai) or HR rates; the employee fills in realisations; a final SKP
changes only through a recorded revision. Every function checks, writes in one transaction and
raises `ValidationError` keyed by field; the audit trail records each save."""

from kinerja.services.base import RENCANA_MAKS, SKP_FK, _validasi, perangkat_daerah_dari
from kinerja.services.penilaian import kurva_skp, skp_finalkan, skp_nilai, skp_revisi
from kinerja.services.periode import BUKA_SKP_BATCH, periode_buka_skp
from kinerja.services.skp import (
    Aksi,
    aksi_skp,
    cek_penilai_baru,
    skp_create,
    skp_ganti_penilai,
    skp_set_realisasi,
    skp_set_rencana,
)

__all__ = [
    "BUKA_SKP_BATCH",
    "RENCANA_MAKS",
    "SKP_FK",
    "Aksi",
    "_validasi",
    "aksi_skp",
    "cek_penilai_baru",
    "kurva_skp",
    "perangkat_daerah_dari",
    "periode_buka_skp",
    "skp_create",
    "skp_finalkan",
    "skp_ganti_penilai",
    "skp_nilai",
    "skp_revisi",
    "skp_set_realisasi",
    "skp_set_rencana",
]
