"""Pages of pelatihan: the JP dashboard and its exports, the employee's own page (/saya/),
asking to join a session, recording external training; the needs and bulk enrolment pages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from core.paging import query_without_page
from pegawai.akses import lingkup, pegawai_id_sendiri
from pegawai.capability import EMPLOYEE, HR, LEADER, SIGNED_IN, demand, may_open, page
from pegawai.ekspor import export_download
from pegawai.forms import tambah_galat
from pegawai.models import Pegawai
from pelatihan import charts, rules, selectors, services
from pelatihan.bukti import TYPES, read_head, sniff_type
from pelatihan.forms import AjukanForm, DaftarMassalForm, EksternalForm, RencanaAksiForm
from pelatihan.models import Peserta, Sesi

TABEL = ("unit", "pegawai")
# HR who enrol employees: bulk enrolment and the development plans' drafting and approval.
HR_PESERTA = HR.with_perms(
    "pelatihan.add_peserta", reason=gettext_lazy("Pendaftaran massal untuk BKPSDM.")
)


@page(LEADER, menu=gettext_lazy("Dasbor JP"), order=50)
@require_safe
def dasbor(request: HttpRequest) -> HttpResponse:
    """Show a unit head or HR each unit's share of PNS meeting 20 JP and each employee's JP."""
    scope = lingkup(request.user)
    d = selectors.dasbor_jp(scope, request.GET)
    halaman = None
    if d.pegawai is not None:
        halaman = Paginator(d.pegawai, selectors.PER_HALAMAN).get_page(request.GET.get("halaman"))
        for p in halaman:
            p.status_jp = selectors.status_label(p)
    return render(
        request,
        "pelatihan/dasbor.html",
        {
            "d": d,
            "halaman": halaman,
            "grafik": charts.bagian_memenuhi(d.unit),
            "query": query_without_page(request),
            "minimal": rules.JP_MINIMAL_PNS,
            "maksimal": rules.JP_MAKSIMAL_PPPK,
        },
        status=400 if d.filterset.errors else 200,
    )


@page(LEADER)
@require_POST
def ekspor(request: HttpRequest, tabel: str, fmt: str) -> HttpResponse:
    """Queue the download of the dashboard's unit table or its employees (every row, with the
    dashboard's filters: the query string) as CSV/XLSX and go to its progress page: HR's
    employee table is the whole city (pelatihan.tasks.ekspor_dasbor)."""
    from pelatihan.tasks import jp_export_start

    scope = lingkup(request.user)
    if tabel not in TABEL or fmt not in ("csv", "xlsx"):
        raise Http404
    if not selectors.dasbor_filter(scope, request.GET).is_valid():
        request.method = "GET"
        return dasbor(request)
    return redirect(jp_export_start(request, tabel=tabel, fmt=fmt))


def _pegawai_sendiri(request: HttpRequest) -> Pegawai:
    return Pegawai.objects.select_related("unit_kerja").get(pk=pegawai_id_sendiri(request.user))


@page(EMPLOYEE, menu=gettext_lazy("Pelatihan saya"), order=90)
@require_safe
def saya(request: HttpRequest, form: EksternalForm | None = None) -> HttpResponse:
    """Show the employee their JP this year, their training needs and the sessions open to
    them, with the form to record external training."""
    pegawai = _pegawai_sendiri(request)
    tahun = timezone.localdate().year
    ringkasan = selectors.ringkasan_saya(pegawai, tahun)
    kebutuhan = selectors.kebutuhan_untuk(selectors.data_kebutuhan([pegawai], tahun))
    sudah = {p.sesi_id for p in ringkasan.riwayat}
    sesi = [s for s in selectors.sesi_terbuka()[:30]]
    batas = selectors.batas_pppk_saya(pegawai, sesi)
    for s in sesi:
        s.batas_pppk = batas.get(s.pk)
    return render(
        request,
        "pelatihan/saya.html",
        {
            "r": ringkasan,
            "kebutuhan": kebutuhan.get(pegawai.pk, []),
            "sesi": sesi,
            "sudah": sudah,
            "form": form or EksternalForm(),
            "minimal": rules.JP_MINIMAL_PNS,
            "maksimal": rules.JP_MAKSIMAL_PPPK,
        },
        status=400 if form is not None and form.errors else 200,
    )


@page(EMPLOYEE)
@require_POST
def ajukan(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask to join an open session (the employee; HR then enrols)."""
    pegawai = _pegawai_sendiri(request)
    sesi = get_object_or_404(Sesi, pk=pk)
    form = AjukanForm(request.POST)
    form.is_valid()  # one optional checkbox: every POST is valid
    try:
        services.peserta_submit(
            sesi=sesi,
            pegawai=pegawai,
            oleh=request.user,
            sadar_batas_pppk=form.cleaned_data["sadar_batas_pppk"],
        )
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    else:
        messages.success(
            request, _("Pengajuan ikut %(s)s tercatat; BKPSDM akan memprosesnya.") % {"s": sesi}
        )
    return redirect("pelatihan:saya")


