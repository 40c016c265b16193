"""Performance and talent rules, from docs/aturan.md §6 (PermenPANRB
6/2022) and §7 (PermenPANRB 3/2020). Pure functions: no database."""

from decimal import Decimal

import pytest

from kinerja.rules import (
    BAIK,
    BERAKHLAK,
    BUTUH_PERBAIKAN,
    DI_ATAS,
    DI_BAWAH,
    ISTIMEWA,
    KURANG,
    MENENGAH,
    ORG_BAIK,
    ORG_BUTUH_PERBAIKAN,
    ORG_KURANG,
    ORG_SANGAT_KURANG,
    POTENSIAL,
    PREDIKAT,
    PREDIKAT_ORGANISASI,
    RATING,
    RENDAH,
    SANGAT_BAIK,
    SANGAT_KURANG,
    SESUAI,
    SKOR_PREDIKAT,
    TALENT_POOL,
    TINGGI,
    Pelanggaran,
    Pita,
    batas_kurva,
    cek_kurva,
    kotak_talenta,
    predikat,
    rekomendasi_kotak,
    skor_predikat,
    sumbu_kinerja,
    sumbu_potensial,
)

BP_ATAU_KURANG = "Butuh Perbaikan atau Kurang/Misconduct"


def test_it_uses_the_regulations_exact_labels() -> None:
    assert RATING == ("Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi")
    assert PREDIKAT == (
        "Sangat Baik",
        "Baik",
        "Butuh Perbaikan",
        "Kurang/Misconduct",
        "Sangat Kurang",
    )
    assert PREDIKAT_ORGANISASI == ("Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang")
    assert POTENSIAL == ("Tinggi", "Menengah", "Rendah")
    assert [label for _code, label in BERAKHLAK] == [
        "Berorientasi Pelayanan",
        "Akuntabel",
        "Kompeten",
        "Harmonis",
        "Loyal",
        "Adaptif",
        "Kolaboratif",
    ]
    assert [code for code, _label in BERAKHLAK] == [
        "berorientasi_pelayanan",
        "akuntabel",
        "kompeten",
        "harmonis",
        "loyal",
        "adaptif",
        "kolaboratif",
    ]


# --- Predikat matrix (section 6): rows hasil kerja, columns perilaku kerja ----------------------
MATRIKS = [
    ("Di Atas Ekspektasi", "Di Bawah Ekspektasi", "Kurang/Misconduct"),
    ("Di Atas Ekspektasi", "Sesuai Ekspektasi", "Baik"),
    ("Di Atas Ekspektasi", "Di Atas Ekspektasi", "Sangat Baik"),
    ("Sesuai Ekspektasi", "Di Bawah Ekspektasi", "Kurang/Misconduct"),
    ("Sesuai Ekspektasi", "Sesuai Ekspektasi", "Baik"),
    ("Sesuai Ekspektasi", "Di Atas Ekspektasi", "Baik"),
    ("Di Bawah Ekspektasi", "Di Bawah Ekspektasi", "Sangat Kurang"),
    ("Di Bawah Ekspektasi", "Sesuai Ekspektasi", "Butuh Perbaikan"),
    ("Di Bawah Ekspektasi", "Di Atas Ekspektasi", "Butuh Perbaikan"),
]


@pytest.mark.parametrize(("hasil", "perilaku", "expected"), MATRIKS)
def test_it_gives_the_predikat_of_each_matrix_cell(
    hasil: str, perilaku: str, expected: str
) -> None:
    assert predikat(hasil, perilaku) == expected


@pytest.mark.parametrize(
    ("hasil", "perilaku", "bad"),
    [
        ("Diatas Ekspektasi", SESUAI, "hasil"),
        ("Exceeds expectations", SESUAI, "hasil"),
        (SESUAI, "sesuai ekspektasi", "perilaku"),
        (SESUAI, "", "perilaku"),
    ],
)
def test_it_rejects_an_unknown_rating_naming_it(hasil: str, perilaku: str, bad: str) -> None:
    with pytest.raises(ValueError) as excinfo:
        predikat(hasil, perilaku)
    message = str(excinfo.value)
    assert message.startswith(f"Unknown {bad}:")
    assert repr(hasil if bad == "hasil" else perilaku) in message
    for label in RATING:
        assert label in message


