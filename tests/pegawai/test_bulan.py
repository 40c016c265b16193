"""Month arithmetic (pegawai.bulan): the one way every rule adds and counts months."""

from __future__ import annotations

from datetime import date

import pytest

from pegawai.bulan import add_months, calendar_months, whole_months


@pytest.mark.parametrize(
    ("d", "bulan", "harapan"),
    [
        (date(2026, 1, 15), 6, date(2026, 7, 15)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),  # clamped to the month's last day
        (date(2027, 12, 31), 2, date(2028, 2, 29)),  # a leap year's February
        (date(2026, 11, 1), 14, date(2028, 1, 1)),  # across a year
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 3, 31), 0, date(2026, 3, 31)),
    ],
)
def test_tambah_bulan(d, bulan, harapan):
    assert add_months(d, bulan) == harapan


@pytest.mark.parametrize(
    ("dari", "pada", "harapan"),
    [
        (date(2022, 4, 1), date(2022, 4, 30), 0),  # not a whole month yet
        (date(2022, 4, 1), date(2022, 5, 1), 1),
        (date(2022, 4, 15), date(2022, 6, 14), 1),
        (date(1980, 6, 10), date(2026, 6, 9), 45 * 12 + 11),
        (date(1980, 6, 10), date(2026, 6, 10), 46 * 12),
        (date(2026, 5, 1), date(2026, 3, 1), -2),  # earlier
        # Month ends (docs/aturan.md, §2): a month is whole on the same day of the month, or on
        # the month's last day when it has no such day.
        (date(2026, 1, 30), date(2026, 2, 27), 0),
        (date(2026, 1, 30), date(2026, 2, 28), 1),
        (date(2026, 1, 31), date(2026, 2, 28), 1),
        (date(2026, 1, 31), date(2026, 4, 29), 2),
        (date(2026, 1, 31), date(2026, 4, 30), 3),
        (date(2024, 8, 31), date(2025, 2, 28), 6),
        (date(2000, 2, 29), date(2026, 2, 27), 25 * 12 + 11),
        (date(2000, 2, 29), date(2026, 2, 28), 26 * 12),  # a common year: on the 28th
        (date(2000, 2, 29), date(2028, 2, 28), 27 * 12 + 11),  # a leap year: on the 29th
        (date(2000, 2, 29), date(2028, 2, 29), 28 * 12),
    ],
)
def test_bulan_penuh(dari, pada, harapan):
    assert whole_months(dari, pada) == harapan


@pytest.mark.parametrize(
    ("dari", "pada", "harapan"),
    [
        (date(2026, 6, 15), date(2027, 6, 1), 12),  # the days are ignored
        (date(2026, 5, 31), date(2026, 6, 1), 1),
        (date(2026, 6, 1), date(2026, 6, 30), 0),
        (date(2026, 12, 1), date(2026, 1, 31), -11),
    ],
)
def test_bulan_kalender(dari, pada, harapan):
    assert calendar_months(dari, pada) == harapan
