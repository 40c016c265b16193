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

from impor import kolom as k
from impor import proses, read
from impor.models import Impor
from pegawai.models import Pegawai, RiwayatPangkat, RiwayatPendidikan
from pegawai.nip import compose_ni_pppk
from tests.factories import UnitKerjaFactory
from tests.impor.bantu import EKSPOR, baris, data_utama, ekspor_baris, ke_csv, ke_xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def unit():
    return UnitKerjaFactory(kode="8ae4828c-unor")


def _jalankan(data: bytes, fmt: str) -> proses.Ringkasan:
    fmt = read.check_file(f"siasn.{fmt}", "", data)
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
    assert [b.nilai["nipBaru"] for b in read.read_rows(data, "json")] == [
        r["nipBaru"] for r in recs
    ]
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


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_siasn_export_titles_read_as_the_same_fields(fmt):
    ni = compose_ni_pppk(date(1992, 5, 5), 2022, 1, "P", 7)
    pppk = ekspor_baris(
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
    rows = [ekspor_baris(), pppk]
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
    kolom = ["NIP BARU", *k.KOLOM]
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
