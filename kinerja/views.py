"""Pages of kinerja: the managers' dashboard, the talent drill-down, exports, and SKP pages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import BaseFormSet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from kinerja import charts, rules
from kinerja.capability import SKP
from kinerja.forms import (
    FinalkanForm,
    NilaiForm,
    RevisiForm,
    realisasi_formset,
    rencana_formset,
)
from kinerja.models import Skp
from kinerja.selectors import (
    Dasbor,
    dasbor_kinerja,
    skp_cetak,
    skp_halaman,
    skp_saya,
    skp_saya_nilai_saring,
    talenta_anggota,
)
from kinerja.services import (
    Aksi,
    aksi_skp,
    kurva_check,
    skp_finalize,
    skp_rate,
    skp_revise,
    skp_set_realisasi,
    skp_set_rencana,
)
from pegawai import golongan as gol
from pegawai.akses import lingkup
from pegawai.capability import LEADER, SIGNED_IN, page
from pegawai.ekspor import export_download
from pegawai.forms import tambah_galat

HALAMAN = ("hal_perbaikan", "hal_penilai")  # the page parameters of the dashboard's tables
TABEL = ("distribusi", "tren", "penilai", "perbaikan", "kurva", "talenta")


def _halaman_dasbor(request: HttpRequest, data: Dasbor) -> HttpResponse:
    """Render the dashboard; a filter value that is not one of its choices (an unknown period,
    a unit outside the scope) is shown on its field, with status 400."""
    satu_unit = data.kurva[0]["predikat_organisasi"] if len(data.kurva) == 1 else None
    query = data.filterset.form.data.urlencode() if data.filterset.is_bound else ""
    # Each paged table links to its next page keeping the filters and the other table's page.
    tanpa = {}
    for kunci in HALAMAN:
        q = data.filterset.form.data.copy() if data.filterset.is_bound else QueryDict(mutable=True)
        q.pop(kunci, None)
        tanpa[kunci] = q.urlencode()
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
            "query_tanpa": tanpa,
            # A table whose page was asked for opens unfolded.
            "buka": {k: k in request.GET for k in HALAMAN},
            "tabel": TABEL,
        },
        status=400 if data.filterset.errors else 200,
    )


@page(LEADER, menu=gettext_lazy("Dasbor kinerja"), order=40)
@require_safe
def dasbor(request: HttpRequest) -> HttpResponse:
    """Show a unit head or HR the predikat distribution, trend, completion and talent grid."""
    scope = lingkup(request.user)
    return _halaman_dasbor(request, dasbor_kinerja(scope, request.GET))


@page(LEADER)
@require_safe
def talenta(request: HttpRequest, kotak: int) -> HttpResponse:
    """List the employees in one box of the talent grid, with the same filters."""
    scope = lingkup(request.user)
    if not 1 <= kotak <= 9:
        raise Http404
    filterset, periode, rows = talenta_anggota(scope, request.GET, kotak)
    if filterset.errors:
        return _halaman_dasbor(request, Dasbor(filterset=filterset, periode=None))
    if periode is None:
        raise Http404
    # Each box is one pair of bands (PermenPANRB 3/2020): name it once for the whole page.
    kinerja, potensial = next(
        (k, p) for k in rules.RATING for p in rules.POTENSIAL if rules.kotak_talenta(k, p) == kotak
    )
    halaman = Paginator(rows, 50).get_page(request.GET.get("halaman"))
    return render(
        request,
        "kinerja/talenta.html",
        {
            "kotak": kotak,
            "rekomendasi": rules.rekomendasi_kotak(kotak),
            "halaman": halaman,
            "kinerja": kinerja,
            "potensial": potensial,
            "periode": periode,
            "query": filterset.form.data.urlencode(),
        },
    )


@page(LEADER)
@require_POST
def ekspor(request: HttpRequest, tabel: str, fmt: str) -> HttpResponse:
    """Download a dashboard table (the data beside each chart, under the dashboard's filters:
    the query string) as CSV or XLSX, in the POST's response: a few hundred rows at most.

    POST only: it logs an export in the user's name (CatatanEkspor), which a link or an image
    on another site must not be able to do.
    """
    scope = lingkup(request.user)
    if tabel not in TABEL or fmt not in ("csv", "xlsx"):
        raise Http404
    d = dasbor_kinerja(scope, request.GET)
    if d.filterset.errors:
        return _halaman_dasbor(request, d)
    total = sum(d.distribusi.values())
    if tabel == "distribusi":
        header = [_("Predikat"), _("Jumlah"), _("Persen")]
        rows = [
            (p, d.distribusi.get(p, 0), charts._persen(d.distribusi.get(p, 0), total))
            for p in rules.PREDIKAT
        ]
    elif tabel == "tren":
        header = [_("Tahun"), *rules.PREDIKAT]
        rows = [(tahun, *[j.get(p, 0) for p in rules.PREDIKAT]) for tahun, j in d.tren]
    elif tabel == "penilai":
        header = [_("Pejabat penilai"), _("SKP"), _("Sudah dinilai"), _("Belum")]
        semua = d.penilai_semua if d.penilai_semua is not None else []
        rows = [
            (r["penilai__nama"] or _("(belum ditetapkan)"), r["total"], r["selesai"], r["belum"])
            for r in semua
        ]
    elif tabel == "perbaikan":
        header = [_("NIP"), _("Nama"), _("Unit kerja"), _("Predikat")]
        # Every row, worst first, not only the page on screen.
        semua = d.perbaikan_semua if d.perbaikan_semua is not None else []
        rows = [
            (s.pegawai.nip_tercetak, s.pegawai.nama_lengkap, s.unit_kerja.nama, s.predikat)
            for s in semua
        ]
    elif tabel == "kurva":
        header = [
            _("Perangkat daerah"),
            _("Predikat organisasi"),
            _("Pegawai dinilai"),
            *rules.PREDIKAT,
            _("Catatan kurva"),
        ]
        rows = [
            (
                k["unit"],
                k["predikat_organisasi"] or "",
                k["total"],
                *[k["jumlah"].get(p, 0) for p in rules.PREDIKAT],
                " ".join(x.pesan for x in k["pelanggaran"]),
            )
            for k in d.kurva
        ]
    else:
        header = [_("Kotak"), _("Jumlah"), _("Rekomendasi")]
        rows = [(k, d.talenta.get(k, 0), rules.rekomendasi_kotak(k)) for k in range(9, 0, -1)]
    return export_download(
        request,
        data=f"kinerja.{tabel}",
        nama_berkas=f"kinerja-{tabel}",
        header=header,
        rows=rows,
        fmt=fmt,
    )


# --- SKP pages -------------------------------------------------------------------------------


@page(SKP, menu=gettext_lazy("SKP"), order=70)
@require_safe
def skp_daftar(request: HttpRequest) -> HttpResponse:
    """The SKPs I evaluate (of open periods), filtered by where each stands ("waiting for my
    rating"), and my own."""
    filterset = skp_saya_nilai_saring(request.user, request.GET or None)
    dinilai = filterset.qs if not filterset.is_bound or filterset.is_valid() else Skp.objects.none()
    return render(
        request,
        "kinerja/skp_list.html",
        {
            "filter": filterset,
            "dinilai": dinilai[:200],
            "milik": skp_saya(request.user)[:20],
        },
    )


def _skp_terlihat(request: HttpRequest, pk: int) -> Skp:
    skp = skp_halaman(request.user, pk)
    if skp is None:
        raise Http404(_("SKP tidak ditemukan."))
    return skp


def _galat_form(form: Any) -> list[str]:
    """Return every message of a bound form or formset, each field's named by its label."""
    if isinstance(form, BaseFormSet):
        return [*form.non_form_errors(), *(m for f in form.forms for m in _galat_form(f))]
    pesan = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else None
        pesan += [f"{label}: {e}" if label else e for e in errors]
    return pesan


# The form of each action (kinerja.services.Aksi), blank (`data` None) or bound to a POST.
_FORM = {
    Aksi.RENCANA: rencana_formset,
    Aksi.REALISASI: realisasi_formset,
    Aksi.NILAI: NilaiForm.untuk,
    Aksi.FINAL: lambda skp, data: FinalkanForm(data),
    Aksi.REVISI: RevisiForm.untuk,
}


def _halaman_skp(
    request: HttpRequest, skp: Skp, *, errors: list[str] | None = None, **terikat: Any
) -> HttpResponse:
    """Render the SKP page with a form for each action the user may take now.

    `terikat` holds the bound form of the action just refused: it replaces the blank one, or,
    when the user has no such form (a rating posted by the employee), its messages go to the
    page's error list.
    """
    boleh = aksi_skp(skp=skp, oleh=request.user)
    context: dict[str, Any] = {
        f"form_{aksi}": _FORM[aksi](skp, None) if aksi in boleh else None for aksi in Aksi
    }
    errors = list(errors or [])
    for name, form in terikat.items():
        if context[name] is None:
            errors += _galat_form(form)
        else:
            context[name] = form
    # The curve is shown where a write may move it: before finalising and before a revision.
    org, _jumlah, pelanggaran = (
        kurva_check(skp) if context["form_final"] or context["form_revisi"] else (None, {}, [])
    )
    context.update(
        skp=skp,
        errors=errors,
        rencana_ada=list(skp.rencana.all()),
        predikat_organisasi=org,
        pelanggaran=pelanggaran,
    )
    return render(request, "kinerja/skp_detail.html", context)


def _jabatan_sekarang(pegawai) -> str:
    """The post a printed form names: the current placement, or nothing (e.g. an acting head)."""
    aktif = getattr(pegawai, "penempatan_aktif", None) or []
    return aktif[0].formasi.jabatan.nama if aktif else ""


def _identitas(judul: str, pegawai, *, pangkat="", unit="", jabatan="") -> tuple:
    """One block of the form's identity table: title, person, rank, post and unit (the person's
    own unless given, e.g. the SKP's copies for the evaluated employee)."""
    if pegawai is None:
        return (judul, None, "", "", "")
    unit = unit or (pegawai.unit_kerja.nama if pegawai.unit_kerja_id else "")
    return (
        judul,
        pegawai,
        pangkat or pegawai.pangkat_label,
        _jabatan_sekarang(pegawai) or jabatan,
        unit,
    )


@page(SIGNED_IN)
@require_safe
def skp_cetak_halaman(request: HttpRequest, pk: int) -> HttpResponse:
    """Print an SKP as the evaluation form its employee and evaluator sign (PermenPANRB 6/2022),
    for whoever may open the SKP page."""
    formulir = skp_cetak(request.user, pk)
    if formulir is None:
        raise Http404(_("SKP tidak ditemukan."))
    skp, atasan = formulir.skp, formulir.atasan_penilai
    # The form is dated when the SKP was finalised, else rated, else today (a draft print).
    waktu = skp.difinalkan_pada or skp.dinilai_pada
    return render(
        request,
        "kinerja/skp_cetak.html",
        {
            "skp": skp,
            "rencana": list(skp.rencana.all()),
            # The evaluator's notes are printed once the SKP is final, for every role alike,
            # as the SKP page shows them (README: after finalising, the employee sees them).
            "final": skp.status == Skp.Status.FINAL,
            "berakhlak": [label for _kode, label in rules.BERAKHLAK],
            "orang": [
                _identitas(
                    _("Pegawai yang dinilai"),
                    skp.pegawai,
                    pangkat=gol.label(skp.golongan),
                    unit=skp.unit_kerja.nama,
                    jabatan=skp.get_jenis_jabatan_display(),
                ),
                _identitas(_("Pejabat penilai kinerja"), skp.penilai),
                _identitas(_("Atasan pejabat penilai kinerja"), atasan),
            ],
            "kinerja_organisasi": formulir.kinerja_organisasi,
            "tanggal": timezone.localdate(waktu) if waktu else timezone.localdate(),
        },
    )


@page(SIGNED_IN)
@require_safe
def skp_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One SKP: the plan, realisations, rating, finalising and revision, each for its role.
    Each action posts to its own view below."""
    return _halaman_skp(request, _skp_terlihat(request, pk))


def _aksi(request: HttpRequest, pk: int, aksi: Aksi, jalankan, pesan: str) -> HttpResponse:
    """Run one action: the POST bound to its form; a valid form calls its one service; a
    refusal, of the form or of the service, shows the SKP page again with the errors (the
    service wrote nothing)."""
    skp = _skp_terlihat(request, pk)
    form = _FORM[aksi](skp, request.POST)
    errors: list[str] = []
    if form.is_valid():
        try:
            jalankan(skp, form)
        except ValidationError as exc:
            if isinstance(form, BaseFormSet):
                errors = exc.messages  # the service's messages name the row and the field
            else:
                tambah_galat(form, exc)
        else:
            messages.success(request, pesan)
            return redirect(reverse("kinerja:skp_detail", args=[skp.pk]))
    return _halaman_skp(
        request, _skp_terlihat(request, pk), errors=errors, **{f"form_{aksi}": form}
    )


@page(SIGNED_IN)
@require_POST
def skp_rencana(request: HttpRequest, pk: int) -> HttpResponse:
    """Set the work plan (the evaluator)."""
    return _aksi(
        request,
        pk,
        Aksi.RENCANA,
        lambda skp, fs: skp_set_rencana(skp=skp, rencana=fs.baris(), oleh=request.user),
        _("Rencana hasil kerja disimpan."),
    )


@page(SIGNED_IN)
@require_POST
def skp_realisasi(request: HttpRequest, pk: int) -> HttpResponse:
    """Record realisations and evidence (the employee)."""
    return _aksi(
        request,
        pk,
        Aksi.REALISASI,
        lambda skp, fs: skp_set_realisasi(skp=skp, realisasi=fs.realisasi(), oleh=request.user),
        _("Realisasi disimpan."),
    )


@page(SIGNED_IN)
@require_POST
def skp_penilaian(request: HttpRequest, pk: int) -> HttpResponse:
    """Rate results and behaviour (the evaluator or HR)."""
    return _aksi(
        request,
        pk,
        Aksi.NILAI,
        lambda skp, f: skp_rate(skp=skp, oleh=request.user, **f.cleaned_data),
        _("Penilaian disimpan."),
    )


@page(SIGNED_IN)
@require_POST
def skp_finalisasi(request: HttpRequest, pk: int) -> HttpResponse:
    """Make the evaluated SKP final (the evaluator or HR)."""
    return _aksi(
        request,
        pk,
        Aksi.FINAL,
        lambda skp, f: skp_finalize(skp=skp, oleh=request.user),
        _("SKP difinalkan."),
    )


@page(SIGNED_IN)
@require_POST
def skp_revisi_catat(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a revision of a final SKP with its reason; breaches of the curve it leaves are
    shown as warnings with the numbers, as before finalising (HR decides)."""

    def revisi(skp: Skp, f: RevisiForm) -> None:
        hasil = skp_revise(skp=skp, oleh=request.user, **f.cleaned_data)
        for p in hasil.pelanggaran:
            messages.warning(request, _("Kurva distribusi: %(pesan)s") % {"pesan": p.pesan})

    return _aksi(request, pk, Aksi.REVISI, revisi, _("Revisi dicatat."))
