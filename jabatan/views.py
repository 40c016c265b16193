"""Pages of the jabatan app: each parses the request, calls a selector or a form's service,
renders."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from core.paging import query_without_page
from jabatan import merit
from jabatan.asal_seleksi import asal_seleksi
from jabatan.filters import LowonganFilter
from jabatan.forms import (
    EksporPeringkatForm,
    KeputusanForm,
    KoreksiForm,
    PembatalanForm,
    PeringkatForm,
    SuksesorForm,
    SuksesorHapusForm,
    SuksesorUbahForm,
    UsulanForm,
)
from jabatan.merit import saran
from jabatan.models import MAKS_SUKSESOR, Formasi, Keputusan, PengaturanPetikan, Suksesor
from jabatan.peringkat import peringkat_formasi
from jabatan.peringkat.peluang import memenuhi_syarat
from jabatan.selectors import (
    daftar_lowongan,
    formasi_dalam_lingkup,
    formasi_dengan_usulan,
    halaman_lowongan,
    keputusan_formasi,
    keputusan_hr,
    keputusan_petikan,
    pegawai_dalam_lingkup,
    perangkat_daerah_petikan,
    proyeksi_lowong,
    ringkasan_formasi,
    usulan_aktif,
    usulan_pegawai,
)
from jabatan.selectors_peringkat import HalamanPeringkat, halaman_peringkat
from jabatan.services.koreksi import label_field
from jabatan.suksesi import suksesi_pegawai
from jabatan.tasks import EKSPOR_MAKS, peringkat_export_start
from pegawai.akses import Lingkup, lingkup, lingkup_seluruh, pegawai_id_sendiri
from pegawai.capability import EMPLOYEE, LEADER_STAFF, holds, may_open, page
from pegawai.ekspor import export_download


@require_safe
def beranda(request: HttpRequest) -> HttpResponse:
    """Show the public welcome, or HR's summary of posts, vacancies and coming retirements."""
    context = {}
    scope = lingkup(request.user)
    if LEADER_STAFF.allows(request.user):
        context = {
            "ringkasan": ringkasan_formasi(scope=scope),
            "proyeksi": proyeksi_lowong(scope=scope, pada=timezone.localdate()),
        }
    return render(request, "jabatan/beranda.html", context)


# --- Vacancies and the merit ranking -----------------------------------------------------------

PERM_KEPUTUSAN = "jabatan.add_keputusan"
PERM_KOREKSI = "jabatan.change_keputusan"
# HR, who hold the decision permission: the merit ranking and its actions, printing a decree.
PERINGKAT = holds(PERM_KEPUTUSAN, reason=gettext_lazy("Peringkat merit dijalankan oleh BKPSDM."))
PETIKAN = holds(PERM_KEPUTUSAN, reason=gettext_lazy("Petikan keputusan dicetak oleh BKPSDM."))
KEPUTUSAN = holds(PERM_KEPUTUSAN, reason=gettext_lazy("Keputusan dikelola oleh BKPSDM."))
KOREKSI = holds(PERM_KOREKSI, reason=gettext_lazy("Keputusan dikelola oleh BKPSDM."))


def _saring_lowongan(request: HttpRequest, scope: Lingkup, pada: date) -> tuple:
    """The vacancy filter (unit, kind, days vacant) over the vacant posts in scope."""
    filterset = LowonganFilter(
        request.GET, queryset=daftar_lowongan(scope=scope), scope=scope, pada=pada
    )
    return filterset, (filterset.qs if filterset.is_valid() else Formasi.objects.none())


def _halaman_lowongan(request: HttpRequest, rows, pada: date, per_halaman: int) -> dict:
    """One page of vacancies with their days vacant, and the query string to page on with."""
    halaman = halaman_lowongan(rows, request.GET.get("halaman"), pada=pada, per_halaman=per_halaman)
    return {"halaman": halaman, "query": query_without_page(request)}