# --- Talent grid (section 7): rows potensial, columns kinerja -----------------------------------
GRID = [
    ("Tinggi", "Di Bawah Ekspektasi", 6),
    ("Tinggi", "Sesuai Ekspektasi", 8),
    ("Tinggi", "Di Atas Ekspektasi", 9),
    ("Menengah", "Di Bawah Ekspektasi", 3),
    ("Menengah", "Sesuai Ekspektasi", 5),
    ("Menengah", "Di Atas Ekspektasi", 7),
    ("Rendah", "Di Bawah Ekspektasi", 1),
    ("Rendah", "Sesuai Ekspektasi", 2),
    ("Rendah", "Di Atas Ekspektasi", 4),
]


@pytest.mark.parametrize(("potensial", "kinerja", "kotak"), GRID)
def test_it_places_each_cell_of_the_talent_grid(potensial: str, kinerja: str, kotak: int) -> None:
    assert kotak_talenta(kinerja, potensial) == kotak


@pytest.mark.parametrize(
    ("kinerja", "potensial", "bad"),
    [
        ("Sesuai", TINGGI, "kinerja"),
        (SANGAT_BAIK, TINGGI, "kinerja"),
        (SESUAI, "tinggi", "potensial"),
        (SESUAI, "Sedang", "potensial"),
    ],
)
def test_it_rejects_an_unknown_axis_label_naming_it(kinerja: str, potensial: str, bad: str) -> None:
    with pytest.raises(ValueError, match=f"^Unknown {bad}:") as excinfo:
        kotak_talenta(kinerja, potensial)
    assert repr(kinerja if bad == "kinerja" else potensial) in str(excinfo.value)


def test_it_puts_boxes_7_8_and_9_in_the_talent_pool() -> None:
    assert frozenset({7, 8, 9}) == TALENT_POOL


# The nine boxes' recommendations as the annex of PermenPANRB 3/2020 words them (the matrix's
# "rekomendasi" column), reproduced identically by several independent public talent-management
# codebases (code search); the annex's own PDF was not in the searched corpora.
@pytest.mark.parametrize(
    ("kinerja", "potensial", "kotak", "expected"),
    [
        (
            DI_ATAS,
            TINGGI,
            9,
            "Dipromosikan dan dipertahankan; Masuk Kelompok Rencana Suksesi "
            "Instansi/Nasional; Penghargaan",
        ),
        (
            SESUAI,
            TINGGI,
            8,
            "Dipertahankan; Masuk Kelompok Rencana Suksesi Instansi; "
            "Rotasi/Perluasan jabatan; Bimbingan kinerja",
        ),
        (
            DI_ATAS,
            MENENGAH,
            7,
            "Dipertahankan; Masuk Kelompok Rencana Suksesi Instansi; "
            "Rotasi/Pengayaan jabatan; Pengembangan kompetensi; Tugas belajar",
        ),
        (DI_BAWAH, TINGGI, 6, "Penempatan yang sesuai; Bimbingan kinerja; Konseling kinerja"),
        (SESUAI, MENENGAH, 5, "Penempatan yang sesuai; Bimbingan kinerja; Pengembangan kompetensi"),
        (DI_ATAS, RENDAH, 4, "Rotasi; Pengembangan kompetensi"),
        (
            DI_BAWAH,
            MENENGAH,
            3,
            "Bimbingan kinerja; Konseling kinerja; Pengembangan kompetensi; Penempatan yang sesuai",
        ),
        (SESUAI, RENDAH, 2, "Bimbingan kinerja; Pengembangan kompetensi; Penempatan yang sesuai"),
        (DI_BAWAH, RENDAH, 1, "Diproses sesuai ketentuan peraturan perundangan"),
    ],
)
def test_it_recommends_each_box_as_the_annex_words_it(
    kinerja: str, potensial: str, kotak: int, expected: str
) -> None:
    assert kotak_talenta(kinerja, potensial) == kotak
    assert rekomendasi_kotak(kotak) == expected


