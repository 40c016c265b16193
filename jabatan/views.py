"""Pages of the jabatan app. Views stay thin: a selector, then a template."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from jabatan.selectors import proyeksi_lowong, ringkasan_formasi
from pegawai.akses import lingkup


@require_safe
def beranda(request: HttpRequest) -> HttpResponse:
    """Show the public welcome, or HR's summary of posts, vacancies and coming retirements."""
    context = {}
    scope = lingkup(request.user)
    if request.user.is_staff and (scope.semua or scope.unit_path):
        context = {
            "ringkasan": ringkasan_formasi(scope=scope),
            "proyeksi": proyeksi_lowong(scope=scope, pada=timezone.localdate()),
        }
    return render(request, "jabatan/beranda.html", context)
