"""HR's pages of the open selection (seleksi terbuka JPT, PermenPANRB 15/2019; docs/aturan.md
§12): the list of selections, the form that opens one, its page with the applicants and their
eligibility, a form per stage to record results and publish its announcement, and the step that
proposes three names per post to the PPK (jabatan's proposal path). Each form calls one service
of publik.services, which checks, writes and audits."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.paging import query_without_page
from pegawai.capability import Capability, demand, holds, may_open, page
from pegawai.ekspor import export_download
from publik.filters import SeleksiKelolaFilter
from publik.forms import BatalForm, HasilTahapForm, JadwalUbahForm, SeleksiBukaForm, SeleksiUbahForm
from publik.models import TAHAP_DINILAI, PerubahanSeleksi, Seleksi, Tahap
from publik.selectors import (
    formasi_jpt_lowong,
    pelamar_tahap,
    rincian_perubahan,
    seleksi_diumumkan,
    seleksi_kelola,
    seleksi_rinci,
)
from publik.services import (
    PENGUMUMAN_MINIMAL_HARI,
    PERM_UBAH,
    seleksi_propose,
    tahap_announce,
)

PERM_LIHAT = "publik.view_seleksi"
PERM_BUKA = "publik.add_seleksi"
PERM_HASIL = "publik.add_hasiltahap"
PERM_UMUMKAN = "publik.add_pengumuman"
PERM_USUL = "jabatan.add_usulan"  # proposing to the PPK is jabatan's proposal path


def _bkpsdm(*perms: str) -> Capability:
    """HR, who see the selections and hold `perms` besides."""
    return holds(PERM_LIHAT, *perms, reason=gettext_lazy("Seleksi terbuka dikelola oleh BKPSDM."))


# Recording a stage's results: a POST to the stage's page (`tahap_hasil`), whose GET any HR
# with the selections' view permission opens.
HASIL = _bkpsdm(PERM_HASIL)


def _status(s: Seleksi) -> str:
    if s.dibatalkan_pada is not None:
        return _("Dibatalkan")
    return _("Selesai") if s.selesai else _("Berjalan")


def _bagian_diubah(p: PerubahanSeleksi) -> str:
    """Name what an edit before the announcement changed (its `rincian`: field names)."""
    if p.jenis != PerubahanSeleksi.Jenis.UBAH:
        return ""
    nama = {"panitia": _("panitia"), "tahap": _("jadwal"), "formasi": _("formasi")}
    return ", ".join(str(nama.get(f) or Seleksi._meta.get_field(f).verbose_name) for f in p.rincian)


def _tahap(seleksi_id: int, tahap_id: int) -> Tahap:
    return get_object_or_404(
        Tahap.objects.select_related("seleksi", "pengumuman"), pk=tahap_id, seleksi_id=seleksi_id
    )


@page(_bkpsdm(), menu=gettext_lazy("Kelola seleksi terbuka"), order=120)
@require_safe
def seleksi_daftar(request: HttpRequest) -> HttpResponse:
    """List the selections: search, status, year, order; the download is a POST
    (`kelola_seleksi_ekspor`)."""
    filterset = SeleksiKelolaFilter(request.GET, queryset=seleksi_kelola())
    return _halaman_daftar(request, filterset)


def _halaman_daftar(request: HttpRequest, filterset: SeleksiKelolaFilter) -> HttpResponse:
    """Render the list of selections: its view's, and a refused download's (400)."""
    rows = filterset.qs if filterset.is_valid() else Seleksi.objects.none()
    halaman = Paginator(rows, 25).get_page(request.GET.get("halaman"))
    return render(
        request,
        "publik/kelola/seleksi_list.html",
        {
            "filterset": filterset,
            "halaman": halaman,
            "query": query_without_page(request),
            # Each button shows to whom its target view's declaration lets in.
            "boleh_buka": may_open(request.user, "publik:kelola_seleksi_buka"),
        },
        status=200 if filterset.is_valid() else 400,
    )


@page(_bkpsdm())
@require_POST
def seleksi_daftar_ekspor(request: HttpRequest, fmt: str) -> HttpResponse:
    """Download the selections under the list's filters (the query string) as CSV or XLSX in
    the POST's response: a city opens a handful of selections a year.

    POST only: it logs an export in the user's name, which a link on another site must not do.
    """
    if fmt not in ("csv", "xlsx"):
        raise Http404
    filterset = SeleksiKelolaFilter(request.GET, queryset=seleksi_kelola())
    if not filterset.is_valid():
        return _halaman_daftar(request, filterset)
    return export_download(
        request,
        data="publik.seleksi",
        nama_berkas="seleksi-terbuka",
        fmt=fmt,
        header=[
            _("Judul"),
            _("Nomor pengumuman"),
            _("Formasi"),
            _("Mulai"),
            _("Akhir"),
            _("Pelamar"),
            _("Tahap diumumkan"),
            _("Status"),
        ],
        rows=[
            (
                s.judul,
                s.nomor_pengumuman,
                " | ".join(f"{f.jabatan.nama} — {f.unit_kerja.nama}" for f in s.formasi.all()),
                s.mulai,
                s.akhir,  # dates: date cells in XLSX, dd-mm-yyyy in CSV
                s.jumlah_pelamar,
                s.jumlah_diumumkan,
                _status(s),
            )
            for s in filterset.qs
        ],
    )


@page(_bkpsdm(PERM_BUKA))
@require_http_methods(["GET", "HEAD", "POST"])
def seleksi_buka(request: HttpRequest) -> HttpResponse:
    """Open a selection for one or more vacant JPT posts (publik.services.seleksi_open)."""
    formasi = formasi_jpt_lowong()
    form = SeleksiBukaForm(request.POST if request.method == "POST" else None, formasi=formasi)
    if form.is_bound and form.is_valid() and (seleksi := form.simpan(oleh=request.user)):
        messages.success(request, _("Dibuka: %(s)s.") % {"s": seleksi})
        return redirect("publik:kelola_seleksi_detail", seleksi.pk)
    return render(
        request,
        "publik/kelola/seleksi_form.html",
        {
            "form": form,
            "formasi": formasi,
            "pengumuman_minimal": PENGUMUMAN_MINIMAL_HARI,
        },
        status=400 if form.errors else 200,
    )


@page(_bkpsdm())
@require_safe
def seleksi_detail(request: HttpRequest, seleksi_id: int) -> HttpResponse:
    """A selection for HR: posts and requirements, committee, stages with their state, and per
    post the applicants with their eligibility today and each graded stage's result."""
    seleksi = get_object_or_404(Seleksi.objects.select_related("dibuka_oleh"), pk=seleksi_id)
    hari_ini = timezone.localdate()
    rinci = seleksi_rinci(seleksi, pada=hari_ini)
    berjalan = seleksi.dibatalkan_pada is None and not seleksi.selesai
    return render(
        request,
        "publik/kelola/seleksi_detail.html",
        {
            "s": seleksi,
            **rinci,
            "hari_ini": hari_ini,
            "panitia": list(seleksi.panitia.all()),
            # Each button shows to whom its target view's declaration lets in.
            "boleh_usul": may_open(request.user, "publik:kelola_seleksi_usulkan"),
            "tahap_dinilai": TAHAP_DINILAI,
            "boleh_ubah": berjalan and may_open(request.user, "publik:kelola_seleksi_ubah"),
            "diumumkan": seleksi_diumumkan(seleksi, pada=hari_ini),
            "riwayat": [
                (rincian_perubahan(p), _bagian_diubah(p))
                for p in seleksi.perubahan.select_related("oleh").order_by("-tanggal", "-id")
            ],
        },
    )


