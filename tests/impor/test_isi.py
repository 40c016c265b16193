"""Whole SIASN records: what the importer does with the fields it uses — masa kerja golongan,
tmtPensiun against our retirement rule, the position by the id of its kind — and that the
hundred-odd others are read and ignored, never a reason to refuse the file.

Shapes from public SIASN client code: the data-utama field list of lighthinkstudio/simpeg-lts
(database/migrations/2022_05_31_000000_create_master_pegawai_table.php: mkTahun, mkBulan,
tmtPensiun, jenisJabatanId, jabatanStrukturalId, jabatanFungsionalUmumId, ...), and rw-jabatan
rows as public sync code keeps them (jenisJabatan "4" with jabatanFungsionalUmumId and
namaJabatan; a structural row, jenisJabatan "1", with namaJabatan and eselon but no id).
"""

from __future__ import annotations

from datetime import date

import pytest

from impor import kolom as k
from impor import proses
from impor.models import PemetaanJabatan
from jabatan.models import Penempatan
from pegawai.models import Pegawai
from tests.factories import FormasiFactory, JabatanFactory, UnitKerjaFactory
from tests.impor.bantu import ke_csv, ke_json, rekam_utuh

pytestmark = pytest.mark.django_db

PELAKSANA_ID = "ff8080813c9550be013cb24870ae6799"  # a jabatanFungsionalUmumId as SIASN spells it


@pytest.fixture
def unit():
    return UnitKerjaFactory(kode="U-1")


@pytest.fixture
def pelaksana(unit):
    j = JabatanFactory(nama="Pengendali Jaringan Komunikasi", jenis="PELAKSANA")
    FormasiFactory(jabatan=j, unit_kerja=unit, kuota=5)
    return j


def test_a_whole_record_is_imported_and_its_masa_kerja_golongan_kept(unit):
    rekam = rekam_utuh(mkTahun="12", mkBulan="1")
    assert len(rekam) > 90  # a whole record, as SIASN sends it
    r = proses.jalankan(ke_json([rekam], bungkus=True), "json", terapkan=True)
    assert (r.baru, r.tolak) == (1, 0)
    p = Pegawai.objects.get()
    assert (p.mk_golongan_tahun, p.mk_golongan_bulan) == (12, 1)
    # The same file again: nothing changed; a blank mkTahun keeps ours.
    assert proses.jalankan(ke_json([rekam], bungkus=True), "json").sama == 1
    rekam |= {"mkTahun": "", "mkBulan": ""}
    assert proses.jalankan(ke_json([rekam], bungkus=True), "json", terapkan=True).sama == 1


@pytest.mark.parametrize(
    ("tahun", "bulan", "kolom"),
    [
        ("12", "12", "mkBulan"),
        ("dua", "0", "mkTahun"),
        ("61", "0", "mkTahun"),
        ("3", "", "mkBulan"),
    ],
)
def test_a_bad_masa_kerja_is_refused_with_its_field(unit, tahun, bulan, kolom):
    r = proses.jalankan(ke_csv([rekam_utuh(mkTahun=tahun, mkBulan=bulan)]), "csv")
    assert r.tolak == 1 and r.ditolak[0]["kolom"] == kolom
    assert "Masa kerja golongan" in r.ditolak[0]["alasan"]


