"""The run: upsert by NIP, idempotence, mapping, all-or-nothing, placements, histories."""

from __future__ import annotations

from datetime import date

import pytest
from auditlog.models import LogEntry

from impor import proses
from impor.models import PemetaanJabatan, PemetaanUnit
from jabatan.models import IndeksMerit, Penempatan
from pegawai.models import Pegawai, RiwayatPangkat
from tests.factories import FormasiFactory, JabatanFactory, PegawaiFactory, UnitKerjaFactory
from tests.impor.bantu import baris, ke_csv, ke_json

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return UnitKerjaFactory(kode="U-1")


def test_it_creates_then_changes_nothing_the_second_time(unit):
    data = ke_csv(
        [baris(), baris(nama="Siti", jenisKelamin="", tglLahir="", _lahir=date(1990, 1, 2))]
    )
    r = proses.jalankan(data, "csv", terapkan=True)
    assert (r.baru, r.ubah, r.sama, r.tolak) == (2, 0, 0, 0)
    p = Pegawai.objects.get(nama="Ahmad Fauzi")
    assert (p.golongan, p.pendidikan, p.unit_kerja, p.tmt_golongan) == (
        "III/b",
        "S1",
        unit,
        date(2018, 4, 1),
    )
    assert p.tmt_pns == date(2011, 1, 1) and p.gelar_belakang == "S.T."
    assert Pegawai.objects.get(nama="Siti").tanggal_lahir == date(1990, 1, 2)  # from the NIP
    assert IndeksMerit.objects.count() == 2  # the projection rebuilt at the end
    assert LogEntry.objects.get_for_object(p).filter(action=LogEntry.Action.CREATE).count() == 1
    r = proses.jalankan(data, "csv", terapkan=True)
    assert (r.baru, r.ubah, r.sama) == (0, 0, 2)


def test_it_updates_only_the_changed_fields_and_records_them(unit):
    p = PegawaiFactory(unit_kerja=unit, golongan="III/a", email="lama@contoh.id")
    row = baris(
        nipBaru=p.nip,
        nama=p.nama,
        tglLahir="",
        jenisKelamin="",
        gelarBelakang="",
        tempatLahir="",
        tmtCpns=f"{p.tmt_cpns:%d-%m-%Y}",
        tmtPns="",
        tmtGolAkhir=f"{p.tmt_golongan:%d-%m-%Y}",
        golRuangAkhirId="32",
    )
    pratinjau = proses.jalankan(ke_csv([row]), "csv")
    assert (pratinjau.ubah, pratinjau.contoh_ubah[0]["beda"]) == (
        1,
        [("golongan/ruang", "Penata Muda (III/a)", "Penata Muda Tingkat I (III/b)")],
    )
    assert Pegawai.objects.get(pk=p.pk).golongan == "III/a"  # a dry run writes nothing
    r = proses.jalankan(ke_csv([row]), "csv", terapkan=True)
    assert r.ubah == 1
    p.refresh_from_db()
    assert (p.golongan, p.email) == ("III/b", "lama@contoh.id")  # blank cells keep ours
    log = LogEntry.objects.get_for_object(p).filter(action=LogEntry.Action.UPDATE).latest("pk")
    assert log.changes_dict == {"golongan": ["III/a", "III/b"]}


def test_unknown_units_are_listed_then_the_saved_mapping_is_reused(unit):
    data = ke_csv([baris(unorId="A8F1", unorNama="DINAS KOMINFO")])
    r = proses.jalankan(data, "csv", terapkan=True, sebagian=True)
    assert (r.baru, r.tolak) == (0, 1)
    assert r.unit_asing == {"A8F1": ["DINAS KOMINFO", 1]}
    assert "belum dipetakan" in r.ditolak[0]["alasan"]
    PemetaanUnit.objects.create(kode_siasn="A8F1", nama_siasn="DINAS KOMINFO", unit_kerja=unit)
    r = proses.jalankan(data, "csv", terapkan=True)
    assert (r.baru, r.tolak, r.unit_asing) == (1, 0, {})
    assert Pegawai.objects.get().unit_kerja == unit


def test_all_or_nothing_keeps_nothing_when_a_row_is_rejected(unit):
    data = ke_csv([baris(), baris(golRuangAkhirId="99")])
    with pytest.raises(proses.DibatalkanAdaGalat):
        proses.jalankan(data, "csv", terapkan=True)
    assert Pegawai.objects.count() == 0
    r = proses.jalankan(data, "csv", terapkan=True, sebagian=True)
    assert (r.baru, r.tolak) == (1, 1)
    assert 'Golongan ""99"" tidak dikenal' in r.berkas_tolak
    assert r.berkas_tolak.startswith("\ufeffnipBaru;")


