"""One page per employee outside the admin, for HR and for a unit head within their unit, and the
search that leads to it (jabatan.profil_pegawai reads what the page shows)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from jabatan.profil_pegawai import cari_pegawai, profil_pegawai
from pegawai.akses import lingkup
from pegawai.capability import LEADER, page


# HR (every unit) or a unit head (their unit and below); an employee has /saya/.
@page(LEADER, menu=gettext_lazy("Pegawai"), order=30)
@require_safe
def pegawai_daftar(request: HttpRequest) -> HttpResponse:
    """Search the employees in scope by name or NIP."""
    scope = lingkup(request.user)
    q = request.GET.get("q", "")[:100]
    halaman = Paginator(cari_pegawai(scope=scope, q=q), 25).get_page(request.GET.get("halaman"))
    return render(request, "jabatan/pegawai_list.html", {"halaman": halaman, "q": q})


@page(LEADER)
@require_safe
def pegawai_detail(request: HttpRequest, pegawai_id: int) -> HttpResponse:
    """One employee's identity, histories, SKP, training, talent box, succession and chances;
    404 for anyone outside the user's scope (nothing leaks)."""
    scope = lingkup(request.user)
    profil = profil_pegawai(scope=scope, pk=pegawai_id, pada=timezone.localdate())
    if profil is None:
        raise Http404(_("Pegawai tidak ditemukan."))
    return render(request, "jabatan/pegawai_detail.html", {"p": profil, "pegawai": profil.pegawai})
