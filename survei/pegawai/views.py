"""Pages of the employees' satisfaction and engagement survey: the employee's form, and HR's
periods and results (only what survei.pegawai.terbit allows: HR are the employees' superiors
too)."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pegawai.akses import pegawai_id_sendiri
from pegawai.capability import EMPLOYEE, HR, page
from survei.pegawai import grafik
from survei.pegawai.models import SKALA, ButirSurveiPegawai, PeriodeSurveiPegawai
from survei.pegawai.selectors import hasil_survei_pegawai, periode_rampung
from survei.pegawai.services import (
    periode_survei_pegawai_close,
    periode_survei_pegawai_open,
    periode_terbuka,
    respon_survei_pegawai_submit,
    sudah_mengisi,
)
from survei.pegawai.terbit import MIN_RESPONDEN


def _pesan_galat(request: HttpRequest, exc: ValidationError) -> None:
    for m in exc.messages:
        messages.error(request, m)


@page(EMPLOYEE)
@require_http_methods(["GET", "HEAD", "POST"])
def isi(request: HttpRequest) -> HttpResponse:
    """Show the open period's questionnaire, or that the employee has answered; a POST sends the
    answers (once per period)."""
    pegawai_id = pegawai_id_sendiri(request.user)
    periode = periode_terbuka()
    butir = list(ButirSurveiPegawai.objects.filter(aktif=True))
    dipilih: dict[int, str] = {}
    if request.method == "POST" and periode is not None:
        dipilih = {b.pk: request.POST.get(f"b{b.pk}", "") for b in butir}
        try:
            respon_survei_pegawai_submit(periode=periode, jawaban=dipilih, oleh=request.user)
        except ValidationError as exc:
            _pesan_galat(request, exc)
        else:
            messages.success(request, _("Terima kasih. Jawaban Anda sudah tersimpan tanpa nama."))
            return redirect("survei_pegawai:isi")
    elif request.method == "POST":
        messages.error(request, _("Survei pegawai sedang tidak dibuka."))
    sudah = periode is not None and sudah_mengisi(periode=periode, pegawai_id=pegawai_id)
    konteks = {
        "periode": periode,
        "sudah": sudah,
        "butir": [(b, dipilih.get(b.pk, "")) for b in butir],
        "skala": [(str(n), label) for n, label in SKALA],
        "min_responden": MIN_RESPONDEN,
    }
    return render(request, "survei/pegawai_isi.html", konteks)


@page(HR, menu=gettext_lazy("Survei pegawai"), order=46)
@require_safe
def kelola(request: HttpRequest) -> HttpResponse:
    """Show HR the survey's periods, with the buttons to open a year and to close the open
    one."""
    hari_ini = timezone.localdate()
    konteks = {
        "periode": PeriodeSurveiPegawai.objects.all(),
        "terbuka": periode_terbuka(hari_ini),
        "hari_ini": hari_ini,
        "tahun_baru": hari_ini.year,
        "butir_belum_terverifikasi": ButirSurveiPegawai.objects.filter(
            aktif=True, terverifikasi=False
        ).count(),
    }
    return render(request, "survei/pegawai_kelola.html", konteks)


@page(HR)
@require_POST
def buka(request: HttpRequest) -> HttpResponse:
    """Open the survey of a year until the date given."""
    try:
        tahun = int(request.POST.get("tahun", ""))
        ditutup = date.fromisoformat(request.POST.get("ditutup", ""))
    except ValueError:
        messages.error(request, _("Isi tahun dan tanggal tutup dengan benar."))
        return redirect("survei_pegawai:kelola")
    try:
        periode = periode_survei_pegawai_open(tahun=tahun, ditutup=ditutup, oleh=request.user)
    except ValidationError as exc:
        _pesan_galat(request, exc)
    else:
        messages.success(request, _("Survei pegawai %(tahun)s dibuka.") % {"tahun": periode})
    return redirect("survei_pegawai:kelola")


@page(HR)
@require_POST
def tutup(request: HttpRequest) -> HttpResponse:
    """Close the open period today; its remaining answers are moved in the background."""
    pk = request.POST.get("periode", "")
    periode = get_object_or_404(PeriodeSurveiPegawai, pk=int(pk) if pk.isdigit() else 0)
    try:
        periode_survei_pegawai_close(periode=periode, oleh=request.user)
    except ValidationError as exc:
        _pesan_galat(request, exc)
    else:
        messages.success(
            request,
            _("Survei pegawai %(tahun)s ditutup. Hasilnya tampil setelah rekap selesai.")
            % {"tahun": periode},
        )
    return redirect("survei_pegawai:kelola")


@page(HR)
@require_safe
def hasil(request: HttpRequest) -> HttpResponse:
    """Show a closed period's results per perangkat daerah and dimension, as the disclosure
    rule allows, with a chart."""
    daftar = list(periode_rampung())
    periode = daftar[0] if daftar else None
    pilihan = request.GET.get("tahun", "")
    for p in daftar:
        if str(p.tahun) == pilihan:
            periode = p
    h = hasil_survei_pegawai(periode=periode) if periode else None
    konteks = {
        "daftar": daftar,
        "periode": periode,
        "h": h,
        "min_responden": MIN_RESPONDEN,
        "grafik": grafik.skor_per_unit([h.instansi, *h.unit]) if h and h.instansi else None,
    }
    return render(request, "survei/pegawai_hasil.html", konteks)
