"""Table-driven tests of the JP rules, the leadership training by level and each need source
(docs/aturan.md §9; PP 11/2017 Pasal 203 ayat (4); PP 49/2018 Pasal 40 ayat (1))."""

from __future__ import annotations

import pytest

from pelatihan import rules as r

# (status, jp, memenuhi, kurang, lebih)
JP = [
    ("PNS", 0, False, 20, 0),
    ("PNS", 19, False, 1, 0),
    ("PNS", 20, True, 0, 0),
    ("PNS", 60, True, 0, 0),
    ("PPPK", 0, True, 0, 0),
    ("PPPK", 24, True, 0, 0),
    ("PPPK", 25, False, 0, 1),
    ("PPPK", 40, False, 0, 16),
]


@pytest.mark.parametrize(("status", "jp", "memenuhi", "kurang", "lebih"), JP)
def test_status_jp(status, jp, memenuhi, kurang, lebih):
    assert r.status_jp(status, jp) == r.StatusJp(jp, memenuhi, kurang, lebih)


@pytest.mark.parametrize(("status", "jp"), [("PNS", -1), ("PNS", True), ("PNS", 2.5), ("CPNS", 3)])
def test_status_jp_refuses_bad_input(status, jp):
    with pytest.raises(ValueError):
        r.status_jp(status, jp)


# PP 49/2018 Pasal 40 ayat (1): a PPPK's development at most 24 JP a year; a PNS has no ceiling.
LEBIH = [
    ("PPPK", 0, 24, 0),  # exactly the ceiling
    ("PPPK", 16, 8, 0),
    ("PPPK", 16, 16, 8),  # 32: 8 over
    ("PPPK", 0, 40, 16),  # one program alone past it
    ("PPPK", 30, 8, 8),  # already over: all of the new JP is over
    ("PPPK", 24, 0, 0),  # nothing added
    ("PNS", 40, 40, 0),  # PNS: a floor of 20, no ceiling
]


@pytest.mark.parametrize(("status", "jp", "tambah", "lebih"), LEBIH)
def test_lebih_batas_pppk(status, jp, tambah, lebih):
    assert r.lebih_batas_pppk(status=status, jp=jp, jp_tambahan=tambah) == lebih


@pytest.mark.parametrize(("jp", "tambah"), [(-1, 8), (8, -1), (True, 8), (8, 2.5), ("8", 8)])
def test_lebih_batas_pppk_refuses_bad_input(jp, tambah):
    with pytest.raises(ValueError):
        r.lebih_batas_pppk(status="PPPK", jp=jp, jp_tambahan=tambah)


@pytest.mark.parametrize(("jp", "sisa"), [(0, 24), (10, 14), (24, 0), (30, 0)])
def test_sisa_jatah_pppk(jp, sisa):
    assert r.sisa_jatah_pppk(jp) == sisa


# (status, jenis jabatan, year of CPNS, required)
WAJIB = [
    ("PNS", "PELAKSANA", 2019, ("latsar_cpns",)),
    ("PNS", "PELAKSANA", 2010, ()),  # Prajabatan before Latsar (2018)
    ("PNS", "FUNGSIONAL", 2021, ("latsar_cpns",)),
    ("PNS", "PENGAWAS", 2010, ("pkp",)),
    ("PNS", "ADMINISTRATOR", 2005, ("pka",)),
    ("PNS", "JPT_PRATAMA", 1998, ("pkn_ii",)),
    ("PNS", "JPT_MADYA", 1995, ("pkn_i",)),
    ("PNS", "PENGAWAS", 2019, ("latsar_cpns", "pkp")),
    ("PPPK", "PELAKSANA", None, ()),
    ("PPPK", "JPT_PRATAMA", None, ("pkn_ii",)),
]


@pytest.mark.parametrize(("status", "jenis", "tahun", "wajib"), WAJIB)
def test_kepemimpinan_wajib(status, jenis, tahun, wajib):
    assert r.kepemimpinan_wajib(status=status, jenis_jabatan=jenis, tahun_cpns=tahun) == wajib


