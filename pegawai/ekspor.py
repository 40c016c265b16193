"""Exports of tables (CSV and XLSX) and the log of who exported what."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from pegawai.models import CatatanEkspor

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Dates in exports read dd-mm-yyyy (docs/gaya.md); in XLSX they stay real dates (a
# spreadsheet sorts and filters them as dates) shown in that form.
FORMAT_TANGGAL = "DD-MM-YYYY"
FORMAT_WAKTU = "DD-MM-YYYY HH:MM"

# A spreadsheet reads a cell starting with one of these as a formula (CSV injection, OWASP):
# `=HYPERLINK(...)` typed as an employee's name would run on the HR officer's machine.
_AWAL_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Return `value` fit for a CSV cell: text that a spreadsheet would run gets a leading `'`.

    Only text is touched: numbers (negative ones too) and dates stay what they are. Every
    export of the project writes its cells through this function (XLSX also types text cells
    as strings, see `unduh_tabel`).
    """
    if isinstance(value, str) and value.startswith(_AWAL_RUMUS):
        return "'" + value
    return value


def csv_text(value: object) -> object:
    """Return a value as a CSV cell shows it: dates dd-mm-yyyy, times in local time."""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    return safe_cell(value)


@dataclass(frozen=True)
class Lembar:
    """A further sheet of a workbook (instructions, the codes to choose from)."""

    judul: str
    header: Sequence[object]
    rows: Sequence[Sequence[object]]


@dataclass(frozen=True)
class Pilihan:
    """A drop-down list on a column of the first sheet (an XLSX data validation).

    `sumber` is the list: a range of another sheet (`'Kode unit'!$A$2:$A$40`) or values
    (`"PNS,PPPK"`). A value outside it is only warned about: a column may also take codes the
    list cannot hold (a SIASN id already mapped)."""

    kolom: str  # the column's header
    sumber: str
    pesan: str
    baris: int = 5000  # data rows the list covers


def _lembar(ws, header: Sequence[object], rows: Iterable[Sequence[object]]) -> None:
    from openpyxl.cell import WriteOnlyCell

    def sel(value: object) -> WriteOnlyCell:
        if isinstance(value, dt.datetime):
            if timezone.is_aware(value):
                value = timezone.make_naive(value)
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = FORMAT_WAKTU
            return cell
        if isinstance(value, dt.date):
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = FORMAT_TANGGAL
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
    judul: str = "Data",
    lembar: Sequence[Lembar] = (),
    pilihan: Sequence[Pilihan] = (),
    buka: int = 0,
) -> bytes:
    """Return an XLSX workbook, written row by row (openpyxl's write-only mode, so memory
    holds the file being built, not a sheet of cell objects): the table on the first sheet, then
    `lembar`; `pilihan` puts drop-down lists on the first sheet's columns; `buka` is the sheet
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
    ws = wb.create_sheet(title=judul[:31] or "Data")
    judul_kolom = [str(h) for h in header]
    for p in pilihan:
        huruf = get_column_letter(judul_kolom.index(p.kolom) + 1)
        dv = DataValidation(
            type="list",
            formula1=p.sumber,
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            error=str(p.pesan),
            errorTitle=str(p.kolom),
        )
        dv.add(f"{huruf}2:{huruf}{p.baris + 1}")
        ws.data_validations.append(dv)
    _lembar(ws, header, rows)
    for extra in lembar:
        _lembar(wb.create_sheet(title=extra.judul[:31]), extra.header, extra.rows)
    if buka:
        wb.active = buka
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def sheet_range(judul: str, n: int, kolom: str = "A") -> str:
    """The formula of column `kolom`'s `n` values under the header of sheet `judul`."""
    from openpyxl.utils import quote_sheetname

    return f"{quote_sheetname(judul[:31])}!${kolom}$2:${kolom}${n + 1}"


def catat_ekspor(request: HttpRequest, *, data: str, jumlah_baris: int) -> CatatanEkspor:
    """Record who took which rows, with the filter and the address, before they leave."""
    return CatatanEkspor.objects.create(
        user=request.user,
        data=data,
        jumlah_baris=jumlah_baris,
        filter=request.GET.urlencode()[:1000],
        alamat_ip=request.META.get("REMOTE_ADDR") or None,
    )


def unduh_tabel(
    request: HttpRequest,
    *,
    data: str,
    nama_berkas: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    fmt: str,
    **xlsx: object,
) -> HttpResponse:
    """Return a small table as CSV (`;`, UTF-8 with BOM) or XLSX (`write_xlsx`, given `xlsx`:
    further sheets, drop-down lists), logged in CatatanEkspor. Dates may be given as dates:
    dd-mm-yyyy text in CSV, date cells in XLSX."""
    rows = [list(r) for r in rows]
    catat_ekspor(request, data=data, jumlah_baris=len(rows))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "xlsx":
        response = HttpResponse(
            write_xlsx(header, rows, judul=nama_berkas, **xlsx), content_type=XLSX
        )
    else:
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow([safe_cell(str(h)) for h in header])
        writer.writerows([csv_text(v) for v in row] for row in rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{nama_berkas}-{stamp}.{fmt}"'
    # Personal data: core.middleware.NoStoreMiddleware marks it no-store, as every
    # response to a signed-in user.
    return response
