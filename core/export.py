"""The one writer of exported tables: CSV and XLSX, safe to open in a spreadsheet.

Every table the project hands out (admin lists, report downloads, the importer's rejected rows
and reconciliation, the open data) is written here: text a spreadsheet would run as a formula
is neutralised (`safe_cell`, CSV injection), dates read dd-mm-yyyy (docs/gaya.md) and, in
XLSX, text cells are typed as text. Who took which rows is logged by the caller
(`pegawai.ekspor.log_request_export`: the log is a model of pegawai).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import timezone
from django.utils.functional import Promise

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Dates in exports read dd-mm-yyyy (docs/gaya.md); in XLSX they stay real dates (a
# spreadsheet sorts and filters them as dates) shown in that form.
DATE_FORMAT = "DD-MM-YYYY"
DATETIME_FORMAT = "DD-MM-YYYY HH:MM"

# A spreadsheet reads a cell starting with one of these as a formula (CSV injection, OWASP):
# `=HYPERLINK(...)` typed as an employee's name would run on the HR officer's machine.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Return `value` fit for a CSV cell: text that a spreadsheet would run gets a leading `'`.

    Only text is touched: numbers (negative ones too) and dates stay what they are. Every CSV
    of the project writes its cells through this function (`CsvTable`); XLSX types text cells
    as text instead (`write_xlsx`).
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_text(value: object) -> object:
    """Return a value as a CSV cell shows it: dates dd-mm-yyyy, times in local time, text
    through `safe_cell`."""
    if isinstance(value, Promise):  # a lazy translation (a column label)
        value = str(value)
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    return safe_cell(value)


class CsvTable:
    """A CSV file written row by row, every cell (the header too) through `csv_text`.

    For spreadsheets by default: `;` between cells, because Indonesian locales use the comma as
    the decimal separator, and a byte order mark so spreadsheet programs read UTF-8. With
    `open_data=True`: RFC 4180 as open-data tools expect it (comma, CRLF, no byte order mark).
    """

    def __init__(self, header: Sequence[object], *, open_data: bool = False) -> None:
        self.buf = io.StringIO()
        if open_data:
            self._writer = csv.writer(self.buf, lineterminator="\r\n")  # RFC 4180
        else:
            self.buf.write("\ufeff")
            self._writer = csv.writer(self.buf, delimiter=";")
        self.writerow(header)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([csv_text(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)

    def text(self) -> str:
        return self.buf.getvalue()

    def content(self) -> bytes:
        return self.text().encode("utf-8")


def write_csv(
    header: Sequence[object], rows: Iterable[Iterable[object]], *, open_data: bool = False
) -> bytes:
    """Return a whole table as CSV bytes (`CsvTable`)."""
    table = CsvTable(header, open_data=open_data)
    table.writerows(rows)
    return table.content()


@dataclass(frozen=True)
class Sheet:
    """A further sheet of a workbook (instructions, the codes to choose from)."""

    title: str
    header: Sequence[object]
    rows: Sequence[Sequence[object]]


@dataclass(frozen=True)
class DropDown:
    """A drop-down list on a column of the first sheet (an XLSX data validation).

    `source` is the list: a range of another sheet (`'Kode unit'!$A$2:$A$40`) or values
    (`"PNS,PPPK"`). A value outside it is only warned about: a column may also take codes the
    list cannot hold (a SIASN id already mapped)."""

    column: str  # the column's header
    source: str
    message: str
    rows: int = 5000  # data rows the list covers


def _lembar(ws, header: Sequence[object], rows: Iterable[Sequence[object]]) -> None:
    from openpyxl.cell import WriteOnlyCell

    def sel(value: object) -> WriteOnlyCell:
        if isinstance(value, dt.datetime):
            if timezone.is_aware(value):
                value = timezone.make_naive(value)
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = DATETIME_FORMAT
            return cell
        if isinstance(value, dt.date):
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = DATE_FORMAT
            return cell
        if isinstance(value, str):
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = "s"
            return cell
        return WriteOnlyCell(ws, value=value)

    ws.append([sel(str(h)) for h in header])
    for row in rows:
        ws.append([sel(v) for v in row])


def write_xlsx(
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    title: str = "Data",
    sheets: Sequence[Sheet] = (),
    drop_downs: Sequence[DropDown] = (),
    active: int = 0,
) -> bytes:
    """Return an XLSX workbook, written row by row (openpyxl's write-only mode, so memory
    holds the file being built, not a sheet of cell objects): the table on the first sheet, then
    `sheets`; `drop_downs` puts drop-down lists on the first sheet's columns; `active` is the sheet
    a spreadsheet opens on (the first sheet stays the one an import reads).

    Text cells are typed as text: a NIP keeps its 18 digits and its grouping, and a name like
    `=HYPERLINK(...)` stays text (openpyxl would make it a formula). Dates and times are real
    date cells shown dd-mm-yyyy (times in local time: a spreadsheet has no time zone); numbers
    stay numbers.
    """
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=title[:31] or "Data")
    judul_kolom = [str(h) for h in header]
    for p in drop_downs:
        huruf = get_column_letter(judul_kolom.index(p.column) + 1)
        dv = DataValidation(
            type="list",
            formula1=p.source,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            error=str(p.message),
            errorTitle=str(p.column),
        )
        dv.add(f"{huruf}2:{huruf}{p.rows + 1}")
        ws.data_validations.append(dv)
    _lembar(ws, header, rows)
    for extra in sheets:
        _lembar(wb.create_sheet(title=extra.title[:31]), extra.header, extra.rows)
    if active:
        wb.active = active
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def sheet_range(sheet: str, n: int, column: str = "A") -> str:
    """The formula of column `column`'s `n` values under the header of sheet `sheet`."""
    from openpyxl.utils import quote_sheetname

    return f"{quote_sheetname(sheet[:31])}!${column}$2:${column}${n + 1}"
