"""The log of who exported what, and the download of a small logged table.

The writing itself is core.export's (the one safe CSV/XLSX writer); the log is here because its
rows name the user and live in pegawai's `CatatanEkspor`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from core.export import XLSX, write_csv, write_xlsx
from pegawai.models import CatatanEkspor


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
        response = HttpResponse(write_csv(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{nama_berkas}-{stamp}.{fmt}"'
    # Personal data: core.middleware.NoStoreMiddleware marks it no-store, as every response to
    # a signed-in user.
    return response
