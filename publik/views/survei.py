"""The public satisfaction survey: a form per service unit, its QR code, the published results."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from kinerja.services.survei import respon_skm_create
from kinerja.survei import UnitLayanan
from kinerja.survei_selectors import (
    MIN_RESPONDEN,
    hasil_satu,
    hasil_skm,
    komentar_tayang,
    tren_skm,
)
from pegawai.forms import tambah_galat
from pegawai.throttle import formulir_publik
from publik import qr
from publik.cache import halaman_publik
from publik.forms import SurveiForm
from publik.selectors import perangkat_daerah_unit

# One address may send this many questionnaires per hour (to all units together): enough for a
# family at one counter, or a shared kiosk; not enough to move a unit's index.
BATAS_KIRIM = 10
JENDELA_DETIK = 60 * 60


def _tahun(request: HttpRequest) -> int:
    sekarang = timezone.localdate().year
    try:
        tahun = int(request.GET.get("tahun", sekarang))
    except ValueError:
        return sekarang
    return tahun if 2000 <= tahun <= sekarang else sekarang


def _unit(kode: str) -> UnitLayanan:
    return get_object_or_404(UnitLayanan.objects.select_related("unit_kerja"), kode=kode)


@require_safe
@halaman_publik("survei", params=["tahun"])
def survei(request: HttpRequest) -> HttpResponse:
    """List the service units ranked by their index for a year, with links to each form."""
    tahun = _tahun(request)
    hasil = hasil_skm(dari=date(tahun, 1, 1), sampai=date(tahun, 12, 31))
    return render(request, "publik/survei_list.html", {
        "menu": "survei", "hasil": hasil, "tahun": tahun, "min_responden": MIN_RESPONDEN,
        "tahun_pilihan": range(timezone.localdate().year, timezone.localdate().year - 5, -1),
    })  # fmt: skip


@require_safe
@halaman_publik("survei", params=["tahun"])
def survei_hasil(request: HttpRequest, kode: str) -> HttpResponse:
    """Show one unit's published result: index, letter, per-element averages, trend, comments."""
    unit = _unit(kode)
    tahun = _tahun(request)
    return render(request, "publik/survei_hasil.html", {
        "menu": "survei", "unit": unit, "tahun": tahun, "min_responden": MIN_RESPONDEN,
        "hasil": hasil_satu(unit=unit, dari=date(tahun, 1, 1), sampai=date(tahun, 12, 31)),
        "tren": tren_skm(unit=unit, tahun=tahun),
        "komentar": komentar_tayang(unit=unit),
    })  # fmt: skip


@require_http_methods(["GET", "HEAD", "POST"])
@formulir_publik("survei-kepuasan", batas=BATAS_KIRIM, per_detik=JENDELA_DETIK)
def survei_form(request: HttpRequest, kode: str) -> HttpResponse:
    """Show the questionnaire of a unit, and record a filled one (CSRF, rate limit, honeypot)."""
    unit = _unit(kode)
    if not unit.aktif:
        raise Http404
    form = SurveiForm(request.POST or None)
    if request.method == "POST":
        if form.jebakan_terisi:
            # A bot: thank it as if it were a person, store nothing.
            return redirect("publik:survei_terima_kasih", kode=unit.kode)
        if form.is_valid():
            try:
                respon_skm_create(
                    unit=unit, jawaban=form.jawaban(), profil=form.profil(),
                    komentar=form.cleaned_data["komentar"],
                )  # fmt: skip
            except ValidationError as exc:
                tambah_galat(form, exc)
            else:
                return redirect("publik:survei_terima_kasih", kode=unit.kode)
    return render(
        request, "publik/survei_form.html", {"menu": "survei", "unit": unit, "form": form}
    )


@require_safe
@halaman_publik("survei")
def survei_terima_kasih(request: HttpRequest, kode: str) -> HttpResponse:
    return render(
        request, "publik/survei_terima_kasih.html", {"menu": "survei", "unit": _unit(kode)}
    )


@require_safe
@halaman_publik("survei")
def survei_qr(request: HttpRequest, kode: str) -> HttpResponse:
    """Return the unit's QR code as a standalone SVG image (opens in a browser, inserts into a
    document)."""
    unit = _unit(kode)
    svg = qr.svg_berkas(qr.kode_qr(unit), judul=_("QR survei %(nama)s") % {"nama": unit.nama})
    return _berkas(svg, "image/svg+xml", f"survei-{unit.kode}.svg")


@require_safe
@halaman_publik("survei")
def survei_png(request: HttpRequest, kode: str) -> HttpResponse:
    """Return the unit's QR code as a PNG image."""
    unit = _unit(kode)
    return _berkas(qr.png_berkas(qr.kode_qr(unit)), "image/png", f"survei-{unit.kode}.png")


def _berkas(isi: bytes, jenis: str, nama: str) -> HttpResponse:
    response = HttpResponse(isi, content_type=jenis)
    # Shown in the browser when opened, saved under this name when downloaded.
    response["Content-Disposition"] = f'inline; filename="{nama}"'
    return response


@require_safe
@halaman_publik("survei")
def survei_cetak(request: HttpRequest, kode: str) -> HttpResponse:
    """The A4 poster to put at the counter: the unit and its office (OPD), the QR code, the
    address; with the code's SVG and PNG downloads for HR and the unit's staff."""
    unit = _unit(kode)
    konteks = {
        "unit": unit,
        "opd": perangkat_daerah_unit(unit.unit_kerja),
        "qr_svg": qr.svg_sebaris(qr.kode_qr(unit), judul=unit.nama),
        "url_form": qr.url_form(unit),
    }
    return render(request, "publik/survei_cetak.html", konteks)
