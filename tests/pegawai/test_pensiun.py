"""Retirement age and date, from docs/aturan.md §4."""

from datetime import date, timedelta

import pytest

from pegawai.jenis_jabatan import KEAHLIAN, KETERAMPILAN, MANAJERIAL, JenisJabatan, Jenjang
from pegawai.pensiun import batas_usia_pensiun, lahir_sebelum_untuk_pensiun, tanggal_pensiun


@pytest.mark.parametrize(
    ("jenis", "jenjang", "usia"),
    [
        ("JPT_UTAMA", "", 60),
        ("JPT_MADYA", "", 60),
        ("JPT_PRATAMA", "", 60),
        ("ADMINISTRATOR", "", 58),
        ("PENGAWAS", "", 58),
        ("PELAKSANA", "", 58),
        ("FUNGSIONAL", "AHLI_PERTAMA", 58),
        ("FUNGSIONAL", "AHLI_MUDA", 58),
        ("FUNGSIONAL", "AHLI_MADYA", 60),
        ("FUNGSIONAL", "AHLI_UTAMA", 65),
        ("FUNGSIONAL", "PEMULA", 58),
        ("FUNGSIONAL", "TERAMPIL", 58),
        ("FUNGSIONAL", "MAHIR", 58),
        ("FUNGSIONAL", "PENYELIA", 58),
    ],
)
def test_it_gives_the_retirement_age_of_each_kind(jenis: str, jenjang: str, usia: int) -> None:
    assert batas_usia_pensiun(jenis, jenjang) == usia


def test_it_covers_every_kind_and_jenjang() -> None:
    for jenis in set(JenisJabatan) - {JenisJabatan.FUNGSIONAL}:
        assert batas_usia_pensiun(jenis) in {58, 60}
    for jenjang in Jenjang:
        assert batas_usia_pensiun(JenisJabatan.FUNGSIONAL, jenjang) in {58, 60, 65}


def test_it_groups_kinds_and_jenjang() -> None:
    assert len(MANAJERIAL) == 5
    assert JenisJabatan.FUNGSIONAL not in MANAJERIAL
    assert JenisJabatan.PELAKSANA not in MANAJERIAL
    assert set(Jenjang) == KEAHLIAN | KETERAMPILAN
    assert not KEAHLIAN & KETERAMPILAN


@pytest.mark.parametrize(
    ("jenis", "jenjang"),
    [("FUNGSIONAL", "AHLI_MADYA"), ("PELAKSANA", ""), ("JPT_PRATAMA", "")],
)
def test_it_lets_a_position_specific_age_win(jenis: str, jenjang: str) -> None:
    # e.g. a guru's own retirement age from the law on teachers.
    assert batas_usia_pensiun(jenis, jenjang, khusus=60) == 60
    assert batas_usia_pensiun(jenis, jenjang, khusus=65) == 65


def test_it_ignores_jenjang_for_non_fungsional_kinds() -> None:
    assert batas_usia_pensiun("ADMINISTRATOR", "AHLI_UTAMA") == 58


@pytest.mark.parametrize(
    ("jenis", "jenjang", "khusus"),
    [
        ("", "", None),
        ("ESELON_II", "", None),
        ("jpt_pratama", "", None),
        ("FUNGSIONAL", "", None),
        ("FUNGSIONAL", "PELAKSANA", None),
        ("FUNGSIONAL", "ahli_madya", None),
        ("PELAKSANA", "", 0),
    ],
)
def test_it_rejects_an_unknown_kind_or_jenjang(
    jenis: str, jenjang: str, khusus: int | None
) -> None:
    with pytest.raises(ValueError):
        batas_usia_pensiun(jenis, jenjang, khusus=khusus)


@pytest.mark.parametrize(
    ("lahir", "usia", "pensiun"),
    [
        (date(1968, 3, 15), 58, date(2026, 4, 1)),
        (date(1968, 3, 1), 58, date(2026, 4, 1)),
        (date(1968, 3, 31), 58, date(2026, 4, 1)),
        (date(1966, 12, 31), 60, date(2027, 1, 1)),
        (date(1966, 12, 1), 60, date(2027, 1, 1)),
        (date(1961, 1, 1), 65, date(2026, 2, 1)),
        # Leap day: the age is reached in February of a common year too.
        (date(2000, 2, 29), 58, date(2058, 3, 1)),
        (date(2000, 2, 29), 60, date(2060, 3, 1)),
    ],
)
def test_it_retires_on_the_first_of_the_month_after_the_age_is_reached(
    lahir: date, usia: int, pensiun: date
) -> None:
    assert tanggal_pensiun(lahir, usia) == pensiun


@pytest.mark.parametrize(
    ("batas", "usia", "cutoff"),
    [
        (date(2026, 4, 1), 58, date(1968, 4, 1)),
        (date(2026, 4, 30), 58, date(1968, 4, 1)),
        (date(2027, 1, 1), 60, date(1967, 1, 1)),
        (date(2028, 2, 29), 65, date(1963, 2, 1)),
    ],
)
def test_it_gives_the_birth_date_cutoff_for_projected_retirements(
    batas: date, usia: int, cutoff: date
) -> None:
    assert lahir_sebelum_untuk_pensiun(batas, usia) == cutoff


BATAS_DATES = [
    date(2026, 1, 1),
    date(2026, 1, 31),
    date(2026, 2, 28),
    date(2026, 3, 1),
    date(2026, 6, 15),
    date(2026, 12, 31),
    date(2027, 1, 1),
    date(2028, 2, 29),
    date(2028, 3, 1),
]


@pytest.mark.parametrize("usia", [58, 60, 65])
@pytest.mark.parametrize("batas", BATAS_DATES)
def test_it_finds_projected_retirements_with_a_plain_date_comparison(
    batas: date, usia: int
) -> None:
    cutoff = lahir_sebelum_untuk_pensiun(batas, usia)
    # Every birth date from two years before to two years after the cutoff, leap days included.
    lahir = date(cutoff.year - 2, 1, 1)
    end = date(cutoff.year + 2, 12, 31)
    while lahir <= end:
        assert (tanggal_pensiun(lahir, usia) <= batas) is (lahir < cutoff), (lahir, batas, usia)
        lahir += timedelta(days=1)
