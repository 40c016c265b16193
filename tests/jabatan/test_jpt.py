"""JPT appointment from among PNS (PP 11/2017 Pasal 107 jo. PP 17/2020; jabatan.merit.jpt).

Worked examples from published texts:
- PP 17/2020 Pasal 107 ayat (1) huruf c (page 12 of the PP as published on
  online.flipbuilder.com/abgzo/wiyr): JPT pratama needs "sedang atau pernah menduduki Jabatan
  administrator atau JF jenjang ahli madya paling singkat 2 (dua) tahun" and "usia paling tinggi
  56 (lima puluh enam) tahun"; ayat (2): the requirements "dapat dikecualikan dengan terlebih
  dahulu mendapatkan persetujuan Presiden".
- Kota Cirebon's open selection (radarcirebon.id, 2 October 2020): an eselon III.b official
  "baru enam bulan sampai 1,5 tahun tetap tidak bisa mendaftar", only after two years.
- MenPANRB circular 68/S.SM.99/2017 (depoknet.com): "batas usia paling tinggi untuk mengikuti
  seleksi pada JPT Pratama ... adalah 56 tahun" — the age on the registration day.
- Sekretariat Kabinet's JPT madya selection (PENG.1/ADM/3/2021, news-lite.ddtc.web.id): "usia
  pelamar paling tinggi 58 tahun pada saat pendaftaran" and "sedang atau pernah menduduki jabatan
  pimpinan tinggi atau jabatan fungsional jenjang ahli utama paling singkat dua tahun".
- PP 11/2017 Pasal 107 huruf a as first enacted (BKPSDM Parigi Moutong,
  dirbkpsdm.parigimoutongkab.go.id/index.php/pangkat-jab/jabatan-pimpinan-tinggi/
  persyaratan-jabatan-pimpinan-tinggi): JPT utama, "sedang atau pernah menduduki JPT madya atau
  JF jenjang ahli utama paling singkat 2 (dua) tahun", "usia paling tinggi 58 (lima puluh
  delapan) tahun".
- Mahkamah Agung's JPT madya selection (December 2025, dandapala.com): "paling singkat dua tahun
  sebagai pejabat pimpinan tinggi pratama atau fungsional ahli utama" [practice: the PP's
  huruf b itself was not found in the searched sources].
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from jabatan import merit
from jabatan.merit import Kandidat, Syarat
from kinerja import rules as kr
from pegawai.jenis_jabatan import JenisJabatan as J
from pegawai.jenis_jabatan import Jenjang as L

DAFTAR = date(2026, 11, 28)  # the registration day
STD3 = dict.fromkeys(("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "sk01"), 3)
PRATAMA = Syarat(
    J.JPT_PRATAMA,
    golongan_minimal="IV/a",
    pendidikan_minimal=7,
    standar=STD3,
    batas_usia_pensiun=60,
)
MADYA = replace(PRATAMA, jenis_jabatan=J.JPT_MADYA, golongan_minimal="IV/c")
DUA_TAHUN = merit.hari_minimal(2)  # 731 days of 365.25


def _k(**kw) -> Kandidat:
    """A PNS who meets every other rule: 6 years in related posts (5 asked), Baik twice."""
    base = dict(
        pegawai_id=1,
        nip="197501012000031001",
        nama="A",
        jenis_kelamin="L",
        tanggal_lahir=date(1975, 1, 1),
        status="PNS",
        aktif=True,
        golongan="IV/c",
        tmt_golongan=date(2020, 4, 1),
        tmt_masuk=date(2000, 3, 1),
        pendidikan=8,
        bidang_studi=None,
        predikat_tahunan=(kr.BAIK, kr.BAIK),
        capaian=STD3,
        pengalaman_hari={J.FUNGSIONAL: 2200},
    )
    base.update(kw)
    return Kandidat(**base)


def _kode(k: Kandidat, s: Syarat = PRATAMA) -> list[str]:
    return [a.kode for a in merit.kelayakan(k, s, DAFTAR)]


@pytest.mark.parametrize(
    ("riwayat", "kode"),
    [
        # Administrator for exactly two years of 365.25 days: passes.
        ({"pengalaman_hari": {J.ADMINISTRATOR: DUA_TAHUN, J.FUNGSIONAL: 2200}}, []),
        # A day short: refused.
        (
            {"pengalaman_hari": {J.ADMINISTRATOR: DUA_TAHUN - 1, J.FUNGSIONAL: 2200}},
            ["JABATAN_JPT"],
        ),
        # JF Ahli Madya counts as Administrator does (the level in the position history).
        ({"pengalaman_jenjang_hari": {L.AHLI_MADYA: 800}}, []),
        # JF Ahli Muda does not, however long (the same fungsional kind, another level).
        ({"pengalaman_jenjang_hari": {L.AHLI_MUDA: 3000}}, ["JABATAN_JPT"]),
        # Pengawas does not either.
        ({"pengalaman_hari": {J.PENGAWAS: 3650, J.FUNGSIONAL: 2200}}, ["JABATAN_JPT"]),
        # Cumulated: one year as Administrator, then one as Ahli Madya ("sedang atau pernah").
        (
            {
                "pengalaman_hari": {J.ADMINISTRATOR: 366, J.FUNGSIONAL: 2200},
                "pengalaman_jenjang_hari": {L.AHLI_MADYA: 366},
            },
            [],
        ),
        # Cirebon 2020: promoted to eselon III.b (Administrator) a year and a half ago.
        (
            {"jabatan_kini": J.ADMINISTRATOR, "jabatan_kini_mulai": date(2025, 5, 28)},
            ["JABATAN_JPT"],
        ),
        # The running post as Ahli Madya counts to the day.
        (
            {
                "jabatan_kini": J.FUNGSIONAL,
                "jenjang_kini": L.AHLI_MADYA,
                "jabatan_kini_mulai": date(2024, 11, 27),
            },
            [],
        ),
        (
            {
                "jabatan_kini": J.FUNGSIONAL,
                "jenjang_kini": L.AHLI_MUDA,
                "jabatan_kini_mulai": date(2014, 1, 1),
            },
            ["JABATAN_JPT"],
        ),
    ],
)
def test_jpt_pratama_asks_two_years_as_administrator_or_ahli_madya(riwayat, kode):
    assert _kode(_k(**riwayat)) == kode


def test_a_recent_promotion_passes_on_the_day_its_two_years_are_complete():
    k = _k(jabatan_kini=J.ADMINISTRATOR, jabatan_kini_mulai=date(2025, 5, 28))
    (a,) = merit.kelayakan(k, PRATAMA, DAFTAR)
    assert a.kode == "JABATAN_JPT"
    assert a.lulus_pada == date(2027, 5, 29)  # 28 May 2025 + 731 days
    assert _kode(k, PRATAMA) == ["JABATAN_JPT"]
    assert merit.kelayakan(k, PRATAMA, a.lulus_pada) == []
    assert a.pesan == (
        "Sedang atau pernah menduduki Administrator atau JF Ahli Madya selama 1,50 tahun; "
        "paling singkat 2 tahun (PP 11/2017 Pasal 107 ayat (1) huruf c jo. PP 17/2020)."
    )
    # Ended posts only: time alone does not bring it.
    (selesai,) = merit.kelayakan(
        _k(pengalaman_hari={J.ADMINISTRATOR: 500, J.FUNGSIONAL: 2200}), PRATAMA, DAFTAR
    )
    assert selesai.lulus_pada is None


@pytest.mark.parametrize(
    ("lahir", "syarat", "kode"),
    [
        (date(1969, 11, 29), PRATAMA, []),  # 56 years and 364 days: still 56
        (date(1969, 11, 28), PRATAMA, ["USIA"]),  # 57 on the registration day
        (date(1967, 11, 29), MADYA, []),  # 58 at registration (Setkab 2021)
        (date(1967, 11, 28), MADYA, ["USIA"]),
    ],
)
def test_the_age_limit_counts_on_the_registration_day(lahir, syarat, kode):
    riwayat = {"pengalaman_jenjang_hari": {L.AHLI_MADYA: 800, L.AHLI_UTAMA: 800}}
    assert _kode(_k(tanggal_lahir=lahir, **riwayat), syarat) == kode


def test_the_age_reason_names_the_limit_and_the_article():
    (a,) = merit.kelayakan(
        _k(tanggal_lahir=date(1969, 1, 1), pengalaman_jenjang_hari={L.AHLI_MADYA: 800}),
        PRATAMA,
        DAFTAR,
    )
    assert a.pesan == (
        "Usia 57 tahun pada 28 November 2026; paling tinggi 56 tahun pada saat pendaftaran "
        "(PP 11/2017 Pasal 107 ayat (1) huruf c jo. PP 17/2020)."
    )


@pytest.mark.parametrize(
    ("jenis", "jabatan", "tahun", "usia", "pasal"),
    [
        # PP 11/2017 Pasal 107 huruf a (Parigi Moutong's text of the PP as first enacted).
        (
            J.JPT_UTAMA,
            {J.JPT_MADYA, L.AHLI_UTAMA},
            2,
            58,
            "PP 11/2017 Pasal 107 ayat (1) huruf a jo. PP 17/2020",
        ),
        # Huruf b: as Setkab 2021 and Mahkamah Agung 2025 announce it [practice].
        (
            J.JPT_MADYA,
            {J.JPT_PRATAMA, L.AHLI_UTAMA},
            2,
            58,
            "PP 11/2017 Pasal 107 ayat (1) huruf b jo. PP 17/2020",
        ),
        # PP 17/2020 page 12: ayat (1) huruf c, items 4 and 6.
        (
            J.JPT_PRATAMA,
            {J.ADMINISTRATOR, L.AHLI_MADYA},
            2,
            56,
            "PP 11/2017 Pasal 107 ayat (1) huruf c jo. PP 17/2020",
        ),
    ],
)
def test_the_rule_table_is_the_regulations(jenis, jabatan, tahun, usia, pasal):
    a = merit.jpt.ATURAN[jenis]
    assert (set(a.jabatan), a.tahun, a.usia_maksimal, a.pasal) == (jabatan, tahun, usia, pasal)


def test_jpt_madya_counts_jpt_pratama_or_ahli_utama_not_administrator():
    assert _kode(_k(pengalaman_hari={J.JPT_PRATAMA: 800, J.FUNGSIONAL: 2200}), MADYA) == []
    assert _kode(_k(pengalaman_jenjang_hari={L.AHLI_UTAMA: 800}), MADYA) == []
    assert _kode(_k(pengalaman_hari={J.ADMINISTRATOR: 3000, J.FUNGSIONAL: 2200}), MADYA) == [
        "JABATAN_JPT"
    ]


def test_the_selections_announcement_sets_the_age_and_years_and_is_named():
    """PP 17/2020 Pasal 107 ayat (2): an exception approved by the President; the selection's
    announcement states it, and the explanation cites the announcement, not the PP."""
    k = _k(
        tanggal_lahir=date(1969, 1, 1), pengalaman_hari={J.ADMINISTRATOR: 400, J.FUNGSIONAL: 2200}
    )
    assert _kode(k) == ["USIA", "JABATAN_JPT"]
    umum = replace(
        PRATAMA,
        usia_maksimal_jpt=58,
        tahun_jabatan_jpt=1,
        sumber_pengecualian="Pengumuman 800/01/Pansel/2026",
    )
    assert _kode(k, umum) == []
    ketat = replace(umum, usia_maksimal_jpt=55, tahun_jabatan_jpt=3)
    k = _k(pengalaman_hari={J.ADMINISTRATOR: 800, J.FUNGSIONAL: 2200})
    pesan = [a.pesan for a in merit.kelayakan(k, ketat, DAFTAR)]
    assert pesan == [
        "Sedang atau pernah menduduki Administrator atau JF Ahli Madya selama 2,19 tahun; "
        "paling singkat 3 tahun (Pengumuman 800/01/Pansel/2026)."
    ]
    assert merit.jpt.batas(PRATAMA) == (56, 2) and merit.jpt.batas(ketat) == (55, 3)


def test_non_jpt_posts_keep_the_retirement_rule_not_the_jpt_rules():
    adm = replace(PRATAMA, jenis_jabatan=J.ADMINISTRATOR, batas_usia_pensiun=58)
    kode = _kode(_k(tanggal_lahir=date(1968, 6, 1), pengalaman_hari={J.PENGAWAS: 1500}), adm)
    assert kode == ["MASA_PENSIUN"]
