"""Exports of tables (CSV and XLSX) and the log of who exported what."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from pegawai.models import CatatanEkspor

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A spreadsheet reads a cell starting with one of these as a formula (CSV injection, OWASP):
# `=HYPERLINK(...)` typed as an employee's name would run on the HR officer's machine.
_AWAL_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def sel_aman(value: object) -> object:
    """Return `value` fit for a CSV cell: text that a spreadsheet would run gets a leading `'`.

    Only text is touched: numbers (negative ones too) and dates stay what they are. Every
    export of the project writes its cells through this function (XLSX also types text cells
    as strings, see `unduh_tabel`).
    """
    if isinstance(value, str) and value.startswith(_AWAL_RUMUS):
        return "'" + value
    return value


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
) -> HttpResponse:
    """Return a small table as CSV (`;`, UTF-8 with BOM) or XLSX, logged in CatatanEkspor."""
    rows = [list(r) for r in rows]
    catat_ekspor(request, data=data, jumlah_baris=len(rows))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = nama_berkas[:31]
        for row in [[str(h) for h in header], *rows]:
            ws.append(row)
            # openpyxl makes any text starting with "=" a formula: type every text cell as a
            # string, so a name like =HYPERLINK(...) stays text; numbers and dates keep theirs.
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        buffer = io.BytesIO()
        wb.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    else:
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow([sel_aman(str(h)) for h in header])
        writer.writerows([sel_aman(v) for v in row] for row in rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{nama_berkas}-{stamp}.{fmt}"'
    # Personal data: pegawai.middleware.TanpaSimpanMiddleware marks it no-store, as every
    # response to a signed-in user.
    return response
