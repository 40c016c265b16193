"""Transparency of filling posts: the public home, filled posts, a page per decision, open posts
and figures (open data: publik.views.data_terbuka; the feed: publik.views.umpan)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from core.paging import query_without_page
from jabatan.views import beranda as beranda_staf
from jabatan.views_beranda import tujuan_beranda
from pegawai.capability import PUBLIC, page
from pegawai.models import UnitKerja
from publik.cache import halaman_publik
from publik.filters import KeputusanPublikFilter
from publik.selectors import (
    MIN_ORANG,
    angka_transparansi,
    daftar_baris,
    keputusan_publik,
    lowong_publik,
)

PER_HALAMAN = 20


@halaman_publik("beranda", "transparansi", "survei", "seleksi")
def _beranda_publik(request: HttpRequest) -> HttpResponse:
    pada = timezone.localdate()
    return render(
        request,
        "publik/beranda.html",
        {
            "angka": angka_transparansi(pada=pada),
            "terbaru": daftar_baris(keputusan_publik()[:5]),
        },
    )


@page(PUBLIC)
@require_safe
def beranda(request: HttpRequest) -> HttpResponse:
    """The site's home, where login lands too: HR's summary (jabatan's page), a unit head's
    unit, an employee's own page; the public portal for everyone else (and for everyone at
    `publik:beranda`)."""
    if request.user.is_authenticated:
        tujuan = tujuan_beranda(request.user)
        if tujuan:
            return redirect(tujuan)
        if request.user.is_staff:
            return beranda_staf(request)
    return _beranda_publik(request)


@page(PUBLIC)
@require_safe
def beranda_publik(request: HttpRequest) -> HttpResponse:
    """The public portal for anyone, logged in or not (the site's home sends staff and
    employees to their own pages)."""
    return _beranda_publik(request)


def _saring(request: HttpRequest):
    filterset = KeputusanPublikFilter(request.GET or None, queryset=keputusan_publik())
    qs = filterset.qs if filterset.is_bound and filterset.is_valid() else keputusan_publik()
    if filterset.is_bound and not filterset.is_valid():
        qs = qs.none()
    return filterset, qs


@page(PUBLIC)
@require_safe
@halaman_publik("transparansi", params=[*KeputusanPublikFilter.base_filters, "halaman"])
def transparansi(request: HttpRequest) -> HttpResponse:
    """List the filled posts (decisions in force), filtered, sorted and paginated."""
    filterset, qs = _saring(request)
    halaman = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(
        request,
        "publik/transparansi.html",
        {
            "menu": "transparansi",
            "filter": filterset,
            "halaman": halaman,
            "baris": daftar_baris(halaman.object_list),
            "params": query_without_page(request),
            "min_orang": MIN_ORANG,
            # The folded filters (on a phone) say how many narrow the list (the order does not).
            "saring_aktif": sum(
                1 for f in filterset.form.fields if f != "urut" and request.GET.get(f)
            ),
        },
    )


@page(PUBLIC)
@require_safe
@halaman_publik("transparansi")
def keputusan_detail(request: HttpRequest, keputusan_id: int) -> HttpResponse:
    """Show one decision: the post, the appointee, the method, the merit figures."""
    k = daftar_baris(keputusan_publik().filter(pk=keputusan_id))
    if not k:
        raise Http404
    return render(
        request,
        "publik/keputusan_detail.html",
        {
            "menu": "transparansi",
            "k": k[0],
        },
    )


@page(PUBLIC)
@require_safe
@halaman_publik("transparansi", params=["halaman"])
def lowong(request: HttpRequest) -> HttpResponse:
    """List the open posts and the figures behind them."""
    pada = timezone.localdate()
    halaman = Paginator(lowong_publik(), PER_HALAMAN).get_page(request.GET.get("halaman"))
    opd = UnitKerja.objects.perangkat_daerah_dari(f.unit_kerja.path for f in halaman.object_list)
    for f in halaman.object_list:
        f.perangkat_daerah = opd.get(f.unit_kerja.path)
        f.hari_lowong = (pada - f.lowong_sejak).days if f.lowong_sejak else None
        f.hari_plt = (pada - f.plt_mulai).days if f.plt_mulai else None
    angka = angka_transparansi(pada=pada)
    maks = max([n for _b, n in angka.per_bulan] or [0]) or 1
    return render(
        request,
        "publik/lowong.html",
        {
            "menu": "lowong",
            "halaman": halaman,
            "angka": angka,
            "min_orang": MIN_ORANG,
            "batang": [
                (
                    f"{b[5:]}/{b[2:4]}",
                    n,
                    10 + 52 * i,
                    180 - round(150 * n / maks),
                    round(150 * n / maks),
                )
                for i, (b, n) in enumerate(angka.per_bulan)
            ],
        },
    )
