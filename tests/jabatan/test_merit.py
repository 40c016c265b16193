"""The merit ranking's rules, components and order, from the regulations; a golden ranking."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jabatan import merit
from jabatan.merit import Bobot, Hukuman, Kandidat, Syarat
from kinerja import rules as kr
from pegawai.jenis_jabatan import JenisJabatan as J

PADA = date(2026, 11, 28)
STD3 = dict.fromkeys(("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "sk01"), 3)
ADM = Syarat(J.ADMINISTRATOR, golongan_minimal="III/d", pendidikan_minimal=7, standar=STD3)


def _k(**kw) -> Kandidat:
    base = dict(
        pegawai_id=1, nip="198001012005011001", nama="A", jenis_kelamin="L",
        tanggal_lahir=date(1980, 1, 1), status="PNS", aktif=True, golongan="IV/a",
        tmt_golongan=date(2022, 4, 1), tmt_masuk=date(2005, 1, 1), pendidikan=7,
        bidang_studi=None, predikat_tahunan=(kr.BAIK, kr.BAIK), capaian=STD3,
        pengalaman_hari={J.PENGAWAS: 1827},  # five years of 365.25 days
    )  # fmt: skip
    base.update(kw)
    return Kandidat(**base)


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
        ({"pengalaman_hari": {}, "jabatan_kini": J.FUNGSIONAL,
          "jabatan_kini_mulai": date(2023, 11, 27)}, []),  # running post counts to the day
        ({"tanggal_lahir": date(1968, 6, 1)}, ["MASA_PENSIUN"]),  # retires 1 July 2026 + ...
        ({"hukuman": (Hukuman("potong_tukin_6", date(2026, 10, 1), date(2027, 3, 31)),)},
         ["HUKUMAN_DISIPLIN"]),
        ({"hukuman": (Hukuman("teguran_lisan", date(2026, 10, 1), None),)}, []),  # ringan
        ({"hukuman": (Hukuman("potong_tukin_6", date(2025, 1, 1), date(2025, 6, 30)),)}, []),
    ],
)  # fmt: skip
def test_each_eligibility_rule_has_its_code(ubah, kode):
    assert _kode(_k(**ubah)) == kode


def test_rules_that_time_resolves_say_from_when():
    k = _k(
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
    selesai = _k(pengalaman_hari={J.PENGAWAS: 700})  # ended posts only: time does not help
    assert merit.kelayakan(selesai, ADM, PADA)[0].lulus_pada is None
    assert merit.kelayakan(_k(golongan="III/c"), ADM, PADA)[0].lulus_pada is None


def test_jpt_candidates_are_at_most_56():
    jpt = Syarat(J.JPT_PRATAMA, golongan_minimal="IV/a", pendidikan_minimal=7, standar=STD3,
                 batas_usia_pensiun=60)  # fmt: skip
    tua = _k(tanggal_lahir=date(1969, 11, 28), pengalaman_hari={J.ADMINISTRATOR: 2200})
    assert _kode(tua, jpt) == ["USIA"]  # 57 on the day
    assert _kode(_k(tanggal_lahir=date(1969, 11, 29), pengalaman_hari={J.ADMINISTRATOR: 2200}),
                 jpt) == []  # fmt: skip  # 56 until tomorrow


@pytest.mark.parametrize(
    ("ubah", "nama", "nilai"),
    [
        ({"predikat_tahunan": (kr.SANGAT_BAIK, kr.BAIK)}, "kinerja", "90.00"),
        ({"predikat_tahunan": ()}, "kinerja", "0.00"),
        ({"capaian": {**STD3, "m01": 5, "m02": 2}}, "kompetensi", "96.30"),
        ({"capaian": None}, "kompetensi", "0.00"),
        ({"pendidikan": 8}, "kualifikasi", "85.00"),
        ({}, "kualifikasi", "70.00"),
        ({"jp_pelatihan": 24}, "pengembangan", "100.00"),
        ({}, "pengembangan", "0.00"),
        # two calendar years are 730 days, a little under 2 × 365.25: 730·50 / 1461 = 24.98
        ({"tmt_golongan": date(2024, 11, 28), "pengalaman_hari": {}}, "pengalaman", "24.98"),
        # 1,154 days in rank, 1,827 in posts: (5·1154 + 2·1827)·10 / 1461 = 64.5038 -> 64.50
        ({"tmt_golongan": date(2023, 10, 1)}, "pengalaman", "64.50"),
        ({"tmt_golongan": date(2026, 12, 1), "pengalaman_hari": {}}, "pengalaman", "0.00"),
        ({"hukuman": (Hukuman("potong_tukin_6", date(2023, 1, 1), date(2023, 6, 30)),)},
         "integritas", "70.00"),
        ({"hukuman": (Hukuman("teguran_lisan", date(2026, 1, 1), None),)}, "integritas",
         "90.00"),
        ({"hukuman": (Hukuman("teguran_lisan", date(2020, 1, 1), None),)}, "integritas",
         "100.00"),
    ],
)  # fmt: skip
def test_each_score_component(ubah, nama, nilai):
    assert merit.komponen(_k(**ubah), ADM, PADA)[nama] == Decimal(nilai)


def test_weights_must_sum_to_100():
    with pytest.raises(ValueError):
        Bobot(kinerja=50)


def test_a_small_ranking_computed_by_hand_with_ties_broken_by_duk():
    """Four eligible candidates and one excluded, with the default weights:

    kinerja 30, kompetensi 30, kualifikasi 15, pengalaman 15, integritas 10 (pengembangan 0).
    A: Baik/Baik 80, JPM 100, S1 70, pengalaman 100, integritas 100 -> 24+30+10.5+15+10 = 89.50
    B: same as A, but IV/b: tie on score, B first by rank (DUK).
    C: Sangat Baik x2 100, JPM 100, S2 85, pengalaman 100, integritas 100 -> 30+30+12.75+15+10
       = 97.75
    D: like A but in rank since 2023-10-01 (1,154 days) with 1,827 days in related posts:
       pengalaman (5·1154 + 2·1827)·10 / 1461 = 64.50 -> 24+30+10.5+9.675+10 = 84.175 -> 84.18
       (half up).
    E: Butuh Perbaikan last year: excluded (KINERJA), its score still shown (83.99).
    """
    pengalaman = {J.PENGAWAS: 3653}  # 10 years related -> 50 points, plus rank time
    tmt = date(2018, 4, 1)  # 8.66 years in rank -> capped at 100 with the related years
    a = _k(pegawai_id=1, nip="1", tmt_golongan=tmt, pengalaman_hari=pengalaman)
    b = _k(pegawai_id=2, nip="2", tmt_golongan=tmt, pengalaman_hari=pengalaman, golongan="IV/b")
    c = _k(pegawai_id=3, nip="3", tmt_golongan=tmt, pengalaman_hari=pengalaman, pendidikan=8,
           predikat_tahunan=(kr.SANGAT_BAIK, kr.SANGAT_BAIK))  # fmt: skip
    d = _k(pegawai_id=4, nip="4", tmt_golongan=date(2023, 10, 1),
           pengalaman_hari={J.PENGAWAS: 1827})  # fmt: skip
    e = _k(pegawai_id=5, nip="5", predikat_tahunan=(kr.BUTUH_PERBAIKAN, kr.BAIK))
    hasil = merit.peringkat([a, b, c, d, e], ADM, pada=PADA)
    assert [(h.kandidat.pegawai_id, h.peringkat, str(h.skor)) for h in hasil] == [
        (3, 1, "97.75"),
        (2, 2, "89.50"),
        (1, 3, "89.50"),
        (4, 4, "84.18"),
        (5, None, "83.99"),
    ]
    assert [a.kode for a in hasil[-1].alasan] == ["KINERJA"]
    # The same data always gives the same order.
    assert [h.kandidat.pegawai_id for h in merit.peringkat([e, d, c, b, a], ADM, pada=PADA)] == [
        3, 2, 1, 4, 5]  # fmt: skip


def test_what_if_weights_reorder_without_touching_the_components():
    a = _k(pegawai_id=1, nip="1", capaian=dict.fromkeys(STD3, 1))  # weak competency, long service
    b = _k(
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
    orang = [_k(pegawai_id=n, nip=str(n), jenis_kelamin="P" if n % 2 else "L",
                tanggal_lahir=date(1990 - n, 1, 1)) for n in range(4)]  # fmt: skip
    orang.append(_k(pegawai_id=9, nip="9", jenis_kelamin="P", aktif=False))
    data = merit.keadilan(merit.peringkat(orang, ADM, pada=PADA), PADA)
    assert data["semua"]["jenis_kelamin"] == {"L": 2, "P": 3}
    assert data["layak"]["jenis_kelamin"] == {"L": 2, "P": 2}
    assert data["layak"]["usia"] == {"<30": 0, "30–39": 4, "40–49": 0, "50+": 0}


def test_exclusions_are_counted_by_reason():
    hasil = merit.peringkat(
        [_k(aktif=False, golongan="III/a"), _k(golongan="III/a")], ADM, pada=PADA
    )
    assert merit.hitung_alasan(hasil) == {"GOLONGAN": 2, "TIDAK_AKTIF": 1}


def test_the_talent_pool_can_be_required():
    hasil = merit.peringkat([_k(jpm=Decimal(100))], ADM, pada=PADA, hanya_talent_pool=True)
    # Baik/Baik is Sesuai Ekspektasi, JPM 100 Tinggi: box 8, in the pool.
    assert hasil[0].kotak_talenta == 8 and hasil[0].layak
    # The box reads the assessment's own JPM, not the JPM against the vacancy's standard.
    rendah = _k(jpm=Decimal(50))
    assert not merit.peringkat([rendah], ADM, pada=PADA, hanya_talent_pool=True)[0].layak
    assert not merit.peringkat([_k()], ADM, pada=PADA, hanya_talent_pool=True)[0].layak


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
    (hasil,) = merit.peringkat([_k(jpm=jpm)], ADM, pada=PADA, pita_potensial=pita)
    assert hasil.kotak_talenta == kotak
