"""Open selections: the public list and page (stages, dated announcements), and the employee's
application page linked from /saya/."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from jabatan.models import Formasi
from pegawai.akses import pegawai_id_sendiri
from pegawai.capability import EMPLOYEE, PUBLIC, page
from pegawai.models import Pegawai
from publik.cache import halaman_publik
from publik.models import JenisTahap, Seleksi
from publik.selectors import keadaan_seleksi, perubahan_tampil
from publik.services import kelayakan, seleksi_apply


def _seleksi(*lain: str):
    """Return the selections with their stages and posts, and the relations `lain` names."""
    return Seleksi.objects.prefetch_related(
        "tahap", "formasi__jabatan", "formasi__unit_kerja", *lain
    )


@page(PUBLIC)
@require_safe
@halaman_publik("seleksi")
def seleksi_list(request: HttpRequest) -> HttpResponse:
    """List the published selections, newest first, each with its posts, its status, the stage
    running today and that stage's deadline (five queries: tests/publik/test_seleksi_terbit.py)."""
    hari_ini = timezone.localdate()
    daftar = _seleksi().terbit(hari_ini)[:50]
    return render(
        request,
        "publik/seleksi_list.html",
        {
            "menu": "seleksi",
            "hari_ini": hari_ini,
            "daftar": [(s, keadaan_seleksi(s, pada=hari_ini)) for s in daftar],
        },
    )


@page(PUBLIC)
@require_safe
@halaman_publik("seleksi")
def seleksi_detail(request: HttpRequest, seleksi_id: int) -> HttpResponse:
    """Show a published selection: posts, committee, schedule, and each stage's dated
    announcement; a selection not yet announced is not found (nothing of it is public)."""
    hari_ini = timezone.localdate()
    seleksi = (
        _seleksi("panitia", "pengumuman__tahap", "perubahan")
        .terbit(hari_ini)
        .filter(pk=seleksi_id)
        .first()
    )
    if seleksi is None:
        raise Http404
    pengumuman = {p.tahap_id: p for p in seleksi.pengumuman.all() if p.tanggal <= hari_ini}
    tahap = [(t, pengumuman.get(t.pk)) for t in seleksi.tahap.all()]
    return render(
        request,
        "publik/seleksi_detail.html",
        {
            "menu": "seleksi",
            "s": seleksi,
            "tahap": tahap,
            "hari_ini": hari_ini,
            "keadaan": keadaan_seleksi(seleksi, pada=hari_ini),
            "perubahan": perubahan_tampil(seleksi.perubahan.all()),
        },
    )


@page(EMPLOYEE)
@require_safe
def seleksi_saya(request: HttpRequest) -> HttpResponse:
    """The employee's page: selections open for registration, each post with whether they are
    eligible and, if not, why (jabatan's merit rules)."""
    pegawai = get_object_or_404(Pegawai, pk=pegawai_id_sendiri(request.user))
    hari_ini = timezone.localdate()
    terbuka = _seleksi().filter(
        selesai=False,
        dibatalkan_pada__isnull=True,
        tahap__jenis=JenisTahap.PENDAFTARAN,
        tahap__mulai__lte=hari_ini,
        tahap__selesai__gte=hari_ini,
    )
    # The selections applied for, whatever became of them: a change of schedule or a
    # cancellation reaches the applicant here, with its date and reason.
    lamaran = list(
        pegawai.lamaran_seleksi.select_related("formasi__jabatan", "formasi__unit_kerja")
        .prefetch_related(
            Prefetch("seleksi", _seleksi("perubahan").all()),
        )
        .order_by("-seleksi__created_at", "pk")
    )
    sudah = {(p.seleksi_id, p.formasi_id) for p in lamaran}
    baris = []
    for s in terbuka:
        for f in s.formasi.all():
            baris.append(
                (
                    s,
                    f,
                    kelayakan(seleksi=s, formasi=f, pegawai=pegawai, pada=hari_ini),
                    (s.pk, f.pk) in sudah,
                )
            )
    return render(
        request,
        "publik/seleksi_saya.html",
        {
            "baris": baris,
            "pegawai": pegawai,
            # The status names a cancellation; the notes under it, the schedule changes.
            "lamaran": [
                (
                    p,
                    keadaan_seleksi(p.seleksi, pada=hari_ini),
                    [u for u in perubahan_tampil(p.seleksi.perubahan.all()) if not u.dibatalkan],
                )
                for p in lamaran
            ],
        },
    )


@page(EMPLOYEE)
@require_POST
def seleksi_lamar(request: HttpRequest, seleksi_id: int, formasi_id: int) -> HttpResponse:
    """Apply for a post of an open selection (POST only)."""
    pegawai = get_object_or_404(Pegawai, pk=pegawai_id_sendiri(request.user))
    seleksi = get_object_or_404(Seleksi, pk=seleksi_id)
    formasi = get_object_or_404(Formasi, pk=formasi_id)
    try:
        seleksi_apply(seleksi=seleksi, formasi=formasi, pegawai=pegawai, pada=timezone.localdate())
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    else:
        messages.success(request, _("Lamaran Anda untuk %(f)s tercatat.") % {"f": formasi})
    return redirect("publik:seleksi_saya")
