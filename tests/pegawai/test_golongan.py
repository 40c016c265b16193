"""Ranks, from docs/aturan.md §2."""

import pytest

from pegawai import golongan

PNS_TABLE = [
    (1, "I/a", "Juru Muda"),
    (2, "I/b", "Juru Muda Tingkat I"),
    (3, "I/c", "Juru"),
    (4, "I/d", "Juru Tingkat I"),
    (5, "II/a", "Pengatur Muda"),
    (6, "II/b", "Pengatur Muda Tingkat I"),
    (7, "II/c", "Pengatur"),
    (8, "II/d", "Pengatur Tingkat I"),
    (9, "III/a", "Penata Muda"),
    (10, "III/b", "Penata Muda Tingkat I"),
    (11, "III/c", "Penata"),
    (12, "III/d", "Penata Tingkat I"),
    (13, "IV/a", "Pembina"),
    (14, "IV/b", "Pembina Tingkat I"),
    (15, "IV/c", "Pembina Utama Muda"),
    (16, "IV/d", "Pembina Utama Madya"),
    (17, "IV/e", "Pembina Utama"),
]

PPPK_ROMAWI = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
]
PPPK_TABLE = list(enumerate(PPPK_ROMAWI, start=1))

UNKNOWN = ["", "III/A", "iii/a", "III-a", "V/a", "XVIII", "0", "III/ a"]


def test_it_lists_the_17_pns_ranks_in_order() -> None:
    assert tuple((kode, nama) for _n, kode, nama in PNS_TABLE) == golongan.PNS


def test_it_lists_the_17_pppk_golongan_in_order() -> None:
    assert tuple(kode for _n, kode in PPPK_TABLE) == golongan.PPPK


@pytest.mark.parametrize(("n", "kode", "nama"), PNS_TABLE)
def test_it_knows_each_pns_rank(n: int, kode: str, nama: str) -> None:
    assert golongan.pangkat(kode) == nama
    assert golongan.urutan(kode) == n
    assert golongan.kode_dari_urutan(n) == kode
    assert golongan.label(kode) == f"{nama} ({kode})"
    assert golongan.is_pns(kode)
    assert not golongan.is_pppk(kode)


@pytest.mark.parametrize(("n", "kode"), PPPK_TABLE)
def test_it_knows_each_pppk_golongan(n: int, kode: str) -> None:
    assert golongan.urutan(kode) == n
    assert golongan.kode_dari_urutan(n, pppk=True) == kode
    assert golongan.label(kode) == f"Golongan {kode}"
    assert golongan.is_pppk(kode)
    assert not golongan.is_pns(kode)


def test_it_orders_pppk_ix_like_pns_iii_a() -> None:
    assert golongan.urutan("IX") == golongan.urutan("III/a") == 9


def test_it_labels_a_rank_as_pangkat_then_code() -> None:
    assert golongan.label("III/a") == "Penata Muda (III/a)"
    assert golongan.label("IX") == "Golongan IX"


@pytest.mark.parametrize("kode", ["IX", "I", "XVII", *UNKNOWN])
def test_it_gives_a_pangkat_only_for_pns_codes(kode: str) -> None:
    with pytest.raises(ValueError):
        golongan.pangkat(kode)


@pytest.mark.parametrize("kode", UNKNOWN)
def test_it_rejects_an_unknown_code(kode: str) -> None:
    assert not golongan.is_pns(kode)
    assert not golongan.is_pppk(kode)
    with pytest.raises(ValueError):
        golongan.urutan(kode)
    with pytest.raises(ValueError):
        golongan.label(kode)


@pytest.mark.parametrize("n", [0, 18, -1])
@pytest.mark.parametrize("pppk", [False, True])
def test_it_rejects_an_order_outside_1_to_17(n: int, pppk: bool) -> None:
    with pytest.raises(ValueError):
        golongan.kode_dari_urutan(n, pppk=pppk)


def test_it_offers_all_34_codes_as_choices_pns_first() -> None:
    choices = [(kode, str(label)) for kode, label in golongan.CHOICES]

    assert choices == [(kode, f"{nama} ({kode})") for _n, kode, nama in PNS_TABLE] + [
        (kode, f"Golongan {kode}") for _n, kode in PPPK_TABLE
    ]
