"""The progress page of a background task, its JSON for polling, and its download.

Counts, errors and files may name people: like every response to a signed-in user they carry
`Cache-Control: no-store` (core.middleware.NoStoreMiddleware)."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from tugas.models import Progres
from tugas.progres import milik
from tugas.yatim import sebagaimana_terlihat


def _progres_untuk(request: HttpRequest, pk, *, dengan_berkas: bool = False) -> Progres:
    """Return the progress row if the user may see it, else 404 (so nothing leaks)."""
    qs = Progres.objects.all() if dengan_berkas else Progres.objects.defer("berkas")
    progres = qs.filter(pk=pk).first()
    if progres is None or not milik(progres, request.user):
        raise Http404(_("Tugas tidak ditemukan."))
    return progres


def sebagai_dict(progres: Progres) -> dict:
    """The state the polling script shows; the same fields the template prints."""
    return {
        "id": str(progres.pk),
        "status": progres.status,
        "status_label": str(progres.get_status_display()),
        "aktif": progres.aktif,
        "selesai": progres.selesai,
        "total": progres.total,
        "persen": progres.persen,
        "ringkasan": progres.ringkasan,
        "jumlah_galat": progres.jumlah_galat,
        "teks_galat": progres.teks_galat,
        "galat": list(progres.galat),
        "pesan": progres.pesan,
        "unduh": f"{progres.get_absolute_url()}unduh/" if progres.nama_berkas else None,
        "nama_berkas": progres.nama_berkas,
        "lanjut": progres.url_lanjut or None,
        "label_lanjut": progres.label_lanjut,
    }


@login_required
@require_safe
def progres_detail(request: HttpRequest, pk) -> HttpResponse:
    """Show a task's progress (HTML), or its state as JSON (`?format=json`) for polling."""
    # A task whose worker died shows as failed, with what to do (tugas.yatim).
    progres = sebagaimana_terlihat(_progres_untuk(request, pk))
    if request.GET.get("format") == "json":
        return JsonResponse(sebagai_dict(progres))
    return render(request, "tugas/progres_detail.html", {"progres": progres})


@login_required
@require_safe
def progres_unduh(request: HttpRequest, pk) -> HttpResponse:
    """Send the task's file to the user who started it (the file was built in their scope)."""
    progres = _progres_untuk(request, pk, dengan_berkas=True)
    if progres.oleh_id != request.user.pk:
        raise Http404(_("Tugas tidak ditemukan."))
    if progres.status != Progres.Status.SELESAI or progres.berkas is None:
        raise Http404(_("Berkas tugas ini belum ada (tugas belum selesai atau gagal)."))
    response = HttpResponse(bytes(progres.berkas), content_type=progres.jenis_berkas)
    nama = progres.nama_berkas
    response["Content-Disposition"] = (
        f'attachment; filename="{nama.encode("ascii", "replace").decode()}"; '
        f"filename*=UTF-8''{quote(nama)}"
    )
    return response
