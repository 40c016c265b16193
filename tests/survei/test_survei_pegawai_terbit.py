"""The employees' survey disclosure rule (survei.pegawai.terbit), table-driven: the threshold's
edge (4/5), closed periods only, secondary suppression against differencing."""

from __future__ import annotations

import pytest

from survei import terbit as terbit_publik
from survei.pegawai.terbit import MIN_RESPONDEN, Terbitan, terbitan


def test_it_uses_the_public_surveys_threshold():
    assert MIN_RESPONDEN == terbit_publik.MIN_RESPONDEN == 5


KASUS = [
    # (responses per unit, complete?, units shown, agency shown)
    ("open period: nothing", {"A": 50, "B": 50}, False, set(), False),
    ("agency of 4: nothing", {"A": 4}, True, set(), False),
    ("agency of 5 in one unit: both", {"A": 5}, True, {"A"}, True),
    ("unit of 4 beside one of 5 and 1: A is the difference", {"A": 5, "B": 4}, True, set(), True),
    ("edges: 5 shown, a 4 next to it suppresses it", {"A": 5, "B": 5, "C": 4}, True, {"B"}, True),
    ("rest of exactly 5 withheld is safe", {"A": 10, "B": 5}, True, {"A", "B"}, True),
    ("two small units make a safe rest", {"A": 10, "B": 3, "C": 2}, True, {"A"}, True),
    ("one small unit: smallest shown goes", {"A": 10, "B": 6, "C": 2}, True, {"A"}, True),
    (
        "a rest of 1 takes the smallest unit",
        {"A": 9, "B": 6, "C": 5, "D": 1},
        True,
        {"A", "B"},
        True,
    ),
    # Responses stored without a unit count in the agency's total only.
    ("no-unit rows of 2: a unit gives way", {"A": 8, "B": 7, None: 2}, True, {"A"}, True),
    ("no-unit rows of 5 are a safe rest", {"A": 8, "B": 7, None: 5}, True, {"A", "B"}, True),
    ("only no-unit rows: the agency alone", {None: 7}, True, set(), True),
    ("ties go by key, not by order", {"B": 5, "A": 5, "C": 1}, True, {"B"}, True),
]


@pytest.mark.parametrize(
    ("per_unit", "rampung", "unit", "instansi"),
    [k[1:] for k in KASUS],
    ids=[k[0] for k in KASUS],
)
def test_it_shows_only_what_cannot_be_differenced(per_unit, rampung, unit, instansi):
    hasil = terbitan(per_unit, rampung=rampung)
    assert hasil == Terbitan(frozenset(unit), instansi)
    if hasil.instansi:
        sisa = sum(per_unit.values()) - sum(per_unit[u] for u in hasil.unit)
        assert sisa == 0 or sisa >= MIN_RESPONDEN
        assert all(per_unit[u] >= MIN_RESPONDEN for u in hasil.unit)
