"""Keep IndeksMerit, the per-employee projection of the merit inputs, current.

One writer: `index_refresh`, one INSERT … SELECT per table computed from the live tables
(`sql`), for every row or for some employees. No signals: the services that change an input
(placements, SKP evaluation, sanctions, assessments, training, the employee's record and
kedudukan, the admin's saves) call `pegawai.projection.refresh` with the employees they touched,
in their own transaction, so a ranking never reads a half-applied change; JabatanConfig.ready
registers `index_refresh` there. A change of the annual periods re-reads the predikat columns of
every row in two UPDATE statements, in a background task queued on commit
(`jabatan.tasks.segarkan_predikat`). Bulk work (the demo seed, imports) runs inside
`pegawai.projection.deferred` and rebuilds once at its end, as does `manage.py indeks_merit`,
which can also check the table against the live records (`selisih`).

Modules: `rows` (a candidate's rows and the pure rules' view of a stored row), `sql` (the
statements), `refresh` (the writer and the check).
"""

from jabatan.indeks.refresh import (
    BATCH,
    index_refresh,
    index_refresh_predikat,
    jendela_basi,
    selisih,
)
from jabatan.indeks.rows import (
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

__all__ = [
    "BATCH",
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
    "hari_urusan",
    "index_refresh",
    "index_refresh_predikat",
    "jendela_basi",
    "jp_tahun",
    "kandidat",
    "nilai_baris",
    "nilai_jp",
    "nilai_urusan",
    "selisih",
]
