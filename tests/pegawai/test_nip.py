"""NIP and NI PPPK rules, from docs/aturan.md §3."""

import contextlib
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from pegawai.nip import (
    NipInfo,
    NiPppkInfo,
    compose_ni_pppk,
    compose_nip,
    format_nip,
    normalize_nip,
    parse_ni_pppk,
    parse_nip,
    reads_as_pppk,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("198609262015051001", NipInfo(date(1986, 9, 26), date(2015, 5, 1), "L", 1)),
        ("19860926 201505 1 001", NipInfo(date(1986, 9, 26), date(2015, 5, 1), "L", 1)),
        ("19850315 201001 1 002", NipInfo(date(1985, 3, 15), date(2010, 1, 1), "L", 2)),
        ("199204172019122015", NipInfo(date(1992, 4, 17), date(2019, 12, 1), "P", 15)),
        # The TMT month right after the birth month is "after the birth date".
        ("198609261986101999", NipInfo(date(1986, 9, 26), date(1986, 10, 1), "L", 999)),
        # Leap day and the earliest accepted birth year.
        ("200002292020012001", NipInfo(date(2000, 2, 29), date(2020, 1, 1), "P", 1)),
        ("190001011920011001", NipInfo(date(1900, 1, 1), date(1920, 1, 1), "L", 1)),
        (" 19860926\t201505 1 001\n", NipInfo(date(1986, 9, 26), date(2015, 5, 1), "L", 1)),
    ],
)
def test_it_parses_a_valid_nip(value: str, expected: NipInfo) -> None:
    assert parse_nip(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("19860926201505100", "nip_length"),  # 17 digits
        ("1986092620150510011", "nip_length"),  # 19 digits
        ("", "nip_length"),
        ("1986092620150510O1", "nip_digits"),  # letter O
        ("19860926-201505-1-001", "nip_digits"),
        ("١٩٨٦٠٩٢٦٢٠١٥٠٥١٠٠١", "nip_digits"),  # Arabic-Indic digits pass str.isdigit()
        ("198602302015051001", "nip_birth_date"),  # 30 February
        ("198613012015051001", "nip_birth_date"),  # month 13
        ("198600102015051001", "nip_birth_date"),  # month 00
        ("198609002015051001", "nip_birth_date"),  # day 00
        ("190102292015051001", "nip_birth_date"),  # 1901 is not a leap year
        ("189912312015051001", "nip_birth_date"),  # before 1900
        ("198609262015131001", "nip_tmt"),  # TMT month 13
        ("198609262015001001", "nip_tmt"),  # TMT month 00
        ("198609261986091001", "nip_tmt"),  # TMT in the birth month is not after the birth date
        ("198609261985011001", "nip_tmt"),  # TMT before birth
        ("198609262015053001", "nip_gender"),
        ("198609262015050001", "nip_gender"),
        ("198609262015051000", "nip_sequence"),
    ],
)
def test_it_rejects_an_invalid_nip_with_a_distinct_code(value: str, code: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        parse_nip(value)

    assert excinfo.value.code == code
    assert all("NIP" in message for message in excinfo.value.messages)


def test_it_says_how_many_digits_it_received() -> None:
    with pytest.raises(ValidationError) as excinfo:
        parse_nip("19860926 201505 1 00")

    assert excinfo.value.messages == ["NIP harus 18 digit angka (diterima 17)."]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("199001012021211001", NiPppkInfo(date(1990, 1, 1), 2021, 1, "L", 1)),
        ("19900101 2021 2 1 1 001", NiPppkInfo(date(1990, 1, 1), 2021, 1, "L", 1)),
        ("198512312022292123", NiPppkInfo(date(1985, 12, 31), 2022, 9, "P", 123)),
        ("200002292001231999", NiPppkInfo(date(2000, 2, 29), 2001, 3, "L", 999)),
    ],
)
def test_it_parses_a_valid_ni_pppk(value: str, expected: NiPppkInfo) -> None:
    assert parse_ni_pppk(value) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("19900101202121100", "nip_length"),
        ("1990010120212110011", "nip_length"),
        ("19900101202121100A", "nip_digits"),
        ("199002302021211001", "nip_birth_date"),  # 30 February
        ("189912312021211001", "nip_birth_date"),  # before 1900
        ("199001012021111001", "nip_pppk_marker"),  # digit 13 is 1
        ("198609262015051001", "nip_pppk_marker"),  # a PNS NIP: digit 13 is a month digit
        ("199001012021201001", "nip_pppk_kontrak"),  # contract number 0
        ("199001011990211001", "nip_pppk_tahun"),  # appointed in the birth year
        ("199001011989211001", "nip_pppk_tahun"),  # appointed before birth
        ("199001012021213001", "nip_gender"),
        ("199001012021210001", "nip_gender"),
        ("199001012021211000", "nip_sequence"),
    ],
)
def test_it_rejects_an_invalid_ni_pppk_with_a_distinct_code(value: str, code: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        parse_ni_pppk(value)

    assert excinfo.value.code == code
    assert all("NI PPPK" in message for message in excinfo.value.messages)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("19860926 201505 1 001", "198609262015051001"),
        ("  1986 0926\t2015\n051001 ", "198609262015051001"),
        ("198609262015051001", "198609262015051001"),
        ("", ""),
    ],
)
def test_it_normalizes_a_nip_by_removing_whitespace(value: str, expected: str) -> None:
    assert normalize_nip(value) == expected