def test_only_box_9_enters_the_national_pool_and_only_box_7_lists_tugas_belajar() -> None:
    nasional = [k for k in range(1, 10) if "Nasional" in rekomendasi_kotak(k)]
    tugas_belajar = [k for k in range(1, 10) if "Tugas belajar" in rekomendasi_kotak(k)]
    assert (nasional, tugas_belajar) == ([9], [7])


def test_the_talent_pool_boxes_are_those_the_annex_sends_to_a_succession_group() -> None:
    suksesi = {k for k in range(1, 10) if "Rencana Suksesi" in rekomendasi_kotak(k)}
    assert suksesi == TALENT_POOL


@pytest.mark.parametrize("kotak", [0, 10, -1, True, 5.0, "5", None])
def test_it_rejects_a_box_outside_1_to_9(kotak: object) -> None:
    with pytest.raises(ValueError, match="kotak"):
        rekomendasi_kotak(kotak)  # type: ignore[arg-type]


# --- Scores from a predikat (section 6) ---------------------------------------------------------
SKOR = [
    ("Sangat Baik", 100),
    ("Baik", 80),
    ("Butuh Perbaikan", 60),
    ("Kurang/Misconduct", 40),
    ("Sangat Kurang", 20),
]


@pytest.mark.parametrize(("label", "skor"), SKOR)
def test_it_scores_each_predikat(label: str, skor: int) -> None:
    assert skor_predikat(label) == skor


def test_it_scores_exactly_the_five_predikat() -> None:
    assert dict(SKOR) == SKOR_PREDIKAT


@pytest.mark.parametrize("label", ["Kurang", "Istimewa", "baik", ""])
def test_it_rejects_scoring_an_unknown_predikat(label: str) -> None:
    with pytest.raises(ValueError, match=f"^Unknown predikat: {label!r}"):
        skor_predikat(label)


# --- Pita (section 7) ---------------------------------------------------------------------------
def test_it_defaults_the_bands_to_60_and_80() -> None:
    assert Pita() == Pita(Decimal(60), Decimal(80))
    assert Pita().batas_rendah == Decimal(60)
    assert Pita().batas_menengah == Decimal(80)


@pytest.mark.parametrize(
    ("rendah", "menengah"),
    [
        (Decimal(80), Decimal(60)),
        (Decimal(70), Decimal(70)),
        (Decimal(-1), Decimal(80)),
        (Decimal(60), Decimal("100.01")),
        (60.0, Decimal(80)),
        ("60", Decimal(80)),
    ],
)
def test_it_rejects_bands_out_of_order_or_range(rendah: object, menengah: object) -> None:
    with pytest.raises(ValueError):
        Pita(rendah, menengah)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rendah", "menengah"),
    [(Decimal(0), Decimal(100)), (Decimal(50), Decimal(75)), (50, 75)],
)
def test_it_accepts_bands_within_0_to_100(rendah: Decimal, menengah: Decimal) -> None:
    pita = Pita(rendah, menengah)
    assert pita.batas_rendah == Decimal(rendah)
    assert isinstance(pita.batas_rendah, Decimal)