@pytest.mark.parametrize(
    ("selesai", "wajib", "cukup"),
    [
        ({"pkp"}, "pkp", True),
        ({"pka"}, "pkp", True),  # a higher program covers the lower level
        ({"pkp"}, "pka", False),
        ({"pkn_ii"}, "latsar_cpns", False),  # Latsar is not covered by leadership programs
        (set(), "pkn_i", False),
    ],
)
def test_setara_atau_lebih_tinggi(selesai, wajib, cukup):
    assert r.setara_atau_lebih_tinggi(selesai, wajib) is cukup


@pytest.mark.parametrize(
    ("jenis", "berikut"),
    [
        ("PELAKSANA", "pkp"),
        ("FUNGSIONAL", "pkp"),
        ("PENGAWAS", "pka"),
        ("ADMINISTRATOR", "pkn_ii"),
        ("JPT_PRATAMA", "pkn_i"),
        ("JPT_UTAMA", None),
    ],
)
def test_kepemimpinan_berikutnya(jenis, berikut):
    assert r.kepemimpinan_berikutnya(jenis) == berikut


# --- needs -------------------------------------------------------------------------------

KOM = r.DataProgram(1, "Komunikasi Efektif", "manajerial", 16, 500_000, kompetensi={"m03": 3})
KOM_DASAR = r.DataProgram(2, "Komunikasi Dasar", "manajerial", 8, 100_000, kompetensi={"m03": 2})
HASIL = r.DataProgram(
    3, "Manajemen Kinerja", "manajerial", 24, 900_000, kompetensi={"m04": 3, "m03": 3}
)
PKP = r.DataProgram(4, "PKP", "manajerial", 270, 15_000_000, pelatihan_wajib="pkp")
PKA = r.DataProgram(5, "PKA", "manajerial", 360, 25_000_000, pelatihan_wajib="pka")
LATSAR = r.DataProgram(
    6, "Latsar CPNS", "manajerial", 286, 8_000_000, pelatihan_wajib="latsar_cpns"
)
ELEARN = r.DataProgram(7, "E-learning ASN", "teknis", 20, 0, jenis_jabatan_sasaran=("PELAKSANA",))
KATALOG = [KOM, KOM_DASAR, HASIL, PKP, PKA, LATSAR, ELEARN]
STANDAR_2 = dict.fromkeys(("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "sk01"), 2)
CAPAIAN_OK = dict(STANDAR_2)


def _p(**kw) -> r.DataPegawai:
    base = {
        "id": 1,
        "status": "PNS",
        "jenis_jabatan": "PELAKSANA",
        "tahun_cpns": 2010,
        "jp_tahun_ini": 30,
        "standar": STANDAR_2,
        "capaian": CAPAIAN_OK,
    }
    return r.DataPegawai(**{**base, **kw})


def _sumber(kebutuhan):
    return [(k.sumber, k.kode) for k in kebutuhan]


def test_no_need_for_a_met_standard_with_enough_jp():
    assert r.kebutuhan_pegawai(_p(), KATALOG) == []


def test_a_competency_gap_names_the_programs_that_reach_the_standard_first():
    data = _p(standar={**STANDAR_2, "m03": 3})
    (k,) = r.kebutuhan_pegawai(data, KATALOG)
    assert (k.sumber, k.kode) == ("kompetensi", "m03")
    assert "level 2 di bawah standar 3" in k.alasan
    # Both reach level 3; the cheaper first; the one below standard last.
    assert [p.id for p in k.program] == [KOM.id, HASIL.id, KOM_DASAR.id]
    assert "belum mencapai standar" in k.program[2].alasan


def test_a_program_closing_more_gaps_ranks_first():
    data = _p(standar={**STANDAR_2, "m03": 3, "m04": 3})
    kebutuhan = r.kebutuhan_pegawai(data, KATALOG)
    assert _sumber(kebutuhan) == [("kompetensi", "m03"), ("kompetensi", "m04")]
    assert kebutuhan[0].program[0].id == HASIL.id
    assert "juga M.04" in kebutuhan[0].program[0].alasan


def test_not_assessed_gives_no_competency_need():
    assert r.kebutuhan_pegawai(_p(capaian=None), KATALOG) == []


def test_missing_required_leadership_training_names_its_program():
    kebutuhan = r.kebutuhan_pegawai(_p(jenis_jabatan="PENGAWAS"), KATALOG)
    assert _sumber(kebutuhan) == [("kepemimpinan", "pkp")]
    assert [p.id for p in kebutuhan[0].program] == [PKP.id]


def test_a_higher_program_clears_the_level_requirement():
    data = _p(jenis_jabatan="PENGAWAS", kepemimpinan_selesai=frozenset({"pka"}))
    assert r.kebutuhan_pegawai(data, KATALOG) == []


def test_new_civil_servant_needs_latsar():
    kebutuhan = r.kebutuhan_pegawai(_p(tahun_cpns=2024), KATALOG)
    assert _sumber(kebutuhan) == [("kepemimpinan", "latsar_cpns")]


@pytest.mark.parametrize("predikat", ["Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"])
def test_low_predikat_targets_the_weakest_competencies(predikat):
    data = _p(predikat=predikat, capaian={**CAPAIAN_OK, "m03": 1, "m05": 1, "m07": 1})
    kebutuhan = r.kebutuhan_pegawai(data, KATALOG)
    kinerja = [k for k in kebutuhan if k.sumber == "kinerja"]
    assert [k.kode for k in kinerja] == ["m03", "m05"]  # two weakest, in the regulation's order
    assert predikat in kinerja[0].alasan
    assert kinerja[0].program[0].id == KOM_DASAR.id  # reaches the standard 2, cheapest


def test_low_predikat_without_assessment_targets_results_orientation():
    kebutuhan = r.kebutuhan_pegawai(_p(predikat="Butuh Perbaikan", capaian=None), KATALOG)
    assert _sumber(kebutuhan) == [("kinerja", "m04")]
    assert kebutuhan[0].program[0].id == HASIL.id


@pytest.mark.parametrize(
    ("predikat", "potensial", "jenis", "selesai", "expected"),
    [
        ("Sangat Baik", "Tinggi", "PELAKSANA", set(), [("talenta", "pkp")]),
        ("Sangat Baik", "Tinggi", "PENGAWAS", {"pkp"}, [("talenta", "pka")]),
        ("Sangat Baik", "Tinggi", "PENGAWAS", {"pkp", "pka"}, []),
        ("Sangat Baik", "Menengah", "PELAKSANA", set(), []),
        ("Baik", "Tinggi", "PELAKSANA", set(), []),
    ],
)
def test_high_performer_with_high_potential_gets_the_next_leadership_program(
    predikat, potensial, jenis, selesai, expected
):
    data = _p(
        predikat=predikat,
        potensial=potensial,
        jenis_jabatan=jenis,
        kepemimpinan_selesai=frozenset(selesai),
    )
    assert _sumber(r.kebutuhan_pegawai(data, KATALOG)) == expected


@pytest.mark.parametrize(
    ("status", "jp", "expected"),
    [("PNS", 0, [("jp", "")]), ("PNS", 19, [("jp", "")]), ("PNS", 20, []), ("PPPK", 0, [])],
)
def test_short_of_20_jp(status, jp, expected):
    kebutuhan = r.kebutuhan_pegawai(_p(status=status, jp_tahun_ini=jp), KATALOG)
    assert _sumber(kebutuhan) == expected


def test_jp_shortfall_prefers_programs_suited_to_the_position_that_cover_it():
    (k,) = r.kebutuhan_pegawai(_p(jp_tahun_ini=5), KATALOG)
    assert "kurang 15 JP" in k.alasan
    assert k.program[0].id == ELEARN.id  # suits Pelaksana, 20 JP ≥ 15, free
    assert all(p.id not in (PKP.id, PKA.id, LATSAR.id) for p in k.program)


# --- did it work ---------------------------------------------------------------------------

BP, B, SB = "Butuh Perbaikan", "Baik", "Sangat Baik"


def _grup(n, sebelum, sesudah, mulai=0):
    return {mulai + i: (sebelum, sesudah) for i in range(n)}


@pytest.mark.parametrize(
    ("peserta", "lainnya", "naik_p", "naik_l", "n_l"),
    [
        # 10 participants from BP, 8 improved; 20 non-attendees from BP, 5 improved
        (
            {**_grup(8, BP, B), **_grup(2, BP, BP, 8)},
            {**_grup(5, BP, B, 100), **_grup(15, BP, BP, 105)},
            80.0,
            25.0,
            20,
        ),
        # below the minimum on the participants' side: no share
        (_grup(9, BP, B), _grup(20, BP, BP, 100), None, 0.0, 20),
        # non-attendees matched on the starting predikat: those starting at Baik do not count
        (_grup(10, BP, B), {**_grup(10, BP, BP, 100), **_grup(50, B, SB, 200)}, 100.0, 0.0, 10),
        # a participant is never their own comparison
        (_grup(10, B, SB), _grup(10, B, B), 100.0, None, 0),
    ],
)
def test_efek_program(peserta, lainnya, naik_p, naik_l, n_l):
    e = r.efek_program(1, "X", peserta, lainnya)
    assert (e.naik_peserta, e.naik_pembanding, e.n_pembanding) == (naik_p, naik_l, n_l)
    assert e.n_peserta == len(peserta)
    assert e.cukup is (naik_p is not None and naik_l is not None)


@pytest.mark.parametrize(
    ("nama", "kode"),
    [
        # SIASN's rw-diklat names (latihanStrukturalNama) as agencies typed them over the years.
        ("DIKLATPIM TINGKAT IV", r.PKP),
        ("Diklat PIM Tk. IV", r.PKP),
        ("diklatpim4", r.PKP),
        ("Diklat PIM III", r.PKA),
        ("Diklat Kepemimpinan Tingkat III", r.PKA),
        ("Diklatpim Tk. II", r.PKN_II),
        ("DIKLATPIM I", r.PKN_I),
        ("PKP Angkatan V", r.PKP),
        ("Pelatihan Kepemimpinan Pengawas", r.PKP),
        ("PKA", r.PKA),
        ("Pelatihan Kepemimpinan Administrator", r.PKA),
        ("Pelatihan Kepemimpinan Nasional Tingkat II", r.PKN_II),
        ("PKN Tingkat I", r.PKN_I),
        ("Latsar CPNS Golongan III", r.LATSAR_CPNS),
        ("Pelatihan Dasar CPNS", r.LATSAR_CPNS),
        ("Diklat Prajabatan Golongan II", r.LATSAR_CPNS),
        ("Bimtek Pengelolaan Keuangan Daerah", None),
        ("Diklat Teknis Tingkat I", None),
        ("", None),
    ],
)
def test_kepemimpinan_dari_nama(nama, kode):
    assert r.kepemimpinan_dari_nama(nama) == kode


# --- needs against target posts (a candidacy, a succession) -----------------------------------

KOM_PELAKSANA = r.DataProgram(
    8,
    "Komunikasi Layanan",
    "manajerial",
    8,
    100_000,
    kompetensi={"m03": 3},
    jenis_jabatan_sasaran=("PELAKSANA",),
)
KEPALA = "Kepala Bidang Pelayanan — Dinas Kesehatan"


def _pk(**kw) -> r.DataPegawai:
    """An employee who holds PKA already: a Pengawas or Administrator target asks no leadership
    training of them, only its competency standard."""
    return _p(kepemimpinan_selesai=frozenset({r.PKA}), **kw)


def _sasaran(standar, alasan=r.USULAN, jenis="PENGAWAS", label=KEPALA):
    return r.DataSasaran(label, jenis, {**STANDAR_2, **standar}, alasan)


# (level reached, standard of the post held, of the target post, needs expected)
SASARAN = [
    (2, 2, 3, [("sasaran", "m03")]),  # only the target asks more
    (2, 3, 3, [("kompetensi", "m03")]),  # the post held already names it: not repeated
    (1, 2, 3, [("kompetensi", "m03"), ("sasaran", "m03")]),  # both, each to its standard
    (3, 2, 3, []),  # the target's standard is met
    (2, 4, 3, [("kompetensi", "m03")]),  # the post held asks more than the target
]


@pytest.mark.parametrize(("capaian", "sekarang", "sasaran", "expected"), SASARAN)
def test_a_target_post_adds_the_gaps_its_standard_names(capaian, sekarang, sasaran, expected):
    data = _pk(
        capaian={**CAPAIAN_OK, "m03": capaian},
        standar={**STANDAR_2, "m03": sekarang},
        sasaran=(_sasaran({"m03": sasaran}),),
    )
    assert _sumber(r.kebutuhan_pegawai(data, KATALOG)) == expected


@pytest.mark.parametrize(
    ("alasan", "label"),
    [
        (r.USULAN, f"formasi {KEPALA} (usulan kandidat)"),
        (r.SUKSESI, f"formasi {KEPALA} (calon suksesor)"),
    ],
)
def test_a_target_need_names_the_post_and_why_it_is_a_target(alasan, label):
    data = _pk(sasaran=(_sasaran({"m03": 3}, alasan),))
    (k,) = r.kebutuhan_pegawai(data, KATALOG)
    assert f"level 2 di bawah standar 3 {label}" in k.alasan
    assert k.label_sumber == f"Kesenjangan kompetensi untuk {label}"
    assert k.sasaran.label == KEPALA


def test_a_target_needs_programs_rank_for_the_target_posts_kind():
    katalog = [*KATALOG, KOM_PELAKSANA]
    sekarang = r.kebutuhan_pegawai(_pk(standar={**STANDAR_2, "m03": 3}), katalog)
    assert sekarang[0].program[0].id == KOM_PELAKSANA.id  # suits the Pelaksana post held
    (k,) = r.kebutuhan_pegawai(_pk(sasaran=(_sasaran({"m03": 3}),)), katalog)
    assert k.program[0].id == KOM.id  # the Pengawas target: the program for every kind first


def test_each_target_post_gives_its_own_needs_and_none_without_an_assessment():
    dua = (_sasaran({"m03": 3}), _sasaran({"m08": 4}, r.SUKSESI, "ADMINISTRATOR", "Sekretaris"))
    kebutuhan = r.kebutuhan_pegawai(_pk(sasaran=dua), KATALOG)
    assert [(k.kode, k.sasaran.label) for k in kebutuhan] == [
        ("m03", KEPALA),
        ("m08", "Sekretaris"),
    ]
    assert r.kebutuhan_pegawai(_pk(capaian=None, sasaran=dua), KATALOG) == []


# (the employee's own kind, leadership completed, the target's kind, the needs expected)
SASARAN_KEPEMIMPINAN = [
    ("PELAKSANA", set(), "PENGAWAS", [("sasaran", "pkp")]),
    ("PELAKSANA", {"pka"}, "PENGAWAS", []),  # a higher program clears the lower one
    ("PENGAWAS", set(), "ADMINISTRATOR", [("kepemimpinan", "pkp"), ("sasaran", "pka")]),
    ("PENGAWAS", set(), "PENGAWAS", [("kepemimpinan", "pkp")]),  # own level's need, not twice
    ("PELAKSANA", set(), "FUNGSIONAL", []),  # no leadership training for the kind
]


@pytest.mark.parametrize(("jenis", "selesai", "sasaran", "expected"), SASARAN_KEPEMIMPINAN)
def test_a_target_posts_leadership_training_is_a_need_naming_the_post(
    jenis, selesai, sasaran, expected
):
    data = _p(
        jenis_jabatan=jenis,
        kepemimpinan_selesai=frozenset(selesai),
        sasaran=(_sasaran({}, jenis=sasaran),),
    )
    kebutuhan = r.kebutuhan_pegawai(data, KATALOG)
    assert _sumber(kebutuhan) == expected
    for k in kebutuhan:
        if k.sumber == "sasaran":
            assert (
                k.label_sumber == f"Pelatihan kepemimpinan untuk formasi {KEPALA} (usulan kandidat)"
            )
            assert k.program and k.program[0].nama == k.kode.upper()  # the catalogue's PKP / PKA


def _level(n, sebelum, sesudah, mulai=0):
    return {mulai + i: (sebelum, sesudah) for i in range(n)}


@pytest.mark.parametrize(
    ("peserta", "lainnya", "expected"),
    [
        # 10 participants from level 2, 6 reached 3; 20 non-attendees from 2, 2 reached 3
        (
            {**_level(6, 2, 3), **_level(4, 2, 2, 6)},
            {**_level(2, 2, 3, 100), **_level(18, 2, 2, 102)},
            (10, 20, 2.0, 2.6, 60.0, 2.0, 2.1, 10.0),
        ),
        # fewer than the minimum participants: no figure on their side, the count still shown
        (_level(9, 2, 3), _level(20, 2, 2, 100), (9, 20, None, None, None, 2.0, 2.0, 0.0)),
        # non-attendees matched on the starting level: those starting at 3 do not count
        (
            _level(10, 2, 3),
            {**_level(10, 2, 2, 100), **_level(30, 3, 4, 200)},
            (10, 10, 2.0, 3.0, 100.0, 2.0, 2.0, 0.0),
        ),
        # a participant is never their own comparison; too few non-attendees
        (
            _level(10, 1, 2),
            {**_level(10, 1, 2), **_level(5, 1, 1, 100)},
            (10, 5, 1.0, 2.0, 100.0, None, None, None),
        ),
    ],
)
def test_efek_kompetensi(peserta, lainnya, expected):
    e = r.efek_kompetensi("m03", peserta, lainnya)
    assert (
        e.n_peserta,
        e.n_pembanding,
        e.awal_peserta,
        e.akhir_peserta,
        e.naik_peserta,
        e.awal_pembanding,
        e.akhir_pembanding,
        e.naik_pembanding,
    ) == expected
    assert e.cukup is (expected[4] is not None and expected[7] is not None)
    assert e.nama == "M.03 Komunikasi"


def test_efek_program_compares_the_levels_of_each_competency_it_develops():
    ikut = set(range(12))
    # Participants' levels (before, after): m03 2 → 3 for all, m04 unchanged; 12 others stay.
    level = {pid: ({"m03": 2, "m04": 2}, {"m03": 3, "m04": 2}) for pid in ikut}
    level |= {100 + i: ({"m03": 2, "m04": 2}, {"m03": 2, "m04": 2}) for i in range(12)}
    level[200] = ({"m03": None, "m04": 2}, {"m03": 3, "m04": 2})  # m03 not assessed before
    e = r.efek_program(
        1,
        "X",
        _grup(5, BP, B),
        _grup(20, BP, BP, 100),
        kompetensi=["m03", "m04"],
        ikut=ikut,
        level=level,
    )
    m03, m04 = e.kompetensi
    assert (m03.kode, m03.n_peserta, m03.n_pembanding, m03.naik_peserta, m03.naik_pembanding) == (
        "m03",
        12,
        12,
        100.0,
        0.0,
    )
    assert (m04.n_pembanding, m04.naik_peserta, m04.akhir_peserta) == (13, 0.0, 2.0)
    # Predikat: 5 participants with both years is below the minimum, their count still given.
    assert (e.n_peserta, e.naik_peserta) == (5, None)
    assert r.efek_program(1, "X", {}, {}).kompetensi == ()


def test_katalog_remembers_rankings_without_changing_them():
    """The Katalog the city's needs run on shares its rankings between employees: every need
    of every kind of employee is the same as against the plain catalogue, in both languages,
    and a second employee with the same gaps gets the very same ranked programs."""
    from django.utils import translation

    katalog = r.Katalog(KATALOG)
    rendah = {**CAPAIAN_OK, "m03": 1, "m04": 1}
    sasaran = (r.DataSasaran("Kepala Bidang — Dinas", "ADMINISTRATOR", {**STANDAR_2, "m08": 3}),)
    ragam = [
        _p(),
        _p(capaian=rendah),
        _p(capaian=rendah, jenis_jabatan="FUNGSIONAL", jp_tahun_ini=4),
        _p(capaian={**CAPAIAN_OK, "m03": 1}, predikat="Butuh Perbaikan", tahun_cpns=2021),
        _p(jenis_jabatan="PENGAWAS", predikat="Sangat Baik", potensial="Tinggi"),
        _p(capaian=rendah, sasaran=sasaran, jp_tahun_ini=0),
    ]
    for bahasa in ("id", "en", "id"):
        with translation.override(bahasa):
            for data in ragam:
                assert r.kebutuhan_pegawai(data, katalog) == r.kebutuhan_pegawai(data, KATALOG)
    with translation.override("en"):
        a = r.kebutuhan_pegawai(_p(id=1, capaian=rendah), katalog)
        b = r.kebutuhan_pegawai(_p(id=2, capaian=rendah), katalog)
    assert [k.program for k in a] == [k.program for k in b]
    assert all(x.program is y.program for x, y in zip(a, b, strict=True))
    assert a[0].program[0].alasan.startswith("develop ")  # remembered per language
    with translation.override("id"):
        c = r.kebutuhan_pegawai(_p(id=3, capaian=rendah), katalog)
    assert c[0].program[0].alasan.startswith("mengembangkan ")
