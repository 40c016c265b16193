"""The public satisfaction survey: a form per service unit, its QR code, the published results."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods, require_safe

from core.throttle import client_network, public_form
from pegawai.capability import PUBLIC, page
from pegawai.forms import tambah_galat
from publik import qr
from publik.cache import halaman_publik
from publik.forms import SurveiForm
from publik.selectors import perangkat_daerah_unit
from survei.models import KiosSkm, UnitLayanan
from survei.selectors import (
    MIN_RESPONDEN,
    hasil_terbit,
    hasil_terbit_satu,
    kios_aktif,
    komentar_tayang,
)
from survei.services import respon_skm_create
from survei.terbit import terbit_sejak

# One network (an IPv4 address, an IPv6 /64: core.throttle.network_of) may send this many
# questionnaires per hour to all units together: enough for a family at one counter; not enough
# to move a unit's index. A counter kiosk registered by HR is not limited (`_dari_kios`).
BATAS_KIRIM = 10
JENDELA_DETIK = 60 * 60
# ... and this many to one unit per day: a counter's shared Wi-Fi on a busy day still gets
# through, while filling a unit's quarter from one network takes days; a quarter filled from
# fewer than five networks is not published anyway (survei.terbit).
BATAS_UNIT_HARIAN = 20
# The cookie a registered counter kiosk keeps its token in (survei.models.KiosSkm).
KUKI_KIOS = "skm_kios"
UMUR_KUKI_KIOS = 5 * 365 * 24 * 60 * 60


def _kios(request: HttpRequest, kode: str) -> KiosSkm | None:
    return kios_aktif(kode=kode, token=request.COOKIES.get(KUKI_KIOS, ""))


def _dari_kios(request: HttpRequest, kode: str) -> bool:
    """Whether a POST comes from a registered kiosk of the unit. The per-network limits are
    for the open internet; a kiosk is one device the counter's staff watch over, and a busy
    counter fills more than a day's network quota (HR switches a misused kiosk off)."""
    return KUKI_KIOS in request.COOKIES and _kios(request, kode) is not None


def _tahun(request: HttpRequest) -> int:
    """Return the year asked for; by default the latest with a published quarter (until its
    first quarter is out, 2 April, a year has nothing to show yet: last year's figures)."""
    hari_ini = timezone.localdate()
    sekarang = hari_ini.year
    bawaan = sekarang if hari_ini >= terbit_sejak(sekarang, 1) else sekarang - 1
    try:
        tahun = int(request.GET.get("tahun", bawaan))
    except ValueError:
        return bawaan
    return tahun if 2000 <= tahun <= sekarang else bawaan


def _unit(kode: str) -> UnitLayanan:
    return get_object_or_404(UnitLayanan.objects.select_related("unit_kerja"), kode=kode)


@page(PUBLIC)
@require_safe
@halaman_publik("survei", params=["tahun"])
def survei(request: HttpRequest) -> HttpResponse:
    """List the service units ranked by their published index for a year, with their forms."""
    tahun = _tahun(request)
    hasil = hasil_terbit(tahun=tahun)
    return render(
        request,
        "publik/survei_list.html",
        {
            "menu": "survei",
            "hasil": hasil,
            "tahun": tahun,
            "min_responden": MIN_RESPONDEN,
            "tahun_pilihan": range(timezone.localdate().year, timezone.localdate().year - 5, -1),
        },
    )


@page(PUBLIC)
@require_safe
@halaman_publik("survei", params=["tahun"])
def survei_hasil(request: HttpRequest, kode: str) -> HttpResponse:
    """Show one unit's published result: index, letter, per-element averages, quarters,
    comments; only what `survei.terbit` lets out, with the rule in plain words."""
    unit = _unit(kode)
    tahun = _tahun(request)
    return render(
        request,
        "publik/survei_hasil.html",
        {
            "menu": "survei",
            "unit": unit,
            "tahun": tahun,
            "min_responden": MIN_RESPONDEN,
            "hasil": hasil_terbit_satu(unit=unit, tahun=tahun),
            "komentar": komentar_tayang(unit=unit),
        },
    )


@page(PUBLIC)
@require_http_methods(["GET", "HEAD", "POST"])
@public_form(
    "survei-kepuasan",
    batas=BATAS_KIRIM,
    per_detik=JENDELA_DETIK,
    harian=BATAS_UNIT_HARIAN,
    per_objek="kode",
    bebas=_dari_kios,
)
def survei_form(request: HttpRequest, kode: str) -> HttpResponse:
    """Show the questionnaire of a unit, and record a filled one (CSRF, rate limit, honeypot)."""
    unit = _unit(kode)
    if not unit.aktif:
        raise Http404
    kios = _kios(request, unit.kode)
    form = SurveiForm(request.POST or None)
    if request.method == "POST":
        if form.jebakan_terisi:
            # A bot: thank it as if it were a person, store nothing.
            return redirect("publik:survei_terima_kasih", kode=unit.kode)
        if form.is_valid():
            try:
                respon_skm_create(
                    unit=unit,
                    jawaban=form.jawaban(),
                    jaringan=client_network(request),
                    kios=kios,
                    profil=form.profil(),
                    komentar=form.cleaned_data["komentar"],
                )
            except ValidationError as exc:
                tambah_galat(form, exc)
            else:
                return redirect("publik:survei_terima_kasih", kode=unit.kode)
    return render(
        request,
        "publik/survei_form.html",
        {"menu": "survei", "unit": unit, "form": form, "kios": kios},
    )


@page(PUBLIC)
@require_http_methods(["GET", "HEAD", "POST"])
@csrf_protect
def survei_kios(request: HttpRequest, kode: str, token: str) -> HttpResponse:
    """Install a registered counter kiosk on this device: the address HR was shown when it
    registered the kiosk opens a page; its button (a POST) stores the token in a cookie, and
    every questionnaire then sent from the device counts as its own network
    (`survei.terbit`). An unknown or switched-off token is a 404."""
    unit = _unit(kode)
    kios = kios_aktif(kode=kode, token=token)
    if kios is None or not unit.aktif:
        raise Http404
    if request.method == "POST":
        response = redirect("publik:survei_form", kode=unit.kode)
        response.set_cookie(
            KUKI_KIOS,
            token,
            max_age=UMUR_KUKI_KIOS,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
            path=reverse("publik:survei_form", kwargs={"kode": unit.kode}),
        )
        return response
    return render(
        request, "publik/survei_kios.html", {"menu": "survei", "unit": unit, "kios": kios}
    )


@page(PUBLIC)
@require_safe
@halaman_publik("survei")
def survei_terima_kasih(request: HttpRequest, kode: str) -> HttpResponse:
    return render(
        request, "publik/survei_terima_kasih.html", {"menu": "survei", "unit": _unit(kode)}
    )


@page(PUBLIC)
@require_safe
@halaman_publik("survei")
def survei_qr(request: HttpRequest, kode: str) -> HttpResponse:
    """Return the unit's QR code as a standalone SVG image (opens in a browser, inserts into a
    document)."""
    unit = _unit(kode)
    svg = qr.svg_berkas(qr.kode_qr(unit), judul=_("QR survei %(nama)s") % {"nama": unit.nama})
    return _berkas(svg, "image/svg+xml", f"survei-{unit.kode}.svg")


@page(PUBLIC)
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


@page(PUBLIC)
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
