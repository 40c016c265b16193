"""Landing pages by role: where login and the site's home take each role, and the unit head's
page of their unit."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from jabatan.beranda import beranda_unit
from pegawai.akses import lingkup
from pegawai.capability import UNIT_HEAD, page


def tujuan_beranda(user: User | AnonymousUser) -> str | None:
    """Return where the site's home sends a logged-in user: a unit head to their unit's page, an
    employee to their own page; None for HR (the summary of every unit is the home itself) and
    for anyone else (the public home)."""
    scope = lingkup(user)
    if scope.semua:
        return None
    if scope.unit_path:
        return reverse("jabatan:unit_saya")
    if scope.pegawai_id:
        return reverse("saya")
    return None


@page(UNIT_HEAD, menu=gettext_lazy("Unit saya"), order=10)
@require_safe
def unit_saya(request: HttpRequest) -> HttpResponse:
    """The unit head's page: the SKPs waiting for their rating, the people short of 20 JP this
    year and the vacant posts of their unit."""
    return render(
        request,
        "jabatan/unit_saya.html",
        {"b": beranda_unit(request.user, timezone.localdate())},
    )
