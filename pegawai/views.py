"""Self-service and operational pages of the pegawai app."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from pegawai import saya as saya_tautan
from pegawai.selectors import pegawai_diri


@login_required
@require_safe
def saya(request: HttpRequest) -> HttpResponse:
    """Show the logged-in employee their own record and histories."""
    pegawai = pegawai_diri(request.user)
    return render(
        request,
        "pegawai/saya.html",
        {"pegawai": pegawai, "tautan": saya_tautan.tautan(), "kartu": saya_tautan.kartu(pegawai)},
    )


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Answer a load balancer: 200 when the database answers, so the process can take traffic."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
