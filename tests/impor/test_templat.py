"""The import template as HR downloads it, opened with openpyxl: the data sheet first (the import
reads it), the instructions the workbook opens on, the unit and position codes of the user's
scope, and drop-down lists on the data sheet's columns that point at them."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from impor import kolom as k
from impor import read
from tests.factories import JabatanFactory, UnitKerjaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def buku(hr_client):
    UnitKerjaFactory(kode="U-2", nama="Dinas Kesehatan")
    UnitKerjaFactory(kode="U-1", nama="Badan Kepegawaian")
    JabatanFactory(kode="J-ANALIS", nama="Analis SDM Aparatur")
    JabatanFactory(kode="J-LAMA", nama="Jabatan Dihapus", aktif=False)
    response = hr_client.post(reverse("impor:templat", args=["xlsx"]))
    assert response.status_code == 200
    return response.content


def test_it_opens_on_the_instructions_and_keeps_the_data_sheet_first(buku):
    wb = load_workbook(io.BytesIO(buku))
    assert wb.sheetnames == ["templat-impor-pegawai", "Petunjuk", "Kode unit", "Kode jabatan"]
    assert wb.active.title == "Petunjuk"
    data = wb.worksheets[0]
    assert [c.value for c in data[1]] == list(k.KOLOM)
    contoh = {h: c for h, c in zip(k.KOLOM, data[2], strict=True)}
    assert contoh["nipBaru"].data_type == "s" and contoh["nipBaru"].value == "198503152010011002"
    assert contoh["tglLahir"].is_date and contoh["tglLahir"].value == dt.datetime(1985, 3, 15)
    assert contoh["tglLahir"].number_format == "DD-MM-YYYY"
    # The example row uses a unit that exists, so it imports as it stands.
    assert (contoh["unorId"].value, contoh["unorNama"].value) == ("U-1", "Badan Kepegawaian")
    [b] = list(read.read_rows(buku, "xlsx"))
    assert b.nilai["unorId"] == "U-1"


def test_the_instructions_name_every_column_its_format_and_whether_it_is_required(buku):
    ws = load_workbook(io.BytesIO(buku))["Petunjuk"]
    baris = {str(r[0]).split(" ")[0]: r for r in ws.iter_rows(min_row=2, values_only=True) if r[0]}
    for kolom in k.KOLOM:
        assert kolom in baris, kolom
        assert baris[kolom][2], kolom  # what it takes
    assert baris["nipBaru"][1] == "wajib" and baris["email"][1] == "boleh kosong"
    assert baris["golRuangAkhir"][1] == "wajib salah satu (atau golRuangAkhirId)"
    assert "dd-mm-yyyy" in baris["tmtGolAkhir"][2]
    assert "Kode unit" in baris["unorId"][2] and "Kode jabatan" in baris["jabatanId"][2]
    aturan = " ".join(str(r[2]) for r in ws.iter_rows(values_only=True) if r[0] == "Aturan")
    assert "31-02-1990" in aturan and "Sel kosong berarti tidak diubah" in aturan


def test_it_lists_the_units_in_scope_and_the_active_positions(buku):
    wb = load_workbook(io.BytesIO(buku))
    unit = list(wb["Kode unit"].iter_rows(values_only=True))
    assert unit[0] == ("Kode unit (unorId)", "Nama unit")
    assert unit[1:] == [("U-1", "Badan Kepegawaian"), ("U-2", "Dinas Kesehatan")]
    jabatan = list(wb["Kode jabatan"].iter_rows(values_only=True))
    assert jabatan[1:] == [("J-ANALIS", "Analis SDM Aparatur", "Pelaksana")]
    for ws in (wb["Kode unit"], wb["Kode jabatan"]):
        assert all(c.data_type == "s" for row in ws.iter_rows() for c in row if c.value)


def test_the_unit_and_position_columns_offer_the_codes_as_lists(buku):
    data = load_workbook(io.BytesIO(buku)).worksheets[0]
    huruf = {h: data.cell(row=1, column=n).column_letter for n, h in enumerate(k.KOLOM, 1)}
    daftar = {str(dv.sqref): dv for dv in data.data_validations.dataValidation}
    unit = daftar[f"{huruf['unorId']}2:{huruf['unorId']}5001"]
    assert (unit.type, unit.formula1) == ("list", "'Kode unit'!$A$2:$A$3")
    jabatan = daftar[f"{huruf['jabatanId']}2:{huruf['jabatanId']}5001"]
    assert jabatan.formula1 == "'Kode jabatan'!$A$2:$A$2"
    # A SIASN id already mapped is not on the list: warned about, not refused.
    assert unit.errorStyle == "warning" and unit.showErrorMessage and unit.allow_blank
    assert "Kode unit" in unit.error
    status = daftar[f"{huruf['statusPegawai']}2:{huruf['statusPegawai']}5001"]
    assert status.formula1 == '"PNS,PPPK"'
    assert daftar[f"{huruf['jenisKelamin']}2:{huruf['jenisKelamin']}5001"].formula1 == '"L,P"'
    assert "III/b" in daftar[f"{huruf['golRuangAkhir']}2:{huruf['golRuangAkhir']}5001"].formula1
    assert all(len(dv.formula1) <= 255 for dv in daftar.values())  # Excel's limit for a list


def test_the_csv_template_is_the_data_sheet_alone(hr_client):
    UnitKerjaFactory(kode="U-1", nama="Badan Kepegawaian")
    teks = hr_client.post(reverse("impor:templat", args=["csv"])).content.decode("utf-8-sig")
    baris = teks.splitlines()
    assert baris[0] == ";".join(k.KOLOM) and len(baris) == 2
    assert ";U-1;Badan Kepegawaian;" in baris[1] and ";15-03-1985;" in baris[1]
