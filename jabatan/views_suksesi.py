"""The actions of the post page's "Rencana suksesi" section (POST only): name a successor,
change one, remove one. Each calls one service through its form; a refusal renders the post's
page again, 400, with the form's field errors."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from jabatan.forms import PeringkatForm, SuksesorForm, SuksesorHapusForm, SuksesorUbahForm
from jabatan.models import Formasi, Suksesor
from jabatan.suksesi import formasi_kunci
from jabatan.views import PERM_KEPUTUSAN, _form_aksi, _formasi_peringkat, _halaman_peringkat
from pegawai.akses import Lingkup
from pegawai.capability import holds, page

PERM_SUKSESI = "jabatan.add_suksesor"
# HR, who rank the post (jabatan.views.PERINGKAT) and may name successors.
SUKSESI = holds(
    PERM_KEPUTUSAN, PERM_SUKSESI, reason=gettext_lazy("Rencana suksesi ditetapkan oleh BKPSDM.")
)


def _kembali(formasi: Formasi) -> HttpResponse:
    return redirect(reverse("jabatan:lowongan_detail", args=[formasi.pk]) + "#suksesi")


def _gagal(request: HttpRequest, scope: Lingkup, formasi: Formasi, **form) -> HttpResponse:
    return _halaman_peringkat(
        request, scope, formasi, saring=PeringkatForm({}), suksesi=form, status=400
    )


@page(SUKSESI)
@require_POST
def suksesor_tambah(request: HttpRequest, formasi_id: int) -> HttpResponse:
    """Name a successor of the key post."""
    scope, formasi = _formasi_peringkat(request, formasi_id)
    if not formasi_kunci(formasi):
        # The page has no succession section to show a field error in: say it on top.
        messages.error(
            request,
            _("Rencana suksesi hanya untuk jabatan struktural (JPT, Administrator, Pengawas)."),
        )
        return _gagal(request, scope, formasi)
    form = _form_aksi(SuksesorForm, request, scope, formasi, request.POST)
    if form.is_valid() and (suksesor := form.simpan()) is not None:
        messages.success(
            request,
            _("%(n)s ditetapkan sebagai calon suksesor urutan %(u)s.")
            % {"n": suksesor.pegawai.nama_lengkap, "u": suksesor.urutan},
        )
        return _kembali(formasi)
    return _gagal(request, scope, formasi, tambah=form)


def _aksi(
    request: HttpRequest, formasi_id: int, suksesor_id: int, cls: type, kunci: str, pesan: str
) -> HttpResponse:
    scope, formasi = _formasi_peringkat(request, formasi_id)
    # A successor of another post (or an id guessed) is not found here.
    suksesor = get_object_or_404(
        Suksesor.objects.select_related("pegawai"), pk=suksesor_id, formasi=formasi, aktif=True
    )
    form = cls(request.POST, suksesor=suksesor, oleh=request.user)
    if form.is_valid() and form.simpan() is not None:
        messages.success(request, pesan % {"n": suksesor.pegawai.nama_lengkap})
        return _kembali(formasi)
    return _gagal(request, scope, formasi, **{kunci: (suksesor.pk, form)})


@page(SUKSESI)
@require_POST
def suksesor_ubah(request: HttpRequest, formasi_id: int, suksesor_id: int) -> HttpResponse:
    """Change a successor's readiness, priority or note."""
    return _aksi(
        request,
        formasi_id,
        suksesor_id,
        SuksesorUbahForm,
        "ubah",
        _("Rencana suksesi untuk %(n)s diubah."),
    )


@page(SUKSESI)
@require_POST
def suksesor_hapus(request: HttpRequest, formasi_id: int, suksesor_id: int) -> HttpResponse:
    """Remove a successor from the plan, with the reason."""
    return _aksi(
        request,
        formasi_id,
        suksesor_id,
        SuksesorHapusForm,
        "hapus",
        _("%(n)s dihapus dari rencana suksesi."),
    )
