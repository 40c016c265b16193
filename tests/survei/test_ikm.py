"""The IKM of the public satisfaction survey, from docs/aturan.md §10.

PermenPANRB 14/2017: NRR per element, weighted 1/9, summed, × 25; letters by the converted index.
"""

from decimal import Decimal

import pytest

from survei.rules import UNSUR_SKM, ikm, indeks_dari_jumlah, mutu_ikm, nrr_unsur


def _isi(*nilai: int) -> list[list[int]]:
    """Return one questionnaire per value, every element answered with that value."""
    return [[v] * 9 for v in nilai]


def test_it_has_the_nine_elements_in_the_regulations_order_and_wording():
    assert [label for _, label in UNSUR_SKM] == [
        "Persyaratan",
        "Sistem, Mekanisme, dan Prosedur",
        "Waktu Penyelesaian",
        "Biaya/Tarif",
        "Produk Spesifikasi Jenis Pelayanan",
        "Kompetensi Pelaksana",
        "Perilaku Pelaksana",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Sarana dan Prasarana",
    ]


@pytest.mark.parametrize(
    ("jawaban", "indeks", "huruf"),
    [
        (_isi(4), "100.00", "A"),
        (_isi(1), "25.00", "D"),
        (_isi(3), "75.00", "C"),
        (_isi(2), "50.00", "D"),
        (_isi(4, 3), "87.50", "B"),
        (_isi(4, 4, 4, 3), "93.75", "A"),
        # one element lower on one questionnaire: 35 × 25 / 9 = 97.222… → 97.22
        ([[4, 4, 4, 4, 4, 4, 4, 4, 3]], "97.22", "A"),
        # 28 × 25 / 9 = 77.777… → 77.78 (rounded half up, two decimals)
        ([[3, 3, 3, 3, 3, 3, 3, 3, 4]], "77.78", "B"),
        # eight questionnaires summing to 81: 81 × 25 / 72 = 28.125 → 28.13, half up, not to even
        (_isi(1, 1, 1, 1, 1, 1, 1, 2), "28.13", "D"),
        # the weights are per element: the index is the mean of the nine NRR × 25
        ([[1, 2, 3, 4, 1, 2, 3, 4, 4], [4, 3, 2, 1, 4, 3, 2, 1, 1]], "62.50", "D"),
        ((tuple(r) for r in _isi(3, 4)), "87.50", "B"),  # any iterable of sequences
    ],
)
def test_it_computes_the_converted_index_and_letter(jawaban, indeks, huruf):
    hasil = ikm(jawaban)
    assert hasil == (Decimal(indeks), huruf)
    assert hasil[0].as_tuple().exponent == -2  # two decimals


@pytest.mark.parametrize(
    ("total", "responden", "indeks"),
    [(81, 8, "28.13"), (324, 9, "100.00"), (81, 9, "25.00"), (286, 9, "88.27"), (287, 9, "88.58")],
)
def test_it_converts_a_sum_of_answers(total, responden, indeks):
    assert indeks_dari_jumlah(total, responden) == Decimal(indeks)


@pytest.mark.parametrize(("total", "responden"), [(10, 0), (8, 1), (37, 1)])
def test_it_rejects_an_impossible_sum(total, responden):
    with pytest.raises(ValueError):
        indeks_dari_jumlah(total, responden)


@pytest.mark.parametrize(
    ("indeks", "huruf"),
    [
        ("100.00", "A"),
        ("88.31", "A"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25.00", "D"),
    ],
)
def test_it_places_the_interval_edges(indeks, huruf):
    assert mutu_ikm(Decimal(indeks)) == huruf


@pytest.mark.parametrize(("total", "huruf"), [(286, "B"), (287, "A")])
def test_it_crosses_the_a_b_edge_with_real_questionnaires(total, huruf):
    # nine questionnaires: 286 × 25 / 81 = 88.27; 287 × 25 / 81 = 88.58
    jawaban = [[4] * 9 for _ in range(9)]
    kurang = 324 - total
    i = 0
    while kurang:
        r, c = divmod(i, 9)
        jawaban[r][c] -= 1
        kurang -= 1
        i += 1
    assert ikm(jawaban)[1] == huruf


@pytest.mark.parametrize(
    "jawaban",
    [
        [],
        iter(()),
        [[0, 4, 4, 4, 4, 4, 4, 4, 4]],
        [[5, 4, 4, 4, 4, 4, 4, 4, 4]],
        [[4] * 9, [4, 4, 4, 4, 4, 4, 4, 4, -1]],
        [[4] * 8],  # eight answers
        [[4] * 10],
        [[4.0] * 9],
        [[True] * 9],
        [["4"] * 9],
    ],
)
def test_it_rejects_no_response_or_an_answer_outside_1_to_4(jawaban):
    with pytest.raises(ValueError):
        ikm(jawaban)


@pytest.mark.parametrize("indeks", ["24.99", "100.01"])
def test_it_rejects_an_index_outside_the_scale(indeks):
    with pytest.raises(ValueError):
        mutu_ikm(Decimal(indeks))


def test_it_gives_the_average_per_element():
    nrr = nrr_unsur([[1, 2, 3, 4, 1, 2, 3, 4, 4], [2, 2, 3, 4, 1, 2, 3, 4, 3]])
    assert nrr == [Decimal("1.5"), 2, 3, 4, 1, 2, 3, 4, Decimal("3.5")]
    with pytest.raises(ValueError):
        nrr_unsur([])
