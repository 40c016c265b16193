"""The history lists other apps own: rw-jabatan, rw-skp22, rw-diklat, rw-kursus (impor.riwayat).

The records are shaped as SIASN's web services return them (camelCase, ids as strings, dates as
dd-mm-yyyy or ISO), one main record with its lists."""

from __future__ import annotations

import json
from datetime import date

import pytest

from impor import proses
from impor.models import PemetaanJabatan, PemetaanUnit
from jabatan.models import Penempatan
from kinerja.models import Periode, RevisiSkp, Skp
from pelatihan.models import PelatihanEksternal
from tests.factories import FormasiFactory, JabatanFactory, PegawaiFactory, UnitKerjaFactory
from tests.impor.bantu import baris

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return UnitKerjaFactory(kode="U-1")


@pytest.fixture
def jabatan(unit):
    """Two positions SIASN knows by its own ids, mapped by HR, each with a post in U-1."""
    lama = JabatanFactory(kode="J-PELAKSANA", golongan_minimal="", pendidikan_minimal="SLTA")
    kini = JabatanFactory(kode="J-ANALIS", golongan_minimal="", pendidikan_minimal="SLTA")
    PemetaanJabatan.objects.create(
        kode_siasn="8ae483a5", nama_siasn="PENGADMINISTRASI UMUM", jabatan=lama
    )
    PemetaanJabatan.objects.create(
        kode_siasn="8ae483c6", nama_siasn="ANALIS KEPEGAWAIAN", jabatan=kini
    )
    return {
        "lama": FormasiFactory(jabatan=lama, unit_kerja=unit, kuota=3),
        "kini": FormasiFactory(jabatan=kini, unit_kerja=unit, kuota=3),
    }


def rekam(**lists) -> dict:
    """A SIASN main record (data utama) of a PNS now Analis Kepegawaian, with history lists."""
    row = baris(jabatanId="8ae483c6", jabatanNama="ANALIS KEPEGAWAIAN", tmtJabatan="01-07-2021")
    row.update(lists)
    return row


RW_JABATAN = [
    {
        "id": "a1",
        "unorId": "U-1",
        "unorNama": "Dinas Uji",
        "jenisJabatan": "4",
        "jabatanFungsionalUmumId": "8ae483a5",
        "jabatanFungsionalUmumNama": "PENGADMINISTRASI UMUM",
        "tmtJabatan": "01-03-2012",
        "nomorSk": "821/12/BKD/2012",
        "tanggalSk": "2012-02-20",
    },
    {
        "id": "a2",
        "unorId": "U-1",
        "unorNama": "Dinas Uji",
        "jenisJabatan": "2",
        "jabatanFungsionalId": "8ae483c6",
        "jabatanFungsionalNama": "ANALIS KEPEGAWAIAN",
        "tmtJabatan": "01-07-2021",
        "nomorSk": "821/45/BKPSDM/2021",
        "tanggalSk": "25-06-2021",
    },
]
RW_SKP22 = [
    {
        "id": "s1",
        "tahun": "2022",
        "hasilKinerja": "SESUAI EKSPEKTASI",
        "perilakuKerja": "DIATAS EKSPEKTASI",
        "kuadranKinerja": "BAIK",
        "penilaiNama": "Lalu Hamzan",
    },
    {
        "id": "s2",
        "tahun": 2023,
        "hasilKinerja": "DIATAS EKSPEKTASI",
        "perilakuKerja": "DIATAS EKSPEKTASI",
        "kuadranKinerja": "SANGAT BAIK",
    },
]
RW_DIKLAT = [
    {
        "id": "d1",
        "latihanStrukturalId": "4",
        "latihanStrukturalNama": "DIKLATPIM TINGKAT IV",
        "nomor": "DIKLATPIM.IV/123/2015",
        "tanggal": "04-05-2015",
        "tanggalSelesai": "30-07-2015",
        "tahun": 2015,
        "institusiPenyelenggara": "BPSDMD Provinsi NTB",
        "jumlahJam": 285,
    },
]
RW_KURSUS = [
    {
        "id": "k1",
        "namaKursus": "Bimbingan Teknis SIASN",
        "jenisKursusSertipikat": "T",
        "institusiPenyelenggara": "Kantor Regional X BKN",
        "jumlahJam": "24",
        "nomorSertipikat": "BKN/KR-X/2023/88",
        "tahunKursus": 2023,
        "tanggalKursus": "2023-03-06",
        "tanggalSelesaiKursus": "2023-03-08",
    },
]