@pytest.mark.parametrize(
    ("value", "pppk", "expected"),
    [
        ("198503152010011002", False, "19850315 201001 1 002"),
        ("19850315 201001 1 002", False, "19850315 201001 1 002"),
        ("199001012021211001", True, "19900101 2021 2 1 1 001"),
        ("1990 0101 2021 2 1 1 001", True, "19900101 2021 2 1 1 001"),
        # Not 18 digits: returned unchanged.
        ("19850315201001100", False, "19850315201001100"),
        ("1985 0315 2010", True, "1985 0315 2010"),
        ("19850315201001100X", False, "19850315201001100X"),
        ("", False, ""),
    ],
)
def test_it_formats_a_nip_as_printed_on_decrees(value: str, pppk: bool, expected: str) -> None:
    assert format_nip(value, pppk=pppk) == expected


def test_it_composes_a_nip_from_its_parts() -> None:
    nip = compose_nip(date(1986, 9, 26), date(2015, 5, 1), "L", 1)

    assert nip == "198609262015051001"
    assert parse_nip(nip) == NipInfo(date(1986, 9, 26), date(2015, 5, 1), "L", 1)
    assert compose_nip(date(1992, 4, 17), date(2019, 12, 20), "P", 15) == "199204172019122015"


def test_it_composes_an_ni_pppk_from_its_parts() -> None:
    nip = compose_ni_pppk(date(1990, 1, 1), 2021, 1, "L", 1)

    assert nip == "199001012021211001"
    assert parse_ni_pppk(nip) == NiPppkInfo(date(1990, 1, 1), 2021, 1, "L", 1)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"gender": "X"}, ValueError),
        ({"sequence": 0}, ValueError),
        ({"sequence": 1000}, ValueError),
        ({"tmt_cpns": date(1986, 9, 1)}, ValidationError),  # TMT not after birth
    ],
)
def test_it_refuses_to_compose_an_invalid_nip(kwargs: dict, error: type[Exception]) -> None:
    parts = {
        "birth_date": date(1986, 9, 26),
        "tmt_cpns": date(2015, 5, 1),
        "gender": "L",
        "sequence": 1,
    }
    with pytest.raises(error):
        compose_nip(**(parts | kwargs))


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"nomor_kontrak": 0}, ValueError),
        ({"nomor_kontrak": 10}, ValueError),
        ({"gender": ""}, ValueError),
        ({"sequence": 0}, ValueError),
        ({"tahun_pengangkatan": 1990}, ValidationError),  # not after the birth year
    ],
)
def test_it_refuses_to_compose_an_invalid_ni_pppk(kwargs: dict, error: type[Exception]) -> None:
    parts = {
        "birth_date": date(1990, 1, 1),
        "tahun_pengangkatan": 2021,
        "nomor_kontrak": 1,
        "gender": "P",
        "sequence": 1,
    }
    with pytest.raises(error):
        compose_ni_pppk(**(parts | kwargs))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("199001012021211001", True),  # NI PPPK: digit 13 is the PPPK marker
        ("19900101 2021 2 1 1 001", True),
        ("198503152010011002", False),  # NIP: digit 13 is the tens of the TMT month
        ("199204172019122015", False),
        ("19900101202121100", False),  # not 18 digits
        ("", False),
    ],
)
def test_it_tells_an_ni_pppk_by_its_marker(value: str, expected: bool) -> None:
    assert reads_as_pppk(value) is expected


def test_the_employee_model_clean_stores_the_nip_the_one_way(db) -> None:
    """Pegawai.clean, which every form calls; the admin form's own round trip of a grouped NIP
    is tests/pegawai/test_admin.py::test_it_shows_the_nip_grouped_and_saves_it_plain."""
    from tests.factories import PegawaiFactory

    p = PegawaiFactory.build(nip="19850315 201001 1 002", status="PNS")
    with contextlib.suppress(ValidationError):  # other fields' checks: the NIP comes first
        p.clean()
    assert p.nip == normalize_nip("19850315 201001 1 002") == "198503152010011002"