@page(LEADER_STAFF, menu=gettext_lazy("Formasi lowong"), order=20)
@require_safe
def lowongan_daftar(request: HttpRequest) -> HttpResponse:
    """Vacant posts in scope: days vacant, acting holder; and retirements in the next 12 months.
    The download is a POST (`lowongan_daftar_ekspor`)."""
    scope = lingkup(request.user)
    pada = timezone.localdate()
    filterset, rows = _saring_lowongan(request, scope, pada)
    return _halaman_daftar_lowongan(request, scope, pada, filterset, rows)


def _halaman_daftar_lowongan(
    request: HttpRequest, scope: Lingkup, pada: date, filterset: LowonganFilter, rows
) -> HttpResponse:
    """Render the vacancy list: its view's, and a refused download's (400)."""
    return render(
        request,
        "jabatan/lowongan_list.html",
        {
            "filterset": filterset,
            **_halaman_lowongan(request, rows, pada, 50),
            "proyeksi": proyeksi_lowong(scope=scope, pada=pada)[:25],
            # The link to a post's ranking, where decisions are taken: shown to whom it opens.
            "boleh_memutus": may_open(request.user, "jabatan:lowongan_detail"),
        },
        status=200 if filterset.is_valid() else 400,
    )


@page(LEADER_STAFF)
@require_POST
def lowongan_daftar_ekspor(request: HttpRequest, fmt: str) -> HttpResponse:
    """Download the vacant posts in scope under the list's filters (the query string) as CSV or
    XLSX in the POST's response: the vacant posts of a city are a few hundred rows.

    POST only: it logs an export in the user's name, which a link on another site must not do.
    """
    if fmt not in ("csv", "xlsx"):
        raise Http404
    scope = lingkup(request.user)
    pada = timezone.localdate()
    filterset, rows = _saring_lowongan(request, scope, pada)
    if not filterset.is_valid():
        return _halaman_daftar_lowongan(request, scope, pada, filterset, rows)
    return export_download(
        request,
        data="jabatan.lowongan",
        nama_berkas="lowongan",
        fmt=fmt,
        header=[
            _("Jabatan"),
            _("Unit kerja"),
            _("Kursi lowong"),
            _("Lowong sejak"),
            _("Hari"),
            _("Plt/Plh"),
        ],
        rows=[
            (
                f.jabatan.nama,
                f.unit_kerja.nama,
                f.lowong,
                f.lowong_sejak,  # a date: a date cell in XLSX, dd-mm-yyyy in CSV
                (pada - f.lowong_sejak).days,
                f.pelaksana_tugas or "",
            )
            for f in rows
        ],
    )


def _formasi_peringkat(request: HttpRequest, formasi_id: int) -> tuple[Lingkup, Formasi]:
    """The post of a ranking or succession page or action in the user's scope (404 outside it);
    the views' `@page(PERINGKAT)` (views_suksesi: `SUKSESI`) lets only HR in."""
    scope = lingkup(request.user)
    return scope, get_object_or_404(formasi_dalam_lingkup(scope=scope), pk=formasi_id)


def _form_aksi(cls: type, request: HttpRequest, scope: Lingkup, formasi: Formasi, data=None):
    """An action form on the post: candidates come from the user's scope, the date is today."""
    return cls(
        data,
        formasi=formasi,
        pegawai=pegawai_dalam_lingkup(scope=scope),
        oleh=request.user,
        pada=timezone.localdate(),
    )


def _forms_suksesi(
    request: HttpRequest, scope: Lingkup, halaman: HalamanPeringkat, gagal: dict | None
) -> dict:
    """The forms of the post's "Rencana suksesi" section (a refused one with its errors,
    `gagal`: {"tambah": form} or {"ubah"/"hapus": (suksesor id, form)}), each row's set on it."""
    if halaman.suksesi is None:
        return {}
    gagal = gagal or {}
    for b in halaman.suksesi.baris:
        for kunci, cls in (("ubah", SuksesorUbahForm), ("hapus", SuksesorHapusForm)):
            pk, form = gagal.get(kunci, (None, None))
            if pk != b.suksesor.pk:
                form = cls(
                    suksesor=b.suksesor,
                    oleh=request.user,
                    initial={
                        "kesiapan": b.suksesor.kesiapan,
                        "urutan": b.suksesor.urutan,
                        "catatan": b.suksesor.catatan,
                    },
                )
            setattr(b, f"form_{kunci}", form)
    return {
        "suksesi_form": gagal.get("tambah")
        or _form_aksi(SuksesorForm, request, scope, halaman.formasi),
        "kesiapan": Suksesor.Kesiapan.choices,
        "suksesi_maks": MAKS_SUKSESOR,
        # A refused succession form opens the folded section it lives in.
        "suksesi_galat": bool(gagal),
    }