# --- Talent-grid axes (section 7) ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("tahunan", "expected"),
    [
        ((BAIK, BAIK), SESUAI),  # 80: middle
        ((SANGAT_BAIK, BAIK), DI_ATAS),  # 90: high
        ((BAIK, BUTUH_PERBAIKAN), SESUAI),  # 70: middle
        ((BUTUH_PERBAIKAN, BUTUH_PERBAIKAN), DI_BAWAH),  # 60: low
        ((SANGAT_BAIK, SANGAT_BAIK), DI_ATAS),  # 100
        ((SANGAT_KURANG, KURANG), DI_BAWAH),  # 30
        ((SANGAT_BAIK,), DI_ATAS),  # one predikat alone: 100
        ((BAIK,), SESUAI),  # one predikat alone: 80
        ([KURANG], DI_BAWAH),  # one predikat alone: 40
        ((BUTUH_PERBAIKAN, SANGAT_BAIK, SANGAT_BAIK), SESUAI),  # only the newest two: 80
        ((), None),  # no evaluation yet
        ([], None),
    ],
)
def test_it_places_the_kinerja_axis_from_the_last_two_predikat(
    tahunan: tuple[str, ...], expected: str | None
) -> None:
    assert sumbu_kinerja(tahunan) == expected


@pytest.mark.parametrize(
    ("tahunan", "expected"),
    [
        ((BAIK, BAIK), DI_ATAS),  # 80 > 75
        ((BAIK, BUTUH_PERBAIKAN), SESUAI),  # 70
        ((BUTUH_PERBAIKAN, BUTUH_PERBAIKAN), SESUAI),  # 60 > 50
        ((BUTUH_PERBAIKAN, KURANG), DI_BAWAH),  # 50
    ],
)
def test_it_places_the_kinerja_axis_with_custom_bands(
    tahunan: tuple[str, ...], expected: str
) -> None:
    assert sumbu_kinerja(tahunan, Pita(Decimal(50), Decimal(75))) == expected


def test_it_rejects_an_unknown_annual_predikat() -> None:
    with pytest.raises(ValueError, match="'Luar Biasa'"):
        sumbu_kinerja([BAIK, "Luar Biasa"])


def test_it_rejects_a_bare_string_as_the_annual_predikat() -> None:
    with pytest.raises(TypeError):
        sumbu_kinerja(BAIK)


@pytest.mark.parametrize(
    ("jpm", "expected"),
    [
        (Decimal("0"), RENDAH),
        (Decimal("60.00"), RENDAH),
        (Decimal("60.01"), MENENGAH),
        (Decimal("80.00"), MENENGAH),
        (Decimal("80.01"), TINGGI),
        (Decimal("100"), TINGGI),
        (None, None),
    ],
)
def test_it_places_the_potensial_axis_from_the_jpm(
    jpm: Decimal | None, expected: str | None
) -> None:
    assert sumbu_potensial(jpm) == expected


@pytest.mark.parametrize(
    ("jpm", "expected"),
    [(Decimal("50"), RENDAH), (Decimal("50.01"), MENENGAH), (Decimal("75.01"), TINGGI)],
)
def test_it_places_the_potensial_axis_with_custom_bands(jpm: Decimal, expected: str) -> None:
    assert sumbu_potensial(jpm, Pita(Decimal(50), Decimal(75))) == expected


@pytest.mark.parametrize("jpm", [Decimal("-0.01"), Decimal("100.01")])
def test_it_rejects_a_jpm_outside_0_to_100(jpm: Decimal) -> None:
    with pytest.raises(ValueError, match="jpm_persen"):
        sumbu_potensial(jpm)


# --- Distribution curve (section 6) -------------------------------------------------------------
def _pegawai(sb: int = 0, b: int = 0, bp: int = 0, k: int = 0, sk: int = 0) -> dict[str, int]:
    return {SANGAT_BAIK: sb, BAIK: b, BUTUH_PERBAIKAN: bp, KURANG: k, SANGAT_KURANG: sk}