@page(EMPLOYEE)
@require_POST
def eksternal(request: HttpRequest) -> HttpResponse:
    """Record external training with its evidence (the employee; HR verifies)."""
    pegawai = _pegawai_sendiri(request)
    form = EksternalForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.eksternal_record(pegawai=pegawai, oleh=request.user, **form.cleaned_data)
        except ValidationError as exc:
            tambah_galat(form, exc)
        else:
            messages.success(
                request, _("Pelatihan eksternal tercatat; JP dihitung setelah diverifikasi BKPSDM.")
            )
            return redirect("pelatihan:saya")
    request.method = "GET"
    return saya(request, form=form)


@page(SIGNED_IN)
@require_safe
def eksternal_bukti(request: HttpRequest, eksternal_id: int) -> FileResponse:
    """Send the evidence of external training, as a download, to whoever may see the record
    (the employee, a unit head over them, HR); 404 for anyone else, as for a record that does
    not exist. Never as a page: an attachment of the type read from its bytes, `nosniff`
    (pelatihan.bukti); a file stored before the check and of no accepted type goes as bytes."""
    scope = lingkup(request.user)
    eksternal = get_object_or_404(
        selectors.eksternal_terlihat(scope).only("pk", "bukti"), pk=eksternal_id
    )
    if not eksternal.bukti:
        raise Http404
    try:
        berkas = eksternal.bukti.storage.open(eksternal.bukti.name, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    jenis = sniff_type(read_head(berkas))
    if jenis is not None:
        ext, content_type = jenis.ext, jenis.content_type
    else:
        ext = eksternal.bukti.name.rsplit(".", 1)[-1].lower()
        ext = ext if ext in {t.ext for t in TYPES} else "bin"
        content_type = "application/octet-stream"
    response = FileResponse(
        berkas,
        as_attachment=True,
        filename=f"sertifikat-{eksternal.pk}.{ext}",
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"  # an employee's document
    return response


# --- Training needs and bulk enrolment --------------------------------------------------------

KEBUTUHAN_PER_HALAMAN = 25


@page(LEADER, menu=gettext_lazy("Kebutuhan pelatihan"), order=60)
@require_safe
def kebutuhan(request: HttpRequest) -> HttpResponse:
    """Show a unit head (read only) or HR the training needs of the employees in scope, each
    naming its source and the ranked programs; HR picks a program's session to enrol them."""
    scope = lingkup(request.user)
    hasil = selectors.kebutuhan_halaman(scope, request.GET)
    halaman = None
    if hasil.baris is not None:
        halaman = Paginator(hasil.baris, KEBUTUHAN_PER_HALAMAN).get_page(request.GET.get("halaman"))
    return render(
        request,
        "pelatihan/kebutuhan.html",
        {
            "h": hasil,
            "halaman": halaman,
            "query": query_without_page(request),
            # The bulk enrolment's link: shown to whom its declaration lets in.
            "boleh_daftar": may_open(request.user, "pelatihan:daftar_massal"),
        },
        status=400 if hasil.form.errors else 200,
    )


def _sesi_hr(request: HttpRequest, sesi_id: int) -> Sesi:
    """The session of a bulk enrolment (HR's: `@page(HR_PESERTA)` lets only them in)."""
    return get_object_or_404(Sesi.objects.select_related("program"), pk=sesi_id)


@page(HR_PESERTA)
def daftar_massal(request: HttpRequest, sesi_id: int) -> HttpResponse:
    """HR enrols a group into a session in two steps: the criterion (the needs page's unit,
    source and name filters; the program is the session's) gives a review table of who is
    proposed and why, each ticked; the POST enrols exactly the ticked ones, refusing an id
    outside the proposal (nothing written), then goes to the session's participant list. All
    or nothing unless HR ticks "enrol the valid ones"; a large group runs as a background task
    with progress."""
    from pelatihan.tasks import MASSAL_LATAR, peserta_enrol_bulk_start
    from tugas.progres import SedangBerjalan

    sesi = _sesi_hr(request, sesi_id)
    data = request.POST if request.method == "POST" else request.GET
    usulan = selectors.usulan_daftar_massal(lingkup(request.user), sesi, data)
    hasil = None
    galat: list[str] = []
    dipilih: set[int] | None = None
    if request.method == "POST" and usulan.valid:
        form = DaftarMassalForm(request.POST, usulan_ids=usulan.ids)
        valid = form.is_valid()
        dipilih, galat = form.dipilih, form.galat()
        if valid:
            urut = {b.pegawai.pk: b.pegawai for b in usulan.baris}
            pegawai = [p for pk, p in urut.items() if pk in dipilih]
            # Rows beyond the review's display limit (never shown, so never ticked by HR):
            # load them only if the POST names them.
            sisa = dipilih - set(urut)
            if sisa:
                pegawai += list(Pegawai.objects.filter(pk__in=sisa).order_by("nama", "nip"))
            hanya = form.cleaned_data["hanya_yang_sah"]
            if len(pegawai) > MASSAL_LATAR:
                try:
                    progres = peserta_enrol_bulk_start(
                        sesi=sesi,
                        pegawai_ids=[p.pk for p in pegawai],
                        hanya_yang_sah=hanya,
                        oleh=request.user,
                    )
                except SedangBerjalan as exc:
                    progres = exc.progres
                return redirect(progres)
            hasil = services.peserta_enrol_bulk(
                sesi=sesi, pegawai=pegawai, hanya_yang_sah=hanya, oleh=request.user
            )
            if hasil.dijalankan:
                messages.success(
                    request,
                    _("%(n)s pegawai didaftarkan ke %(s)s.")
                    % {"n": len(hasil.didaftar), "s": sesi},
                )
                for p, alasan in hasil.ditolak:
                    messages.warning(
                        request,
                        _("Dilewati: %(p)s — %(a)s") % {"p": p.nama_lengkap, "a": alasan},
                    )
                return redirect("pelatihan:peserta", sesi_id=sesi.pk)
    sesi.refresh_from_db(fields=["jumlah_peserta"])
    q = QueryDict(mutable=True)
    for k in ("unit", "sumber", "q"):
        if data.get(k):
            q[k] = data[k]
    gagal = bool(galat) or (hasil is not None and not hasil.dijalankan) or not usulan.valid
    return render(
        request,
        "pelatihan/daftar_massal.html",
        {
            "sesi": sesi,
            "u": usulan,
            "hasil": hasil,
            "galat": galat,
            "dipilih": dipilih,
            "kriteria": q,
            "batas_latar": MASSAL_LATAR,
        },
        status=400 if gagal else 200,
    )


PESERTA_PER_HALAMAN = 50


def _peserta_sesi(request: HttpRequest, sesi_id: int):
    from pelatihan.filters import PesertaFilter

    scope = lingkup(request.user)
    sesi = get_object_or_404(Sesi.objects.select_related("program"), pk=sesi_id)
    fs = PesertaFilter(
        request.GET or None, queryset=selectors.peserta_sesi(scope, sesi), scope=scope
    )
    return sesi, fs


@page(LEADER)
@require_safe
def peserta(request: HttpRequest, sesi_id: int) -> HttpResponse:
    """Show a session's participants and requests in scope (HR: all; a unit head: their
    unit's), with unit and status, filtered, sorted and paged; a PPPK whom the session takes
    past 24 JP of the year is flagged (PP 49/2018 Pasal 40)."""
    return _halaman_peserta(request, *_peserta_sesi(request, sesi_id))


def _halaman_peserta(request: HttpRequest, sesi: Sesi, fs) -> HttpResponse:
    """Render the participants page: its view's, and a refused download's (400)."""
    valid = not fs.is_bound or fs.is_valid()
    halaman = None
    if valid:
        qs = fs.qs if fs.is_bound else fs.queryset.order_by("pegawai__nama", "pk")
        halaman = Paginator(qs, PESERTA_PER_HALAMAN).get_page(request.GET.get("halaman"))
        rows = list(halaman)
        batas = selectors.batas_pppk([p.pegawai for p in rows if p.status in _BERJALAN], sesi)
        for p in rows:
            p.batas_pppk = batas.get(p.pegawai_id) if p.status in _BERJALAN else None
    return render(
        request,
        "pelatihan/peserta_list.html",
        {
            "sesi": sesi,
            "form": fs.form,
            "halaman": halaman,
            "query": query_without_page(request),
            # The bulk enrolment's link: shown to whom its declaration lets in.
            "boleh_daftar": may_open(request.user, "pelatihan:daftar_massal"),
        },
        status=200 if valid else 400,
    )


# The statuses whose JP are still to come (the PPPK ceiling concerns them).
_BERJALAN = (Peserta.Status.DIAJUKAN, Peserta.Status.TERDAFTAR, Peserta.Status.HADIR)


@page(LEADER)
@require_POST
def peserta_ekspor(request: HttpRequest, sesi_id: int, fmt: str) -> HttpResponse:
    """Download a session's participants in scope (every row, under the page's filters: the
    query string) as CSV/XLSX in the POST's response: one session's participants.

    POST only: it logs an export in the user's name, which a link on another site must not do.
    """
    if fmt not in ("csv", "xlsx"):
        raise Http404
    sesi, fs = _peserta_sesi(request, sesi_id)
    if fs.is_bound and not fs.is_valid():
        return _halaman_peserta(request, sesi, fs)
    qs = fs.qs if fs.is_bound else fs.queryset.order_by("pegawai__nama", "pk")
    header = [
        _("NIP"),
        _("Nama"),
        _("Status pegawai"),
        _("Unit kerja"),
        _("Status peserta"),
        _("Keterangan"),
        _("Terakhir diubah"),
    ]
    rows = [
        (
            p.pegawai.nip,
            p.pegawai.nama_lengkap,
            p.pegawai.status,
            p.pegawai.unit_kerja.nama,
            p.get_status_display(),
            p.keterangan,
            timezone.localtime(p.updated_at).date(),
        )
        for p in qs.iterator(chunk_size=2000)
    ]
    return export_download(
        request,
        data="pelatihan.peserta",
        nama_berkas=f"peserta-sesi-{sesi.pk}",
        header=header,
        rows=rows,
        fmt=fmt,
    )


@page(LEADER)
def rencana(request: HttpRequest) -> HttpResponse:
    """The annual development plans: each perangkat daerah's and the city's, drafted from the
    needs (HR, POST "susun"; the city's as a background task with its progress page) and
    approved by HR (POST "setujui"); unit heads read theirs."""
    from pegawai.models import UnitKerja
    from pelatihan.models import RencanaPengembangan

    scope = lingkup(request.user)
    tahun = timezone.localdate().year
    if request.method == "POST":
        demand(request.user, HR_PESERTA)
        form = RencanaAksiForm(request.POST)
        if not form.is_valid():
            for name, errors in form.errors.items():
                for e in errors:
                    messages.error(request, f"{form.fields[name].label}: {e}")
            return redirect("pelatihan:rencana")
        aksi, unit = form.cleaned_data["aksi"], form.cleaned_data["unit"]
        try:
            if aksi == "susun" and unit is None:
                # The whole city: every employee's needs, a background task with progress.
                from pelatihan.tasks import rencana_draft_start
                from tugas.progres import SedangBerjalan

                try:
                    progres = rencana_draft_start(tahun=tahun, oleh=request.user)
                except SedangBerjalan as exc:
                    progres = exc.progres
                return redirect(progres)
            if aksi == "susun":
                qs = selectors.pegawai_dalam_lingkup(scope)
                if unit is not None:
                    qs = qs.filter(unit_kerja__path__startswith=unit.path)
                kursi, programs = selectors.usulan_rencana(qs, tahun)
                services.rencana_draft(
                    tahun=tahun, unit_kerja=unit, kursi=kursi, programs=programs, oleh=request.user
                )
                messages.success(request, _("Rencana disusun dari kebutuhan."))
            else:
                r = get_object_or_404(RencanaPengembangan, tahun=tahun, unit_kerja=unit)
                services.rencana_approve(rencana=r, oleh=request.user)
                messages.success(request, _("Rencana disetujui."))
        except ValidationError as exc:
            for m in exc.messages:
                messages.error(request, m)
        return redirect("pelatihan:rencana")
    plans = list(selectors.rencana_terlihat(scope, tahun).prefetch_related("baris__program"))
    units = scope.filter(UnitKerja.objects.filter(depth=1), path="path", pegawai=None)
    if not scope.semua and scope.unit_path:
        units = UnitKerja.objects.filter(path=scope.unit_path)
    ada = {r.unit_kerja_id: r for r in plans}
    baris = [(u, ada.get(u.pk)) for u in units.order_by("nama")]
    return render(
        request,
        "pelatihan/rencana.html",
        {
            "tahun": tahun,
            "kota": ada.get(None) if scope.semua else None,
            "baris": baris,
            # The drafting and approval forms: shown to whom the POST's `demand` lets through.
            "boleh_ubah": HR_PESERTA.allows(request.user),
        },
    )


@page(LEADER)
@require_safe
def efek(request: HttpRequest) -> HttpResponse:
    """Did it work: per program, participants' next predikat against similar non-attendees,
    with the number of people behind each figure (none below the minimum group)."""
    scope = lingkup(request.user)
    tahun_ini = timezone.localdate().year
    try:
        tahun = int(request.GET.get("tahun") or tahun_ini - 1)
    except ValueError:
        tahun = tahun_ini - 1
    tahun = min(max(tahun, tahun_ini - 10), tahun_ini)
    return render(
        request,
        "pelatihan/efek.html",
        {
            "efek": selectors.efek_pelatihan(scope, tahun),
            "tahun": tahun,
            "minimal": rules.MINIMAL_KELOMPOK,
        },
    )