def _halaman_peringkat(
    request: HttpRequest,
    scope: Lingkup,
    formasi: Formasi,
    *,
    saring: PeringkatForm,
    usul: UsulanForm | None = None,
    putus: KeputusanForm | None = None,
    suksesi: dict | None = None,
    ekspor: EksporPeringkatForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render the ranking page (jabatan.selectors_peringkat) with its forms, a refused one with
    its errors. Invalid parameters rank with the profile's weights and search nobody."""
    cleaned = saring.cleaned_data if saring.is_valid() else {}
    halaman = halaman_peringkat(
        formasi,
        pada=timezone.localdate(),
        nip=cleaned.get("nip", ""),
        bobot=cleaned.get("bobot"),
        dicentang=usul.data.getlist("pegawai") if usul is not None and usul.is_bound else None,
    )
    if not halaman.terisi:
        usul = usul or _form_aksi(UsulanForm, request, scope, formasi)
        putus = putus or _form_aksi(KeputusanForm, request, scope, formasi)
    # The what-if weights travel on to the export (its form's query string).
    bobot_query = request.GET.copy()
    bobot_query.pop("nip", None)
    context = {
        **halaman.konteks(),
        "saring": saring,
        "komponen": [(k, merit.LABEL_KOMPONEN[k], saring[f"w_{k}"]) for k in merit.KOMPONEN],
        "query_bobot": bobot_query.urlencode() if halaman.simulasi else "",
        "ekspor_maks": EKSPOR_MAKS,
        "ekspor": ekspor,
        "usul": usul,
        "putus": putus,
        # Candidates come from the whole city: only a city-wide scope may open every one's
        # page (jabatan.views_pegawai answers 404 outside the scope).
        "tautan_pegawai": scope.semua,
        **_forms_suksesi(request, scope, halaman, suksesi),
    }
    return render(request, "jabatan/lowongan_detail.html", context, status=status)


@page(PERINGKAT)
@require_safe
def lowongan_detail(request: HttpRequest, formasi_id: int) -> HttpResponse:
    """Rank every employee for one vacant post: what-if weights, why-not for one NIP; the
    export is a POST (`lowongan_ekspor`)."""
    scope, formasi = _formasi_peringkat(request, formasi_id)
    saring = PeringkatForm(request.GET)
    status = 200 if saring.is_valid() else 400
    return _halaman_peringkat(request, scope, formasi, saring=saring, status=status)


@page(PERINGKAT)
@require_POST
def lowongan_ekspor(request: HttpRequest, formasi_id: int) -> HttpResponse:
    """Queue the ranking export (1,000 candidates with their breakdown) under the page's what-if
    weights (the query string) and go to its progress page, where the file is downloaded.

    POST only: it queues work and logs an export in the user's name.
    """
    scope, formasi = _formasi_peringkat(request, formasi_id)
    saring = PeringkatForm(request.GET)
    form = EksporPeringkatForm(request.POST)
    if saring.is_valid() and form.is_valid():
        return redirect(peringkat_export_start(request, formasi, form.cleaned_data["format"]))
    return _halaman_peringkat(request, scope, formasi, saring=saring, ekspor=form, status=400)


@page(PERINGKAT)
@require_POST
def lowongan_usul(request: HttpRequest, formasi_id: int) -> HttpResponse:
    """Propose one to three eligible candidates for the post to the PPK."""
    scope, formasi = _formasi_peringkat(request, formasi_id)
    form = _form_aksi(UsulanForm, request, scope, formasi, request.POST)
    if form.is_valid() and form.simpan() is not None:
        messages.success(request, _("Usulan kandidat dicatat."))
        return redirect(reverse("jabatan:lowongan_detail", args=[formasi.pk]))
    return _halaman_peringkat(
        request, scope, formasi, saring=PeringkatForm({}), usul=form, status=400
    )


KONFIRMASI_DETIK = 30 * 60  # how long a confirmation page stays valid


def _garam(request: HttpRequest, formasi: Formasi) -> str:
    """The signature's salt: a confirmation is valid for this post and this user only."""
    return f"jabatan.keputusan:{formasi.pk}:{request.user.pk}"


@page(PERINGKAT)
@require_POST
def lowongan_putus(request: HttpRequest, formasi_id: int) -> HttpResponse:
    """Record the PPK's decision on the post in two steps.

    The form's POST checks everything (the service runs and is rolled back) and shows the
    confirmation: the candidate, the post, the method, the SK, and that it will be published.
    Its values travel signed (`tanda`), so the confirm POST records exactly what was shown;
    only then is the decision recorded and the appointee placed, in one transaction.
    """
    scope, formasi = _formasi_peringkat(request, formasi_id)
    tanda = request.POST.get("tanda")
    if tanda is None:
        form = _form_aksi(KeputusanForm, request, scope, formasi, request.POST)
        if form.is_valid() and (uji := form.uji()) is not None:
            return _konfirmasi(request, formasi, form, uji)
        return _halaman_peringkat(
            request, scope, formasi, saring=PeringkatForm({}), putus=form, status=400
        )
    try:
        data = signing.loads(tanda, salt=_garam(request, formasi), max_age=KONFIRMASI_DETIK)
    except signing.BadSignature:
        form = _form_aksi(KeputusanForm, request, scope, formasi)
        form.cleaned_data = {}  # an unbound form with one error for the page to show
        form.add_error(
            None,
            _(
                "Konfirmasi tidak sah atau sudah lewat 30 menit: isi dan periksa kembali "
                "formulir keputusan."
            ),
        )
        return _halaman_peringkat(
            request, scope, formasi, saring=PeringkatForm({}), putus=form, status=400
        )
    form = _form_aksi(KeputusanForm, request, scope, formasi, data)
    if "ubah" in request.POST:  # back to the form, filled in as it was
        form.is_valid()
        return _halaman_peringkat(request, scope, formasi, saring=PeringkatForm({}), putus=form)
    if form.is_valid() and (keputusan := form.simpan()) is not None:
        messages.success(
            request,
            _("Keputusan %(sk)s dicatat dan diumumkan di halaman transparansi.")
            % {"sk": keputusan.nomor_sk},
        )
        return redirect(reverse("jabatan:keputusan_detail", args=[keputusan.pk]))
    return _halaman_peringkat(
        request, scope, formasi, saring=PeringkatForm({}), putus=form, status=400
    )


def _konfirmasi(
    request: HttpRequest, formasi: Formasi, form: KeputusanForm, uji: Keputusan
) -> HttpResponse:
    data = form.ke_data()
    pegawai = form.cleaned_data["pegawai"]
    seleksi = form.cleaned_data["seleksi"]
    asal = asal_seleksi()
    return render(
        request,
        "jabatan/keputusan_konfirmasi.html",
        {
            "formasi": formasi,
            "pegawai": pegawai,
            "data": form.cleaned_data,
            "metode": Keputusan.Metode(data["metode"]).label,
            "seleksi": asal.label(seleksi) if asal and seleksi else "",
            "peringkat": uji.peringkat_terpilih,
            "jumlah_layak": (uji.snapshot or {}).get("jumlah_layak"),
            "jabatan_kini": pegawai.penempatan.aktif()
            .definitif()
            .select_related("formasi__jabatan", "formasi__unit_kerja")
            .first(),
            "tanda": signing.dumps(data, salt=_garam(request, formasi)),
        },
    )


# --- A recorded decision, for HR: correct or annul it ---------------------------------------------


def _keputusan(request: HttpRequest, keputusan_id: int) -> Keputusan:
    """The decision on a post in the user's scope (404 outside it); the views' `@page(KEPUTUSAN)`
    or `@page(KOREKSI)` lets only HR in."""
    keputusan = keputusan_hr(scope=lingkup(request.user), pk=keputusan_id)
    if keputusan is None:
        raise Http404(_("Keputusan tidak ditemukan."))
    return keputusan


def _halaman_keputusan(
    request: HttpRequest,
    keputusan: Keputusan,
    *,
    koreksi: KoreksiForm | None = None,
    batal: PembatalanForm | None = None,
    status: int = 200,
) -> HttpResponse:
    # Each form shows to whom its POST view's declaration lets in, while the decision stands.
    boleh_koreksi = not keputusan.batal and may_open(request.user, "jabatan:keputusan_koreksi")
    boleh_batal = not keputusan.batal and may_open(request.user, "jabatan:keputusan_batalkan")
    return render(
        request,
        "jabatan/keputusan_detail.html",
        {
            "k": keputusan,
            "p": keputusan.pegawai,
            "riwayat": [
                (r, [(label_field(f), v) for f, v in r.perubahan.items()])
                for r in keputusan.koreksi.select_related("oleh")
            ],
            "jumlah_layak": (keputusan.snapshot or {}).get("jumlah_layak"),
            # Only a decision by open selection has one (one query, then).
            "seleksi": asal.asal(keputusan)
            if (asal := asal_seleksi()) and keputusan.metode == Keputusan.Metode.SELEKSI_TERBUKA
            else "",
            "jabatan_kini": keputusan.pegawai.penempatan.aktif()
            .definitif()
            .select_related("formasi__jabatan", "formasi__unit_kerja")
            .first(),
            # A refused form is shown with its errors even once the decision is annulled
            # (the error says so); otherwise the forms only while it can still change.
            "koreksi": koreksi
            or (
                KoreksiForm(
                    initial=KoreksiForm.awal(keputusan), keputusan=keputusan, oleh=request.user
                )
                if boleh_koreksi
                else None
            ),
            "batal": batal
            or (PembatalanForm(keputusan=keputusan, oleh=request.user) if boleh_batal else None),
        },
        status=status,
    )


@page(KEPUTUSAN)
@require_safe
def keputusan_detail(request: HttpRequest, keputusan_id: int) -> HttpResponse:
    """A recorded decision for HR: its particulars, placement, corrections; correct or annul."""
    return _halaman_keputusan(request, _keputusan(request, keputusan_id))


@page(KOREKSI)
@require_POST
def keputusan_koreksi_kirim(request: HttpRequest, keputusan_id: int) -> HttpResponse:
    """Correct a decision's particulars (jabatan.services.keputusan_correct)."""
    keputusan = _keputusan(request, keputusan_id)
    form = KoreksiForm(request.POST, keputusan=keputusan, oleh=request.user)
    if form.is_valid() and (koreksi := form.simpan()) is not None:
        messages.success(
            request,
            _("Koreksi dicatat: %(f)s.")
            % {"f": ", ".join(label_field(f) for f in koreksi.perubahan)},
        )
        return redirect(reverse("jabatan:keputusan_detail", args=[keputusan.pk]))
    return _halaman_keputusan(request, keputusan, koreksi=form, status=400)


@page(KOREKSI)
@require_POST
def keputusan_batalkan_kirim(request: HttpRequest, keputusan_id: int) -> HttpResponse:
    """Annul a decision with a reason (jabatan.services.keputusan_cancel)."""
    keputusan = _keputusan(request, keputusan_id)
    form = PembatalanForm(request.POST, keputusan=keputusan, oleh=request.user)
    if form.is_valid() and form.simpan() is not None:
        messages.success(
            request,
            _("Keputusan %(sk)s dibatalkan; formasinya kembali lowong.")
            % {"sk": keputusan.nomor_sk},
        )
        return redirect(reverse("jabatan:keputusan_detail", args=[keputusan.pk]))
    return _halaman_keputusan(request, keputusan, batal=form, status=400)


@page(PETIKAN)
@require_safe
def keputusan_petikan_cetak(request: HttpRequest, keputusan_id: int) -> HttpResponse:
    """Print the decree extract (petikan SK) of a recorded decision, for HR (as the ranking)."""
    keputusan = keputusan_petikan(scope=lingkup(request.user), pk=keputusan_id)
    if keputusan is None:
        raise Http404(_("Keputusan tidak ditemukan."))
    snapshot = keputusan.snapshot or {}
    return render(
        request,
        "jabatan/keputusan_petikan.html",
        {
            "k": keputusan,
            "p": keputusan.pegawai,
            "opd": perangkat_daerah_petikan(keputusan),
            "ttd": PengaturanPetikan.aktif(),
            "jumlah_layak": snapshot.get("jumlah_layak"),
            "aturan_versi": keputusan.aturan_versi or snapshot.get("aturan_versi", ""),
        },
    )


# --- The employee's own view: "why was I (not) proposed?" ---------------------------------------


@page(EMPLOYEE, menu=gettext_lazy("Peluang jabatan"), order=80)
@require_safe
def peluang_daftar(request: HttpRequest) -> HttpResponse:
    """Open posts an employee may check themselves against, those they were proposed for and
    the key posts they are a named successor to."""
    pegawai_id = pegawai_id_sendiri(request.user)
    pada = timezone.localdate()
    # Open posts are public within the government (seleksi terbuka).
    filterset, rows = _saring_lowongan(request, lingkup_seluruh(), pada)
    hanya_memenuhi = request.GET.get("memenuhi") == "1"
    if hanya_memenuhi:
        # The filter must judge every vacancy before paging: a fixed number of queries and the
        # pure rules once per vacant post (thousands at a province's scale, still milliseconds
        # each), so only when asked for.
        rows = list(rows)
        layak = memenuhi_syarat(pegawai_id=pegawai_id, formasi_ids=[f.pk for f in rows], pada=pada)
        rows = [f for f in rows if layak[f.pk]]
        halaman = _halaman_lowongan(request, rows, pada, 25)
    else:
        # Without the filter, eligibility is computed for the posts on the current page only.
        halaman = _halaman_lowongan(request, rows, pada, 25)
        layak = memenuhi_syarat(
            pegawai_id=pegawai_id, formasi_ids=[f.pk for f in halaman["halaman"]], pada=pada
        )
    for f in halaman["halaman"]:
        f.memenuhi = layak[f.pk]
    return render(
        request,
        "jabatan/peluang_list.html",
        {
            "filterset": filterset,
            **halaman,
            "hanya_memenuhi": hanya_memenuhi,
            "dengan_usulan": formasi_dengan_usulan([f.pk for f in halaman["halaman"]]),
            "usulan_saya": usulan_pegawai(pegawai_id=pegawai_id),
            "suksesi_saya": suksesi_pegawai(pegawai_id=pegawai_id),
        },
        status=200 if filterset.is_valid() else 400,
    )


@page(EMPLOYEE)
@require_safe
def peluang_detail(request: HttpRequest, formasi_id: int) -> HttpResponse:
    """The employee's own explanation for one post: eligible or why not (and from when), their
    rank and breakdown, and whether they were proposed. Other people's scores stay with HR."""
    pegawai_id = pegawai_id_sendiri(request.user)
    formasi = get_object_or_404(formasi_dalam_lingkup(scope=lingkup_seluruh()), pk=formasi_id)
    pada = timezone.localdate()
    hasil = peringkat_formasi(formasi, pada=pada, teratas=0, pegawai_ids=[pegawai_id])
    saya = hasil.dicari.get(pegawai_id)
    usulan = list(usulan_aktif(formasi=formasi))
    return render(
        request,
        "jabatan/peluang_detail.html",
        {
            "formasi": formasi,
            "peringkat": hasil,
            "saya": saya,
            # Weight and note from the ranking's own weights (jabatan.merit.saran).
            "komponen": saran.rincian(saya, hasil.syarat, hasil.bobot, pada) if saya else [],
            "pemangku": pegawai_id in hasil.pemangku,
            "diusulkan": any(u.pegawai_id == pegawai_id for u in usulan),
            "peringkat_usulan": [u.peringkat for u in usulan],
            "keputusan": keputusan_formasi(formasi=formasi).first(),
            "pada": pada,
        },
    )
