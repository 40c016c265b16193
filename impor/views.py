"""The import pages (HR only): upload, preview with the mapping of unknown units and
positions, confirm; the template download."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from impor import tasks
from impor.forms import PemetaanForm, TerapkanForm, UnggahForm
from impor.models import Impor
from impor.preview import kalimat_diterapkan
from impor.riwayat import riwayat_tampil
from impor.roles import PERM_IMPOR
from impor.services import impor_create, pemetaan_save
from jabatan.models import Jabatan
from pegawai.akses import lingkup
from pegawai.capability import HR, page
from pegawai.ekspor import export_download
from pegawai.forms import tambah_galat
from pegawai.models import UnitKerja
from tugas.progres import SedangBerjalan

# HR only: the import writes every unit's employees.
HR_IMPOR = HR.with_perms(PERM_IMPOR, reason=gettext_lazy("Halaman impor hanya untuk Admin BKPSDM."))


@page(HR_IMPOR, menu=gettext_lazy("Impor data"), order=130)
@require_safe
def impor_list(request: HttpRequest) -> HttpResponse:
    daftar = Impor.objects.defer("berkas", "ringkasan").select_related("oleh")[:30]
    return render(request, "impor/impor_list.html", {"daftar": daftar, "form": UnggahForm()})


@page(HR_IMPOR)
@require_POST
def impor_unggah(request: HttpRequest) -> HttpResponse:
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
            return redirect(tasks.pratinjau_start(impor, request.user))
    daftar = Impor.objects.defer("berkas", "ringkasan").select_related("oleh")[:30]
    return render(request, "impor/impor_list.html", {"daftar": daftar, "form": form}, status=400)


def _ukuran_maks() -> int:
    from impor.read import ukuran_maks

    return ukuran_maks()


def _batas(ukuran: int) -> str:
    from impor.read import _mb

    return _(
        "Berkas terlalu besar (%(u)s); batasnya %(m)s. Pecah berkas menjadi beberapa bagian."
    ) % {
        "u": _mb(ukuran),
        "m": _mb(_ukuran_maks()),
    }


def _halaman_detail(
    request: HttpRequest, impor: Impor, *, pemetaan: PemetaanForm | None = None, status: int = 200
) -> HttpResponse:
    """Render an import's page; a refused mapping form (`pemetaan`) lists its errors."""
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
            "galat_pemetaan": pemetaan.galat() if pemetaan is not None else [],
            "unit_asing": sorted((r.get("unit_asing") or {}).items()),
            "jabatan_asing": sorted((r.get("jabatan_asing") or {}).items()),
            "riwayat_rinci": riwayat_tampil(r.get("riwayat_rinci") or {}),
            "units": UnitKerja.objects.only("pk", "nama", "kode") if perlu_unit else [],
            "jabatans": Jabatan.objects.filter(aktif=True).only("pk", "nama", "kode")
            if perlu_jabatan
            else [],
        },
        status=status,
    )


@page(HR_IMPOR)
@require_safe
def impor_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _halaman_detail(
        request, get_object_or_404(Impor.objects.defer("berkas").select_related("oleh"), pk=pk)
    )


@page(HR_IMPOR)
@require_POST
def impor_petakan(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the mappings HR chose for the unknown units and positions; preview again."""
    impor = get_object_or_404(Impor.objects.defer("berkas").select_related("oleh"), pk=pk)
    r = impor.ringkasan or {}
    form = PemetaanForm(
        request.POST,
        unit_asing=r.get("unit_asing") or {},
        jabatan_asing=r.get("jabatan_asing") or {},
    )
    if form.is_valid():
        pilihan = form.pemetaan()
        try:
            pemetaan_save(unit=pilihan["unit"], jabatan=pilihan["jabatan"], oleh=request.user)
        except ValidationError as exc:
            form.add_service_error(exc)
        else:
            return redirect(tasks.pratinjau_start(impor, request.user))
    return _halaman_detail(request, impor, pemetaan=form, status=400)


@page(HR_IMPOR)
@require_POST
def impor_terapkan(request: HttpRequest, pk: int) -> HttpResponse:
    impor = get_object_or_404(Impor.objects.defer("berkas"), pk=pk)
    form = TerapkanForm(request.POST)
    if impor.status != Impor.Status.PRATINJAU or not form.is_valid():
        raise PermissionDenied(
            _("Impor ini tidak dapat diterapkan (pratinjau belum siap atau sudah diterapkan).")
        )
    try:
        progres = tasks.penerapan_start(impor, request.user, sebagian=form.cleaned_data["sebagian"])
    except SedangBerjalan as exc:
        progres = exc.progres
    return redirect(progres)


@page(HR_IMPOR)
@require_POST
def templat(request: HttpRequest, fmt: str) -> HttpResponse:
    """The empty template of our columns (SIASN's field names) with one example row; the XLSX
    also carries the instructions and the unit and position codes to use (impor.templat).

    POST only: the download is logged in the user's name (it lists the units and positions),
    which a link on another site must not do; the file is small and comes in the response."""
    from impor.templat import templat as isi_templat

    if fmt not in ("xlsx", "csv"):
        raise PermissionDenied
    isi = isi_templat(lingkup(request.user))
    header, rows = isi.pop("header"), isi.pop("rows")
    return export_download(
        request,
        data="impor.templat",
        nama_berkas="templat-impor-pegawai",
        header=header,
        rows=rows,
        fmt=fmt,
        **(isi if fmt == "xlsx" else {}),
    )


@page(HR_IMPOR)
@require_POST
def contoh_siasn(request: HttpRequest) -> HttpResponse:
    """A small SIASN-shaped JSON file to try the import with (impor.sampel); it names two of
    our employees, so it is logged as an export, and so is a POST (a link on another site
    must not write that row)."""
    from django.utils import timezone

    from impor.sampel import sampel_siasn
    from pegawai.ekspor import log_request_export

    isi = sampel_siasn(lingkup(request.user))
    log_request_export(request, data="impor.contoh", jumlah_baris=isi.count(b'"nipBaru"'))
    response = HttpResponse(isi, content_type="application/json; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="contoh-siasn-{stamp}.json"'
    return response


@page(HR_IMPOR)
@require_POST
def ekspor_pegawai(request: HttpRequest, fmt: str) -> HttpResponse:
    """Queue the export of every employee in the template's columns (NIP as text, dates
    dd-mm-yyyy) and go to its progress page: a whole city is too long for a request."""
    if fmt not in ("xlsx", "csv"):
        raise PermissionDenied
    return redirect(tasks.pegawai_export_start(request, fmt))


@page(HR_IMPOR)
@require_POST
def impor_rekonsiliasi(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the reconciliation of an uploaded SIASN file with our data (a task with a file)."""
    impor = get_object_or_404(Impor.objects.defer("berkas"), pk=pk)
    return redirect(tasks.rekonsiliasi_start(impor, request.user))