def test_the_position_is_mapped_by_the_id_of_its_kind(unit, pelaksana):
    rekam = rekam_utuh(
        jenisJabatanId="4",
        jabatanFungsionalUmumId=PELAKSANA_ID,
        jabatanFungsionalUmumNama="PENGENDALI JARINGAN KOMUNIKASI",
        # Another kind's id in the same record is not the position (jenisJabatanId says 4).
        jabatanFungsionalId="8ae483a5-lain",
        tmtJabatan="20-03-2021",
    )
    pratinjau = proses.jalankan(ke_json([rekam]), "json")
    # HR sees the name of the unmapped position, not SIASN's key.
    assert pratinjau.jabatan_asing == {PELAKSANA_ID: ["PENGENDALI JARINGAN KOMUNIKASI", 1]}
    alasan = pratinjau.ditolak[0]["alasan"]
    assert "PENGENDALI JARINGAN KOMUNIKASI" in alasan and PELAKSANA_ID not in alasan
    assert pratinjau.ditolak[0]["kolom"] == "jabatanFungsionalUmumId"
    PemetaanJabatan.objects.create(
        kode_siasn=PELAKSANA_ID, nama_siasn="PENGENDALI JARINGAN KOMUNIKASI", jabatan=pelaksana
    )
    r = proses.jalankan(ke_json([rekam]), "json", terapkan=True)
    assert (r.baru, r.penempatan, r.tolak) == (1, 1, 0)
    pen = Penempatan.objects.get()
    assert (pen.formasi.jabatan, pen.tmt_mulai) == (pelaksana, date(2021, 3, 20))


def test_rw_jabatan_uses_the_same_mapping_as_the_main_record(unit, pelaksana):
    PemetaanJabatan.objects.create(kode_siasn=PELAKSANA_ID, jabatan=pelaksana)
    rekam = rekam_utuh(
        jenisJabatanId="4", jabatanFungsionalUmumId=PELAKSANA_ID, tmtJabatan="20-03-2021"
    )
    rekam["rw-jabatan"] = [
        {
            "jenisJabatan": "4",
            "unorId": "U-1",
            "jabatanFungsionalId": "",
            "jabatanFungsionalUmumId": PELAKSANA_ID,
            "namaJabatan": "PENGENDALI JARINGAN KOMUNIKASI",
            "tmtJabatan": "14-02-2019",
        },
        {
            "jenisJabatan": "4",
            "unorId": "U-1",
            "jabatanFungsionalUmumId": PELAKSANA_ID,
            "namaJabatan": "PENGENDALI JARINGAN KOMUNIKASI",
            "tmtJabatan": "20-03-2021",
        },
    ]
    r = proses.jalankan(ke_json([rekam]), "json", terapkan=True)
    assert r.tolak == 0, r.ditolak
    assert list(
        Penempatan.objects.order_by("tmt_mulai").values_list("tmt_mulai", "tmt_selesai")
    ) == [
        (date(2019, 2, 14), date(2021, 3, 19)),
        (date(2021, 3, 20), None),
    ]


def test_a_structural_history_row_without_an_id_maps_by_its_name(unit):
    baris_ = {
        "jenisJabatan": "1",
        "unorId": "U-1",
        "eselon": "IV.a",
        "namaJabatan": "KEPALA SUB BAGIAN UMUM",
    }
    rekam = rekam_utuh()
    rekam["rw-jabatan"] = [
        baris_ | {"tmtJabatan": "29-01-2024"},
        baris_ | {"tmtJabatan": "29-01-2025"},
    ]
    r = proses.jalankan(ke_json([rekam]), "json")
    # One entry to map, counted per row; HR maps it once for every record.
    assert r.jabatan_asing == {"KEPALA SUB BAGIAN UMUM": ["KEPALA SUB BAGIAN UMUM", 2]}


def test_jabatan_siasn_picks_the_id_of_the_kind():
    assert k.jabatan_siasn(
        {
            "jenisJabatanId": "1",
            "jabatanStrukturalId": "s1",
            "jabatanStrukturalNama": "KEPALA DINAS",
            "jabatanFungsionalUmumId": "u9",
        }
    ) == ("jabatanStrukturalId", "s1", "KEPALA DINAS")
    assert k.jabatan_siasn(
        {"jenisJabatan": "2", "jabatanFungsionalId": "f2", "namaJabatan": "PERAWAT AHLI MUDA"}
    ) == ("jabatanFungsionalId", "f2", "PERAWAT AHLI MUDA")
    # Our own template's jabatanId wins; without a kind the one filled id is taken.
    assert k.jabatan_siasn({"jabatanId": "J-1", "jabatanNama": "Analis"})[:2] == (
        "jabatanId",
        "J-1",
    )
    assert k.jabatan_siasn({"jabatanFungsionalUmumId": "u9"})[1] == "u9"
    assert k.jabatan_siasn({"jenisJabatanId": "4"}) == ("jabatanFungsionalUmumId", "", "")


