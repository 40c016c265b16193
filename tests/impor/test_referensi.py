"""SIASN's reference tables (impor.referensi) and dates (impor.tanggal), table-driven from the
public sources each module cites, then through the real import path.

Sources (read with the `search` tools; the tables below are copied from them):
- golongan: taufiqurrohmansuwarto/rumahASN docs/siasn/siasn_golongan.csv;
- tingkat pendidikan: rumahASN docs/siasn/jenjang_pendidikan.csv (05–50) and
  docs/siasn/pendidikan.csv (tk_pendidikan_id 42 PROFESI …, 47 … SPESIALIS …, 49 … SUBSPESIALIS …);
- jenis jabatan: rumahASN docs/siasn/siasn_jenis_jabatan.csv;
- kedudukan hukum: a public Laravel migration seeding table `kedudukan_hukum` (code index,
  repository not named; agrees with an older SAPK client's `kedudukan_hukum()` helper on ids 01–99);
- SKP ratings: rumahASN utils/client-utils.js (refHasilKerja) and utils/transfer-siasn.utils.js.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from impor import proses, riwayat
from impor.referensi import golongan, jenis_jabatan, kedudukan, pendidikan, skp
from impor.tanggal import TanggalSalah, tanggal
from impor.validasi import Pemeta
from kinerja import rules
from pegawai import golongan as gol
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import Pegawai
from pegawai.pendidikan import memenuhi_pendidikan
from tests.factories import UnitKerjaFactory
from tests.impor.bantu import baris, ke_csv

# rumahASN docs/siasn/siasn_golongan.csv
SIASN_GOLONGAN = """id,nama,pangkat
11,I/a,Juru Muda
12,I/b,Juru Muda Tingkat I
13,I/c,Juru
14,I/d,Juru Tingkat I
21,II/a,Pengatur Muda
22,II/b,Pengatur Muda Tingkat I
23,II/c,Pengatur
24,II/d,Pengatur Tingkat I
31,III/a,Penata Muda
32,III/b,Penata Muda Tingkat I
33,III/c,Penata
34,III/d,Penata Tingkat I
41,IV/a,Pembina
42,IV/b,Pembina Tingkat I
43,IV/c,Pembina Utama Muda
44,IV/d,Pembina Utama Madya
45,IV/e,Pembina Utama
"""

# rumahASN docs/siasn/jenjang_pendidikan.csv (id, nama), with the level we read it as.
SIASN_TINGKAT_PENDIDIKAN = [
    ("05", "Sekolah Dasar", "SD"),
    ("10", "SLTP", "SMP"),
    ("12", "SLTP Kejuruan", "SMP"),
    ("15", "SLTA", "SLTA"),
    ("17", "SLTA Kejuruan", "SLTA"),
    ("18", "SLTA Keguruan", "SLTA"),
    ("20", "Diploma I", "D1"),
    ("25", "Diploma II", "D2"),
    ("30", "Diploma III/Sarjana Muda", "D3"),
    ("35", "Diploma IV", "D4"),
    ("40", "S-1/Sarjana", "S1"),
    ("45", "S-2", "S2"),
    ("50", "S-3/Doktor", "S3"),
    # rumahASN docs/siasn/pendidikan.csv: the tingkat of these pendidikan rows.
    ("42", "PROFESI DOKTER", "PROF"),
    ("47", "DOKTER SPESIALIS AKUPUNTUR MEDIS", "SP1"),
    ("49", "DOKTER SUBSPESIALIS ANAK-KARDIOLOGI", "SP2"),
]

# SIASN's kedudukan hukum (see the module docstring): every id and label.
SIASN_KEDUDUKAN_HUKUM = [
    ("01", "Aktif"),
    ("02", "CLTN"),
    ("03", "Tugas Belajar"),
    ("04", "Pemberhentian Sementara"),
    ("05", "Penerima Uang Tunggu"),
    ("06", "Prajurit Wajib"),
    ("07", "Pejabat Negara"),
    ("08", "Kepala Desa"),
    ("09", "Sedang dlm Proses Banding BAPEK"),
    ("11", "Pegawai Titipan"),
    ("12", "Pengungsi"),
    ("13", "Perpanjangan CLTN"),
    ("14", "PNS yang dinyatakan hilang"),
    ("15", "PNS kena hukuman disiplin"),
    ("16", "Pemindahan dalam rangka penurunan Jabatan"),
    ("20", "Masa Persiapan Pensiun"),
    ("51", "CPNS yang belum menerima SK CPNS"),
    ("52", "Tidak Aktif"),
    ("66", "Diberhentikan"),
    ("67", "Punah"),
    ("68", "Eks PNS Timor Timur"),
    ("69", "TMS Dari Pengadaan"),
    ("70", "Pembatalan NIP"),
    ("71", "PPPK Aktif"),
    ("77", "Pemberhentian tanpa hak pensiun"),
    ("88", "Pemberhentian dengan hak pensiun"),
    ("89", "Tidak aktif tetapi diusulkan Pensiun"),
    ("90", "Tidak Ikut PUPNS 2015"),
    ("91", "Tindak Pidana/ Tindak Pidana Jabatan"),
    ("92", "Pemblokiran Data PNS"),
    ("98", "Mencapai BUP"),
    ("99", "Pensiun"),
]


@pytest.mark.parametrize("row", list(csv.DictReader(io.StringIO(SIASN_GOLONGAN))))
def test_every_pns_golongan_id_of_siasn(row):
    assert golongan.golongan(row["id"], "") == row["nama"]
    assert golongan.golongan("", row["nama"]) == row["nama"]
    assert gol.pangkat(row["nama"]) == row["pangkat"]  # SIASN's pangkat agree with ours
    assert golongan.golongan("", f"{row['pangkat']} ({row['nama']})") == row["nama"]


@pytest.mark.parametrize(
    ("id_", "nama", "kode"),
    [
        ("", "IX", "IX"),
        ("", "Golongan XVII", "XVII"),
        ("", "III /a", "III/a"),
        # 101-117: our assumption; no public SIASN client ships the PPPK ids (impor.referensi.
        # golongan says what was searched).
        ("109", "", "IX"),
        # So an id that is not ours beside a PPPK label is read by the label ("09" as a
        # two-digit code, "9" as a plain number).
        ("09", "IX", "IX"),
        ("9", "Golongan IX", "IX"),
        # PNS ids are SIASN's own table (rumahASN siasn_golongan.csv): an unknown one is refused
        # even beside a PNS label, and an unknown id with no label too.
        ("77", "III/b", None),
        ("09", "", None),
    ],
)
def test_pppk_golongan_and_spellings(id_, nama, kode):
    assert golongan.golongan(id_, nama) == kode


@pytest.mark.parametrize(("id_", "nama"), [("46", ""), ("10", ""), ("", "III/f"), ("", "XVIII")])
def test_an_unknown_golongan_is_none(id_, nama):
    assert golongan.golongan(id_, nama) is None


@pytest.mark.parametrize(("id_", "nama", "kode"), SIASN_TINGKAT_PENDIDIKAN)
def test_every_tingkat_pendidikan_id_of_siasn(id_, nama, kode):
    assert pendidikan.pendidikan(id_, "") == kode
    assert pendidikan.pendidikan(id_.lstrip("0"), "") == kode  # "5" from a spreadsheet number


@pytest.mark.parametrize(
    ("nama", "kode"),
    [
        ("S-1/Sarjana", "S1"),
        ("Diploma III/Sarjana Muda", "D3"),
        ("SLTA/SMA/SMK", "SLTA"),
        ("Profesi", "PROF"),
        ("Sub Spesialis", "SP2"),
        ("Spesialis", "SP1"),
        ("D-IV", "D4"),
        ("S-3/Doktor", "S3"),
        ("PROF", "PROF"),
    ],
)
def test_tingkat_pendidikan_by_name(nama, kode):
    assert pendidikan.pendidikan("", nama) == kode


@pytest.mark.parametrize(
    ("tingkat", "minimal", "memenuhi"),
    [
        ("PROF", "S1", True),
        ("PROF", "D4", True),
        ("PROF", "S2", False),
        ("SP1", "S2", True),
        ("SP1", "S3", False),
        ("SP2", "S3", True),
        ("S1", "PROF", True),
    ],
)
def test_profesi_and_specialists_in_the_education_order(tingkat, minimal, memenuhi):
    # Perpres 8/2012 Pasal 5: profesi KKNI 7–8, spesialis 8–9 (pegawai.pendidikan).
    assert memenuhi_pendidikan(tingkat, minimal) is memenuhi


def test_jenis_jabatan_ids_of_siasn():
    # rumahASN docs/siasn/siasn_jenis_jabatan.csv
    assert {k: v[0] for k, v in jenis_jabatan.ID.items()} == {
        "1": "Jabatan Struktural",
        "2": "Jabatan Fungsional Tertentu",
        "3": "Jabatan Rangkap (Struktural dan Fungsional)",
        "4": "Jabatan Fungsional Umum",
    }
    assert jenis_jabatan.ID["4"][1] == (JenisJabatan.PELAKSANA,)


@pytest.mark.parametrize(("id_", "nama"), SIASN_KEDUDUKAN_HUKUM)
def test_every_kedudukan_hukum_of_siasn_by_id_and_label(id_, nama):
    k = kedudukan.kedudukan(id_, "")
    assert k is not None and k.nama == nama
    assert kedudukan.kedudukan("", nama) is k
    assert kedudukan.kedudukan("", nama.upper()) is k  # exports write capitals
    assert k.kedudukan in Pegawai.Kedudukan.values
    # Who is out of service is on no DUK and holds no post.
    if k.kedudukan not in Pegawai.KEDUDUKAN_AKTIF:
        assert not (k.memangku_jabatan or k.dapat_diperingkat or k.masuk_duk)


@pytest.mark.parametrize(
    ("nama", "ours", "jabatan", "peringkat", "duk"),
    [
        ("Aktif", "aktif", True, True, True),
        ("CLTN", "cuti", False, False, True),  # PP 11/2017 Pasal 94(1)c, 334–337
        ("Perpanjangan CLTN", "cuti", False, False, True),
        ("Tugas Belajar", "aktif", False, False, True),  # Pasal 94(1)d
        ("Pemberhentian Sementara", "aktif", False, False, True),  # Pasal 94(1)b, 276
        ("Masa Persiapan Pensiun", "aktif", False, False, True),
        ("MPP", "aktif", False, False, True),
        ("PNS kena hukuman disiplin", "aktif", True, False, True),
        ("CPNS yang belum menerima SK CPNS", "aktif", True, False, False),  # no CPNS on the DUK
        ("PPPK Aktif", "aktif", True, True, False),  # no PPPK on the DUK (UU 20/2023)
        ("Pensiun", "pensiun", False, False, False),
        ("Mencapai BUP", "pensiun", False, False, False),
        ("Pemberhentian dengan hak pensiun", "pensiun", False, False, False),
        ("Diberhentikan", "diberhentikan", False, False, False),
        ("Wafat", "meninggal", False, False, False),
        ("Meninggal dunia", "meninggal", False, False, False),
        ("Cuti", "cuti", True, True, True),
    ],
)
def test_kedudukan_consequences(nama, ours, jabatan, peringkat, duk):
    k = kedudukan.kedudukan("", nama)
    assert (k.kedudukan, k.memangku_jabatan, k.dapat_diperingkat, k.masuk_duk) == (
        ours,
        jabatan,
        peringkat,
        duk,
    )
    assert k.pppk is (nama == "PPPK Aktif")


@pytest.mark.parametrize(
    ("teks", "id_", "rating"),
    [
        ("DIATAS EKSPEKTASI", "", rules.DI_ATAS),
        ("Diatas Ekspektasi", "", rules.DI_ATAS),
        ("Sesuai Ekspektasi", "", rules.SESUAI),
        ("DIBAWAH EKSPEKTASI", "", rules.DI_BAWAH),
        ("Di Atas Ekspektasi", "", rules.DI_ATAS),  # ours, PermenPANRB 6/2022
        ("", "1", rules.DI_ATAS),
        ("", "2", rules.SESUAI),
        ("", "3", rules.DI_BAWAH),
        ("", "4", None),
        ("Luar Biasa", "", None),
    ],
)
def test_skp_ratings_as_siasn_spells_and_numbers_them(teks, id_, rating):
    assert skp.rating(teks, id_) == rating


def test_rw_skp22_read_by_numeric_ids_and_refused_with_the_row_named():
    daftar = [
        {"tahun": "2023", "hasilKinerjaNilai": "1", "PerilakuKerjaNilai": "2"},
        {"tahun": "2024", "hasilKinerjaNilai": "4", "perilakuKerjaNilai": "2"},
    ]
    galat = riwayat.periksa({"rw-skp22": daftar}, Pemeta({}, {}), {})
    assert galat == [
        (
            "rw-skp22[2].hasilKinerja",
            'Rating "4" tidak dikenal: Di Atas Ekspektasi, Sesuai Ekspektasi, Di Bawah '
            "Ekspektasi (PermenPANRB 6/2022).",
        )
    ]


@pytest.mark.parametrize(
    ("teks", "hari"),
    [
        ("01-04-2022", date(2022, 4, 1)),
        ("1/4/2022", date(2022, 4, 1)),
        ("2022-04-01", date(2022, 4, 1)),
        ("2022-04-01T00:00:00Z", date(2022, 4, 1)),
        # A date serialised as UTC midnight of WIB (UTC+7) or WITA (UTC+8) is that day in WITA.
        ("2022-03-31T17:00:00Z", date(2022, 4, 1)),
        ("2022-03-31T16:00:00.000Z", date(2022, 4, 1)),
        ("2022-03-31T15:59:59Z", date(2022, 3, 31)),
        ("2022-04-01T00:00:00+07:00", date(2022, 4, 1)),
        ("2022-04-01 00:00:00", date(2022, 4, 1)),
        ("29-02-2024", date(2024, 2, 29)),
    ],
)
def test_dates_as_siasn_writes_them_read_in_wita(teks, hari):
    assert tanggal(teks) == hari


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("31-02-1990", '"31-02-1990" tidak ada (bulan 2 tahun 1990 hanya 28 hari).'),
        ("29-02-2023", '"29-02-2023" tidak ada (bulan 2 tahun 2023 hanya 28 hari).'),
        ("31-04-2024", '"31-04-2024" tidak ada (bulan 4 tahun 2024 hanya 30 hari).'),
        ("00-01-1990", '"00-01-1990" tidak ada (tanggal 0 tidak ada).'),
        ("1990-13-01", '"1990-13-01" tidak ada (bulan 13 tidak ada; bulan 1 sampai 12).'),
        ("01-01-0000", '"01-01-0000" tidak ada (tahun 0).'),
        ("2022-04-01T24:00:00Z", 'Waktu pada "2022-04-01T24:00:00Z" tidak ada.'),
        ("April 2018", '"April 2018" tidak dikenali: tulis dd-mm-yyyy'),
        ("20220401", '"20220401" tidak dikenali'),
    ],
)
def test_a_date_that_does_not_exist_says_so(teks, pesan):
    with pytest.raises(TanggalSalah) as exc:
        tanggal(teks)
    assert pesan in exc.value.pesan


@pytest.mark.django_db
def test_reference_values_through_the_import():
    UnitKerjaFactory(kode="U-1")
    rows = [
        baris(
            kedudukanPnsId="03",
            kedudukanPnsNama="Tugas Belajar",
            tkPendidikanTerakhirId="49",
            golRuangAkhirId="45",
            tmtGolAkhir="2020-09-30T16:00:00Z",
        ),
        baris(
            kedudukanPnsId="02",
            kedudukanPnsNama="CLTN",
            tkPendidikanTerakhirId="05",
            golRuangAkhirId="11",
        ),
        baris(
            kedudukanPnsId="",
            kedudukanPnsNama="Masa Persiapan Pensiun",
            tkPendidikanTerakhirId="30",
        ),
        baris(tmtGolAkhir="31-02-1990"),
        baris(kedudukanPnsId="93", kedudukanPnsNama=""),
        baris(kedudukanPnsId="71", kedudukanPnsNama="PPPK Aktif"),  # statusPegawai says PNS
    ]
    r = proses.jalankan(ke_csv(rows), "csv", terapkan=True, sebagian=True)
    assert (r.baru, r.tolak) == (3, 3)
    p = {x.nip: x for x in Pegawai.objects.all()}
    a, b, c = (p[rows[i]["nipBaru"]] for i in range(3))
    assert (a.kedudukan, a.pendidikan, a.golongan, a.tmt_golongan) == (
        "aktif",
        "SP2",
        "IV/e",
        date(2020, 10, 1),
    )
    assert (b.kedudukan, b.pendidikan, b.golongan) == ("cuti", "SD", "I/a")
    assert (c.kedudukan, c.pendidikan) == ("aktif", "D3")
    galat = {g["baris"]: (g["kolom"], g["alasan"]) for g in r.ditolak}
    assert galat[5] == (
        "tmtGolAkhir",
        'Tanggal "31-02-1990" tidak ada (bulan 2 tahun 1990 hanya 28 hari).',
    )
    assert galat[6][0] == "kedudukanPnsId" and '"93" tidak ada dalam tabel' in galat[6][1]
    assert galat[7] == (
        "kedudukanPnsNama",
        'Kedudukan "PPPK Aktif" hanya untuk PPPK, sedangkan status kepegawaiannya PNS.',
    )


@pytest.mark.django_db
def test_a_pppk_golongan_is_imported_by_its_label_whatever_its_id():
    """SIASN's PPPK golongan ids are not in any public client (impor.referensi.golongan): a
    record whose id is not ours is still read by its Roman numeral, a PNS one is not."""
    from pegawai.nip import compose_ni_pppk

    UnitKerjaFactory(kode="U-1")
    nip = compose_ni_pppk(date(1990, 5, 5), 2022, 1, "P", 7)
    pppk = dict(statusPegawai="PPPK", tglLahir="", jenisKelamin="P", tmtCpns="01-03-2022")
    rows = [
        baris(nipBaru=nip, golRuangAkhirId="09", golRuangAkhir="IX", tmtPns="", **pppk),
        baris(golRuangAkhirId="77", golRuangAkhir="III/b"),
    ]
    r = proses.jalankan(ke_csv(rows), "csv", terapkan=True, sebagian=True)
    assert (r.baru, r.tolak) == (1, 1)
    assert Pegawai.objects.get().golongan == "IX"
    assert [(g["kolom"], g["alasan"]) for g in r.ditolak] == [
        ("golRuangAkhirId", 'Golongan "77" tidak dikenal.')
    ]


@pytest.mark.django_db
def test_a_blank_kedudukan_keeps_ours():
    UnitKerjaFactory(kode="U-1")
    row = baris(kedudukanPnsId="99", kedudukanPnsNama="Pensiun", tmtBerhenti="01-04-2045")
    proses.jalankan(ke_csv([row]), "csv", terapkan=True)
    kosong = dict(row, kedudukanPnsId="", kedudukanPnsNama="", tmtBerhenti="")
    r = proses.jalankan(ke_csv([kosong]), "csv", terapkan=True)
    assert (r.sama, r.tolak) == (1, 0), r.ditolak
    p = Pegawai.objects.get()
    assert (p.kedudukan, p.tmt_berhenti) == ("pensiun", date(2045, 4, 1))


@pytest.mark.django_db
def test_a_kedudukan_id_and_a_name_that_disagree_refuse_the_row():
    """SIASN sends both (kedudukanPnsId, kedudukanPnsNama); the id wins when they agree or the
    name is one we do not know, and a record where they disagree is refused, not guessed: "01"
    Aktif beside "Pensiun" would keep a pensioner in post (or end an active employee's)."""
    UnitKerjaFactory(kode="U-1")
    rows = [
        baris(kedudukanPnsId="01", kedudukanPnsNama="Pensiun"),
        baris(kedudukanPnsId="99", kedudukanPnsNama="Pensiun", tmtBerhenti="01-11-2026"),
        baris(kedudukanPnsId="20", kedudukanPnsNama="MPP"),  # one of its other spellings
    ]
    r = proses.jalankan(ke_csv(rows), "csv")
    assert (r.baru, r.tolak) == (2, 1)
    (galat,) = r.ditolak
    assert (galat["baris"], galat["kolom"]) == (2, "kedudukanPnsNama")
    assert 'id 01 ("Aktif") tidak sesuai dengan namanya "Pensiun"' in galat["alasan"]
