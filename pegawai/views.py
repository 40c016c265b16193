"""The employee's own page (/saya/)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from pegawai import saya as saya_tautan
from pegawai.capability import EMPLOYEE, page
from pegawai.selectors import pegawai_diri


@page(EMPLOYEE, menu=gettext_lazy("Data saya"), order=100)
@require_safe
def saya(request: HttpRequest) -> HttpResponse:
    """Show the logged-in employee their own record and histories."""
    pegawai = pegawai_diri(request.user)
    return render(
        request,
        "pegawai/saya.html",
        {"pegawai": pegawai, "tautan": saya_tautan.tautan(), "kartu": saya_tautan.kartu(pegawai)},
    )
