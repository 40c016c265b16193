"""The log of who exported what, and a logged table as a file (a task writes it into its progress
row) or as a download (a request).

The writing itself is core.export's (the one safe CSV/XLSX writer); the log is here because its
rows name the user and live in pegawai's `CatatanEkspor`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from core.export import XLSX, write_csv, write_xlsx
from pegawai.models import CatatanEkspor


@dataclass(frozen=True)
class ExportFile:
    """A written table: its bytes, its file name and its content type."""

    content: bytes
    name: str
    content_type: str


def log_export(
    *, user: Any, data: str, jumlah_baris: int, query: str = "", alamat: str | None = None
) -> CatatanEkspor:
    """Record who took which rows, with the filter (a query string) and the address, before
    they leave; a task logs with what the request that queued it gave."""
    return CatatanEkspor.objects.create(
        user=user,
        data=data,
        jumlah_baris=jumlah_baris,
        filter=query[:1000],
        alamat_ip=alamat or None,
    )


def log_request_export(request: HttpRequest, *, data: str, jumlah_baris: int) -> CatatanEkspor:
    """`log_export` for the request's user, filter and address."""
    return log_export(
        user=request.user,
        data=data,
        jumlah_baris=jumlah_baris,
        query=request.GET.urlencode(),
        alamat=request.META.get("REMOTE_ADDR"),
    )


def export_file(
    *,
    user: Any,
    data: str,
    nama_berkas: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    fmt: str,
    query: str = "",
    alamat: str | None = None,
    **xlsx: object,
) -> ExportFile:
    """Write a table as CSV (`;`, UTF-8 with BOM) or XLSX (`write_xlsx`, given `xlsx`: further
    sheets, drop-down lists), logged in CatatanEkspor (`log_export`). Dates may be given as
    dates: dd-mm-yyyy text in CSV, date cells in XLSX."""
    rows = [list(r) for r in rows]
    log_export(user=user, data=data, jumlah_baris=len(rows), query=query, alamat=alamat)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    name = f"{nama_berkas}-{stamp}.{fmt}"
    if fmt == "xlsx":
        return ExportFile(write_xlsx(header, rows, title=nama_berkas, **xlsx), name, XLSX)
    return ExportFile(write_csv(header, rows), name, "text/csv; charset=utf-8")


def export_download(
    request: HttpRequest,
    *,
    data: str,
    nama_berkas: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    fmt: str,
    **xlsx: object,
) -> HttpResponse:
    """`export_file` for the request's user, filter and address, as a download."""
    berkas = export_file(
        user=request.user,
        data=data,
        nama_berkas=nama_berkas,
        header=header,
        rows=rows,
        fmt=fmt,
        query=request.GET.urlencode(),
        alamat=request.META.get("REMOTE_ADDR"),
        **xlsx,
    )
    response = HttpResponse(berkas.content, content_type=berkas.content_type)
    response["Content-Disposition"] = f'attachment; filename="{berkas.name}"'
    # Personal data: core.middleware.NoStoreMiddleware marks it no-store, as every response to
    # a signed-in user.
    return response