# (organisational predikat, counts, breaches as (predikat, aturan, jumlah, persen))
KURVA = [
    # Istimewa: Sangat Baik at most 70%.
    (ISTIMEWA, _pegawai(sb=7, b=3), []),
    (ISTIMEWA, _pegawai(sb=70, b=30), []),
    (ISTIMEWA, _pegawai(sb=71, b=29), [(SANGAT_BAIK, "paling banyak", 71, "71.00")]),
    (ISTIMEWA, _pegawai(sb=8, b=2), [(SANGAT_BAIK, "paling banyak", 8, "80.00")]),
    (ISTIMEWA, _pegawai(sb=1), [(SANGAT_BAIK, "paling banyak", 1, "100.00")]),
    # Baik: Baik at most 70%, and at least one Butuh Perbaikan or Kurang/Misconduct.
    (ORG_BAIK, _pegawai(b=7, bp=1, sb=2), []),
    (ORG_BAIK, _pegawai(b=7, k=1, sb=2), []),
    (ORG_BAIK, _pegawai(b=70, bp=1, sb=29), []),
    (ORG_BAIK, _pegawai(b=71, bp=1, sb=28), [(BAIK, "paling banyak", 71, "71.00")]),
    (ORG_BAIK, _pegawai(b=7, sb=2, sk=1), [(BP_ATAU_KURANG, "paling sedikit", 0, "0.00")]),
    (
        ORG_BAIK,
        _pegawai(b=10),
        [(BAIK, "paling banyak", 10, "100.00"), (BP_ATAU_KURANG, "paling sedikit", 0, "0.00")],
    ),
    # Butuh Perbaikan: at least 60% Butuh Perbaikan, Sangat Baik at most 10%.
    (ORG_BUTUH_PERBAIKAN, _pegawai(bp=6, b=3, sb=1), []),
    (
        ORG_BUTUH_PERBAIKAN,
        _pegawai(bp=5, b=4, sb=1),
        [(BUTUH_PERBAIKAN, "paling sedikit", 5, "50.00")],
    ),
    (ORG_BUTUH_PERBAIKAN, _pegawai(bp=6, b=2, sb=2), [(SANGAT_BAIK, "paling banyak", 2, "20.00")]),
    (
        ORG_BUTUH_PERBAIKAN,
        _pegawai(bp=59, b=41),
        [(BUTUH_PERBAIKAN, "paling sedikit", 59, "59.00")],
    ),
    # Kurang: at least 60% Kurang/Misconduct, at least 10% Butuh Perbaikan, Sangat Baik at most 10%.
    (ORG_KURANG, _pegawai(k=6, bp=1, b=2, sb=1), []),
    (ORG_KURANG, _pegawai(k=5, bp=2, b=2, sb=1), [(KURANG, "paling sedikit", 5, "50.00")]),
    (ORG_KURANG, _pegawai(k=6, bp=0, b=3, sb=1), [(BUTUH_PERBAIKAN, "paling sedikit", 0, "0.00")]),
    (ORG_KURANG, _pegawai(k=6, bp=1, b=1, sb=2), [(SANGAT_BAIK, "paling banyak", 2, "20.00")]),
    (
        ORG_KURANG,
        _pegawai(sb=3),
        [
            (KURANG, "paling sedikit", 0, "0.00"),
            (BUTUH_PERBAIKAN, "paling sedikit", 0, "0.00"),
            (SANGAT_BAIK, "paling banyak", 3, "100.00"),
        ],
    ),
    # Sangat Kurang: at least 60% Sangat Kurang, at least 10% Kurang/Misconduct or Butuh
    # Perbaikan together, no Sangat Baik.
    (ORG_SANGAT_KURANG, _pegawai(sk=6, k=1, b=3), []),
    (ORG_SANGAT_KURANG, _pegawai(sk=6, bp=1, b=3), []),
    (ORG_SANGAT_KURANG, _pegawai(sk=12, bp=1, k=1, b=6), []),  # 2 of 20 together: 10%
    (ORG_SANGAT_KURANG, _pegawai(sk=5, k=1, b=4), [(SANGAT_KURANG, "paling sedikit", 5, "50.00")]),
    (ORG_SANGAT_KURANG, _pegawai(sk=7, b=3), [(BP_ATAU_KURANG, "paling sedikit", 0, "0.00")]),
    (
        ORG_SANGAT_KURANG,
        _pegawai(sk=6, k=1, b=2, sb=1),
        [(SANGAT_BAIK, "paling banyak", 1, "10.00")],
    ),
    # Shares are compared exactly, not after rounding: 1000 of 9999 (10.001%) breaches "at
    # most 10%" although it is reported as 10.00%; 2 of 3 (66.67%) meets "at least 60%".
    (ORG_BUTUH_PERBAIKAN, _pegawai(bp=2, b=1), []),
    (
        ORG_BUTUH_PERBAIKAN,
        _pegawai(sb=1000, bp=6000, b=2999),
        [(SANGAT_BAIK, "paling banyak", 1000, "10.00")],
    ),
    # Reported shares are rounded half up: 1 of 32 is 3.125%, reported as 3.13%.
    (ORG_KURANG, _pegawai(k=20, bp=1, b=11), [(BUTUH_PERBAIKAN, "paling sedikit", 1, "3.13")]),
    # Missing predikat count as zero.
    (ISTIMEWA, {BAIK: 4}, []),
    (ORG_BAIK, {SANGAT_BAIK: 3}, [(BP_ATAU_KURANG, "paling sedikit", 0, "0.00")]),
]


