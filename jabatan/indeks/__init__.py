"""Keep IndeksMerit, the per-employee projection of the merit inputs, current.

One writer: `segarkan`. Signal receivers (connected in JabatanConfig.ready) call it for the one
employee whose record, evaluation, sanction, assessment, placement or training was saved or
deleted, in the same transaction as the change, so a ranking never reads a half-applied
change. A change of the annual periods re-reads the predikat columns of every row in two UPDATE
statements, in a background task queued on commit (`jabatan.tasks.segarkan_predikat`). Bulk
loads (the demo seed) rebuild the whole table, as does `manage.py indeks_merit`, which can also
check the table against the live records.

Modules: `baris` (a candidate's rows and the pure rules' view of a stored row), `tulis` (the
writer and the check), `sinyal` (the receivers and `ditunda` for bulk work).
"""

from jabatan.indeks.baris import (
    FIELDS,
    FIELDS_JP,
    FIELDS_URUSAN,
    KOLOM_CUKUP,
    KOLOM_HARI,
    KOLOM_JENJANG,
    SUDAH,
    TERBUKA,
    baris,
    baris_jp,
    baris_urusan,
    cukup,
    hari_urusan,
    jp_tahun,
    kandidat,
    nilai_baris,
    nilai_jp,
    nilai_urusan,
)
from jabatan.indeks.sinyal import DIBACA, ditunda, hubungkan
from jabatan.indeks.tulis import BATCH, segarkan, segarkan_predikat, selisih

__all__ = [
    "BATCH",
    "DIBACA",
    "FIELDS",
    "FIELDS_JP",
    "FIELDS_URUSAN",
    "KOLOM_CUKUP",
    "KOLOM_HARI",
    "KOLOM_JENJANG",
    "SUDAH",
    "TERBUKA",
    "baris",
    "baris_jp",
    "baris_urusan",
    "cukup",
    "ditunda",
    "hari_urusan",
    "hubungkan",
    "jp_tahun",
    "kandidat",
    "nilai_baris",
    "nilai_jp",
    "nilai_urusan",
    "segarkan",
    "segarkan_predikat",
    "selisih",
]