def test_a_position_goes_through_the_placement_service(unit):
    jabatan = JabatanFactory(kode="J-LAMA")
    formasi = FormasiFactory(jabatan=jabatan, unit_kerja=unit, kuota=2)
    PemetaanJabatan.objects.create(kode_siasn="8ae48", nama_siasn="ANALIS", jabatan=jabatan)
    data = ke_csv([baris(jabatanId="8ae48", jabatanNama="ANALIS", tmtJabatan="02-01-2024")])
    r = proses.jalankan(data, "csv", terapkan=True)
    assert (r.baru, r.penempatan) == (1, 1)
    pen = Penempatan.objects.get()
    assert (pen.formasi, pen.tmt_mulai, pen.jenis) == (formasi, date(2024, 1, 2), "definitif")
    formasi.refresh_from_db()
    assert formasi.jumlah_terisi == 1
    r = proses.jalankan(data, "csv", terapkan=True)
    assert (r.sama, r.penempatan) == (1, 0)


def test_a_position_without_a_post_in_the_unit_is_rejected(unit):
    JabatanFactory(kode="J-X")
    r = proses.jalankan(ke_csv([baris(jabatanId="J-X")]), "csv", terapkan=True, sebagian=True)
    assert r.tolak == 1 and "Tidak ada formasi" in r.ditolak[0]["alasan"]


def test_json_histories_are_added_once(unit):
    row = baris()
    row["rw-golongan"] = [
        {"golonganId": "31", "tmtGolongan": "01-04-2014", "skNomor": "800/1"},
        {"golonganId": "32", "tmtGolongan": "2018-04-01"},
    ]
    row["rw-pendidikan"] = [{"tkPendidikanId": "40", "tahunLulus": "2008", "namaSekolah": "Unram"}]
    row["rw-hukdis"] = [
        {
            "jenisHukumanNama": "Teguran lisan",
            "skTanggal": "01-02-2020",
            "hukumanTanggal": "01-02-2020",
            "skNomor": "862/3",
        }
    ]
    data = ke_json([row])
    r = proses.jalankan(data, "json", terapkan=True)
    assert r.riwayat == {"rw-golongan": 2, "rw-pendidikan": 1, "rw-hukdis": 1}
    p = Pegawai.objects.get()
    assert sorted(RiwayatPangkat.objects.filter(pegawai=p).values_list("golongan", flat=True)) == [
        "III/a",
        "III/b",
    ]
    assert p.riwayat_pendidikan.count() == 1 and p.hukuman_disiplin.count() == 1
    proses.jalankan(data, "json", terapkan=True)
    assert RiwayatPangkat.objects.filter(pegawai=p).count() == 2


def test_a_bad_history_date_rejects_the_record(unit):
    row = baris()
    row["rw-golongan"] = [{"golonganId": "31", "tmtGolongan": "1 April 2014"}]
    r = proses.jalankan(ke_json([row]), "json")
    assert r.ditolak[0]["kolom"] == "rw-golongan[1].tmtGolongan"


def test_pppk_reads_its_appointment_date(unit):
    from pegawai.nip import compose_ni_pppk

    nip = compose_ni_pppk(date(1990, 5, 5), 2022, 1, "P", 7)
    row = baris(
        nipBaru=nip,
        statusPegawai="PPPK",
        golRuangAkhirId="",
        golRuangAkhir="IX",
        tglLahir="",
        jenisKelamin="P",
        tmtCpns="01-03-2022",
        tmtPns="",
    )
    r = proses.jalankan(ke_csv([row]), "csv", terapkan=True)
    assert r.tolak == 0, r.ditolak
    p = Pegawai.objects.get()
    assert (p.status, p.golongan, p.tmt_pppk, p.tmt_cpns) == ("PPPK", "IX", date(2022, 3, 1), None)


def test_the_creation_entry_lists_every_given_field_as_the_python_writer_does(unit):
    # On PostgreSQL the entries are built by INSERT ... SELECT (pegawai.impor._log_baru_sql);
    # they must read as the Python writer's (_tulis_log): every non-blank field, ["None", text].
    from pegawai.impor import KOLOM_BARU, _teks

    proses.jalankan(ke_csv([baris(gelarDepan="")]), "csv", terapkan=True)
    p = Pegawai.objects.get(nama="Ahmad Fauzi")
    log = LogEntry.objects.get_for_object(p).get(action=LogEntry.Action.CREATE)
    nilai = {k: getattr(p, k) for k in KOLOM_BARU}
    assert log.changes_dict == {
        k: ["None", _teks(v)] for k, v in nilai.items() if v != "" and v is not None
    }
    assert log.object_repr == f"{p.nama} ({p.nip})"
    assert log.additional_data["operasi"] == "impor"
