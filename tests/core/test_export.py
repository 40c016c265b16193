"""core.export: the one CSV writer guards every cell against formulas, writes dates dd-mm-yyyy,
and speaks two dialects (spreadsheets, open data)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

from django.utils.translation import gettext_lazy

from core.export import CsvTable, safe_cell, write_csv


def test_it_neutralises_formulas_in_text_only():
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("-2+3") == "'-2+3"
    assert safe_cell(-2) == -2
    assert safe_cell("Ahmad") == "Ahmad"


def test_it_writes_a_spreadsheets_csv_with_every_cell_guarded():
    isi = write_csv(
        [gettext_lazy("Nama"), "=kolom"],
        [
            ["=HYPERLINK(1)", dt.date(2026, 2, 1)],
            [Decimal("-1.5"), 7],
        ],
    ).decode("utf-8")
    assert isi.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(isi.removeprefix("\ufeff")), delimiter=";"))
    assert rows == [
        ["Nama", "'=kolom"],
        ["'=HYPERLINK(1)", "01-02-2026"],
        ["-1.5", "7"],
    ]


def test_it_writes_open_data_as_rfc_4180():
    isi = write_csv(["nama", "tanggal"], [["=1+1", "2026-02-01"], ["a,b", ""]], open_data=True)
    teks = isi.decode("utf-8")
    assert not teks.startswith("\ufeff")
    assert teks == 'nama,tanggal\r\n\'=1+1,2026-02-01\r\n"a,b",\r\n'


def test_it_writes_row_by_row():
    tabel = CsvTable(["NIP", "Nama"])
    tabel.writerow(["198503152010011002", "+62 812"])
    assert tabel.text() == "\ufeffNIP;Nama\r\n198503152010011002;'+62 812\r\n"
    assert tabel.content() == tabel.text().encode("utf-8")
