"""The merit-system index's records: the instrument as editable rows (`instrumen`) and a year's
self-assessment against it (`penilaian`)."""

from sistem_merit.models.instrumen import Aspek, Instrumen, Kategori, Kriteria, LevelKriteria, Rumus
from sistem_merit.models.penilaian import DokumenBukti, JawabanKriteria, Penilaian, StatusPenilaian

__all__ = [
    "Aspek",
    "DokumenBukti",
    "Instrumen",
    "JawabanKriteria",
    "Kategori",
    "Kriteria",
    "LevelKriteria",
    "Penilaian",
    "Rumus",
    "StatusPenilaian",
]