def berkas(*rows) -> bytes:
    return json.dumps({"data": list(rows)}).encode()


def test_it_imports_every_history_once_through_each_apps_function(unit, jabatan, hr_user):
    data = berkas(
        rekam(
            **{
                "rw-jabatan": RW_JABATAN,
                "rw-skp22": RW_SKP22,
                "rw-diklat": RW_DIKLAT,
                "rw-kursus": RW_KURSUS,
            }
        )
    )
    pratinjau = proses.jalankan(data, "json")
    assert pratinjau.tolak == 0, pratinjau.ditolak
    assert pratinjau.riwayat_rinci == {
        # The latest position is the current one: the main record places it.
        "rw-jabatan": {"baru": 1, "ubah": 0, "sama": 0, "kini": 1},
        "rw-skp22": {"baru": 2, "ubah": 0, "sama": 0, "kini": 0},
        "rw-diklat": {"baru": 1, "ubah": 0, "sama": 0, "kini": 0},
        "rw-kursus": {"baru": 1, "ubah": 0, "sama": 0, "kini": 0},
    }
    assert Penempatan.objects.count() == Skp.objects.count() == 0  # a dry run writes nothing

    r = proses.jalankan(data, "json", terapkan=True, oleh=hr_user)
    assert (r.baru, r.tolak, r.penempatan) == (1, 0, 1)
    pen = list(
        Penempatan.objects.order_by("tmt_mulai").values_list(
            "formasi", "tmt_mulai", "tmt_selesai", "nomor_sk"
        )
    )
    assert pen == [
        (jabatan["lama"].pk, date(2012, 3, 1), date(2021, 6, 30), "821/12/BKD/2012"),
        (jabatan["kini"].pk, date(2021, 7, 1), None, ""),
    ]
    jabatan["lama"].refresh_from_db()
    assert jabatan["lama"].jumlah_terisi == 0  # an ended placement takes no seat
    skp = {s.periode.tahun: s for s in Skp.objects.select_related("periode")}
    assert (skp[2022].predikat, skp[2022].status, skp[2023].predikat) == (
        "Baik",
        "final",
        "Sangat Baik",
    )
    assert not Periode.objects.get(tahun=2022, jenis="tahunan").terbuka  # a closed past year
    diklat = PelatihanEksternal.objects.get(pelatihan_wajib="pkp")
    assert (diklat.status, diklat.diverifikasi_oleh, diklat.jumlah_jp, diklat.kelompok) == (
        "diverifikasi",
        hr_user,
        285,
        "manajerial",
    )
    kursus = PelatihanEksternal.objects.get(nama="Bimbingan Teknis SIASN")
    assert (kursus.tahun_jp, kursus.kelompok, kursus.nomor_sertifikat) == (
        2023,
        "teknis",
        "BKN/KR-X/2023/88",
    )

    again = proses.jalankan(data, "json", terapkan=True, oleh=hr_user)
    assert (again.sama, again.tolak) == (1, 0)
    assert {k: (v["baru"], v["ubah"]) for k, v in again.riwayat_rinci.items()} == {
        k: (0, 0) for k in ("rw-jabatan", "rw-skp22", "rw-diklat", "rw-kursus")
    }
    assert Penempatan.objects.count() == 2 and Skp.objects.count() == 2
    assert PelatihanEksternal.objects.count() == 2


