"""The DUK pages (Daftar Urut Kepangkatan, jabatan.duk): a unit's list with its XLSX/CSV
download, and the printable A4 landscape page. HR and unit heads, scoped."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from jabatan.duk import duk, pangkat, pendidikan_label, unit_terlihat
from pegawai.akses import lingkup
from pegawai.ekspor import unduh_tabel


def _duk_konteks(request: HttpRequest) -> dict:
    scope = lingkup(request.user)
    if not scope.memimpin:
        raise PermissionDenied(_("DUK untuk Admin BKPSDM dan pimpinan unit."))
    units = unit_terlihat(scope).filter(depth__lte=1).only("pk", "nama", "path", "depth")
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = get_object_or_404(unit_terlihat(scope), pk=int(request.GET["unit"]))
    pada = timezone.localdate()
    return {
        "units": units,
        "unit": unit,
        "pada": pada,
        "baris": duk(scope=scope, unit=unit, pada=pada) if unit else [],
    }


@login_required
@require_safe
def duk_list(request: HttpRequest) -> HttpResponse:
    """The DUK of a unit (and below): page, XLSX/CSV (`?ekspor=`), printable (`cetak/`)."""
    konteks = _duk_konteks(request)
    fmt = request.GET.get("ekspor")
    if fmt in ("xlsx", "csv") and konteks["unit"]:
        return unduh_tabel(
            request,
            data="jabatan.duk",
            nama_berkas=f"duk-{konteks['unit'].pk}",
            fmt=fmt,
            header=[
                _("No."),
                _("NIP"),
                _("Nama"),
                _("Pangkat/gol. ruang"),
                _("TMT golongan"),
                _("Jabatan"),
                _("Masa kerja"),
                _("Diklat kepemimpinan"),
                _("Pendidikan"),
                _("Tanggal lahir"),
                _("Usia"),
                _("Unit kerja"),
            ],
            rows=[
                (
                    b.nomor,
                    b.pegawai.nip,  # text: spreadsheets keep the 18 digits
                    b.pegawai.nama_lengkap,
                    pangkat(b.pegawai.golongan),
                    b.pegawai.tmt_golongan,  # a date: dd-mm-yyyy (pegawai.ekspor)
                    b.jabatan,
                    _("%(t)d tahun %(b)d bulan") % {"t": b.masa_kerja[0], "b": b.masa_kerja[1]},
                    b.kepemimpinan or "—",
                    pendidikan_label(b.pegawai.pendidikan),
                    b.pegawai.tanggal_lahir,
                    b.usia,
                    b.pegawai.unit_kerja.nama,
                )
                for b in konteks["baris"]
            ],
        )
    return render(request, "jabatan/duk_list.html", konteks)


@login_required
@require_safe
def duk_cetak(request: HttpRequest) -> HttpResponse:
    konteks = _duk_konteks(request)
    if konteks["unit"] is None:
        raise Http404(_("Pilih unit kerja untuk mencetak DUK."))
    return render(request, "jabatan/duk_cetak.html", konteks)