@page(_bkpsdm())
@require_http_methods(["GET", "HEAD", "POST"])
def tahap_hasil(request: HttpRequest, seleksi_id: int, tahap_id: int) -> HttpResponse:
    """Record a stage's results: pass or fail, score and note per applicant still in
    (publik.services.tahap_record_hasil); the page also publishes the stage's announcement."""
    tahap = _tahap(seleksi_id, tahap_id)
    dinilai = tahap.jenis in TAHAP_DINILAI
    form = None
    if dinilai:
        form = HasilTahapForm(
            request.POST if request.method == "POST" else None, baris=pelamar_tahap(tahap)
        )
    if request.method == "POST":
        demand(request.user, HASIL)
        if form is None:
            raise PermissionDenied(_("Tahap ini tidak memiliki hasil."))
        simpan = form.is_valid() and form.simpan(
            tahap=tahap, pada=timezone.localdate(), oleh=request.user
        )
        if simpan:
            messages.success(request, _("Hasil %(t)s dicatat.") % {"t": tahap.get_jenis_display()})
            return redirect("publik:kelola_tahap", seleksi_id, tahap.pk)
    return render(
        request,
        "publik/kelola/tahap_form.html",
        {
            "tahap": tahap,
            "s": tahap.seleksi,
            "form": form,
            "dinilai": dinilai,
            "pengumuman": getattr(tahap, "pengumuman", None),
            "hari_ini": timezone.localdate(),
            "boleh_simpan": HASIL.allows(request.user),
            "boleh_umumkan": may_open(request.user, "publik:kelola_tahap_umumkan"),
        },
        status=400 if form is not None and form.errors else 200,
    )


def _jalankan(request: HttpRequest, fungsi, berhasil: str) -> None:
    try:
        fungsi()
    except ValidationError as exc:
        for pesan in exc.messages:
            messages.error(request, pesan)
    else:
        messages.success(request, berhasil)


@page(_bkpsdm(PERM_UMUMKAN))
@require_POST
def tahap_umumkan_view(request: HttpRequest, seleksi_id: int, tahap_id: int) -> HttpResponse:
    """Publish the stage's announcement today (publik.services.tahap_announce)."""
    tahap = _tahap(seleksi_id, tahap_id)
    _jalankan(
        request,
        lambda: tahap_announce(tahap=tahap, pada=timezone.localdate(), oleh=request.user),
        _("Tahap %(t)s diumumkan di halaman publik.") % {"t": tahap.get_jenis_display()},
    )
    return redirect("publik:kelola_tahap", seleksi_id, tahap.pk)


