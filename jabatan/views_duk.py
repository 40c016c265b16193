"""The DUK pages (Daftar Urut Kepangkatan, jabatan.duk): a unit's list, its XLSX/CSV download
(a POST that queues a task: the city's DUK is every PNS) and the printable A4 landscape page.
HR and unit heads, scoped."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from jabatan import tasks
from jabatan.duk import duk, unit_terlihat
from pegawai.akses import lingkup
from pegawai.capability import LEADER, page
from pegawai.filters import unit_pilihan


def _duk_konteks(request: HttpRequest) -> dict:
    scope = lingkup(request.user)
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = get_object_or_404(unit_terlihat(scope), pk=int(request.GET["unit"]))
    pada = timezone.localdate()
    return {
        "units": unit_pilihan(scope),
        "unit": unit,
        "pada": pada,
        "baris": duk(scope=scope, unit=unit, pada=pada) if unit else [],
    }


@page(LEADER, menu=gettext_lazy("DUK"), order=110)
@require_safe
def duk_list(request: HttpRequest) -> HttpResponse:
    """The DUK of a unit (and below): the page; XLSX/CSV (`ekspor/`, a task) and printable
    (`cetak/`)."""
    return render(request, "jabatan/duk_list.html", _duk_konteks(request))


@page(LEADER)
@require_POST
def duk_ekspor(request: HttpRequest, fmt: str) -> HttpResponse:
    """Queue the DUK of the unit in the query string (and below) as XLSX/CSV and go to its
    progress page: the city's DUK is every PNS."""
    if fmt not in ("xlsx", "csv") or not request.GET.get("unit", "").isdigit():
        raise Http404(_("Pilih unit kerja untuk mengunduh DUK."))
    unit = get_object_or_404(unit_terlihat(lingkup(request.user)), pk=int(request.GET["unit"]))
    return redirect(tasks.duk_export_start(request, unit, fmt))


@page(LEADER)
@require_safe
def duk_cetak(request: HttpRequest) -> HttpResponse:
    konteks = _duk_konteks(request)
    if konteks["unit"] is None:
        raise Http404(_("Pilih unit kerja untuk mencetak DUK."))
    return render(request, "jabatan/duk_cetak.html", konteks)