def test_a_changed_final_skp_is_revised_with_a_record(unit, jabatan, hr_user):
    row = rekam(**{"rw-skp22": RW_SKP22[:1]})
    proses.jalankan(berkas(row), "json", terapkan=True, oleh=hr_user)
    row["rw-skp22"] = [{**RW_SKP22[0], "hasilKinerja": "DIBAWAH EKSPEKTASI", "kuadranKinerja": ""}]
    data = berkas(row)
    assert proses.jalankan(data, "json").riwayat_rinci["rw-skp22"]["ubah"] == 1
    proses.jalankan(data, "json", terapkan=True, oleh=hr_user)
    skp = Skp.objects.get()
    assert skp.predikat == "Butuh Perbaikan"
    revisi = RevisiSkp.objects.get()
    assert (revisi.predikat_lama, revisi.predikat_baru, revisi.oleh) == (
        "Baik",
        "Butuh Perbaikan",
        hr_user,
    )


def test_training_awaiting_verification_becomes_verified(unit, jabatan, hr_user):
    data = berkas(rekam(**{"rw-kursus": RW_KURSUS}))
    proses.jalankan(data, "json", terapkan=True, oleh=hr_user)
    PelatihanEksternal.objects.update(
        status="diajukan", diverifikasi_oleh=None, diverifikasi_pada=None
    )
    r = proses.jalankan(data, "json", terapkan=True, oleh=hr_user)
    assert r.riwayat_rinci["rw-kursus"] == {"baru": 0, "ubah": 1, "sama": 0, "kini": 0}
    assert PelatihanEksternal.objects.get().status == "diverifikasi"


def test_without_an_officer_training_is_rejected_not_written(unit, jabatan):
    data = berkas(rekam(**{"rw-diklat": RW_DIKLAT}))
    r = proses.jalankan(data, "json", terapkan=True, sebagian=True)
    assert r.tolak == 1 and r.ditolak[0]["kolom"] == "rw-diklat"
    assert "--oleh" in r.ditolak[0]["alasan"]
    assert PelatihanEksternal.objects.count() == 0


def test_unknown_history_units_and_positions_go_to_the_mapping(unit, jabatan, hr_user):
    asing = [
        {
            **RW_JABATAN[0],
            "unorId": "8ae4-UNOR-LAMA",
            "unorNama": "KANTOR ARSIP",
            "jabatanFungsionalUmumId": "8ae4-X",
            "jabatanFungsionalUmumNama": "PENGETIK",
        },
        RW_JABATAN[1],
    ]
    data = berkas(rekam(**{"rw-jabatan": asing}))
    r = proses.jalankan(data, "json")
    assert r.unit_asing == {"8ae4-UNOR-LAMA": ["KANTOR ARSIP", 1]}
    assert r.jabatan_asing == {"8ae4-X": ["PENGETIK", 1]}
    assert {g["kolom"] for g in r.ditolak} == {
        "rw-jabatan[1].unorId",
        "rw-jabatan[1].jabatanFungsionalUmumId",
    }
    assert all("belum dipetakan" in g["alasan"] for g in r.ditolak)
    PemetaanUnit.objects.create(kode_siasn="8ae4-UNOR-LAMA", unit_kerja=unit)
    PemetaanJabatan.objects.create(kode_siasn="8ae4-X", jabatan=jabatan["lama"].jabatan)
    r = proses.jalankan(data, "json", terapkan=True, oleh=hr_user)
    assert (r.tolak, r.unit_asing, r.jabatan_asing) == (0, {}, {})
    assert Penempatan.objects.filter(formasi=jabatan["lama"]).exists()


