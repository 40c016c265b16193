"""The DUK pages (Daftar Urut Kepangkatan, jabatan.duk): a unit's list, paged; its XLSX/CSV
download (a POST that queues a task: the city's DUK is every PNS, and the download is the whole
list) and the printable A4 landscape page, refused above `CETAK_MAKS` rows. HR and unit heads,
scoped."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from core.paging import query_without_page
from jabatan import tasks
from jabatan.duk import duk, unit_terlihat
from pegawai.akses import lingkup
from pegawai.capability import LEADER, page
from pegawai.filters import unit_choices
from pegawai.models import UnitKerja

DUK_PER_HALAMAN = 100
# The printable page's bound: about 67 A4 sheets at 15 rows a sheet (tests/browser/test_cetak).
# A browser asked to lay out a whole city's DUK (7,000+ rows) hangs; the XLSX holds every row.
CETAK_MAKS = 1000


def _unit_diminta(request: HttpRequest, scope) -> UnitKerja | None:
    """The unit in the query string (`?unit=`), in the user's scope (404 outside it), or None."""
    if not request.GET.get("unit", "").isdigit():
        return None
    return get_object_or_404(unit_terlihat(scope), pk=int(request.GET["unit"]))


def _duk_konteks(request: HttpRequest) -> dict:
    """The unit asked for (in scope, 404 outside it) and its whole DUK in order."""
    scope = lingkup(request.user)
    unit = _unit_diminta(request, scope)
    pada = timezone.localdate()
    return {
        "units": unit_choices(scope),
        "unit": unit,
        "pada": pada,
        "baris": duk(scope=scope, unit=unit, pada=pada) if unit else [],
        "cetak_maks": CETAK_MAKS,
    }


def _halaman_duk(request: HttpRequest, konteks: dict, status: int = 200) -> HttpResponse:
    """Render one page of the DUK (its numbers are the DUK's own, whatever the page): the
    list's view, and a refused print's (400, with the reason)."""
    halaman = Paginator(konteks["baris"], DUK_PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(
        request,
        "jabatan/duk_list.html",
        {**konteks, "halaman": halaman, "query": query_without_page(request)},
        status=status,
    )


@page(LEADER, menu=gettext_lazy("DUK"), order=110)
@require_safe
def duk_list(request: HttpRequest) -> HttpResponse:
    """The DUK of a unit (and below), paged: XLSX/CSV (`ekspor/`, a task) and printable
    (`cetak/`, up to `CETAK_MAKS` rows)."""
    return _halaman_duk(request, _duk_konteks(request))


@page(LEADER)
@require_POST
def duk_ekspor(request: HttpRequest, fmt: str) -> HttpResponse:
    """Queue the DUK of the unit in the query string (and below) as XLSX/CSV and go to its
    progress page: the city's DUK is every PNS."""
    unit = _unit_diminta(request, lingkup(request.user))
    if fmt not in ("xlsx", "csv") or unit is None:
        raise Http404(_("Pilih unit kerja untuk mengunduh DUK."))
    return redirect(tasks.duk_export_start(request, unit, fmt))


@page(LEADER)
@require_safe
def duk_cetak(request: HttpRequest) -> HttpResponse:
    """The DUK of the unit chosen, every row on A4 landscape sheets; above `CETAK_MAKS` rows
    the list's page says to choose a smaller unit or download the XLSX (400)."""
    konteks = _duk_konteks(request)
    if konteks["unit"] is None:
        raise Http404(_("Pilih unit kerja untuk mencetak DUK."))
    if len(konteks["baris"]) > CETAK_MAKS:
        return _halaman_duk(request, {**konteks, "cetak_ditolak": True}, status=400)
    return render(request, "jabatan/duk_cetak.html", konteks)
