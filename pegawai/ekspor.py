"""Exports of tables (CSV and XLSX) and the log of who exported what."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from pegawai.models import CatatanEkspor

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
        ws.append([str(h) for h in header])
        for row in rows:
            ws.append(row)
        buffer = io.BytesIO()
        wb.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    else:
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow([str(h) for h in header])
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{nama_berkas}-{stamp}.{fmt}"'
    return response
