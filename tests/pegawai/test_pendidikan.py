"""Education levels, ordered for "minimum education" requirements (docs/aturan.md §5)."""

import pytest

from pegawai.pendidikan import TingkatPendidikan, memenuhi_pendidikan, urutan_pendidikan

TABLE = [
    ("SD", "SD", 1),
    ("SMP", "SMP", 2),
    ("SLTA", "SLTA/SMA/SMK", 3),
    ("D1", "D-I", 4),
    ("D2", "D-II", 5),
    ("D3", "D-III", 6),
    ("D4", "D-IV", 7),
    ("S1", "S-1", 7),
    ("PROF", "Profesi", 7),  # Perpres 8/2012 Pasal 5: KKNI 7-8, meets "S1/D-IV" not "S2"
    ("S2", "S-2", 8),
    ("SP1", "Spesialis", 8),
    ("S3", "S-3", 9),
    ("SP2", "Subspesialis", 9),
]


def test_it_offers_the_levels_in_order() -> None:
    assert [(value, str(label)) for value, label in TingkatPendidikan.choices] == [
        (kode, label) for kode, label, _n in TABLE
    ]


@pytest.mark.parametrize(("kode", "label", "n"), TABLE)
def test_it_orders_each_level(kode: str, label: str, n: int) -> None:
    assert urutan_pendidikan(kode) == n


@pytest.mark.parametrize(
    ("tingkat", "minimal", "expected"),
    [
        ("S1", "S1", True),
        ("D4", "S1", True),  # "S1/D-IV": equivalent
        ("S1", "D4", True),
        ("D3", "S1", False),  # Administrator needs at least S1/D-IV
        ("D3", "D3", True),  # Pengawas needs at least D-III
        ("SLTA", "D3", False),
        ("S2", "S1", True),
        ("S3", "S2", True),
        ("S1", "S2", False),
        ("SD", "SMP", False),
        ("SMP", "SD", True),
    ],
)
def test_it_checks_a_minimum_education(tingkat: str, minimal: str, expected: bool) -> None:
    assert memenuhi_pendidikan(tingkat, minimal) is expected


@pytest.mark.parametrize("kode", ["", "s1", "S-1", "SMA", "D-IV", "S4"])
def test_it_rejects_an_unknown_level(kode: str) -> None:
    with pytest.raises(ValueError):
        urutan_pendidikan(kode)
    with pytest.raises(ValueError):
        memenuhi_pendidikan(kode, "SD")
    with pytest.raises(ValueError):
        memenuhi_pendidikan("S3", kode)
