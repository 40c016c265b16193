"""HR's pages of the merit-system index: the assessments with the form that opens one and the
year-on-year chart; one assessment with its total, band, the way to the next band and every
criterion; and its actions (compute the evidence, set a level, keep and send documents,
finalise), each a POST that calls one service.

Every page is HR's (`pegawai.capability.HR`). A refusal of a service is shown on the page with
the field's message and nothing saved; a final assessment refuses every action with a message
(the services and the database refuse it too: sistem_merit/migrations/0002).
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from pegawai.capability import HR, page
from pegawai.forms import tambah_galat
from sistem_merit import selectors, services, tasks
from sistem_merit.forms import DokumenForm, FinalForm, LevelForm, PenilaianForm
from sistem_merit.grafik import aspek_final, per_aspek
from sistem_merit.models import DokumenBukti, Instrumen, JawabanKriteria, Penilaian, Rumus
from tugas.progres import SedangBerjalan


def _penilaian(penilaian_id: int) -> Penilaian:
    return get_object_or_404(Penilaian.objects.select_related("instrumen"), pk=penilaian_id)


def _jawaban(jawaban_id: int) -> JawabanKriteria:
    return get_object_or_404(
        JawabanKriteria.objects.select_related("penilaian__instrumen", "kriteria__aspek"),
        pk=jawaban_id,
    )


def _ke_detail(penilaian: Penilaian, jawaban: JawabanKriteria | None = None) -> HttpResponse:
    """Go back to the assessment's page; after an action on a criterion, to that criterion,
    its aspect unfolded."""
    url = reverse("sistem_merit:penilaian_detail", args=[penilaian.pk])
    if jawaban is not None:
        url += f"?buka={jawaban.kriteria.aspek.nomor}#k-{jawaban.pk}"
    return redirect(url)


def _tolak_final(request: HttpRequest, exc: ValidationError, penilaian: Penilaian) -> HttpResponse:
    for m in exc.messages:
        messages.error(request, m)
    return _ke_detail(penilaian)


def _final(exc: ValidationError) -> bool:
    return getattr(exc, "code", None) == "final"


# --- The list ---------------------------------------------------------------------------------


def _halaman_list(request: HttpRequest, form: PenilaianForm, status: int = 200) -> HttpResponse:
    grafik = []
    for i in Instrumen.objects.order_by("kode"):
        tahun = selectors.year_on_year(i)
        if tahun:
            terakhir = (
                selectors.penilaian_list()
                .filter(instrumen=i, status=Penilaian.Status.FINAL)
                .first()
            )
            grafik.append(
                {"instrumen": i, "tahun": tahun, "g": per_aspek(tahun, aspek_final(terakhir))}
            )
    return render(
        request,
        "sistem_merit/penilaian_list.html",
        {"daftar": selectors.penilaian_list(), "form": form, "grafik": grafik},
        status=status,
    )


@page(HR, menu=gettext_lazy("Indeks sistem merit"), order=125)
@require_safe
def penilaian_list(request: HttpRequest) -> HttpResponse:
    """The assessments (year, instrument, status, total and band), the form that opens a new
    one, and per instrument its final assessments year against year, per aspect."""
    hari_ini = timezone.localdate()
    form = PenilaianForm(initial={"tahun": hari_ini.year, "tanggal_data": hari_ini})
    return _halaman_list(request, form)


@page(HR)
@require_POST
def penilaian_create(request: HttpRequest) -> HttpResponse:
    """Open a year's assessment against one instrument, then show it."""
    form = PenilaianForm(request.POST)
    if form.is_valid():
        try:
            penilaian = services.penilaian_create(oleh=request.user, **form.cleaned_data)
        except ValidationError as exc:
            tambah_galat(form, exc)
        else:
            messages.success(
                request,
                _("Penilaian %(p)s dibuka. Hitung angka buktinya untuk melihat usulan level.")
                % {"p": penilaian},
            )
            return _ke_detail(penilaian)
    return _halaman_list(request, form, status=400)