@pytest.mark.parametrize(("organisasi", "jumlah", "expected"), KURVA)
def test_it_checks_the_distribution_curve(
    organisasi: str, jumlah: dict[str, int], expected: list[tuple[str, str, int, str]]
) -> None:
    assert [
        (p.predikat, p.aturan, p.jumlah, str(p.persen)) for p in cek_kurva(organisasi, jumlah)
    ] == expected


@pytest.mark.parametrize("organisasi", PREDIKAT_ORGANISASI)
@pytest.mark.parametrize("jumlah", [{}, _pegawai()])
def test_it_finds_no_breach_in_an_empty_unit(organisasi: str, jumlah: dict[str, int]) -> None:
    assert cek_kurva(organisasi, jumlah) == []


@pytest.mark.parametrize(
    ("organisasi", "jumlah", "pelanggaran"),
    [
        (
            ISTIMEWA,
            _pegawai(sb=8, b=2),
            Pelanggaran(
                predikat=SANGAT_BAIK,
                aturan="paling banyak",
                batas_persen=Decimal("70"),
                batas_jumlah=None,
                jumlah=8,
                persen=Decimal("80.00"),
                pesan=(
                    "Sangat Baik 8 dari 10 pegawai (80,00%) melebihi batas paling banyak 70% "
                    "untuk unit berpredikat Istimewa."
                ),
            ),
        ),
        (
            ORG_BAIK,
            _pegawai(b=7, sb=3),
            Pelanggaran(
                predikat=BP_ATAU_KURANG,
                aturan="paling sedikit",
                batas_persen=None,
                batas_jumlah=1,
                jumlah=0,
                persen=Decimal("0.00"),
                pesan=(
                    "Butuh Perbaikan atau Kurang/Misconduct 0 dari 10 pegawai (0,00%) di bawah "
                    "batas paling sedikit 1 pegawai untuk unit berpredikat Baik."
                ),
            ),
        ),
        (
            ORG_KURANG,
            _pegawai(k=1, bp=2),
            Pelanggaran(
                predikat=KURANG,
                aturan="paling sedikit",
                batas_persen=Decimal("60"),
                batas_jumlah=None,
                jumlah=1,
                persen=Decimal("33.33"),
                pesan=(
                    "Kurang/Misconduct 1 dari 3 pegawai (33,33%) di bawah batas paling sedikit "
                    "60% untuk unit berpredikat Kurang."
                ),
            ),
        ),
        (
            ORG_SANGAT_KURANG,
            _pegawai(sk=6, b=3, sb=1),
            Pelanggaran(
                predikat=BP_ATAU_KURANG,
                aturan="paling sedikit",
                batas_persen=Decimal("10"),
                batas_jumlah=None,
                jumlah=0,
                persen=Decimal("0.00"),
                pesan=(
                    "Butuh Perbaikan atau Kurang/Misconduct 0 dari 10 pegawai (0,00%) di bawah "
                    "batas paling sedikit 10% untuk unit berpredikat Sangat Kurang."
                ),
            ),
        ),
        (
            ORG_SANGAT_KURANG,
            _pegawai(sk=6, k=1, b=2, sb=1),
            Pelanggaran(
                predikat=SANGAT_BAIK,
                aturan="paling banyak",
                batas_persen=Decimal("0"),
                batas_jumlah=None,
                jumlah=1,
                persen=Decimal("10.00"),
                pesan=(
                    "Sangat Baik 1 dari 10 pegawai (10,00%) melebihi batas paling banyak 0% "
                    "untuk unit berpredikat Sangat Kurang."
                ),
            ),
        ),
    ],
)
def test_it_reports_a_breach_with_its_numbers(
    organisasi: str, jumlah: dict[str, int], pelanggaran: Pelanggaran
) -> None:
    found = [p for p in cek_kurva(organisasi, jumlah) if p.predikat == pelanggaran.predikat]
    assert found == [pelanggaran]