@pytest.mark.parametrize(
    ("daftar", "kolom", "alasan"),
    [
        ("rw-skp22", "rw-skp22[1].hasilKinerja", "Rating"),
        ("rw-skp22", "rw-skp22[1].kuadranKinerja", "tidak sesuai matriks"),
        ("rw-diklat", "rw-diklat[1].jumlahJam", "Jumlah JP"),
        ("rw-kursus", "rw-kursus[1].tanggalKursus", "tidak dikenali"),
        ("rw-jabatan", "rw-jabatan[1].tmtJabatan", "Wajib diisi"),
    ],
)
def test_a_bad_history_row_rejects_the_record_naming_row_and_field(
    unit, jabatan, daftar, kolom, alasan
):
    rusak = {
        "rw-skp22": [{**RW_SKP22[0], "hasilKinerja": "LUAR BIASA"}],
        "rw-diklat": [{**RW_DIKLAT[0], "jumlahJam": 0}],
        "rw-kursus": [{**RW_KURSUS[0], "tanggalKursus": "6 Maret 2023"}],
        "rw-jabatan": [{**RW_JABATAN[0], "tmtJabatan": ""}],
    }
    if daftar == "rw-skp22" and "matriks" in alasan:
        rusak["rw-skp22"] = [{**RW_SKP22[0], "kuadranKinerja": "SANGAT BAIK"}]
    r = proses.jalankan(berkas(rekam(**{daftar: rusak[daftar]})), "json")
    assert r.tolak == 1
    assert (r.ditolak[0]["baris"], r.ditolak[0]["kolom"]) == (1, kolom)
    assert alasan in r.ditolak[0]["alasan"]


def test_an_overlapping_placement_is_refused_by_the_placement_service(unit, jabatan, hr_user):
    p = PegawaiFactory(unit_kerja=unit, golongan="III/b", pendidikan="S1")
    lain = FormasiFactory(unit_kerja=unit, kuota=2)
    Penempatan.objects.create(
        pegawai=p, formasi=lain, tmt_mulai=date(2015, 1, 1), tmt_selesai=date(2016, 12, 31)
    )
    row = rekam(**{"rw-jabatan": RW_JABATAN})
    row.update(
        nipBaru=p.nip, nama=p.nama, tglLahir="", jenisKelamin="", tmtCpns=f"{p.tmt_cpns:%d-%m-%Y}"
    )
    r = proses.jalankan(berkas(row), "json", terapkan=True, sebagian=True, oleh=hr_user)
    assert r.tolak == 1
    assert r.ditolak[0]["kolom"] == "rw-jabatan[1].tmtJabatan"
    assert "Bertumpang waktu" in r.ditolak[0]["alasan"]
    assert not Penempatan.objects.filter(formasi=jabatan["lama"]).exists()


def test_the_preview_page_shows_the_counts_per_history(
    hr_client, unit, jabatan, settings, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from impor.models import Impor

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    data = berkas(rekam(**{"rw-jabatan": RW_JABATAN, "rw-kursus": RW_KURSUS}))
    with django_capture_on_commit_callbacks(execute=True):
        hr_client.post(
            reverse("impor:unggah"),
            {"berkas": SimpleUploadedFile("siasn.json", data, "application/json")},
        )
    page = hr_client.get(Impor.objects.get().get_absolute_url()).content.decode()
    assert 'data-riwayat="rw-jabatan"' in page and 'data-riwayat="rw-kursus"' in page
    assert "jabatan saat ini: dicatat dari data utama" in page


def test_an_imported_training_without_our_evidence_file_opens_in_the_admin(
    hr_client, unit, jabatan, hr_user
):
    proses.jalankan(berkas(rekam(**{"rw-diklat": RW_DIKLAT})), "json", terapkan=True, oleh=hr_user)
    e = PelatihanEksternal.objects.get()
    assert not e.bukti  # the certificate stays in SIASN; its number is kept
    response = hr_client.get(f"/admin/pelatihan/pelatihaneksternal/{e.pk}/change/")
    assert response.status_code == 200
    assert "DIKLATPIM.IV/123/2015" in response.content.decode()