@page(_bkpsdm(PERM_BUKA, PERM_USUL))
@require_POST
def seleksi_usulkan_view(request: HttpRequest, seleksi_id: int) -> HttpResponse:
    """End the selection: three names per post to the PPK (publik.services.seleksi_propose,
    through jabatan's proposal service); the decision is then recorded on the post's page."""
    seleksi = get_object_or_404(Seleksi, pk=seleksi_id)
    _jalankan(
        request,
        lambda: seleksi_propose(seleksi=seleksi, pada=timezone.localdate(), oleh=request.user),
        _("Tiga nama per formasi diusulkan kepada PPK."),
    )
    return redirect(reverse("publik:kelola_seleksi_detail", args=[seleksi.pk]))


def _seleksi_ubah(request: HttpRequest, seleksi_id: int) -> Seleksi:
    """Return the selection HR may change (the views' `@page(_bkpsdm(PERM_UBAH))`), its stages
    and their announcements loaded."""
    return get_object_or_404(
        Seleksi.objects.prefetch_related(
            Prefetch("tahap", Tahap.objects.select_related("pengumuman")), "panitia", "formasi"
        ),
        pk=seleksi_id,
    )


@page(_bkpsdm(PERM_UBAH))
@require_http_methods(["GET", "HEAD", "POST"])
def seleksi_ubah(request: HttpRequest, seleksi_id: int) -> HttpResponse:
    """Edit a selection before its announcement (publik.services.seleksi_update); afterwards
    the page says why not and points to rescheduling and cancelling."""
    seleksi = _seleksi_ubah(request, seleksi_id)
    hari_ini = timezone.localdate()
    formasi = formasi_jpt_lowong()
    form = SeleksiUbahForm(
        request.POST if request.method == "POST" else None,
        initial=SeleksiUbahForm.awal(seleksi),
        formasi=formasi,
    )
    hasil = (
        form.is_bound
        and form.is_valid()
        and form.simpan(seleksi=seleksi, pada=hari_ini, oleh=request.user)
    )
    if hasil == "diubah":
        messages.success(request, _("Perubahan seleksi disimpan."))
    elif hasil == "tetap":
        messages.info(request, _("Tidak ada yang berubah."))
    if hasil:
        return redirect("publik:kelola_seleksi_detail", seleksi.pk)
    terkunci = (
        seleksi.dibatalkan_pada is not None
        or seleksi.selesai
        or seleksi_diumumkan(seleksi, pada=hari_ini)
    )
    return render(
        request,
        "publik/kelola/seleksi_form.html",
        {
            "form": form,
            "formasi": formasi,
            "pengumuman_minimal": PENGUMUMAN_MINIMAL_HARI,
            "s": seleksi,
            "terkunci": terkunci,
        },
        status=400 if form.errors else 200,
    )


@page(_bkpsdm(PERM_UBAH))
@require_http_methods(["GET", "HEAD", "POST"])
def seleksi_jadwal(request: HttpRequest, seleksi_id: int) -> HttpResponse:
    """Reschedule a selection's stages with a reason (publik.services.seleksi_reschedule)."""
    seleksi = _seleksi_ubah(request, seleksi_id)
    hari_ini = timezone.localdate()
    form = JadwalUbahForm(
        request.POST if request.method == "POST" else None, seleksi=seleksi, pada=hari_ini
    )
    if (
        form.is_bound
        and form.is_valid()
        and form.simpan(seleksi=seleksi, pada=hari_ini, oleh=request.user)
    ):
        messages.success(request, _("Jadwal diubah; halaman publik menampilkan perubahannya."))
        return redirect("publik:kelola_seleksi_detail", seleksi.pk)
    return render(
        request,
        "publik/kelola/seleksi_jadwal.html",
        {
            "form": form,
            "s": seleksi,
            "hari_ini": hari_ini,
            "pengumuman_minimal": PENGUMUMAN_MINIMAL_HARI,
        },
        status=400 if form.errors else 200,
    )


@page(_bkpsdm(PERM_UBAH))
@require_http_methods(["GET", "HEAD", "POST"])
def seleksi_batal(request: HttpRequest, seleksi_id: int) -> HttpResponse:
    """Cancel a selection with a reason (publik.services.seleksi_cancel); the GET asks for
    the reason and says what cancelling does."""
    seleksi = _seleksi_ubah(request, seleksi_id)
    form = BatalForm(request.POST if request.method == "POST" else None)
    if (
        form.is_bound
        and form.is_valid()
        and form.simpan(seleksi=seleksi, pada=timezone.localdate(), oleh=request.user)
    ):
        messages.success(request, _("“%(s)s” dibatalkan.") % {"s": seleksi.judul})
        return redirect("publik:kelola_seleksi_detail", seleksi.pk)
    return render(
        request,
        "publik/kelola/seleksi_batal.html",
        {
            "form": form,
            "s": seleksi,
            "jumlah_pelamar": seleksi.pelamar.count(),
        },
        status=400 if form.errors else 200,
    )
