"""Disciplinary sanctions, from docs/aturan.md §11 (PP 94/2021 Pasal 8)."""

from datetime import date

import pytest

from pegawai.disiplin import (
    DURASI_BULAN,
    TINGKAT,
    JenisHukuman,
    TingkatHukuman,
    durasi_bulan,
    menghalangi_promosi,
    tanggal_selesai,
    tingkat_hukuman,
)

TABLE = [
    ("teguran_lisan", "Teguran lisan", "ringan", None),
    ("teguran_tertulis", "Teguran tertulis", "ringan", None),
    ("pernyataan_tidak_puas", "Pernyataan tidak puas secara tertulis", "ringan", None),
    ("potong_tukin_6", "Pemotongan tunjangan kinerja 25% selama 6 bulan", "sedang", 6),
    ("potong_tukin_9", "Pemotongan tunjangan kinerja 25% selama 9 bulan", "sedang", 9),
    ("potong_tukin_12", "Pemotongan tunjangan kinerja 25% selama 12 bulan", "sedang", 12),
    (
        "penurunan_jabatan",
        "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
        "berat",
        12,
    ),
    (
        "pembebasan_jabatan",
        "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan",
        "berat",
        12,
    ),
    (
        "pemberhentian",
        "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS",
        "berat",
        None,
    ),
]


def test_it_offers_the_sanction_kinds_and_levels() -> None:
    assert [(value, str(label)) for value, label in JenisHukuman.choices] == [
        (jenis, label) for jenis, label, _tingkat, _bulan in TABLE
    ]
    assert [(value, str(label)) for value, label in TingkatHukuman.choices] == [
        ("ringan", "Ringan"),
        ("sedang", "Sedang"),
        ("berat", "Berat"),
    ]
    assert set(TINGKAT) == set(DURASI_BULAN) == set(JenisHukuman.values)


@pytest.mark.parametrize(("jenis", "label", "tingkat", "bulan"), TABLE)
def test_it_knows_the_level_and_duration_of_each_kind(
    jenis: str, label: str, tingkat: str, bulan: int | None
) -> None:
    assert tingkat_hukuman(jenis) == tingkat
    assert durasi_bulan(jenis) == bulan


@pytest.mark.parametrize("jenis", ["", "ringan", "TEGURAN_LISAN", "potong_tukin_3"])
def test_it_rejects_an_unknown_kind(jenis: str) -> None:
    with pytest.raises(ValueError):
        tingkat_hukuman(jenis)
    with pytest.raises(ValueError):
        durasi_bulan(jenis)
    with pytest.raises(ValueError):
        tanggal_selesai(jenis, date(2026, 1, 1))
    with pytest.raises(ValueError):
        menghalangi_promosi(jenis, date(2026, 1, 1), None, date(2026, 1, 1))


@pytest.mark.parametrize(
    ("jenis", "mulai", "selesai"),
    [
        ("potong_tukin_6", date(2026, 1, 15), date(2026, 7, 14)),
        ("potong_tukin_9", date(2026, 1, 15), date(2026, 10, 14)),
        ("potong_tukin_12", date(2026, 1, 15), date(2027, 1, 14)),
        ("penurunan_jabatan", date(2026, 1, 1), date(2026, 12, 31)),
        ("pembebasan_jabatan", date(2026, 3, 1), date(2027, 2, 28)),
        ("potong_tukin_9", date(2026, 12, 1), date(2027, 8, 31)),
        # Month-end: clamp to the target month's last day, then take one day off.
        ("potong_tukin_6", date(2026, 8, 31), date(2027, 2, 27)),
        ("potong_tukin_6", date(2027, 8, 31), date(2028, 2, 28)),
        ("potong_tukin_12", date(2028, 2, 29), date(2029, 2, 27)),
        ("potong_tukin_9", date(2026, 5, 31), date(2027, 2, 27)),
        # Ringan and dismissal have no running period.
        ("teguran_lisan", date(2026, 1, 15), None),
        ("pernyataan_tidak_puas", date(2026, 1, 15), None),
        ("pemberhentian", date(2026, 1, 15), None),
    ],
)
def test_it_computes_the_last_day_of_a_sanction(
    jenis: str, mulai: date, selesai: date | None
) -> None:
    assert tanggal_selesai(jenis, mulai) == selesai


MULAI = date(2026, 1, 15)
SELESAI = date(2026, 7, 14)


@pytest.mark.parametrize(
    ("jenis", "selesai", "pada", "expected"),
    [
        # Sedang and berat block while running, both ends included.
        ("potong_tukin_6", SELESAI, date(2026, 1, 14), False),
        ("potong_tukin_6", SELESAI, MULAI, True),
        ("potong_tukin_6", SELESAI, date(2026, 4, 1), True),
        ("potong_tukin_6", SELESAI, SELESAI, True),
        ("potong_tukin_6", SELESAI, date(2026, 7, 15), False),
        ("penurunan_jabatan", date(2027, 1, 14), date(2026, 12, 31), True),
        ("pembebasan_jabatan", date(2027, 1, 14), date(2027, 1, 15), False),
        # An unknown end date counts as still running.
        ("potong_tukin_12", None, date(2030, 1, 1), True),
        ("potong_tukin_12", None, date(2026, 1, 1), False),
        # Ringan never blocks.
        ("teguran_lisan", None, MULAI, False),
        ("teguran_tertulis", SELESAI, date(2026, 4, 1), False),
        ("pernyataan_tidak_puas", None, date(2026, 4, 1), False),
        # Dismissal blocks for good once started.
        ("pemberhentian", None, date(2026, 1, 14), False),
        ("pemberhentian", None, MULAI, True),
        ("pemberhentian", SELESAI, date(2040, 1, 1), True),
    ],
)
def test_it_blocks_promotion_while_a_sedang_or_berat_sanction_runs(
    jenis: str, selesai: date | None, pada: date, expected: bool
) -> None:
    assert menghalangi_promosi(jenis, MULAI, selesai, pada) is expected
