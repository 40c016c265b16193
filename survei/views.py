"""The survey dashboard of unit heads and HR (PermenPANRB 14/2017), and its drill-down to one
service unit: the nine elements, the trend per quarter and the approved comments, each
downloadable. Internal pages: every questionnaire counts, also where /survei/ publishes
nothing (survei.terbit), and each quarter says whether the public sees it."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from pegawai.akses import lingkup
from pegawai.capability import LEADER, page
from pegawai.ekspor import export_download
from survei import rules
from survei.models import UnitLayanan
from survei.selectors import (
    MIN_RESPONDEN,
    dasbor_skm,
    komentar_ditayangkan,
    rinci_skm,
    unit_layanan_lingkup,
)

BAGIAN = ("unsur", "tren", "komentar")  # the drill-down's downloadable tables


def _tahun(request: HttpRequest) -> int:
    sekarang = timezone.localdate().year
    try:
        tahun = int(request.GET.get("tahun", sekarang))
    except ValueError:
        return sekarang
    return tahun if 2000 <= tahun <= sekarang else sekarang


def _unit(request: HttpRequest, kode: str) -> UnitLayanan:
    """Return the service unit if the user's scope holds it; 404 otherwise (as if absent)."""
    unit = unit_layanan_lingkup(scope=lingkup(request.user), kode=kode)
    if unit is None:
        raise Http404(_("Unit layanan tidak ditemukan."))
    return unit


def _tahun_pilihan() -> range:
    sekarang = timezone.localdate().year
    return range(sekarang, sekarang - 5, -1)


@page(LEADER, menu=gettext_lazy("Survei kepuasan"), order=45)
@require_safe
def survei_dasbor(request: HttpRequest) -> HttpResponse:
    """Show the public satisfaction survey: a unit head their units' results, trend and
    comments; HR every service unit ranked, each opening its drill-down."""
    scope = lingkup(request.user)
    konteks = {"d": dasbor_skm(scope=scope, tahun=_tahun(request))}
    konteks |= {"min_responden": MIN_RESPONDEN, "tahun_pilihan": _tahun_pilihan()}
    return render(request, "survei/dasbor.html", konteks)


@page(LEADER)
@require_safe
def survei_unit(request: HttpRequest, kode: str) -> HttpResponse:
    """Show one service unit: the nine elements of a year, the trend, the approved comments."""
    unit = _unit(request, kode)
    r = rinci_skm(unit=unit, tahun=_tahun(request), halaman=request.GET.get("halaman"))
    konteks = {"r": r, "min_responden": MIN_RESPONDEN, "tahun_pilihan": _tahun_pilihan()}
    return render(request, "survei/unit.html", konteks)


@page(LEADER)
@require_POST
def survei_unit_ekspor(request: HttpRequest, kode: str, bagian: str, fmt: str) -> HttpResponse:
    """Download one table of the drill-down (the year in the query string) as CSV or XLSX in
    the POST's response (pegawai.ekspor, logged): one unit's quarters and approved comments.

    POST only: the log row names the user, so a link on another site must not write it.
    """
    if bagian not in BAGIAN or fmt not in ("csv", "xlsx"):
        raise Http404
    unit = _unit(request, kode)
    tahun = _tahun(request)
    if bagian == "komentar":
        header = [_("Dikirim"), _("Ditayangkan"), _("Komentar")]
        rows = [
            (k.created_at, k.dimoderasi_pada, k.teks)
            for k in komentar_ditayangkan(unit=unit).iterator()
        ]
    else:
        r = rinci_skm(unit=unit, tahun=tahun)
        if bagian == "unsur":
            header = [_("No"), _("Unsur pelayanan"), _("Nilai rata-rata (1–4)"), _("Responden")]
            rows = [
                (i, label, n, r.hasil.responden) for i, (label, n) in enumerate(r.hasil.unsur, 1)
            ]
        else:
            unsur = [f"U{i}" for i in range(1, rules.JUMLAH_UNSUR + 1)]
            header = [_("Tahun"), _("Triwulan"), _("Responden"), _("IKM"), _("Mutu")]
            header += [_("Tampil di publik"), *unsur]
            rows = [
                (
                    t.tahun,
                    t.triwulan,
                    t.hasil.responden,
                    t.hasil.indeks,
                    t.hasil.mutu or "",
                    _("ya") if t.publik else _("tidak"),
                    *(t.hasil.nrr or [None] * len(unsur)),
                )
                for t in r.tren
            ]
    return export_download(
        request,
        # The log's key since the first release (stored in CatatanEkspor; filters read it).
        data=f"kinerja.survei.{bagian}",
        nama_berkas=f"survei-{unit.kode}-{bagian}",
        header=header,
        rows=rows,
        fmt=fmt,
    )
