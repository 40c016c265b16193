"""The merit ranking's rules, components and order, from the regulations; a golden ranking."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from jabatan import merit
from jabatan.merit import Bobot, Hukuman, Kandidat, Syarat
from kinerja import rules as kr
from pegawai.jenis_jabatan import JenisJabatan as J
from tests.jabatan.kandidat import ADM, STD3, kandidat

PADA = date(2026, 11, 28)
BOBOT_2026_4 = Bobot(
    kinerja=25, kompetensi=25, kualifikasi=25, pengembangan=0, pengalaman=15, integritas=10
)


def _kode(k: Kandidat, s: Syarat = ADM) -> list[str]:
    return [a.kode for a in merit.kelayakan(k, s, PADA)]


@pytest.mark.parametrize(
    ("ubah", "kode"),
    [
        ({}, []),
        ({"aktif": False}, ["TIDAK_AKTIF"]),
        ({"status": "PPPK", "golongan": "XIII"}, ["STATUS"]),
        ({"golongan": "III/c"}, ["GOLONGAN"]),
        ({"pendidikan": 6}, ["PENDIDIKAN"]),
        ({"predikat_tahunan": (kr.BAIK, kr.BUTUH_PERBAIKAN)}, ["KINERJA"]),
        ({"predikat_tahunan": (kr.SANGAT_BAIK,)}, ["KINERJA"]),  # only one year evaluated
        ({"pengalaman_hari": {J.PENGAWAS: 1095}}, ["PENGALAMAN"]),  # a day short of 3 years
        ({"pengalaman_hari": {J.PENGAWAS: 1096}}, []),
        ({"pengalaman_hari": {J.PELAKSANA: 4000}}, ["PENGALAMAN"]),  # not related to Adm.
        (
            {
                "pengalaman_hari": {},
                "jabatan_kini": J.FUNGSIONAL,
                "jabatan_kini_mulai": date(2023, 11, 27),
            },
            [],
        ),  # running post counts to the day
        ({"tanggal_lahir": date(1968, 6, 1)}, ["MASA_PENSIUN"]),  # retires 1 July 2026 + ...
        (
            {"hukuman": (Hukuman("potong_tukin_6", date(2026, 10, 1), date(2027, 3, 31)),)},
            ["HUKUMAN_DISIPLIN"],
        ),
        ({"hukuman": (Hukuman("teguran_lisan", date(2026, 10, 1), None),)}, []),  # ringan
        ({"hukuman": (Hukuman("potong_tukin_6", date(2025, 1, 1), date(2025, 6, 30)),)}, []),
    ],
)
def test_each_eligibility_rule_has_its_code(ubah, kode):
    assert _kode(kandidat(**ubah)) == kode


def test_rules_that_time_resolves_say_from_when():
    k = kandidat(
        hukuman=(
            Hukuman("potong_tukin_6", date(2026, 10, 1), date(2027, 3, 31)),
            Hukuman("potong_tukin_12", date(2026, 6, 1), date(2027, 5, 31)),
        ),
        pengalaman_hari={},
        jabatan_kini=J.PENGAWAS,
        jabatan_kini_mulai=date(2024, 11, 28),
    )
    alasan = {a.kode: a for a in merit.kelayakan(k, ADM, PADA)}
    # Two running sanctions: one reason, passing the day after the later one ends.
    assert [a.kode for a in merit.kelayakan(k, ADM, PADA)].count("HUKUMAN_DISIPLIN") == 1
    assert alasan["HUKUMAN_DISIPLIN"].lulus_pada == date(2027, 6, 1)
    # Two years as Pengawas so far; three needed: 1,096 days from 28 Nov 2024.
    assert alasan["PENGALAMAN"].lulus_pada == date(2027, 11, 29)
    assert alasan["PENGALAMAN"].pesan.startswith("Pengalaman jabatan terkait 2,00 tahun")
    selesai = kandidat(pengalaman_hari={J.PENGAWAS: 700})  # ended posts only: time does not help
    assert merit.kelayakan(selesai, ADM, PADA)[0].lulus_pada is None
    assert merit.kelayakan(kandidat(golongan="III/c"), ADM, PADA)[0].lulus_pada is None


def test_jpt_candidates_are_at_most_56():
    jpt = Syarat(
        J.JPT_PRATAMA,
        golongan_minimal="IV/a",
        pendidikan_minimal=7,
        standar=STD3,
        batas_usia_pensiun=60,
    )
    tua = kandidat(tanggal_lahir=date(1969, 11, 28), pengalaman_hari={J.ADMINISTRATOR: 2200})
    assert _kode(tua, jpt) == ["USIA"]  # 57 on the day
    muda = kandidat(tanggal_lahir=date(1969, 11, 29), pengalaman_hari={J.ADMINISTRATOR: 2200})
    assert _kode(muda, jpt) == []  # 56 until tomorrow


@pytest.mark.parametrize(
    ("ubah", "nama", "nilai"),
    [
        ({"predikat_tahunan": (kr.SANGAT_BAIK, kr.BAIK)}, "kinerja", "90.00"),
        ({"predikat_tahunan": ()}, "kinerja", "0.00"),
        ({"capaian": {**STD3, "m01": 5, "m02": 2}}, "kompetensi", "96.30"),
        ({"capaian": None}, "kompetensi", "0.00"),
        # No field named by the position or its affair: the fit is not determined, scored as
        # fitting (80), 10 more per level above the minimum.
        ({"pendidikan": 8}, "kualifikasi", "90.00"),
        ({}, "kualifikasi", "80.00"),
        # pengembangan (merit-2026.5): 2 points per JP of 2025–2026 up to 80, and 20 for PKA
        # (the Administrator's leadership training) or a higher one.
        ({}, "pengembangan", "0.00"),
        ({"jp_per_tahun": {2026: 24, 2025: 20}}, "pengembangan", "80.00"),
        ({"jp_per_tahun": {2025: 19}}, "pengembangan", "38.00"),
        ({"jp_per_tahun": {2024: 40, 2026: 10}}, "pengembangan", "20.00"),  # 2024: too old
        ({"tingkat_kepemimpinan": 1}, "pengembangan", "0.00"),  # PKP: below PKA
        ({"tingkat_kepemimpinan": 2}, "pengembangan", "20.00"),  # PKA
        ({"tingkat_kepemimpinan": 3, "jp_per_tahun": {2026: 40}}, "pengembangan", "100.00"),
        # two calendar years are 730 days, a little under 2 × 365.25: 3·730·5 / 1461 = 7.49
        ({"tmt_golongan": date(2024, 11, 28), "pengalaman_hari": {}}, "pengalaman", "7.49"),
        # 1,154 days in rank, 1,827 in posts: (3·1154 + 1827)·5 / 1461 = 18.1006 -> 18.10
        ({"tmt_golongan": date(2023, 10, 1)}, "pengalaman", "18.10"),
        ({"tmt_golongan": date(2026, 12, 1), "pengalaman_hari": {}}, "pengalaman", "0.00"),
        (
            {"hukuman": (Hukuman("potong_tukin_6", date(2023, 1, 1), date(2023, 6, 30)),)},
            "integritas",
            "70.00",
        ),
        ({"hukuman": (Hukuman("teguran_lisan", date(2026, 1, 1), None),)}, "integritas", "90.00"),
        ({"hukuman": (Hukuman("teguran_lisan", date(2020, 1, 1), None),)}, "integritas", "100.00"),
    ],
)
def test_each_score_component(ubah, nama, nilai):
    assert merit.komponen(kandidat(**ubah), ADM, PADA)[nama] == Decimal(nilai)


# A health post: its affair (id 7, Kesehatan) names field 1 exactly, fields 2 and 3 by family.
SEHAT = Syarat(
    J.ADMINISTRATOR,
    golongan_minimal="III/d",
    pendidikan_minimal=7,
    standar=STD3,
    bidang_sesuai=frozenset({1}),
    bidang_serumpun=frozenset({2, 3}),
    sumber_relevansi="urusan",
    urusan=7,
    nama_urusan="Kesehatan",
    nama_bidang={1: "Kesehatan Masyarakat", 2: "Keperawatan", 4: "Pendidikan / Keguruan"},
)


@pytest.mark.parametrize(
    ("ubah", "nama", "nilai"),
    [
        ({"bidang_studi": 1}, "kualifikasi", "80.00"),  # exact fit, S1 for an S1 post
        ({"bidang_studi": 1, "pendidikan": 9}, "kualifikasi", "100.00"),  # two levels above
        ({"bidang_studi": 2}, "kualifikasi", "60.00"),  # same family
        ({"bidang_studi": 4}, "kualifikasi", "20.00"),  # another family
        ({"bidang_studi": 4, "pendidikan": 8}, "kualifikasi", "30.00"),
        ({"bidang_studi": None}, "kualifikasi", "20.00"),  # none recorded
        # 1,154 days in rank, 1,827 in posts all in health units: related counts three times,
        # (3·1154 + 1827 + 2·1827)·5 / 1461 = 30.6057 -> 30.61
        (
            {"tmt_golongan": date(2023, 10, 1), "pengalaman_urusan_hari": {7: 1827}},
            "pengalaman",
            "30.61",
        ),
        # the running post, 730 days, in a health unit: (3·1154 + 730 + 2·730)·5 / 1461 = 19.34
        (
            {
                "tmt_golongan": date(2023, 10, 1),
                "pengalaman_hari": {},
                "jabatan_kini": J.PENGAWAS,
                "jabatan_kini_mulai": date(2024, 11, 28),
                "urusan_kini": 7,
            },
            "pengalaman",
            "19.34",
        ),
        # ... in a unit of another affair: (3·1154 + 730)·5 / 1461 = 14.35
        (
            {
                "tmt_golongan": date(2023, 10, 1),
                "pengalaman_hari": {},
                "jabatan_kini": J.PENGAWAS,
                "jabatan_kini_mulai": date(2024, 11, 28),
                "urusan_kini": 8,
            },
            "pengalaman",
            "14.35",
        ),
        (
            {"tmt_golongan": date(2023, 10, 1), "pengalaman_urusan_hari": {8: 1827}},
            "pengalaman",
            "18.10",
        ),  # another affair's days are not related
    ],
)
def test_relevance_of_field_of_study_and_experience(ubah, nama, nilai):
    assert merit.komponen(kandidat(**ubah), SEHAT, PADA)[nama] == Decimal(nilai)


def test_the_breakdown_says_the_relevance_in_words():
    def kata(**ubah) -> list[str]:
        (h,) = merit.peringkat([kandidat(**ubah)], SEHAT, pada=PADA)
        return h.keterangan[:-2]  # the last two: training (jabatan.merit.pengembangan)

    assert kata(bidang_studi=1, pengalaman_urusan_hari={7: 1827}) == [
        "Kesehatan Masyarakat — sesuai (urusan Kesehatan)",
        "Pengalaman di unit urusan Kesehatan: 5,00 tahun — terkait",
    ]
    assert kata(bidang_studi=2)[0] == "Keperawatan — serumpun (urusan Kesehatan)"
    assert kata(bidang_studi=4) == [
        "Pendidikan / Keguruan — tidak serumpun (urusan Kesehatan)",
        "Belum pernah menjabat di unit urusan Kesehatan",
    ]
    assert kata(bidang_studi=None)[0].startswith("Bidang studi tidak tercatat — tidak serumpun")
    (h,) = merit.peringkat([kandidat(bidang_studi=4)], ADM, pada=PADA)
    assert h.keterangan[:-2] == [
        "Bidang studi tidak tercatat — kesesuaian tidak ditentukan (jabatan dan urusannya "
        "belum menyebut bidang studi)"
    ]


def test_weights_must_sum_to_100():
    with pytest.raises(ValueError):
        Bobot(kinerja=50)


def test_a_small_ranking_computed_by_hand_with_ties_broken_by_duk():
    """Four eligible candidates and one excluded, with the default weights:

    kinerja 25, kompetensi 25, kualifikasi 25, pengalaman 15, integritas 10 (pengembangan 0:
    the merit-2026.4 defaults, given here so the hand computation stays short);
    the post names no field of study (fit not determined: kualifikasi 80 for S1).
    A: Baik/Baik 80, JPM 100, S1 80, pengalaman (3·3163 + 3653)·5 / 1461 = 44.98, integritas
       100 -> 20+25+20+6.747+10 = 81.747 -> 81.75
    B: same as A, but IV/b: tie on score, B first by rank (DUK).
    C: Sangat Baik x2 100, JPM 100, S2 90, pengalaman 44.98, integritas 100 ->
       25+25+22.5+6.747+10 = 89.247 -> 89.25
    D: like A but in rank since 2023-10-01 (1,154 days) with 1,827 days in posts:
       pengalaman (3·1154 + 1827)·5 / 1461 = 18.10 -> 20+25+20+2.715+10 = 77.715 -> 77.72
       (half up).
    E: Butuh Perbaikan last year: excluded (KINERJA), its score still shown (76.06).
    """
    pengalaman = {J.PENGAWAS: 3653}  # 10 years in posts
    tmt = date(2018, 4, 1)  # 3,163 days in rank
    a = kandidat(pegawai_id=1, nip="1", tmt_golongan=tmt, pengalaman_hari=pengalaman)
    b = kandidat(
        pegawai_id=2, nip="2", tmt_golongan=tmt, pengalaman_hari=pengalaman, golongan="IV/b"
    )
    c = kandidat(
        pegawai_id=3,
        nip="3",
        tmt_golongan=tmt,
        pengalaman_hari=pengalaman,
        pendidikan=8,
        predikat_tahunan=(kr.SANGAT_BAIK, kr.SANGAT_BAIK),
    )
    d = kandidat(
        pegawai_id=4, nip="4", tmt_golongan=date(2023, 10, 1), pengalaman_hari={J.PENGAWAS: 1827}
    )
    e = kandidat(pegawai_id=5, nip="5", predikat_tahunan=(kr.BUTUH_PERBAIKAN, kr.BAIK))
    hasil = merit.peringkat([a, b, c, d, e], ADM, pada=PADA, bobot=BOBOT_2026_4)
    assert [(h.kandidat.pegawai_id, h.peringkat, str(h.skor)) for h in hasil] == [
        (3, 1, "89.25"),
        (2, 2, "81.75"),
        (1, 3, "81.75"),
        (4, 4, "77.72"),
        (5, None, "76.06"),
    ]
    assert [a.kode for a in hasil[-1].alasan] == ["KINERJA"]
    # The same data always gives the same order.
    urutan = merit.peringkat([e, d, c, b, a], ADM, pada=PADA, bobot=BOBOT_2026_4)
    assert [h.kandidat.pegawai_id for h in urutan] == [3, 2, 1, 4, 5]


def test_training_moves_a_candidate_up_under_the_default_weights():
    """Defaults of merit-2026.5: kinerja 25, kompetensi 20, kualifikasi 25, pengembangan 10,
    pengalaman 10, integritas 10. A and B are alike (Baik/Baik 80, JPM 100, S1 80, 1,154 days
    in rank and 1,827 in posts: pengalaman 18.10, integritas 100); B took 30 JP in 2025–2026
    and PKA: pengembangan 60 + 20 = 80.
    A: 20 + 20 + 20 + 0 + 1.81 + 10 = 71.81
    B: 71.81 + 8 = 79.81; and with PKA, B comes first on a DUK tie too."""
    a = kandidat(pegawai_id=1, nip="1", tmt_golongan=date(2023, 10, 1))
    b = kandidat(
        pegawai_id=2,
        nip="2",
        tmt_golongan=date(2023, 10, 1),
        jp_per_tahun={2025: 12, 2026: 18},
        tingkat_kepemimpinan=2,
    )
    hasil = merit.peringkat([a, b], ADM, pada=PADA)
    assert [(h.kandidat.pegawai_id, str(h.skor)) for h in hasil] == [(2, "79.81"), (1, "71.81")]
    assert hasil[0].komponen["pengembangan"] == Decimal("80.00")
    sama = merit.peringkat(
        [
            a,
            kandidat(pegawai_id=2, nip="2", tmt_golongan=date(2023, 10, 1), tingkat_kepemimpinan=2),
        ],
        ADM,
        pada=PADA,
        bobot=BOBOT_2026_4,
    )
    assert [h.kandidat.pegawai_id for h in sama] == [2, 1]  # same score: PKA first (DUK)


ADM_PKA = replace(
    ADM, kepemimpinan_syarat=True, program_kepemimpinan=("Pelatihan Kepemimpinan Administrator",)
)


@pytest.mark.parametrize(
    ("syarat", "tingkat", "kode"),
    [
        (ADM, 0, []),  # the profile does not require it: a score, not a rule
        (ADM_PKA, 0, ["KEPEMIMPINAN"]),
        (ADM_PKA, 1, ["KEPEMIMPINAN"]),  # PKP is below PKA
        (ADM_PKA, 2, []),
        (ADM_PKA, 4, []),  # PKN I is higher
        (replace(ADM_PKA, jenis_jabatan=J.FUNGSIONAL, golongan_minimal=""), 0, []),  # none
    ],
)
def test_missing_leadership_training_excludes_where_the_profile_requires_it(syarat, tingkat, kode):
    assert _kode(kandidat(tingkat_kepemimpinan=tingkat), syarat) == kode


def test_the_reason_and_the_breakdown_name_the_program_that_clears_it():
    (h,) = merit.peringkat([kandidat(jp_per_tahun={2026: 8})], ADM_PKA, pada=PADA)
    assert [a.pesan for a in h.alasan] == [
        "Belum lulus PKA, yang disyaratkan profil merit jabatan ini; program yang "
        "memenuhinya: Pelatihan Kepemimpinan Administrator."
    ]
    assert h.keterangan[-2:] == [
        "Pelatihan 2025–2026: 8 JP",
        "PKA: belum (Pelatihan Kepemimpinan Administrator)",
    ]
    (h,) = merit.peringkat([kandidat(tingkat_kepemimpinan=3)], ADM_PKA, pada=PADA)
    assert h.layak and h.keterangan[-1] == "PKA: terpenuhi"


def test_what_if_weights_reorder_without_touching_the_components():
    # a: weak competency, long service.
    a = kandidat(pegawai_id=1, nip="1", capaian=dict.fromkeys(STD3, 1))
    b = kandidat(
        pegawai_id=2, nip="2", predikat_tahunan=(kr.BAIK, kr.BAIK), tmt_golongan=date(2025, 1, 1)
    )
    hasil = merit.peringkat([a, b], ADM, pada=PADA)
    hanya_pengalaman = Bobot(
        kinerja=0, kompetensi=0, kualifikasi=0, pengembangan=0, pengalaman=100, integritas=0
    )
    lain = merit.dengan_bobot(hasil, hanya_pengalaman)
    assert [h.kandidat.pegawai_id for h in hasil] == [2, 1]
    assert [h.kandidat.pegawai_id for h in lain] == [1, 2]
    assert lain[0].komponen == hasil[1].komponen


def test_fairness_shows_shares_of_women_men_and_age_bands():
    orang = [
        kandidat(
            pegawai_id=n,
            nip=str(n),
            jenis_kelamin="P" if n % 2 else "L",
            tanggal_lahir=date(1990 - n, 1, 1),
        )
        for n in range(4)
    ]
    orang.append(kandidat(pegawai_id=9, nip="9", jenis_kelamin="P", aktif=False))
    data = merit.keadilan(merit.peringkat(orang, ADM, pada=PADA), PADA)
    assert data["semua"]["jenis_kelamin"] == {"L": 2, "P": 3}
    assert data["layak"]["jenis_kelamin"] == {"L": 2, "P": 2}
    assert data["layak"]["usia"] == {"<30": 0, "30–39": 4, "40–49": 0, "50+": 0}


def test_exclusions_are_counted_by_reason():
    hasil = merit.peringkat(
        [kandidat(aktif=False, golongan="III/a"), kandidat(golongan="III/a")], ADM, pada=PADA
    )
    assert merit.hitung_alasan(hasil) == {"GOLONGAN": 2, "TIDAK_AKTIF": 1}


def test_the_talent_pool_can_be_required():
    hasil = merit.peringkat([kandidat(jpm=Decimal(100))], ADM, pada=PADA, hanya_talent_pool=True)
    # Baik/Baik is Sesuai Ekspektasi, JPM 100 Tinggi: box 8, in the pool.
    assert hasil[0].kotak_talenta == 8 and hasil[0].layak
    # The box reads the assessment's own JPM, not the JPM against the vacancy's standard.
    rendah = kandidat(jpm=Decimal(50))
    assert not merit.peringkat([rendah], ADM, pada=PADA, hanya_talent_pool=True)[0].layak
    assert not merit.peringkat([kandidat()], ADM, pada=PADA, hanya_talent_pool=True)[0].layak


@pytest.mark.parametrize(
    ("jpm", "pita", "kotak"),
    [
        (Decimal("85"), kr.Pita(60, 80), 8),  # Tinggi with the default bands
        (Decimal("85"), kr.Pita(60, 90), 5),  # HR raised the upper band: Menengah
        (Decimal("60"), kr.Pita(50, 80), 5),  # HR lowered the lower band: Menengah
        (Decimal("60"), kr.Pita(60, 80), 2),
    ],
)
def test_the_talent_box_follows_hrs_bands(jpm, pita, kotak):
    (hasil,) = merit.peringkat([kandidat(jpm=jpm)], ADM, pada=PADA, pita_potensial=pita)
    assert hasil.kotak_talenta == kotak
