"""XLSX exports, opened with openpyxl: dates are date cells shown dd-mm-yyyy, the NIP text with
its 18 digits, names with their titles, formula-like text kept as text (core.export)."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from impor import kolom as k
from tests.factories import PegawaiFactory, RiwayatPangkatFactory, UnitKerjaFactory

pytestmark = pytest.mark.django_db


def _sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).worksheets[0]


def test_the_admin_list_exports_xlsx_as_a_task_with_typed_cells(hr_client, unduh_ekspor):
    p = PegawaiFactory(gelar_depan="Dr.", nama="Ahmad Fauzi", gelar_belakang="S.T., M.T.")
    RiwayatPangkatFactory(pegawai=p, golongan="III/a", tmt_golongan=dt.date(2019, 4, 1))
    ws = _sheet(
        unduh_ekspor(
            hr_client,
            "/admin/pegawai/riwayatpangkat/ekspor/",
            {"golongan": "III/a"},
            {"format": "xlsx"},
        )
    )
    rows = list(ws.iter_rows())
    header = [c.value for c in rows[0]]
    assert header[:2] == ["NIP", "nama"] and "TMT golongan" in header
    nip, nama = rows[1][0], rows[1][1]
    assert (nip.data_type, nip.value) == ("s", p.nip_tercetak)  # text: the 18 digits kept
    assert nama.value == "Dr. Ahmad Fauzi, S.T., M.T."
    tmt = rows[1][header.index("TMT golongan")]
    assert (tmt.is_date, tmt.value, tmt.number_format) == (
        True,
        dt.datetime(2019, 4, 1),
        "DD-MM-YYYY",
    )
    assert len(rows) == 2  # the list's filter holds in the export


def _forms_ekspor(page: str) -> list[tuple[str, str]]:
    """The export forms of an admin list: (action, format), each a POST with its CSRF token."""
    forms = re.findall(r'<form method="post" action="([^"]*/ekspor/[^"]*)">(.*?)</form>', page)
    assert all("csrfmiddlewaretoken" in isi for _action, isi in forms)
    return [(action, re.search(r'name="format" value="(\w+)"', isi)[1]) for action, isi in forms]


def test_the_export_forms_offer_both_formats_with_the_filters(hr_client):
    page = hr_client.get("/admin/pegawai/riwayatpangkat/", {"golongan": "III/a"}).content.decode()
    url = "/admin/pegawai/riwayatpangkat/ekspor/?golongan=III%2Fa"
    assert _forms_ekspor(page) == [(url, "csv"), (url, "xlsx")]
    page = hr_client.get("/admin/pegawai/riwayatpangkat/").content.decode()
    url = "/admin/pegawai/riwayatpangkat/ekspor/?"
    assert _forms_ekspor(page) == [(url, "csv"), (url, "xlsx")]


def test_formula_like_text_stays_text_in_xlsx(hr_client, unduh_ekspor):
    PegawaiFactory(nama='=HYPERLINK("http://x","y")')
    ws = _sheet(unduh_ekspor(hr_client, "/admin/pegawai/pegawai/ekspor/", data={"format": "xlsx"}))
    cell = ws.cell(row=2, column=2)
    assert (cell.data_type, cell.value) == ("s", '=HYPERLINK("http://x","y")')


def test_the_import_export_writes_dates_as_date_cells_and_the_nip_as_text(hr_client, unduh_ekspor):
    unit = UnitKerjaFactory(kode="U-1")
    p = PegawaiFactory(unit_kerja=unit)
    ws = _sheet(unduh_ekspor(hr_client, reverse("impor:ekspor", args=["xlsx"])))
    header = [c.value for c in ws[1]]
    row = ws[2]
    nip = row[header.index("nipBaru")]
    assert (nip.data_type, nip.value) == ("s", p.nip)
    lahir = row[header.index("tglLahir")]
    assert (lahir.value.date(), lahir.number_format) == (p.tanggal_lahir, "DD-MM-YYYY")
    assert header == list(k.KOLOM)
    csv = unduh_ekspor(hr_client, reverse("impor:ekspor", args=["csv"])).decode("utf-8-sig")
    assert f";{p.tanggal_lahir:%d-%m-%Y};" in csv  # CSV: dd-mm-yyyy text
