"""Open selections: the public list and page (stages, dated announcements), and the employee's
application page linked from /saya/."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from jabatan.models import Formasi
from pegawai.akses import pegawai_id_sendiri
from pegawai.models import Pegawai
from publik.cache import halaman_publik
from publik.models import JenisTahap, Seleksi
from publik.services import kelayakan, seleksi_daftar


def _seleksi():
    return Seleksi.objects.prefetch_related(
        "tahap", "panitia", "formasi__jabatan", "formasi__unit_kerja", "pengumuman__tahap"
    )


@require_safe
@halaman_publik("seleksi")
def seleksi_list(request: HttpRequest) -> HttpResponse:
    """List the open selections, newest first, with their posts and next stage."""
    return render(request, "publik/seleksi_list.html", {
        "menu": "seleksi", "daftar": _seleksi()[:50], "hari_ini": timezone.localdate(),
    })  # fmt: skip


@require_safe
@halaman_publik("seleksi")
def seleksi_detail(request: HttpRequest, seleksi_id: int) -> HttpResponse:
    """Show a selection: posts, committee, schedule, and each stage's dated announcement."""
    seleksi = _seleksi().filter(pk=seleksi_id).first()
    if seleksi is None:
        raise Http404
    pengumuman = {p.tahap_id: p for p in seleksi.pengumuman.all()}
    tahap = [(t, pengumuman.get(t.pk)) for t in seleksi.tahap.all()]
    return render(request, "publik/seleksi_detail.html", {
        "menu": "seleksi", "s": seleksi, "tahap": tahap, "hari_ini": timezone.localdate(),
    })  # fmt: skip


@login_required
@require_safe
def seleksi_saya(request: HttpRequest) -> HttpResponse:
    """The employee's page: selections open for registration, each post with whether they are
    eligible and, if not, why (jabatan's merit rules)."""
    pegawai = get_object_or_404(Pegawai, pk=pegawai_id_sendiri(request.user))
    hari_ini = timezone.localdate()
    terbuka = _seleksi().filter(
        selesai=False, tahap__jenis=JenisTahap.PENDAFTARAN, tahap__mulai__lte=hari_ini,
        tahap__selesai__gte=hari_ini,
    )  # fmt: skip
    sudah = set(pegawai.lamaran_seleksi.values_list("seleksi_id", "formasi_id"))
    baris = []
    for s in terbuka:
        for f in s.formasi.all():
            baris.append((s, f, kelayakan(seleksi=s, formasi=f, pegawai=pegawai, pada=hari_ini),
                          (s.pk, f.pk) in sudah))  # fmt: skip
    return render(request, "publik/seleksi_saya.html", {"baris": baris, "pegawai": pegawai})


@login_required
@require_POST
def seleksi_lamar(request: HttpRequest, seleksi_id: int, formasi_id: int) -> HttpResponse:
    """Apply for a post of an open selection (POST only)."""
    pegawai = get_object_or_404(Pegawai, pk=pegawai_id_sendiri(request.user))
    seleksi = get_object_or_404(Seleksi, pk=seleksi_id)
    formasi = get_object_or_404(Formasi, pk=formasi_id)
    try:
        seleksi_daftar(seleksi=seleksi, formasi=formasi, pegawai=pegawai,
                       pada=timezone.localdate())  # fmt: skip
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    else:
        messages.success(request, _("Lamaran Anda untuk %(f)s tercatat.") % {"f": formasi})
    return redirect("publik:seleksi_saya")
