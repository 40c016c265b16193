"""The import pages (HR only): upload, preview with the mapping of unknown units and
positions, confirm; the template download."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from impor import kolom as k
from impor import tasks
from impor.forms import TerapkanForm, UnggahForm
from impor.models import Impor
from impor.riwayat import riwayat_tampil
from impor.roles import PERM_IMPOR
from impor.services import impor_create, pemetaan_simpan
from impor.tampil import kalimat_diterapkan
from jabatan.models import Jabatan
from pegawai.akses import lingkup
from pegawai.ekspor import unduh_tabel
from pegawai.forms import tambah_galat
from pegawai.models import UnitKerja
from tugas.progres import SedangBerjalan


def _hr(request: HttpRequest) -> None:
    """HR only: the import writes every unit's employees."""
    if not (request.user.has_perm(PERM_IMPOR) and lingkup(request.user).semua):
        raise PermissionDenied(_("Halaman impor hanya untuk Admin BKPSDM."))


@login_required
@require_safe
def impor_list(request: HttpRequest) -> HttpResponse:
    _hr(request)
    daftar = Impor.objects.defer("berkas", "ringkasan").select_related("oleh")[:30]
    return render(request, "impor/impor_list.html", {"daftar": daftar, "form": UnggahForm()})


@login_required
@require_POST
def impor_unggah(request: HttpRequest) -> HttpResponse:
    _hr(request)
    form = UnggahForm(request.POST, request.FILES)
    if form.is_valid():
        berkas = form.cleaned_data["berkas"]
        try:
            if berkas.size > _ukuran_maks():
                raise ValidationError({"berkas": _batas(berkas.size)})
            impor = impor_create(
                nama=berkas.name,
                jenis_konten=berkas.content_type,
                data=berkas.read(),
                oleh=request.user,
            )
        except ValidationError as exc:
            tambah_galat(form, exc)
        else:
            return redirect(tasks.mulai_pratinjau(impor, request.user))
    daftar = Impor.objects.defer("berkas", "ringkasan").select_related("oleh")[:30]
    return render(request, "impor/impor_list.html", {"daftar": daftar, "form": form}, status=400)


def _ukuran_maks() -> int:
    from impor.baca import ukuran_maks

    return ukuran_maks()


def _batas(ukuran: int) -> str:
    from impor.baca import _mb

    return _(
        "Berkas terlalu besar (%(u)s); batasnya %(m)s. Pecah berkas menjadi beberapa bagian."
    ) % {
        "u": _mb(ukuran),
        "m": _mb(_ukuran_maks()),
    }


@login_required
@require_safe
def impor_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _hr(request)
    impor = get_object_or_404(Impor.objects.defer("berkas").select_related("oleh"), pk=pk)
    r = impor.ringkasan or {}
    perlu_unit = bool(r.get("unit_asing"))
    perlu_jabatan = bool(r.get("jabatan_asing"))
    diterapkan = impor.status == Impor.Status.DITERAPKAN
    return render(
        request,
        "impor/impor_detail.html",
        {
            "impor": impor,
            "r": r,
            # Once applied the page reports what was done, in the past tense.
            "diterapkan": diterapkan,
            "hasil": kalimat_diterapkan(r) if diterapkan else "",
            "form": TerapkanForm(),
            "unit_asing": sorted((r.get("unit_asing") or {}).items()),
            "jabatan_asing": sorted((r.get("jabatan_asing") or {}).items()),
            "riwayat_rinci": riwayat_tampil(r.get("riwayat_rinci") or {}),
            "units": UnitKerja.objects.only("pk", "nama", "kode") if perlu_unit else [],
            "jabatans": Jabatan.objects.filter(aktif=True).only("pk", "nama", "kode")
            if perlu_jabatan
            else [],
        },
    )


@login_required
@require_POST
def impor_petakan(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the mappings HR chose for the unknown units and positions; preview again."""
    _hr(request)
    impor = get_object_or_404(Impor.objects.defer("berkas"), pk=pk)
    r = impor.ringkasan or {}

    def pilihan(prefix: str, asing: dict) -> dict[str, tuple[str, int]]:
        out = {}
        for n, (kode, (nama, _jumlah)) in enumerate(sorted(asing.items())):
            v = request.POST.get(f"{prefix}-{n}", "")
            if v.isdigit():
                out[kode] = (nama, int(v))
        return out

    pemetaan_simpan(
        unit=pilihan("unit", r.get("unit_asing") or {}),
        jabatan=pilihan("jabatan", r.get("jabatan_asing") or {}),
        oleh=request.user,
    )
    return redirect(tasks.mulai_pratinjau(impor, request.user))


@login_required
@require_POST
def impor_terapkan(request: HttpRequest, pk: int) -> HttpResponse:
    _hr(request)
    impor = get_object_or_404(Impor.objects.defer("berkas"), pk=pk)
    form = TerapkanForm(request.POST)
    if impor.status != Impor.Status.PRATINJAU or not form.is_valid():
        raise PermissionDenied(
            _("Impor ini tidak dapat diterapkan (pratinjau belum siap atau sudah diterapkan).")
        )
    try:
        progres = tasks.mulai_terapkan(impor, request.user, sebagian=form.cleaned_data["sebagian"])
    except SedangBerjalan as exc:
        progres = exc.progres
    return redirect(progres)


@login_required
@require_safe
def templat(request: HttpRequest, fmt: str) -> HttpResponse:
    """The empty template of our columns (SIASN's field names) with one example row; the XLSX
    also carries the instructions and the unit and position codes to use (impor.templat)."""
    from impor.templat import templat as isi_templat

    _hr(request)
    if fmt not in ("xlsx", "csv"):
        raise PermissionDenied
    isi = isi_templat(lingkup(request.user))
    header, rows = isi.pop("header"), isi.pop("rows")
    return unduh_tabel(
        request,
        data="impor.templat",
        nama_berkas="templat-impor-pegawai",
        header=header,
        rows=rows,
        fmt=fmt,
        **(isi if fmt == "xlsx" else {}),
    )


@login_required
@require_safe
def contoh_siasn(request: HttpRequest) -> HttpResponse:
    """A small SIASN-shaped JSON file to try the import with (impor.sampel); it names two of
    our employees, so it is logged as an export."""
    from django.utils import timezone

    from impor.sampel import sampel_siasn
    from pegawai.ekspor import catat_ekspor

    _hr(request)
    isi = sampel_siasn(lingkup(request.user))
    catat_ekspor(request, data="impor.contoh", jumlah_baris=isi.count(b'"nipBaru"'))
    response = HttpResponse(isi, content_type="application/json; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="contoh-siasn-{stamp}.json"'
    return response


@login_required
@require_safe
def ekspor_pegawai(request: HttpRequest, fmt: str) -> HttpResponse:
    """Every employee in the template's columns (NIP as text, dates dd-mm-yyyy)."""
    from impor.ekspor import baris_pegawai

    _hr(request)
    if fmt not in ("xlsx", "csv"):
        raise PermissionDenied
    return unduh_tabel(
        request,
        data="impor.pegawai",
        nama_berkas="pegawai-siasn",
        header=list(k.KOLOM),
        rows=baris_pegawai(lingkup(request.user)),
        fmt=fmt,
    )


@login_required
@require_POST
def impor_rekonsiliasi(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the reconciliation of an uploaded SIASN file with our data (a task with a file)."""
    _hr(request)
    impor = get_object_or_404(Impor.objects.defer("berkas"), pk=pk)
    return redirect(tasks.mulai_rekonsiliasi(impor, request.user))