# --- One assessment ---------------------------------------------------------------------------


def _desimal(instrumen: Instrumen) -> int:
    """Decimals a total is shown with: 100–400 in two, an index of 0–1 in three."""
    return 2 if instrumen.rumus == Rumus.JUMLAH_2018 else 3


def _halaman_detail(
    request: HttpRequest,
    penilaian: Penilaian,
    *,
    status: int = 200,
    terikat: LevelForm | DokumenForm | None = None,
    form_final: FinalForm | None = None,
) -> HttpResponse:
    """Render the assessment's page. While it is a draft each criterion has its level form and
    its document form; `terikat` is the bound form of the action just refused, shown in place
    of the blank one with its errors. A final assessment shows its frozen figures, no form."""
    t = selectors.assessment_view(penilaian)
    buka = request.GET.get("buka", "")
    galat_di = None
    if penilaian.final:
        # The per-aspect scores frozen when it was finalised (the instrument's rows may have
        # changed since).
        beku = {a["nomor"]: Decimal(a["skor"]) for a in penilaian.ringkasan}
        for a in t.aspek:
            a.skor = beku.get(a.aspek.nomor, a.skor)
    else:
        for a in t.aspek:
            for b in a.kriteria:
                j = b.jawaban
                form_level = LevelForm(jawaban=j, penilaian=penilaian)
                form_dokumen = DokumenForm(jawaban=j)
                if terikat is not None and terikat.jawaban.pk == j.pk:
                    galat_di = a.aspek.nomor
                    if isinstance(terikat, LevelForm):
                        form_level = terikat
                    else:
                        form_dokumen = terikat
                # The page's own additions to the selector's row: this criterion's forms.
                b.form_level, b.form_dokumen = form_level, form_dokumen
    for a in t.aspek:
        # Unfolded: the aspect just acted on, one with a refused form, one still to review.
        a.buka = (
            str(a.aspek.nomor) == buka
            or a.aspek.nomor == galat_di
            or (not penilaian.final and any(b.jawaban.level is None for b in a.kriteria))
        )
    return render(
        request,
        "sistem_merit/penilaian_detail.html",
        {
            "p": penilaian,
            "t": t,
            "desimal": _desimal(penilaian.instrumen),
            "form_final": form_final or FinalForm(),
            "galat_final": form_final is not None and bool(form_final.errors),
        },
        status=status,
    )


@page(HR)
@require_safe
def penilaian_detail(request: HttpRequest, penilaian_id: int) -> HttpResponse:
    """One assessment: the total and band (an estimate while a draft), the fewest one-level
    moves to the next band with what the data says is missing, and per aspect each criterion
    with its levels, figure, proposal, HR's level and documents."""
    return _halaman_detail(request, _penilaian(penilaian_id))


@page(HR)
@require_POST
def penilaian_hitung(request: HttpRequest, penilaian_id: int) -> HttpResponse:
    """Compute the evidence in the background and show its progress (the same computation
    already queued or running: its progress)."""
    penilaian = _penilaian(penilaian_id)
    try:
        services.refuse_final(penilaian)
    except ValidationError as exc:
        return _tolak_final(request, exc, penilaian)
    try:
        progres = tasks.evidence_compute_start(penilaian=penilaian, oleh=request.user)
    except SedangBerjalan as exc:
        progres = exc.progres
    return redirect(progres)


