"""The index's pure rules, table-driven: the proposed level at the edge of every threshold, the
two formulas, the bands at their bounds, and the fewest one-level moves to the next band."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from sistem_merit import rules

AMBANG = {"2": "0.5", "3": "0.75", "4": "1"}


@pytest.mark.parametrize(
    ("rasio", "level"),
    [
        (None, None),
        (D(0), 1),
        (D("0.4999"), 1),
        (D("0.5"), 2),
        (D("0.7499"), 2),
        (D("0.75"), 3),
        (D("0.9999"), 3),
        (D(1), 4),
    ],
)
def test_it_proposes_the_highest_level_whose_threshold_the_figure_reaches(rasio, level):
    assert rules.propose_level(rasio, AMBANG, level_min=1).level == level


def test_it_gives_the_reason_in_words_with_the_threshold_met_and_the_next():
    usulan = rules.propose_level(D("0.78"), AMBANG, level_min=1)
    assert usulan.alasan == (
        "Angka 78%. Memenuhi: level 3 menuntut paling sedikit 75%. "
        "Level 4 menuntut paling sedikit 100%."
    )
    assert "Belum mencapai" in rules.propose_level(D("0.1"), AMBANG, level_min=1).alasan


@pytest.mark.parametrize(
    ("rasio", "level"),
    [(D(0), 0), (D("0.0001"), 1), (D("0.9"), 1), (D("0.90005"), 2), (D(1), 2)],
)
def test_a_threshold_written_with_a_sign_must_be_passed(rasio, level):
    # The 2026 worksheet: level 1 for "sebagian" (more than none), level 2 for "> 90%".
    assert rules.propose_level(rasio, {"1": ">0", "2": ">0.9"}, level_min=0).level == level


def test_it_says_a_passed_threshold_in_words():
    assert rules.propose_level(D("0.9"), {"1": ">0", "2": ">0.9"}, level_min=0).alasan == (
        "Angka 90%. Memenuhi: level 1 menuntut lebih dari 0%. Level 2 menuntut lebih dari 90%."
    )


def test_it_proposes_no_level_without_thresholds():
    assert rules.propose_level(D("0.5"), {}, level_min=0).level is None


@pytest.mark.parametrize(
    "ambang",
    [
        {"2": "0.8", "3": "0.5"},
        {"2": "1.5"},
        {"2": "-0.1"},
        {"dua": "0.5"},
        {"2": ">0.5", "3": "0.5"},
    ],
)
def test_it_refuses_thresholds_that_do_not_rise_or_are_not_shares(ambang):
    with pytest.raises(ValueError):
        rules.read_ambang(ambang)


SPEK_2018 = rules.Spek(
    rumus=rules.JUMLAH_2018,
    level_min=1,
    level_max=4,
    bobot_survei=D(0),
    kategori=[
        ("I Buruk", D(100)),
        ("II Kurang", D(175)),
        ("III Baik", D(250)),
        ("IV Sangat Baik", D(325)),
    ],
)
SPEK_2025 = rules.Spek(
    rumus=rules.INDEKS_2025,
    level_min=0,
    level_max=4,
    bobot_survei=D(25),
    kategori=[("Dasar", D(0)), ("Lanjutan", D("0.41")), ("Menengah", D("0.61"))],
)


def _nilai(l11: int, l12: int, l21: int) -> list[rules.KriteriaNilai]:
    return [
        rules.KriteriaNilai("1.1", 1, D(60), l11),
        rules.KriteriaNilai("1.2", 1, D(60), l12),
        rules.KriteriaNilai("2.1", 2, D(40), l21),
    ]


@pytest.mark.parametrize(
    ("levels", "total", "band"),
    [
        ((1, 1, 1), D(100), "I Buruk"),
        ((4, 4, 4), D(400), "IV Sangat Baik"),
        # aspect 1: 60 × 2.5 = 150; aspect 2: 40 × 4 = 160
        ((3, 2, 4), D(310), "III Baik"),
        # 60 × 1.5 + 40 × 2 = 170: under 175
        ((2, 1, 2), D(170), "I Buruk"),
        # 60 × 2.5 + 40 × 1 = 190
        ((3, 2, 1), D(190), "II Kurang"),
    ],
)
def test_it_sums_the_2018_formula_and_bands_it(levels, total, band):
    nilai = rules.total(SPEK_2018, _nilai(*levels), None)
    assert nilai == total
    assert rules.band(SPEK_2018, nilai) == band


@pytest.mark.parametrize(
    ("nilai", "band"),
    [
        (D("99.9"), ""),
        (D(100), "I Buruk"),
        (D("174.999"), "I Buruk"),
        (D(175), "II Kurang"),
        (D("249.5"), "II Kurang"),
        (D(250), "III Baik"),
        (D("324.99"), "III Baik"),
        (D(325), "IV Sangat Baik"),
        (D(400), "IV Sangat Baik"),
    ],
)
def test_it_puts_a_total_between_published_bounds_in_the_lower_band(nilai, band):
    assert rules.band(SPEK_2018, nilai) == band


@pytest.mark.parametrize(
    ("levels", "survei", "indeks"),
    [
        ((4, 4, 4), D(1), D(1)),
        ((0, 0, 0), D(0), D(0)),
        # maturity 0.6 × 2/4 + 0.4 × 4/4 = 0.7; 0.75 × 0.7 + 0.25 × 0.5 = 0.65
        ((2, 2, 4), D("0.5"), D("0.65")),
    ],
)
def test_it_combines_maturity_and_the_survey_in_the_2025_formula(levels, survei, indeks):
    assert rules.total(SPEK_2025, _nilai(*levels), survei) == indeks


def test_it_refuses_a_2025_total_without_the_survey():
    with pytest.raises(ValueError):
        rules.total(SPEK_2025, _nilai(1, 1, 1), None)


def test_it_lists_the_fewest_moves_that_reach_the_next_band():
    nilai = _nilai(1, 1, 1)  # 100, band I; band II from 175
    nama, batas, langkah = rules.steps_to_next_band(SPEK_2018, nilai, D(100))
    assert (nama, batas) == ("II Kurang", D(175))
    # 2.1 adds 40 (its aspect has one criterion), 1.1 and 1.2 add 60 / 2 = 30 each.
    assert [(s.kode, s.naik, s.nilai_sesudah) for s in langkah] == [
        ("2.1", D(40), D(140)),
        ("1.1", D(30), D(170)),
        ("1.2", D(30), D(200)),
    ]


def test_it_stops_as_soon_as_the_band_is_reached():
    _nama, _batas, langkah = rules.steps_to_next_band(SPEK_2018, _nilai(2, 1, 2), D(170))
    assert [s.kode for s in langkah] == ["2.1"]  # 170 + 40 = 210 ≥ 175


def test_it_has_no_next_band_at_the_top_and_no_gain_at_the_top_level():
    assert rules.steps_to_next_band(SPEK_2018, _nilai(4, 4, 4), D(400)) is None
    assert rules.gain_of_one_level(SPEK_2018, _nilai(4, 1, 1), "1.1") == 0


def test_it_weighs_a_2025_move_by_the_maturity_share():
    # aspect 1 (60%), 2 criteria, top level 4, survey 25%: 0.75 × 0.6 / 4 / 2 = 0.05625
    assert rules.gain_of_one_level(SPEK_2025, _nilai(0, 0, 0), "1.1") == D("0.05625")


def test_it_bands_the_total_it_keeps_rounded_to_three_decimals():
    # An aspect of weight 40.977% at the top level gives 0.40977, kept as 0.410: Lanjutan
    # (from 0.41), in the estimate as in the final record.
    spek = rules.Spek(
        rumus=rules.INDEKS_2025,
        level_min=0,
        level_max=4,
        bobot_survei=D(0),
        kategori=[("Dasar", D(0)), ("Lanjutan", D("0.41"))],
    )
    nilai = [rules.KriteriaNilai("1.1", 1, D("40.977"), 4), rules.KriteriaNilai("2.1", 2, D(0), 0)]
    assert rules.total(spek, nilai, None) == D("0.410")
    assert rules.band(spek, rules.total(spek, nilai, None)) == "Lanjutan"


@pytest.mark.parametrize(
    ("rasio", "teks"),
    [(D(0), "0"), (D("0.375"), "37,5"), (D("0.38"), "38"), (D("0.99996"), "100"), (D(1), "100")],
)
def test_it_writes_a_share_as_one_percent_number_everywhere(rasio, teks):
    # The same convention as the pages' floatformat:"-1" and the evidence sentences.
    assert rules.angka_persen(rasio) == teks
