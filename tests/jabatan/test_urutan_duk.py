"""The DUK order (jabatan.merit.kunci_duk), table-driven from the worked examples of the
guidance on PP 15/1979 (SE Kepala BAKN 02/SE/1980, "Penentuan nomor urut dalam DUK"), as
reproduced publicly:

- pangkat: https://id.scribd.com/document/504907532/Daftar-Urut-Kepangkatan-Duk-Pegawai
  (Budi, Erlina, Susi: Pembina IV/a from 1-3-2013, 31-12-2013, 1-3-2014);
- jabatan: https://anugerahdino.com/2015/01/menentukan-nomor-urut-pada-daftar-urut.html
  (Abdul Kadir, Kepala Biro, before Abu Bakar, Kepala Bagian: both IV/c from 1-4-1978);
- masa kerja: https://text-id.123dok.com/document/wq27jrd6y-pendidikan-u-s-i-a.html (Gino, PNS
  since 1-5-1963, before Husein, since 1-1-1965: both III/d from 1-10-1977, Kepala Bagian since
  1-4-1978; "masa kerja yang diperhitungkan ... yang dapat diperhitungkan untuk penetapan
  gaji");
- latihan jabatan, pendidikan, usia: the same page's wording (its own examples for these are cut
  off in the copy found): who followed the prescribed latihan jabatan first; then the higher
  education; then the older. The rows below are built from that wording, not from the SE's
  examples.
"""

from __future__ import annotations

from datetime import date

import pytest

from jabatan import merit
from pegawai.jenis_jabatan import JenisJabatan, Jenjang, tingkat_jabatan
from pegawai.pendidikan import urutan_pendidikan


def _orang(nama: str, **ubah) -> merit.Kandidat:
    nilai = dict(
        pegawai_id=hash(nama) % 10_000,
        nip=f"{abs(hash(nama)) % 10**18:018d}",
        nama=nama,
        jenis_kelamin="L",
        tanggal_lahir=date(1940, 1, 1),
        status="PNS",
        aktif=True,
        golongan="IV/c",
        tmt_golongan=date(1978, 4, 1),
        tmt_masuk=date(1960, 1, 1),
        pendidikan=urutan_pendidikan("S1"),
        bidang_studi=None,
    )
    nilai.update(ubah)
    return merit.Kandidat(**nilai)


KEPALA_BIRO = tingkat_jabatan(JenisJabatan.JPT_PRATAMA)  # eselon II
KEPALA_BAGIAN = tingkat_jabatan(JenisJabatan.ADMINISTRATOR)  # eselon III


def _bulan(dari: date, pada: date = date(1980, 1, 1)) -> int:
    return (pada.year - dari.year) * 12 + pada.month - dari.month


