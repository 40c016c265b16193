"""Open data: the documentation page, each data set as CSV or JSON, the Data Package
descriptor and the DCAT catalogue (publik/data_terbuka.py describes them all)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from core.alamat import absolut
from core.data_terbuka import (
    LISENSI,
    LISENSI_URL_ID,
    respons_json,
)
from pegawai.capability import PUBLIC, page
from publik.cache import halaman_publik
from publik.data_terbuka import DATASET, katalog, paket_data
from publik.selectors import terakhir_diubah

SEMUA_BAGIAN = ("transparansi", "survei")


@page(PUBLIC)
@require_safe
@halaman_publik(*SEMUA_BAGIAN)
def data_terbuka(request: HttpRequest) -> HttpResponse:
    """Document the open data sets: columns with types, licence, update time, downloads."""
    return render(
        request,
        "publik/data_terbuka.html",
        {
            "menu": "data",
            "dataset": DATASET.values(),
            "lisensi": LISENSI,
            "lisensi_url": LISENSI_URL_ID,
            "diperbarui": terakhir_diubah(),
            "dibuat": timezone.now(),
        },
    )


def _unduh(request: HttpRequest, kode: str, fmt: str) -> HttpResponse:
    d = DATASET.get(kode)
    if d is None or fmt not in ("csv", "json"):
        raise Http404
    return d.respons(
        fmt,
        sumber=absolut(reverse("publik:data_terbuka")),
        skema_url=absolut(reverse("publik:paket_data")),
    )


@page(PUBLIC)
@require_safe
def unduh(request: HttpRequest, kode: str, fmt: str) -> HttpResponse:
    """Return an open data set as CSV or JSON (cached with its section)."""
    bagian = DATASET[kode].bagian if kode in DATASET else "transparansi"
    return halaman_publik(bagian)(_unduh)(request, kode, fmt)


@page(PUBLIC)
@require_safe
@halaman_publik(*SEMUA_BAGIAN)
def paket(request: HttpRequest) -> HttpResponse:
    """Return the Frictionless Data Package descriptor (datapackage.json)."""
    return respons_json(paket_data())


@page(PUBLIC)
@require_safe
@halaman_publik(*SEMUA_BAGIAN)
def katalog_dcat(request: HttpRequest) -> HttpResponse:
    """Return the DCAT-US catalogue (data.json) for data portals to harvest."""
    return respons_json(katalog())
