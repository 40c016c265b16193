"""Bad files: each refused as a whole with a clear Indonesian message, nothing written."""

from __future__ import annotations

import io
import zipfile

import pytest

from impor import kolom as k
from impor import proses, read
from pegawai.models import Pegawai
from tests.factories import UnitKerjaFactory
from tests.impor.bantu import baris, ke_csv, ke_json, ke_xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def unit():
    return UnitKerjaFactory(kode="U-1")


def _tolak(nama: str, data: bytes, jenis: str = "") -> str:
    with pytest.raises(read.BerkasDitolak) as exc:
        fmt = read.check_file(nama, jenis, data)
        proses.jalankan(data, fmt, terapkan=True, sebagian=True)
    assert Pegawai.objects.count() == 0
    return exc.value.pesan


def test_it_rejects_a_wrong_extension():
    assert "Jenis berkas .pdf tidak diterima" in _tolak("data.pdf", b"%PDF-1.4")


def test_it_rejects_a_content_type_that_disagrees():
    pesan = _tolak("data.csv", ke_csv([baris()]), "application/pdf")
    assert "tidak sesuai dengan ekstensi .csv" in pesan


def test_it_rejects_a_csv_named_xlsx():
    assert "Isi berkas bukan XLSX" in _tolak("data.xlsx", ke_csv([baris()]))


def test_it_rejects_an_xlsx_named_csv():
    assert "bukan teks CSV" in _tolak("data.csv", ke_xlsx([baris()]))


def test_it_ignores_an_extra_column_and_lists_it_once():
    kolom = [*k.KOLOM, "gajiPokok"]
    data = ke_csv([baris(gajiPokok="1"), baris(gajiPokok="2")], kolom=kolom)
    r = proses.jalankan(data, "csv")
    assert (r.baru, r.tolak, r.diabaikan) == (2, 0, ["gajiPokok"])


def test_it_rejects_a_missing_column():
    kolom = [c for c in k.KOLOM if c != "unorId"]
    assert "Kolom wajib tidak ada: unorId" in _tolak("a.xlsx", ke_xlsx([baris()], kolom=kolom))


def test_it_accepts_siasn_columns_it_does_not_use():
    data = ke_csv([baris(agama="Islam")], kolom=[*k.KOLOM, "agama"])
    r = proses.jalankan(data, read.check_file("a.csv", "text/csv", data))
    assert (r.baru, r.tolak) == (1, 0)


def test_it_rejects_a_blank_column_between_columns():
    kolom = [*k.KOLOM[:3], "", *k.KOLOM[3:]]
    assert "Kolom ke-4 tidak berjudul" in _tolak("a.csv", ke_csv([baris()], kolom=kolom))


def test_it_rejects_data_under_no_title():
    data = ke_xlsx([baris()], nilai={"AZ2": "sisa"})
    assert "Baris 2 berisi data di kolom tanpa judul" in _tolak("a.xlsx", data)


def test_it_rejects_merged_title_cells():
    data = ke_xlsx([baris()], gabung="A1:B1")
    assert "Sel judul kolom digabung (A1:B1)" in _tolak("a.xlsx", data)


def test_a_blank_row_inside_the_data_is_rejected_with_its_number():
    data = ke_csv([baris(), {}, baris()])
    r = proses.jalankan(data, "csv")
    assert r.tolak == 1
    assert r.ditolak[0]["baris"] == 3
    assert "Baris kosong" in r.ditolak[0]["alasan"]


def test_trailing_blank_rows_are_ignored():
    data = ke_csv([baris(), {}, {}])
    r = proses.jalankan(data, "csv")
    assert (r.baru, r.tolak) == (1, 0)


def test_it_rejects_a_date_in_another_form():
    r = proses.jalankan(ke_csv([baris(tmtGolAkhir="April 2018")]), "csv")
    assert r.tolak == 1
    g = r.ditolak[0]
    assert (g["baris"], g["kolom"]) == (2, "tmtGolAkhir")
    assert "tulis dd-mm-yyyy" in g["alasan"]