@page(HR)
@require_POST
def jawaban_level(request: HttpRequest, jawaban_id: int) -> HttpResponse:
    """Accept a criterion's proposed level, or set another with a reason (audited)."""
    jawaban = _jawaban(jawaban_id)
    penilaian = jawaban.penilaian
    try:
        services.refuse_final(penilaian)
    except ValidationError as exc:
        return _tolak_final(request, exc, penilaian)
    form = LevelForm(request.POST, jawaban=jawaban, penilaian=penilaian)
    aksi = request.POST.get("aksi", LevelForm.UBAH)
    if form.is_valid():
        try:
            jawaban = services.jawaban_set_level(
                jawaban=jawaban,
                level=form.level_for(aksi),
                alasan=form.cleaned_data["alasan"] if aksi != LevelForm.TERIMA else "",
                oleh=request.user,
            )
        except ValidationError as exc:
            if _final(exc):
                return _tolak_final(request, exc, penilaian)
            tambah_galat(form, exc)
        else:
            messages.success(
                request,
                _("Kriteria %(k)s: level %(l)d ditetapkan.")
                % {"k": jawaban.kriteria.kode, "l": jawaban.level},
            )
            return _ke_detail(penilaian, jawaban)
    return _halaman_detail(request, penilaian, status=400, terikat=form)


@page(HR)
@require_POST
def dokumen_unggah(request: HttpRequest, jawaban_id: int) -> HttpResponse:
    """Keep a document (PDF, PNG or JPEG by its content) with a criterion's answer."""
    jawaban = _jawaban(jawaban_id)
    penilaian = jawaban.penilaian
    try:
        services.refuse_final(penilaian)
    except ValidationError as exc:
        return _tolak_final(request, exc, penilaian)
    form = DokumenForm(request.POST, request.FILES, jawaban=jawaban)
    if form.is_valid():
        try:
            dokumen = services.dokumen_add(jawaban=jawaban, oleh=request.user, **form.cleaned_data)
        except ValidationError as exc:
            if _final(exc):
                return _tolak_final(request, exc, penilaian)
            tambah_galat(form, exc)
        else:
            messages.success(
                request,
                _("Dokumen %(d)s disimpan pada kriteria %(k)s.")
                % {"d": dokumen.nama, "k": jawaban.kriteria.kode},
            )
            return _ke_detail(penilaian, jawaban)
    return _halaman_detail(request, penilaian, status=400, terikat=form)


@page(HR)
@require_safe
def dokumen_unduh(request: HttpRequest, dokumen_id: int) -> FileResponse:
    """Send a kept document as a download of its stored type (read from its bytes when it was
    uploaded), never as a page: `nosniff`, and no cache keeps it."""
    dokumen = get_object_or_404(
        DokumenBukti.objects.select_related("jawaban__kriteria"), pk=dokumen_id
    )
    try:
        berkas = dokumen.berkas.storage.open(dokumen.berkas.name, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    ext = dokumen.berkas.name.rsplit(".", 1)[-1].lower()
    response = FileResponse(
        berkas,
        as_attachment=True,
        filename=f"bukti-{dokumen.jawaban.kriteria.kode}-{dokumen.pk}.{ext}",
        content_type=dokumen.jenis_berkas,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@page(HR)
@require_POST
def penilaian_final(request: HttpRequest, penilaian_id: int) -> HttpResponse:
    """Finalise the assessment: its total, band and figures are frozen."""
    penilaian = _penilaian(penilaian_id)
    try:
        services.refuse_final(penilaian)
    except ValidationError as exc:
        return _tolak_final(request, exc, penilaian)
    form = FinalForm(request.POST)
    if form.is_valid():
        try:
            penilaian = services.penilaian_finalise(penilaian=penilaian, oleh=request.user)
        except ValidationError as exc:
            if _final(exc):
                return _tolak_final(request, exc, penilaian)
            tambah_galat(form, exc)
        else:
            messages.success(
                request,
                _("Penilaian %(p)s final: nilai %(n)s, kategori %(k)s.")
                % {"p": penilaian, "n": _angka(penilaian), "k": penilaian.kategori},
            )
            return _ke_detail(penilaian)
    return _halaman_detail(request, penilaian, status=400, form_final=form)


def _angka(penilaian: Penilaian) -> str:
    return number_format(penilaian.nilai, decimal_pos=_desimal(penilaian.instrumen))
