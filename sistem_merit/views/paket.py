"""Start the evidence pack of an assessment (sistem_merit.paket): HR's, a POST that queues a
background task and goes to its progress page, where the ZIP is downloaded once built."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from pegawai.capability import HR, page
from sistem_merit.models import Penilaian
from sistem_merit.tasks import evidence_pack_start
from tugas.progres import SedangBerjalan


@page(HR)
@require_POST
def penilaian_paket(request: HttpRequest, penilaian_id: int) -> HttpResponse:
    """Queue the pack of assessment `penilaian_id` (a draft's too: HR checks it before
    finalising) and show its progress; a pack already being built is shown instead."""
    penilaian = get_object_or_404(Penilaian.objects.select_related("instrumen"), pk=penilaian_id)
    try:
        progres = evidence_pack_start(
            penilaian=penilaian, oleh=request.user, alamat=request.META.get("REMOTE_ADDR")
        )
    except SedangBerjalan as exc:
        progres = exc.progres
    return redirect(progres)