CONTOH = [
    pytest.param(
        [
            ("Susi", dict(golongan="IV/a", tmt_golongan=date(2014, 3, 1)), {}),
            ("Budi", dict(golongan="IV/a", tmt_golongan=date(2013, 3, 1)), {}),
            ("Erlina", dict(golongan="IV/a", tmt_golongan=date(2013, 12, 31)), {}),
        ],
        ["Budi", "Erlina", "Susi"],
        id="pangkat: the same pangkat, the earlier TMT first",
    ),
    pytest.param(
        [
            ("Penata", dict(golongan="III/d", tmt_golongan=date(1970, 1, 1)), {}),
            ("Pembina", dict(golongan="IV/a", tmt_golongan=date(1979, 1, 1)), {}),
        ],
        ["Pembina", "Penata"],
        id="pangkat: the higher pangkat first, however recent",
    ),
    pytest.param(
        [
            ("Abu Bakar", {}, dict(tingkat_jabatan=KEPALA_BAGIAN)),
            ("Abdul Kadir", {}, dict(tingkat_jabatan=KEPALA_BIRO)),
        ],
        ["Abdul Kadir", "Abu Bakar"],
        id="jabatan: same pangkat and TMT, the higher post first",
    ),
    pytest.param(
        [
            (
                "Husein",
                dict(golongan="III/d", tmt_golongan=date(1977, 10, 1), tmt_masuk=date(1965, 1, 1)),
                dict(tingkat_jabatan=KEPALA_BAGIAN, masa_kerja_bulan=_bulan(date(1965, 1, 1))),
            ),
            (
                "Gino",
                dict(golongan="III/d", tmt_golongan=date(1977, 10, 1), tmt_masuk=date(1963, 5, 1)),
                dict(tingkat_jabatan=KEPALA_BAGIAN, masa_kerja_bulan=_bulan(date(1963, 5, 1))),
            ),
        ],
        ["Gino", "Husein"],
        id="masa kerja: same pangkat and post, the longer service first",
    ),
    pytest.param(
        [
            # Credited prior service (masa kerja golongan) outweighs an earlier TMT CPNS.
            (
                "Lebih dulu masuk",
                dict(tmt_masuk=date(1960, 1, 1)),
                dict(tingkat_jabatan=KEPALA_BAGIAN, masa_kerja_bulan=200),
            ),
            (
                "Masa kerja diperhitungkan",
                dict(tmt_masuk=date(1962, 1, 1)),
                dict(tingkat_jabatan=KEPALA_BAGIAN, masa_kerja_bulan=260),
            ),
        ],
        ["Masa kerja diperhitungkan", "Lebih dulu masuk"],
        id="masa kerja: as counted for pay, not from TMT CPNS",
    ),
    pytest.param(
        [
            ("Tanpa diklat", {}, dict(tingkat_jabatan=KEPALA_BAGIAN, masa_kerja_bulan=240)),
            (
                "PKA",
                dict(tingkat_kepemimpinan=2),
                dict(tingkat_jabatan=KEPALA_BAGIAN, masa_kerja_bulan=240),
            ),
            (
                "PKN II",
                dict(tingkat_kepemimpinan=3),
                dict(tingkat_jabatan=KEPALA_BAGIAN, masa_kerja_bulan=240),
            ),
        ],
        ["PKN II", "PKA", "Tanpa diklat"],
        id="latihan jabatan: the higher training first (wording)",
    ),
    pytest.param(
        [
            ("S1", {}, dict(tingkat_jabatan=0, masa_kerja_bulan=240)),
            (
                "S2",
                dict(pendidikan=urutan_pendidikan("S2")),
                dict(tingkat_jabatan=0, masa_kerja_bulan=240),
            ),
        ],
        ["S2", "S1"],
        id="pendidikan: the higher education first (wording)",
    ),
    pytest.param(
        [
            (
                "Muda",
                dict(tanggal_lahir=date(1950, 6, 1)),
                dict(tingkat_jabatan=0, masa_kerja_bulan=240),
            ),
            (
                "Tua",
                dict(tanggal_lahir=date(1948, 6, 1)),
                dict(tingkat_jabatan=0, masa_kerja_bulan=240),
            ),
        ],
        ["Tua", "Muda"],
        id="usia: the older first (wording)",
    ),
    pytest.param(
        [
            ("Ahli Muda", {}, dict(tingkat_jabatan=tingkat_jabatan("FUNGSIONAL", "AHLI_MUDA"))),
            ("Administrator", {}, dict(tingkat_jabatan=KEPALA_BAGIAN)),
            ("Ahli Madya", {}, dict(tingkat_jabatan=tingkat_jabatan("FUNGSIONAL", "AHLI_MADYA"))),
            ("Pelaksana", {}, dict(tingkat_jabatan=tingkat_jabatan("PELAKSANA"))),
        ],
        # Ahli Madya stands with Administrator (PermenPANRB 17/2021): the next criterion (here
        # the NIP, everything else equal) decides between them.
        None,
        id="jabatan: fungsional levels beside their administrative equivalents",
    ),
]


@pytest.mark.parametrize(("orang", "urutan"), CONTOH)
def test_the_duk_order_of_the_worked_examples(orang, urutan):
    baris = [(_orang(nama, **data), kunci) for nama, data, kunci in orang]
    hasil = [k.nama for k, kunci in sorted(baris, key=lambda t: merit.kunci_duk(t[0], **t[1]))]
    if urutan is None:
        assert hasil[-1] == "Pelaksana" and hasil[-2] == "Ahli Muda"
        assert set(hasil[:2]) == {"Administrator", "Ahli Madya"}
    else:
        assert hasil == urutan


def test_the_rankings_tie_break_leaves_the_jabatan_step_out_and_counts_from_tmt_cpns():
    # Abdul Kadir holds the higher post, Abu Bakar entered earlier: the DUK puts the post first,
    # the ranking's tie-break (no position level in its projection) the earlier entry.
    kadir = _orang("Abdul Kadir", tmt_masuk=date(1962, 1, 1))
    bakar = _orang("Abu Bakar", tmt_masuk=date(1960, 1, 1))
    ranking = sorted([kadir, bakar], key=merit.kunci_duk)
    assert [k.nama for k in ranking] == ["Abu Bakar", "Abdul Kadir"]
    jab = {"Abdul Kadir": KEPALA_BIRO, "Abu Bakar": KEPALA_BAGIAN}
    duk = sorted([kadir, bakar], key=lambda k: merit.kunci_duk(k, tingkat_jabatan=jab[k.nama]))
    assert [k.nama for k in duk] == ["Abdul Kadir", "Abu Bakar"]


@pytest.mark.parametrize(
    ("jenis", "jenjang", "lebih_tinggi_dari"),
    [
        (JenisJabatan.JPT_PRATAMA, "", (JenisJabatan.ADMINISTRATOR, "")),
        (
            JenisJabatan.FUNGSIONAL,
            Jenjang.AHLI_PERTAMA,
            (JenisJabatan.FUNGSIONAL, Jenjang.PENYELIA),
        ),
        (JenisJabatan.FUNGSIONAL, Jenjang.PEMULA, (JenisJabatan.PELAKSANA, "")),
        (JenisJabatan.PELAKSANA, "", ("", "")),
    ],
)
def test_tingkat_jabatan(jenis, jenjang, lebih_tinggi_dari):
    assert tingkat_jabatan(jenis, jenjang) > tingkat_jabatan(*lebih_tinggi_dari)