def test_it_accepts_both_date_forms_and_excel_dates():
    import datetime as dt

    data = ke_xlsx(
        [baris(tmtGolAkhir="2018-04-01"), baris(tmtGolAkhir="01-04-2018")],
        nilai={"N2": dt.datetime(2018, 4, 1)},
    )
    r = proses.jalankan(data, "xlsx")
    assert (r.baru, r.tolak) == (2, 0)


def test_it_rejects_an_invalid_nip():
    r = proses.jalankan(ke_csv([baris(nipBaru="1985031520100110")]), "csv")
    assert r.ditolak[0]["kolom"] == "nipBaru"
    assert "NIP harus 18 digit angka (diterima 16)" in r.ditolak[0]["alasan"]


def test_it_rejects_a_nip_that_disagrees_with_the_birth_date():
    r = proses.jalankan(ke_csv([baris(tglLahir="16-03-1985")]), "csv")
    assert r.ditolak[0]["kolom"] == "tglLahir"
    assert "tidak sesuai NIP" in r.ditolak[0]["alasan"]


def test_it_rejects_a_nip_that_disagrees_with_the_gender():
    r = proses.jalankan(ke_csv([baris(jenisKelamin="P")]), "csv")
    assert r.ditolak[0]["kolom"] == "jenisKelamin"
    assert "Jenis kelamin tidak sesuai NIP" in r.ditolak[0]["alasan"]


def test_it_rejects_a_nip_typed_as_a_number_in_excel():
    row = baris()
    data = ke_xlsx([row], nilai={"A2": float(row["nipBaru"])})
    r = proses.jalankan(data, "xlsx")
    assert "NIP tersimpan sebagai angka" in r.ditolak[0]["alasan"]


def test_it_rejects_both_rows_of_a_duplicate_nip():
    a = baris()
    data = ke_csv([a, baris(), dict(a, nama="Lain")])
    r = proses.jalankan(data, "csv", terapkan=True, sebagian=True)
    assert (r.baru, r.tolak) == (1, 2)
    assert {g["baris"] for g in r.ditolak} == {2, 4}
    assert "muncul lebih dari sekali" in r.ditolak[0]["alasan"]
    assert not Pegawai.objects.filter(nip=a["nipBaru"]).exists()


def test_it_rejects_an_encoding_other_than_utf8():
    data = ke_csv([baris(nama="Ni Luh Dewi Sukmawàti")], encoding="cp1252")
    assert "tidak tersimpan dalam UTF-8" in _tolak("a.csv", data)


def test_it_rejects_a_file_over_the_size_limit(settings):
    settings.IMPOR_UKURAN_MAKS = 1000
    assert "Berkas terlalu besar" in _tolak("a.csv", ke_csv([baris()] * 10))


def test_it_rejects_a_zip_bomb_disguised_as_xlsx():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (50 * 1024 * 1024))
    data = buf.getvalue()
    assert len(data) < 200_000
    assert "ciri bom ZIP" in _tolak("bom.xlsx", data)


def test_it_rejects_a_zip_that_is_not_a_workbook():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "x")
    assert "bukan lembar kerja XLSX" in _tolak("a.xlsx", buf.getvalue())


def test_it_rejects_broken_json():
    assert "Berkas JSON rusak" in _tolak("a.json", b'[{"nipBaru": "1", ')


def test_it_ignores_json_fields_it_does_not_use_and_lists_them_once():
    r = proses.jalankan(ke_json([baris(gaji="1"), baris(gaji="2", nik="5271")]), "json")
    assert (r.baru, r.tolak, r.diabaikan) == (2, 0, ["gaji", "nik"])


def test_it_reads_json_in_both_shapes_one_record_at_a_time(monkeypatch):
    rows = [baris() for _ in range(30)]
    for bungkus in (False, True):
        data = ke_json(rows, bungkus=bungkus)
        hasil = list(read.read_rows(data, "json"))
        assert [b.nilai["nipBaru"] for b in hasil] == [r["nipBaru"] for r in rows]


def test_it_reads_a_comma_separated_csv():
    r = proses.jalankan(ke_csv([baris()], pemisah=","), "csv")
    assert (r.baru, r.tolak) == (1, 0)
