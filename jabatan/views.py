"""Pages of the jabatan app. Views stay thin: a selector, then a template."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from jabatan.selectors import proyeksi_lowong, ringkasan_formasi


@require_safe
def beranda(request: HttpRequest) -> HttpResponse:
    """Show the public welcome, or HR's summary of posts, vacancies and coming retirements."""
    context = {}
    if request.user.is_staff:
        context = {
            "ringkasan": ringkasan_formasi(),
            "proyeksi": proyeksi_lowong(pada=timezone.localdate()),
        }
    return render(request, "jabatan/beranda.html", context)