def test_tmt_pensiun_differing_from_our_rule_is_a_reconciliation_line(unit, pelaksana):
    PemetaanJabatan.objects.create(kode_siasn=PELAKSANA_ID, jabatan=pelaksana)
    # Born 15 March 1985, Pelaksana: 58 years (PP 11/2017 Pasal 239) -> 1 April 2043.
    sama = rekam_utuh(
        jenisJabatanId="4", jabatanFungsionalUmumId=PELAKSANA_ID, tmtPensiun="01-04-2043"
    )
    # SIASN counted 60 years (as if JPT or Ahli Madya): a difference HR must look at.
    beda = rekam_utuh(
        jenisJabatanId="4",
        jabatanFungsionalUmumId=PELAKSANA_ID,
        tmtPensiun="2045-04-01",
        nama="Baiq Beda",
    )
    tanpa_jabatan = rekam_utuh(tmtPensiun="01-04-2050")  # no position: no age to apply
    data = ke_json([sama, beda, tanpa_jabatan])
    r = proses.jalankan(data, "json", selisih=True)
    assert r.tolak == 0, r.ditolak
    assert r.pensiun_beda == 1
    assert r.contoh_pensiun == [
        {
            "nip": beda["nipBaru"],
            "nama": "Baiq Beda",
            "siasn": "2045-04-01",
            "kita": "2043-04-01",
            "bup": 58,
        }
    ]
    assert f"{beda['nipBaru']};Baiq Beda;TMT pensiun;01-04-2045;01-04-2043" in (
        r.selisih.buf.getvalue()
    )
    # Nothing of ours changes because of it.
    proses.jalankan(data, "json", terapkan=True)
    assert not Pegawai.objects.exclude(kedudukan="aktif").exists()


@pytest.mark.parametrize(
    ("eselon", "jenis"),
    [
        ("II.b", "JPT_PRATAMA"),
        ("III.a", "ADMINISTRATOR"),
        ("IV.a", "PENGAWAS"),
        ("I.b", "JPT_MADYA"),
        ("V.a", None),
        ("", None),
    ],
)
def test_jenis_dari_eselon(eselon, jenis):
    # UU 5/2014 Pasal 131 huruf b-f (asnri.com quotes it): eselon I JPT madya, II JPT pratama,
    # III administrator, IV pengawas; V "setara dengan jabatan pelaksana", no managerial kind.
    assert k.jenis_dari_eselon(eselon) == jenis


def test_an_eselon_that_does_not_fit_the_mapped_position_is_a_reconciliation_line(unit):
    kasubbag = JabatanFactory(nama="Kepala Sub Bagian Umum", jenis="PENGAWAS")
    FormasiFactory(jabatan=kasubbag, unit_kerja=unit)
    PemetaanJabatan.objects.create(kode_siasn="s-41", jabatan=kasubbag)
    cocok = rekam_utuh(jenisJabatanId="1", jabatanStrukturalId="s-41", eselon="IV.a")
    salah = rekam_utuh(
        jenisJabatanId="1", jabatanStrukturalId="s-41", eselon="III.a", nama="Eselon Tiga"
    )
    r = proses.jalankan(ke_json([cocok, salah]), "json", selisih=True)
    assert (r.tolak, r.eselon_beda) == (0, 1)
    assert f"{salah['nipBaru']};Eselon Tiga;eselon;III.a;Pengawas" in r.selisih.buf.getvalue()
