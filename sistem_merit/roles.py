"""Permissions the roles hold on the merit-system index's records (assembled into groups by
`peran`; see pegawai/roles.py). HR edits the instrument's rows when the regulation changes
(the admin) and assesses (its own pages, `pegawai.capability.HR`); an assessment, its answers
and documents are only viewed in the admin: they change through the pages' services. Unit heads
and employees see the public page, which needs no permission."""

from __future__ import annotations

from pegawai.roles import ADMIN_BKPSDM, PEGAWAI, PIMPINAN_UNIT, izin_model

# A band, an aspect, a criterion or a level entered by mistake may be deleted; one an
# assessment answered is protected (JawabanKriteria.kriteria: PROTECT). An instrument is never
# deleted (an assessment may point at it; PROTECT too).
_HR, _pimpinan = izin_model(
    "sistem_merit",
    ("instrumen", "kategori", "aspek", "kriteria", "levelkriteria"),
    dapat_dihapus=frozenset({"kategori", "aspek", "kriteria", "levelkriteria"}),
)
_LIHAT = [
    f"sistem_merit.view_{model}" for model in ("penilaian", "jawabankriteria", "dokumenbukti")
]

IZIN: dict[str, list[str]] = {ADMIN_BKPSDM: [*_HR, *_LIHAT], PIMPINAN_UNIT: [], PEGAWAI: []}
