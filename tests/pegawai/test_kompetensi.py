"""Competency standards and Job Person Match, from docs/aturan.md §8."""

from decimal import Decimal

import pytest

from pegawai.kompetensi import (
    KODE,
    KODE_RESMI,
    KOMPETENSI,
    jpm,
    standar_default,
)

MANAJERIAL = ["m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08"]


def semua(level: int) -> dict[str, int]:
    return dict.fromkeys(KODE, level)


def test_it_lists_the_nine_competencies_of_permenpanrb_38_2017() -> None:
    assert KOMPETENSI == (
        ("m01", "Integritas"),
        ("m02", "Kerja Sama"),
        ("m03", "Komunikasi"),
        ("m04", "Orientasi pada Hasil"),
        ("m05", "Pelayanan Publik"),
        ("m06", "Pengembangan Diri dan Orang Lain"),
        ("m07", "Mengelola Perubahan"),
        ("m08", "Pengambilan Keputusan"),
        ("sk01", "Perekat Bangsa"),
    )
    assert (*MANAJERIAL, "sk01") == KODE
    assert KODE_RESMI == {
        "m01": "M.01",
        "m02": "M.02",
        "m03": "M.03",
        "m04": "M.04",
        "m05": "M.05",
        "m06": "M.06",
        "m07": "M.07",
        "m08": "M.08",
        "sk01": "SK.01",
    }


@pytest.mark.parametrize(
    ("capaian", "standar", "expected"),
    [
        # Achieved above required is capped: (3 + 2 + 3 * 7) / 27 = 96.296…
        ({**semua(3), "m01": 4, "m02": 2}, semua(3), Decimal("96.30")),
        (semua(3), semua(3), Decimal("100.00")),
        (semua(5), semua(3), Decimal("100.00")),
        # JPT Pratama standard 4, everyone at 3: 27 / 36.
        (semua(3), semua(4), Decimal("75.00")),
        (semua(1), semua(5), Decimal("20.00")),
        # A missing achieved level counts as 0; so does None (not yet assessed).
        ({"m01": 3}, {"m01": 3, "m02": 3}, Decimal("50.00")),
        ({"m01": 3, "m02": None}, {"m01": 3, "m02": 3}, Decimal("50.00")),
        ({}, semua(2), Decimal("0.00")),
        # Only competencies in the standard count.
        ({"m01": 2, "sk01": 5}, {"m01": 4}, Decimal("50.00")),
        # 25 / 32 = 78.125: ROUND_HALF_UP gives .13 (banker's rounding would give .12).
        (
            {**dict.fromkeys(MANAJERIAL, 3), "m07": 4},
            dict.fromkeys(MANAJERIAL, 4),
            Decimal("78.13"),
        ),
        # 2 / 3 = 66.666…
        ({"m01": 2}, {"m01": 3}, Decimal("66.67")),
    ],
)
def test_it_computes_the_job_person_match(
    capaian: dict[str, int | None], standar: dict[str, int], expected: Decimal
) -> None:
    result = jpm(capaian, standar)

    assert result == expected
    assert result.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("capaian", "standar"),
    [
        (semua(3), {}),
        (semua(3), {"m01": 0}),
        (semua(3), {"m01": 6}),
        (semua(3), {"m01": 3, "m02": -1}),
        ({"m01": 0}, {"m01": 3}),
        ({"m01": 6}, {"m01": 3}),
        ({"m01": True}, {"m01": 3}),
        ({"m01": 2.5}, {"m01": 3}),
    ],
)
def test_it_rejects_levels_outside_1_to_5_and_an_empty_standard(
    capaian: dict[str, int], standar: dict[str, int]
) -> None:
    with pytest.raises(ValueError):
        jpm(capaian, standar)


@pytest.mark.parametrize(
    ("jenis", "jenjang", "level"),
    [
        ("JPT_UTAMA", "", 5),
        ("JPT_MADYA", "", 5),
        ("JPT_PRATAMA", "", 4),
        ("ADMINISTRATOR", "", 3),
        ("PENGAWAS", "", 2),
        ("PELAKSANA", "", 1),
        ("FUNGSIONAL", "AHLI_UTAMA", 4),
        ("FUNGSIONAL", "AHLI_MADYA", 3),
        ("FUNGSIONAL", "AHLI_MUDA", 2),
        ("FUNGSIONAL", "AHLI_PERTAMA", 1),
        ("FUNGSIONAL", "PEMULA", 1),
        ("FUNGSIONAL", "TERAMPIL", 1),
        ("FUNGSIONAL", "MAHIR", 1),
        ("FUNGSIONAL", "PENYELIA", 1),
    ],
)
def test_it_gives_the_default_standard_of_each_kind(jenis: str, jenjang: str, level: int) -> None:
    assert standar_default(jenis, jenjang) == semua(level)


@pytest.mark.parametrize(
    ("jenis", "jenjang"),
    [("", ""), ("ESELON_III", ""), ("FUNGSIONAL", ""), ("FUNGSIONAL", "PELAKSANA")],
)
def test_it_rejects_a_default_standard_for_an_unknown_kind(jenis: str, jenjang: str) -> None:
    with pytest.raises(ValueError):
        standar_default(jenis, jenjang)