@pytest.mark.parametrize(
    ("organisasi", "jumlah", "bad"),
    [
        ("Luar Biasa", _pegawai(b=1), "'Luar Biasa'"),
        (KURANG, _pegawai(b=1), "'Kurang/Misconduct'"),  # the employee label is not a unit's
        (ISTIMEWA, {"Kurang": 1}, "'Kurang'"),  # the unit's label is not an employee's
        (ISTIMEWA, {"sangat baik": 1}, "'sangat baik'"),
        (ISTIMEWA, {SANGAT_BAIK: -1, BAIK: 3}, "-1"),
    ],
)
def test_it_rejects_unknown_labels_and_negative_counts_in_the_curve(
    organisasi: str, jumlah: dict[str, int], bad: str
) -> None:
    with pytest.raises(ValueError, match=bad):
        cek_kurva(organisasi, jumlah)


RULE_TABLE = [
    (ISTIMEWA, [(SANGAT_BAIK, "paling banyak", Decimal(70), None)]),
    (
        ORG_BAIK,
        [
            (BAIK, "paling banyak", Decimal(70), None),
            (BP_ATAU_KURANG, "paling sedikit", None, 1),
        ],
    ),
    (
        ORG_BUTUH_PERBAIKAN,
        [
            (BUTUH_PERBAIKAN, "paling sedikit", Decimal(60), None),
            (SANGAT_BAIK, "paling banyak", Decimal(10), None),
        ],
    ),
    (
        ORG_KURANG,
        [
            (KURANG, "paling sedikit", Decimal(60), None),
            (BUTUH_PERBAIKAN, "paling sedikit", Decimal(10), None),
            (SANGAT_BAIK, "paling banyak", Decimal(10), None),
        ],
    ),
    (
        ORG_SANGAT_KURANG,
        [
            (SANGAT_KURANG, "paling sedikit", Decimal(60), None),
            (BP_ATAU_KURANG, "paling sedikit", Decimal(10), None),
            (SANGAT_BAIK, "paling banyak", Decimal(0), None),
        ],
    ),
]


@pytest.mark.parametrize(("organisasi", "expected"), RULE_TABLE)
def test_it_lists_the_curve_rules_for_display(
    organisasi: str, expected: list[tuple[str, str, Decimal | None, int | None]]
) -> None:
    assert batas_kurva(organisasi) == expected


def test_it_lists_every_organisational_predikat_in_the_rule_table() -> None:
    assert [organisasi for organisasi, _rules in RULE_TABLE] == list(PREDIKAT_ORGANISASI)


def test_it_rejects_an_unknown_organisational_predikat_in_the_rule_table() -> None:
    with pytest.raises(ValueError, match=r"^Unknown predikat_organisasi: 'Luar Biasa'"):
        batas_kurva("Luar Biasa")
