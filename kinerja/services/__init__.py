"""Writes of the performance evaluation: plan, realisation, rating, finalising, revision.

Only the evaluator (pejabat penilai) or HR rates; the employee fills in realisations; a final SKP
changes only through a recorded revision. Every function checks, writes in one transaction and
raises `ValidationError` keyed by field; the audit trail records each save."""

from kinerja.services.base import RENCANA_MAKS, SKP_FK, _validasi, perangkat_daerah_dari
from kinerja.services.penilaian import kurva_check, skp_finalize, skp_rate, skp_revise
from kinerja.services.periode import BUKA_SKP_BATCH, periode_open_skp
from kinerja.services.skp import (
    Aksi,
    aksi_skp,
    skp_change_penilai,
    skp_create,
    skp_set_realisasi,
    skp_set_rencana,
    skp_validate_penilai,
)

__all__ = [
    "BUKA_SKP_BATCH",
    "RENCANA_MAKS",
    "SKP_FK",
    "Aksi",
    "_validasi",
    "aksi_skp",
    "kurva_check",
    "perangkat_daerah_dari",
    "periode_open_skp",
    "skp_change_penilai",
    "skp_create",
    "skp_finalize",
    "skp_rate",
    "skp_revise",
    "skp_set_realisasi",
    "skp_set_rencana",
    "skp_validate_penilai",
]
