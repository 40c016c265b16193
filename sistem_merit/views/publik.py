"""The public page of the merit-system index and its open data: the latest final assessment
(or a year's) with its total, band, aspects, each criterion's figure and the method; CSV, JSON
and the Data Package of the same (sistem_merit/terbuka.py, sistem_merit/data_terbuka.py).

Drafts are never shown: before the first assessment is final the page says so."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from core.alamat import absolut
from core.data_terbuka import (
    LISENSI,
    LISENSI_URL_ID,
    respons_json,
)
from pegawai.capability import PUBLIC, page
from sistem_merit.data_terbuka import DATASET, paket_data
from sistem_merit.terbuka import latest_final, public_view


def _halaman(request: HttpRequest, penilaian) -> HttpResponse:
    return render(
        request,
        "sistem_merit/publik.html",
        {
            "d": public_view(penilaian) if penilaian else None,
            "dataset": DATASET.values(),
            "lisensi": LISENSI,
            "lisensi_url": LISENSI_URL_ID,
        },
    )


@page(PUBLIC)
@require_safe
def publik(request: HttpRequest) -> HttpResponse:
    """Show the latest final assessment, or that none is final yet."""
    return _halaman(request, latest_final())


@page(PUBLIC)
@require_safe
def publik_tahun(request: HttpRequest, tahun: int) -> HttpResponse:
    """Show the final assessment of `tahun`; 404 when that year has none."""
    penilaian = latest_final(tahun)
    if penilaian is None:
        raise Http404
    return _halaman(request, penilaian)


@page(PUBLIC)
@require_safe
def data_paket(request: HttpRequest) -> HttpResponse:
    """Return the Frictionless Data Package descriptor (datapackage.json)."""
    return respons_json(paket_data())


@page(PUBLIC)
@require_safe
def data_unduh(request: HttpRequest, kode: str, fmt: str) -> HttpResponse:
    """Return an open data set of the index as CSV or JSON."""
    d = DATASET.get(kode)
    if d is None or fmt not in ("csv", "json"):
        raise Http404
    return d.respons(
        fmt,
        sumber=absolut(reverse("sistem_merit:publik")),
        skema_url=absolut(reverse("sistem_merit:data_paket")),
    )
