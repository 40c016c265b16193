"""SIASN's real shapes, imported through the real preview/apply path (impor.proses.jalankan).

Where each shape comes from (public SIASN client code, read with the `search` tools):

- One data-utama response `{"code": 1, "data": {...}}`: kanekescom/laravel-siasn-simpeg
  src/Helpers/PnsDataUtamaResponseTransformer.php takes `$response->collect()->get('data')` as one
  item; taufiqurrohmansuwarto/rumahASN controller/siasn-jabatan.controller.js reads
  `(await request.get(`/pns/data-utama/${nip}`)).data.data.kedudukanPnsNama`.
- A response holding a list `{"code": 1, "data": [...]}` (the history endpoints): kanekescom
  src/Helpers/RiwayatResponseTransformer.php takes `get('data')` as a list; rumahASN
  controller/siasn-jabatan.controller.js reads `/pns/rw-jabatan/${nip}` as `result.data.data`.
  Inside a saved record the history list therefore sits one level deeper: `"rw-golongan":
  {"code": 1, "data": [...]}`.
- A list of responses saved in a batch `[{"code": 1, "data": {...}}, ...]`: what a tool that
  stores each employee's response as it came (kanekescom src/Commands/PullPnsDataUtamaCommand.php
  pulls one response per NIP) writes when it saves them together; no public client we found writes
  that file itself, so the shape is the issue's description, not a citation.
- The fields of a whole data-utama record (about 130): kanekescom
  database/migrations/2024_01_02_000006_create_siasn_simpeg_pns_data_utama_table.php (`DATA_UTAMA`
  below lists them); the history rows: the same folder's ..._rw_golongan_table.php.
- SIASN's spreadsheet export: its titles, kanekescom
  database/migrations/2024_01_02_000001_create_siasn_simpeg_pegawai_table.php (snake-cased by the
  reader) and, in capitals as in the file, a public export uploader's EXPECTED_HEADERS (`EKSPOR`
  below; the code index does not name that repository); text cells with a leading apostrophe and
  the word null, kanekescom src/Imports/PegawaiImport.php; dates d-m-Y, kanekescom
  src/Transformers/PegawaiTransformer.php; "STATUS CPNS PNS" C or P and kedudukan 71 for a PPPK,
  rumahASN controller/kualitas-data/accuracy.controller.js.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from impor import proses, read
from impor.models import Impor
from pegawai.models import Pegawai, RiwayatPangkat, RiwayatPendidikan
from pegawai.nip import compose_ni_pppk
from tests.factories import UnitKerjaFactory
from tests.impor.bantu import baris, ke_csv, ke_xlsx, nip

pytestmark = pytest.mark.django_db

# kanekescom/laravel-siasn-simpeg database/migrations/
# 2024_01_02_000006_create_siasn_simpeg_pns_data_utama_table.php: the data-utama fields.
_DATA_UTAMA = (
    "id nipBaru nipLama nama gelarDepan gelarBelakang tempatLahir tempatLahirId tglLahir agama "
    "agamaId email emailGov nik alamat noHp noTelp jenisPegawaiId mkTahun mkBulan "
    "jenisPegawaiNama kedudukanPnsId kedudukanPnsNama statusPegawai jenisKelamin jenisIdDokumenId "
    "jenisIdDokumenNama nomorIdDocument noSeriKarpeg tkPendidikanTerakhirId tkPendidikanTerakhir "
    "pendidikanTerakhirId pendidikanTerakhirNama tahunLulus tmtPns tmtPensiun bupPensiun tglSkPns "
    "tmtCpns tglSkCpns instansiIndukId instansiIndukNama satuanKerjaIndukId satuanKerjaIndukNama "
    "kanregId kanregNama instansiKerjaId instansiKerjaNama instansiKerjaKodeCepat "
    "satuanKerjaKerjaId satuanKerjaKerjaNama unorId unorNama unorIndukId unorIndukNama "
    "jenisJabatanId jenisJabatan jabatanNama jabatanStrukturalId jabatanStrukturalNama "
    "jabatanFungsionalId jabatanFungsionalNama jabatanFungsionalUmumId jabatanFungsionalUmumNama "
    "tmtJabatan lokasiKerjaId lokasiKerja golRuangAwalId golRuangAwal golRuangAkhirId "
    "golRuangAkhir tmtGolAkhir masaKerja eselon eselonId eselonLevel tmtEselon gajiPokok kpknId "
    "kpknNama ktuaId ktuaNama taspenId taspenNama jenisKawinId statusPerkawinan statusHidup "
    "tglSuratKeteranganDokter noSuratKeteranganDokter jumlahIstriSuami jumlahAnak "
    "noSuratKeteranganBebasNarkoba tglSuratKeteranganBebasNarkoba skck tglSkck akteKelahiran "
    "akteMeninggal tglMeninggal noNpwp tglNpwp noAskes bpjs kodePos noSpmt noTaspen bahasa kppnId "
    "kppnNama pangkatAkhir tglSttpl nomorSttpl nomorSkCpns nomorSkPns jenjang jabatanAsn kartuAsn "
    "validNik pangkatAwal asnJenjangJabatan levelJabatan tanggal_taspen kelas_jabatan karis_karsu"
)
DATA_UTAMA = _DATA_UTAMA.split()

# SIASN's export titles, in the order of the file (see the module docstring).
_EKSPOR = (
    "PNS ID|NIP BARU|NIP LAMA|NAMA|GELAR DEPAN|GELAR BELAKANG|TEMPAT LAHIR ID|TEMPAT LAHIR NAMA|"
    "TANGGAL LAHIR|JENIS KELAMIN|AGAMA ID|AGAMA NAMA|JENIS KAWIN ID|JENIS KAWIN NAMA|NIK|"
    "NOMOR HP|EMAIL|EMAIL GOV|ALAMAT|NPWP NOMOR|BPJS|JENIS PEGAWAI ID|JENIS PEGAWAI NAMA|"
    "KEDUDUKAN HUKUM ID|KEDUDUKAN HUKUM NAMA|STATUS CPNS PNS|KARTU ASN VIRTUAL|NOMOR SK CPNS|"
    "TANGGAL SK CPNS|TMT CPNS|NOMOR SK PNS|TANGGAL SK PNS|TMT PNS|GOL AWAL ID|GOL AWAL NAMA|"
    "GOL AKHIR ID|GOL AKHIR NAMA|TMT GOLONGAN|MK TAHUN|MK BULAN|JENIS JABATAN ID|"
    "JENIS JABATAN NAMA|JABATAN ID|JABATAN NAMA|TMT JABATAN|TINGKAT PENDIDIKAN ID|"
    "TINGKAT PENDIDIKAN NAMA|PENDIDIKAN ID|PENDIDIKAN NAMA|TAHUN LULUS|KPKN ID|KPKN NAMA|"
    "LOKASI KERJA ID|LOKASI KERJA NAMA|UNOR ID|UNOR NAMA|INSTANSI INDUK ID|INSTANSI INDUK NAMA|"
    "INSTANSI KERJA ID|INSTANSI KERJA NAMA|SATUAN KERJA INDUK ID|SATUAN KERJA INDUK NAMA|"
    "SATUAN KERJA KERJA ID|SATUAN KERJA KERJA NAMA|IS VALID NIK|NAMA SEKOLAH|FLAG IKD|ESELON ID|"
    "ESELON NAMA"
)
EKSPOR = _EKSPOR.split("|")


@pytest.fixture(autouse=True)
def unit():
    return UnitKerjaFactory(kode="8ae4828c-unor")


def data_utama(lahir: date = date(1988, 6, 2), tmt: date = date(2014, 3, 1), **ubah) -> dict:
    """A whole data-utama record as the web service sends it: every field, ids as strings, dates
    dd-mm-yyyy, null where SIASN has nothing; a dokter (tingkat 42, profesi) in III/b."""
    # The fields we use are set below or left null (positions are mapped elsewhere).
    rec = {f: None if f in read.k.KOLOM else f"{f}-isi" for f in DATA_UTAMA}
    rec.update(
        {
            "id": "A8ACA7A5-1B2C",
            "nipBaru": nip(lahir, tmt, "P"),
            "nipLama": None,
            "nama": "Baiq Dewi Lestari",
            "gelarDepan": "dr.",
            "gelarBelakang": None,
            "tempatLahir": "Mataram",
            "tglLahir": f"{lahir:%d-%m-%Y}",
            "jenisKelamin": "F",
            "statusPegawai": "PNS",
            "kedudukanPnsId": "01",
            "kedudukanPnsNama": "Aktif",
            "tmtCpns": f"{tmt:%d-%m-%Y}",
            "tmtPns": f"{tmt.replace(year=tmt.year + 1):%d-%m-%Y}",
            "golRuangAkhirId": "32",
            "golRuangAkhir": "III/b",
            "tmtGolAkhir": "2018-03-31T16:00:00Z",  # 1 April 2018 in WITA
            "tkPendidikanTerakhirId": "42",
            "tkPendidikanTerakhir": "Profesi",
            "unorId": "8ae4828c-unor",
            "unorNama": "Puskesmas Ampenan",
            "jenisJabatanId": "2",
            "mkTahun": "10",
            "mkBulan": "3",
            "tmtPensiun": "01-07-2046",
            "email": "dewi@example.go.id",
            "noHp": "081234567890",
            "path": {"1": {"dok_id": "1", "object": "x.pdf"}},  # nested, unused
        }
    )
    rec.update(ubah)
    return rec


def _jalankan(data: bytes, fmt: str) -> proses.Ringkasan:
    fmt = read.periksa(f"siasn.{fmt}", "", data)
    return proses.jalankan(data, fmt, terapkan=True, sebagian=True)


def test_a_data_utama_response_with_a_whole_record_imports():
    rec = data_utama()
    r = _jalankan(json.dumps({"code": 1, "data": rec}).encode(), "json")
    assert (r.baru, r.tolak) == (1, 0), r.ditolak
    p = Pegawai.objects.get(nip=rec["nipBaru"])
    assert (p.golongan, p.pendidikan, p.kedudukan, p.status) == ("III/b", "PROF", "aktif", "PNS")
    assert (p.tmt_golongan, p.tanggal_lahir, p.jenis_kelamin) == (
        date(2018, 4, 1),
        date(1988, 6, 2),
        "P",
    )
    # Every field we do not use is listed, once: the record has about 130, of which we use
    # about 40 (masa kerja golongan and tmtPensiun among them: tests/impor/test_isi.py).
    assert len(r.diabaikan) == len(set(r.diabaikan)) > 80
    assert {"nik", "alamat", "kanregId", "lokasiKerjaId", "path"} <= set(r.diabaikan)
    assert not {"mkTahun", "mkBulan", "tmtPensiun"} & set(r.diabaikan)
    assert (p.mk_golongan_tahun, p.mk_golongan_bulan) == (10, 3)


def test_a_field_under_its_own_name_wins_over_a_synonym():
    rec = data_utama(nip="123", nip_baru="456")
    r = _jalankan(json.dumps({"code": 1, "data": rec}).encode(), "json")
    assert (r.baru, r.tolak) == (1, 0), r.ditolak
    assert Pegawai.objects.get().nip == rec["nipBaru"]
    assert {"nip", "nip_baru"} <= set(r.diabaikan)


def test_a_batch_of_responses_imports_every_record():
    recs = [data_utama(), data_utama(date(1990, 1, 9), date(2015, 2, 1))]
    data = json.dumps([{"code": 1, "data": rec} for rec in recs]).encode()
    r = _jalankan(data, "json")
    assert (r.baru, r.tolak) == (2, 0), r.ditolak
    assert r.diabaikan.count("nik") == 1


def test_a_response_holding_a_list_streams_with_its_code_first():
    recs = [data_utama(), data_utama(date(1991, 1, 9), date(2016, 2, 1))]
    data = b'{"code": 1, "message": "sukses", "data": ' + json.dumps(recs).encode() + b"}"
    assert [b.nilai["nipBaru"] for b in read.baca(data, "json")] == [r["nipBaru"] for r in recs]
    assert _jalankan(data, "json").baru == 2


def test_history_lists_arrive_as_their_endpoints_responses():
    # kanekescom ..._create_siasn_simpeg_pns_rw_golongan_table.php: golonganId, golongan,
    # tmtGolongan, skNomor, skTanggal, masaKerjaGolonganTahun, ...
    rw_golongan = {
        "code": 1,
        "data": [
            {
                "id": "g1",
                "golonganId": "31",
                "golongan": "III/a",
                "tmtGolongan": "01-03-2014",
                "skNomor": "813/1/2014",
                "skTanggal": "2014-02-10",
                "masaKerjaGolonganTahun": "0",
            },
            {
                "id": "g2",
                "golonganId": "32",
                "golongan": "III/b",
                "tmtGolongan": "01-04-2018",
                "skNomor": "823/7/2018",
                "skTanggal": "20-03-2018",
                "masaKerjaGolonganTahun": "4",
            },
        ],
    }
    rw_pendidikan = {
        "code": 1,
        "data": [
            {
                "tkPendidikanId": "42",
                "tkPendidikanNama": "Profesi",
                "tahunLulus": "2012",
                "pendidikanNama": "PROFESI DOKTER",
                "namaSekolah": "Universitas Mataram",
            }
        ],
    }
    rec = data_utama(**{"rw-golongan": rw_golongan, "rw-pendidikan": rw_pendidikan})
    r = _jalankan(json.dumps({"code": 1, "data": rec}).encode(), "json")
    assert (r.baru, r.tolak) == (1, 0), r.ditolak
    p = Pegawai.objects.get(nip=rec["nipBaru"])
    assert sorted(RiwayatPangkat.objects.filter(pegawai=p).values_list("golongan", flat=True)) == [
        "III/a",
        "III/b",
    ]
    assert RiwayatPendidikan.objects.get(pegawai=p).tingkat == "PROF"


@pytest.mark.parametrize(
    "isi",
    [
        b'{"code": 0, "data": "Data tidak ditemukan"}',
        b'{"code": 1, "pegawai": []}',
        b"[1, 2]",
        b"[[{}]]",
        b'{"code": 1, "data": [{"nipBaru": "1", "rw-golongan": "tidak ada"}]}',
    ],
)
def test_any_other_shape_is_refused_with_the_shapes_that_are_accepted(isi):
    with pytest.raises(read.BerkasDitolak) as exc:
        proses.jalankan(isi, "json", terapkan=True)
    pesan = exc.value.pesan
    assert pesan.startswith("Berkas JSON tidak berbentuk data SIASN yang dikenal")
    assert '{"code": 1, "data": {...}}' in pesan and '{"code": 1, "data": [...]}' in pesan
    assert not Pegawai.objects.exists()


def _ekspor_baris(**ubah) -> dict:
    """A row of SIASN's export: titles in capitals, text cells with a leading apostrophe, null
    where SIASN has nothing, dates dd-mm-yyyy, a PNS (P) with kedudukan hukum 01."""
    lahir = date(1979, 11, 23)
    row = {judul: "null" for judul in EKSPOR}
    row.update(
        {
            "PNS ID": "'A8ACA7A5-2D3E",
            "NIP BARU": "'" + nip(lahir, date(2005, 1, 1), "L"),
            "NAMA": "LALU MUHAMMAD ZAINI",
            "GELAR BELAKANG": "S.Kep., Ns.",
            "TEMPAT LAHIR NAMA": "PRAYA",
            "TANGGAL LAHIR": "23-11-1979",
            "JENIS KELAMIN": "M",
            "NIK": "'5271012311790001",
            "ALAMAT": "Jl. Pejanggik, Mataram",
            "KEDUDUKAN HUKUM ID": "01",
            "KEDUDUKAN HUKUM NAMA": "Aktif",
            "STATUS CPNS PNS": "P",
            "TMT CPNS": "01-01-2005",
            "TMT PNS": "01-01-2006",
            "GOL AKHIR ID": "33",
            "GOL AKHIR NAMA": "III/c",
            "TMT GOLONGAN": "01-10-2020",
            "MK TAHUN": "15",
            "MK BULAN": "9",
            "JENIS JABATAN ID": "2",
            "TINGKAT PENDIDIKAN ID": "47",
            "TINGKAT PENDIDIKAN NAMA": "Spesialis",
            "UNOR ID": "8ae4828c-unor",
            "UNOR NAMA": "RSUD Kota Mataram",
        }
    )
    row.update(ubah)
    return row


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_siasn_export_titles_read_as_the_same_fields(fmt):
    ni = compose_ni_pppk(date(1992, 5, 5), 2022, 1, "P", 7)
    pppk = _ekspor_baris(
        **{
            "NIP BARU": "'" + ni,
            "NAMA": "NI KADEK AYU",
            "TANGGAL LAHIR": "05-05-1992",
            "JENIS KELAMIN": "F",
            "KEDUDUKAN HUKUM ID": "71",
            "KEDUDUKAN HUKUM NAMA": "PPPK Aktif",
            "TMT CPNS": "01-03-2022",
            "TMT PNS": "null",
            "GOL AKHIR ID": "null",
            "GOL AKHIR NAMA": "IX",
            "TMT GOLONGAN": "01-03-2022",
            "TINGKAT PENDIDIKAN ID": "40",
        }
    )
    rows = [_ekspor_baris(), pppk]
    tulis = ke_csv if fmt == "csv" else ke_xlsx
    r = _jalankan(tulis(rows, kolom=EKSPOR), fmt)
    assert (r.baru, r.tolak) == (2, 0), r.ditolak
    pns = Pegawai.objects.get(nama="LALU MUHAMMAD ZAINI")
    assert (pns.status, pns.golongan, pns.pendidikan, pns.tmt_golongan, pns.jenis_kelamin) == (
        "PNS",
        "III/c",
        "SP1",
        date(2020, 10, 1),
        "L",
    )
    assert pns.nip == rows[0]["NIP BARU"][1:]  # the apostrophe that kept it text is gone
    p3k = Pegawai.objects.get(nip=ni)
    assert (p3k.status, p3k.golongan, p3k.tmt_pppk, p3k.tmt_pns) == (
        "PPPK",
        "IX",
        date(2022, 3, 1),
        None,
    )
    # "KEDUDUKAN HUKUM ID" is kept on the employee (pegawai.kedudukan_hukum).
    assert (pns.kedudukan_hukum, p3k.kedudukan_hukum) == ("01", "71")
    # The columns we do not use are listed once, under their titles as written.
    assert {"NIK", "ALAMAT", "PNS ID", "FLAG IKD"} <= set(r.diabaikan)
    # Masa kerja golongan and eselon are read (tests/impor/test_isi.py).
    for dipakai in ("NIP BARU", "GOL AKHIR ID", "MK TAHUN", "ESELON NAMA"):
        assert dipakai not in r.diabaikan


def test_one_field_under_two_titles_is_refused_naming_both():
    kolom = ["NIP BARU", *read.k.KOLOM]
    data = ke_csv([{"NIP BARU": "1", **baris()}], kolom=kolom)
    with pytest.raises(read.BerkasDitolak) as exc:
        proses.jalankan(data, "csv")
    assert exc.value.pesan == "Judul kolom ganda: NIP BARU = nipBaru."


def test_the_preview_page_lists_the_unused_fields_once(
    hr_client, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    data = json.dumps({"code": 1, "data": data_utama()}).encode()
    berkas = SimpleUploadedFile("siasn.json", data, "application/json")
    with django_capture_on_commit_callbacks(execute=True):
        hr_client.post(reverse("impor:unggah"), {"berkas": berkas})
    impor = Impor.objects.get()
    assert impor.status == Impor.Status.PRATINJAU
    page = hr_client.get(impor.get_absolute_url()).content.decode()
    assert page.count("Dibaca tetapi tidak dipakai") == 1
    assert "kanregId" in page and "lokasiKerjaId" in page
