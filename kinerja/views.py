"""Pages of kinerja: the managers' dashboard, the talent drill-down, exports, and SKP pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from kinerja import charts, rules
from kinerja.models import Skp
from kinerja.selectors import (
    dasbor_filter,
    dasbor_kinerja,
    skp_dalam_lingkup,
    talenta_kotak,
)
from kinerja.services import (
    kurva_skp,
    skp_finalkan,
    skp_nilai,
    skp_revisi,
    skp_set_realisasi,
    skp_set_rencana,
)
from pegawai.akses import Lingkup, lingkup
from pegawai.ekspor import unduh_tabel

TABEL = ("distribusi", "tren", "penilai", "perbaikan", "kurva", "talenta")


def _lingkup_pimpinan(request: HttpRequest) -> Lingkup:
    """Return the scope of a unit head or HR; others have no dashboard."""
    scope = lingkup(request.user)
    if not scope.memimpin:
        raise PermissionDenied(_("Dasbor kinerja untuk pimpinan unit dan BKPSDM."))
    return scope


@login_required
@require_safe
def dasbor(request: HttpRequest) -> HttpResponse:
    """Show a unit head or HR the predikat distribution, trend, completion and talent grid."""
    scope = _lingkup_pimpinan(request)
    data = dasbor_kinerja(scope, request.GET)
    satu_unit = data.kurva[0]["predikat_organisasi"] if len(data.kurva) == 1 else None
    query = data.filterset.form.data.urlencode() if data.filterset.is_bound else ""
    return render(
        request,
        "kinerja/dasbor.html",
        {
            "d": data,
            "grafik_distribusi": charts.distribusi(data.distribusi, satu_unit),
            "grafik_tren": charts.tren(data.tren),
            "grid": charts.grid_talenta(data.talenta),
            "predikat_organisasi": satu_unit,
            "query": query,
            "tabel": TABEL,
        },
    )


@login_required
@require_safe
def talenta(request: HttpRequest, kotak: int) -> HttpResponse:
    """List the employees in one box of the talent grid, with the same filters."""
    scope = _lingkup_pimpinan(request)
    if not 1 <= kotak <= 9:
        raise Http404
    filterset, periode, qs = dasbor_filter(scope, request.GET)
    if periode is None:
        raise Http404
    dinilai = qs.filter(periode=periode).dinilai()
    sumbu = talenta_kotak(dinilai, periode, kotak)
    # Each box is one pair of bands (PermenPANRB 3/2020): name it once for the whole page.
    kinerja, potensial = next(
        (k, p) for k in rules.RATING for p in rules.POTENSIAL if rules.kotak_talenta(k, p) == kotak
    )
    rows = (
        dinilai.filter(pegawai_id__in=list(sumbu))
        .select_related("pegawai", "unit_kerja")
        .order_by("pegawai__nama")
    )
    halaman = Paginator(rows, 50).get_page(request.GET.get("halaman"))
    return render(
        request,
        "kinerja/talenta.html",
        {"kotak": kotak, "rekomendasi": rules.rekomendasi_kotak(kotak), "halaman": halaman,
         "kinerja": kinerja, "potensial": potensial, "periode": periode,
         "query": filterset.form.data.urlencode()},
    )  # fmt: skip


@login_required
@require_safe
def ekspor(request: HttpRequest, tabel: str, fmt: str) -> HttpResponse:
    """Download a dashboard table (the data beside each chart) as CSV or XLSX."""
    scope = _lingkup_pimpinan(request)
    if tabel not in TABEL or fmt not in ("csv", "xlsx"):
        raise Http404
    d = dasbor_kinerja(scope, request.GET)
    total = sum(d.distribusi.values())
    if tabel == "distribusi":
        header = [_("Predikat"), _("Jumlah"), _("Persen")]
        rows = [(p, d.distribusi.get(p, 0), charts._persen(d.distribusi.get(p, 0), total))
                for p in rules.PREDIKAT]  # fmt: skip
    elif tabel == "tren":
        header = [_("Tahun"), *rules.PREDIKAT]
        rows = [(tahun, *[j.get(p, 0) for p in rules.PREDIKAT]) for tahun, j in d.tren]
    elif tabel == "penilai":
        header = [_("Pejabat penilai"), _("SKP"), _("Sudah dinilai"), _("Belum")]
        rows = [(r["penilai__nama"] or _("(belum ditetapkan)"), r["total"], r["selesai"],
                 r["belum"]) for r in d.penilai]  # fmt: skip
    elif tabel == "perbaikan":
        header = [_("NIP"), _("Nama"), _("Unit kerja"), _("Predikat")]
        rows = [(s.pegawai.nip_tercetak, s.pegawai.nama_lengkap, s.unit_kerja.nama, s.predikat)
                for s in d.perbaikan]  # fmt: skip
    elif tabel == "kurva":
        header = [_("Perangkat daerah"), _("Predikat organisasi"), _("Pegawai dinilai"),
                  *rules.PREDIKAT, _("Catatan kurva")]  # fmt: skip
        rows = [(k["unit"], k["predikat_organisasi"] or "", k["total"],
                 *[k["jumlah"].get(p, 0) for p in rules.PREDIKAT],
                 " ".join(x.pesan for x in k["pelanggaran"])) for k in d.kurva]  # fmt: skip
    else:
        header = [_("Kotak"), _("Jumlah"), _("Rekomendasi")]
        rows = [(k, d.talenta.get(k, 0), rules.rekomendasi_kotak(k)) for k in range(9, 0, -1)]
    return unduh_tabel(request, data=f"kinerja.{tabel}", nama_berkas=f"kinerja-{tabel}",
                       header=header, rows=rows, fmt=fmt)  # fmt: skip


# --- SKP pages -------------------------------------------------------------------------------


@login_required
@require_safe
def skp_daftar(request: HttpRequest) -> HttpResponse:
    """The SKPs I evaluate (of open periods) and my own."""
    scope = lingkup(request.user)
    base = Skp.objects.select_related("pegawai", "periode", "unit_kerja").order_by(
        "-periode__tahun", "status", "pegawai__nama"
    )
    dinilai = (
        base.filter(penilai_id=scope.pegawai_id, periode__terbuka=True)
        if scope.pegawai_id
        else base.none()
    )
    milik = base.filter(pegawai_id=scope.pegawai_id) if scope.pegawai_id else base.none()
    return render(request, "kinerja/skp_list.html",
                  {"dinilai": dinilai[:200], "milik": milik[:20]})  # fmt: skip


def _skp_terlihat(request: HttpRequest, pk: int) -> Skp:
    scope = lingkup(request.user)
    qs = skp_dalam_lingkup(scope)
    if scope.pegawai_id:
        qs = qs | Skp.objects.filter(penilai_id=scope.pegawai_id)
    skp = (
        qs.select_related("pegawai", "penilai", "periode", "unit_kerja")
        .prefetch_related("rencana", "revisi")
        .filter(pk=pk)
        .first()
    )
    if skp is None:
        raise Http404(_("SKP tidak ditemukan."))
    return skp


@login_required
@require_http_methods(["GET", "POST"])
def skp_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One SKP: the plan, realisations, rating, finalising and revision, each for its role."""
    skp = _skp_terlihat(request, pk)
    scope = lingkup(request.user)
    penilai = scope.semua or (skp.penilai_id is not None and scope.pegawai_id == skp.penilai_id)
    pemilik = scope.pegawai_id == skp.pegawai_id
    errors = None
    if request.method == "POST":
        aksi = request.POST.get("aksi")
        try:
            if aksi == "rencana":
                rencana = [
                    {
                        f: request.POST.get(f"{f}-{i}", "")
                        for f in ("hasil_kerja", "indikator", "target")
                    }
                    for i in range(1, 6)
                ]
                rencana = [r for r in rencana if any(v.strip() for v in r.values())]
                skp_set_rencana(skp=skp, rencana=rencana, oleh=request.user)
                messages.success(request, _("Rencana hasil kerja disimpan."))
            elif aksi == "realisasi":
                realisasi = {
                    r.pk: (
                        request.POST.get(f"realisasi-{r.pk}", ""),
                        request.POST.get(f"bukti-{r.pk}", ""),
                    )
                    for r in skp.rencana.all()
                }
                skp_set_realisasi(skp=skp, realisasi=realisasi, oleh=request.user)
                messages.success(request, _("Realisasi disimpan."))
            elif aksi == "nilai":
                skp_nilai(
                    skp=skp,
                    rating_hasil=request.POST.get("rating_hasil", ""),
                    rating_perilaku=request.POST.get("rating_perilaku", ""),
                    catatan_perilaku=request.POST.get("catatan_perilaku", ""),
                    catatan_penilai=request.POST.get("catatan_penilai", ""),
                    oleh=request.user,
                )
                messages.success(request, _("Penilaian disimpan."))
            elif aksi == "final":
                skp_finalkan(skp=skp, oleh=request.user)
                messages.success(request, _("SKP difinalkan."))
            elif aksi == "revisi":
                skp_revisi(
                    skp=skp,
                    rating_hasil=request.POST.get("rating_hasil", ""),
                    rating_perilaku=request.POST.get("rating_perilaku", ""),
                    alasan=request.POST.get("alasan", ""),
                    oleh=request.user,
                )
                messages.success(request, _("Revisi dicatat."))
            else:
                raise Http404
            return redirect(reverse("kinerja:skp_detail", args=[skp.pk]))
        except ValidationError as exc:
            errors = exc.messages
            skp = _skp_terlihat(request, pk)
    org, _jumlah, pelanggaran = (
        kurva_skp(skp) if skp.status == Skp.Status.DIEVALUASI else (None, {}, [])
    )
    return render(
        request,
        "kinerja/skp_detail.html",
        {
            "skp": skp,
            "penilai": penilai,
            "pemilik": pemilik,
            "errors": errors,
            "rating": rules.RATING,
            "baris_rencana": range(1, 6),
            "rencana_ada": list(skp.rencana.all()),
            "predikat_organisasi": org,
            "pelanggaran": pelanggaran,
            "post": request.POST if request.method == "POST" else {},
        },
    )
