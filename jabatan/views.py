"""Pages of the jabatan app. Views stay thin: a selector, then a template."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

from django.contrib import messages
from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from jabatan import merit
from jabatan.asal_seleksi import asal_seleksi
from jabatan.filters import LowonganFilter
from jabatan.forms import (
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
from jabatan.peringkat import TERATAS, dengan_bobot, peringkat_formasi
from jabatan.peringkat.peluang import memenuhi_syarat
from jabatan.selectors import (
    daftar_lowongan,
    formasi_dalam_lingkup,
    formasi_dengan_usulan,
    keputusan_formasi,
    keputusan_hr,
    keputusan_petikan,
    pegawai_dalam_lingkup,
    pegawai_ringkas,
    perangkat_daerah_petikan,
    proyeksi_lowong,
    ringkasan_formasi,
    usulan_aktif,
    usulan_pegawai,
)
from jabatan.services.koreksi import label_field
from jabatan.suksesi import (
    calon_dari_peringkat,
    formasi_kunci,
    rencana_suksesi,
    suksesi_pegawai,
)
from jabatan.tasks import EKSPOR_MAKS, mulai_ekspor_peringkat
from pegawai.akses import Lingkup, lingkup, lingkup_seluruh, pegawai_id_sendiri
from pegawai.capability import EMPLOYEE, LEADER_STAFF, holds, page
from pegawai.ekspor import unduh_tabel
from pegawai.halaman import query_tanpa_halaman
from pegawai.models import Pegawai


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
    halaman = Paginator(rows, per_halaman).get_page(request.GET.get("halaman"))
    for f in halaman:
        f.hari = (pada - f.lowong_sejak).days
    return {"halaman": halaman, "query": query_tanpa_halaman(request)}


@page(LEADER_STAFF, menu=gettext_lazy("Formasi lowong"), order=20)
@require_safe
def lowongan_daftar(request: HttpRequest) -> HttpResponse:
    """Vacant posts in scope: days vacant, acting holder; and retirements in the next 12 months."""
    scope = lingkup(request.user)
    pada = timezone.localdate()
    filterset, rows = _saring_lowongan(request, scope, pada)
    if request.GET.get("ekspor") in ("csv", "xlsx") and filterset.is_valid():
        return unduh_tabel(
            request,
            data="jabatan.lowongan",
            nama_berkas="lowongan",
            fmt=request.GET["ekspor"],
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
    return render(
        request,
        "jabatan/lowongan_list.html",
        {
            "filterset": filterset,
            **_halaman_lowongan(request, rows, pada, 50),
            "proyeksi": proyeksi_lowong(scope=scope, pada=pada)[:25],
            "boleh_memutus": request.user.has_perm(PERM_KEPUTUSAN),
        },
        status=200 if filterset.is_valid() else 400,
    )


def _bagian(kelompok: dict) -> list[tuple[int, int]]:
    """Counts and whole percentages of women, men and the age bands in one group."""
    n = kelompok["jumlah"]
    nilai = [kelompok["jenis_kelamin"].get("P", 0), kelompok["jenis_kelamin"].get("L", 0)]
    nilai += list(kelompok["usia"].values())
    return [(v, round(100 * v / n) if n else 0) for v in nilai]


def _formasi_peringkat(request: HttpRequest, formasi_id: int) -> tuple[Lingkup, Formasi]:
    """The post of a ranking page or action in the user's scope (404 outside it); the views'
    `@page(PERINGKAT)` lets only HR in."""
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


def _peringkat_beku(keputusan: Keputusan) -> dict:
    """Return the ranking frozen in a decision's snapshot, names with their academic titles
    (the snapshot keeps the bare name; one query for the titles of its rows)."""
    snapshot = keputusan.snapshot or {}
    baris = snapshot.get("teratas", [])
    gelar = {
        pk: p.nama_lengkap for pk, p in pegawai_ringkas([b["pegawai_id"] for b in baris]).items()
    }
    pada = snapshot.get("pada")
    return {
        "keputusan": keputusan,
        "pada": date.fromisoformat(pada) if pada else None,
        "aturan_versi": snapshot.get("aturan_versi", ""),
        "jumlah_layak": snapshot.get("jumlah_layak"),
        "jumlah_kandidat": snapshot.get("jumlah_kandidat"),
        "baris": [
            {
                **b,
                "nama_lengkap": gelar.get(b["pegawai_id"], b["nama"]),
                "terpilih": b["pegawai_id"] == keputusan.pegawai_id,
            }
            for b in baris
        ],
    }


def _konteks_suksesi(
    request: HttpRequest, scope: Lingkup, formasi: Formasi, teratas, gagal: dict | None
) -> dict:
    """The post's "Rencana suksesi" section: the plan, the ranked talent-pool candidates to
    name, and the forms (a refused one with its errors, `gagal`: {"tambah": form} or
    {"ubah"/"hapus": (suksesor id, form)})."""
    if not formasi_kunci(formasi):
        return {"suksesi": None}
    gagal = gagal or {}
    rencana = rencana_suksesi(formasi=formasi)
    for b in rencana.baris:
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
        "suksesi": rencana,
        "suksesi_calon": calon_dari_peringkat(rencana, teratas)[:20],
        "suksesi_form": gagal.get("tambah") or _form_aksi(SuksesorForm, request, scope, formasi),
        "kesiapan": Suksesor.Kesiapan.choices,
        "suksesi_maks": MAKS_SUKSESOR,
        # A refused succession form opens the folded section it lives in.
        "suksesi_galat": bool(gagal),
    }


class BarisPeringkat(NamedTuple):
    """One line of the ranking table: the explained result, its rank under the profile's
    weights (what-if only), the weighted components' values, the employee (titles, unit), the
    components as (label, value, weight) and those weighing nothing for the explanation, and
    the marks."""

    hasil: merit.Hasil
    semula: int | None
    nilai: list[Decimal]
    pegawai: Pegawai | None
    rincian: list[tuple[str, Decimal, int]]
    tanpa_bobot: list[tuple[str, Decimal]]
    diusulkan: bool
    suksesor: bool
    centang: bool  # ticked in the proposal form: the proposed, or what a refused form sent


def _baris_peringkat(
    hasil,
    *,
    sebelumnya: dict,
    dibobot: list[str],
    bobot: merit.Bobot,
    usulan: list,
    suksesi: dict,
    usul: UsulanForm | None,
) -> list[BarisPeringkat]:
    """The table's lines: one query for the employees' titles and units."""
    orang = pegawai_ringkas([h.kandidat.pegawai_id for h in hasil.teratas])
    diusulkan = {u.pegawai_id for u in usulan}
    # The proposal replaces the earlier one (usulan_set), so the current one starts ticked.
    centang = (
        {str(v) for v in usul.data.getlist("pegawai")}
        if usul is not None and usul.is_bound
        else {str(i) for i in diusulkan}
    )
    rencana = suksesi.get("suksesi")
    suksesor = {b.suksesor.pegawai_id for b in rencana.baris} if rencana else set()
    berat = bobot.sebagai_dict()
    return [
        BarisPeringkat(
            hasil=h,
            semula=sebelumnya.get(h.kandidat.pegawai_id),
            nilai=[h.komponen[k] for k in dibobot],
            pegawai=orang.get(h.kandidat.pegawai_id),
            rincian=[(merit.LABEL_KOMPONEN[k], h.komponen[k], berat[k]) for k in dibobot],
            tanpa_bobot=[
                (merit.LABEL_KOMPONEN[k], h.komponen[k]) for k in merit.KOMPONEN if not berat[k]
            ],
            diusulkan=h.kandidat.pegawai_id in diusulkan,
            suksesor=h.kandidat.pegawai_id in suksesor,
            centang=str(h.kandidat.pegawai_id) in centang,
        )
        for h in hasil.teratas
    ]


def _halaman_peringkat(
    request: HttpRequest,
    scope: Lingkup,
    formasi: Formasi,
    *,
    saring: PeringkatForm,
    usul: UsulanForm | None = None,
    putus: KeputusanForm | None = None,
    suksesi: dict | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render the ranking page: the ranking under the query's (valid) parameters, the forms
    with their errors. Invalid parameters rank with the profile's weights and search nobody."""
    pada = timezone.localdate()
    cleaned = saring.cleaned_data if saring.is_valid() else {}
    if ekspor := cleaned.get("ekspor"):
        # 1,000 candidates with their breakdown: a background task, downloaded from its page.
        return redirect(mulai_ekspor_peringkat(request, formasi, ekspor))
    nip = cleaned.get("nip", "")
    dasar = peringkat_formasi(formasi, pada=pada, nip=nip, teratas=TERATAS)
    bobot = cleaned.get("bobot") or dasar.bobot
    simulasi = bobot != dasar.bobot
    hasil = dengan_bobot(dasar, bobot, teratas=TERATAS) if simulasi else dasar
    sebelumnya = {h.kandidat.pegawai_id: h.peringkat for h in dasar.teratas}
    # The table shows the components that weigh; the others are named under it.
    dibobot = [k for k, w in bobot.sebagai_dict().items() if w]
    cari = hasil.untuk(nip) if nip else None
    bobot_query = request.GET.copy()
    for kunci in ("nip", "ekspor"):
        bobot_query.pop(kunci, None)
    # A filled post takes no proposal or decision: the page offers neither, and shows the
    # ranking frozen with its latest decision rather than a live re-ranking.
    terisi = formasi.jumlah_terisi >= formasi.kuota
    keputusan = list(keputusan_formasi(formasi=formasi)[:5])
    beku = _peringkat_beku(keputusan[0]) if keputusan and terisi else None
    if not terisi:
        usul = usul or _form_aksi(UsulanForm, request, scope, formasi)
        putus = putus or _form_aksi(KeputusanForm, request, scope, formasi)
    usulan = list(usulan_aktif(formasi=formasi)) if not terisi else []
    konteks_suksesi = _konteks_suksesi(request, scope, formasi, dasar.teratas, suksesi)
    berat = bobot.sebagai_dict()
    context = {
        "formasi": formasi,
        "peringkat": hasil,
        "teratas": _baris_peringkat(
            hasil,
            sebelumnya=sebelumnya,
            dibobot=dibobot,
            bobot=bobot,
            usulan=usulan,
            suksesi=konteks_suksesi,
            usul=usul,
        ),
        # Every column of the table, for the explanation rows that span it.
        "lebar_tabel": 8 + len(dibobot) + simulasi,
        # (short label, full label, weight) of each weighted component: the table's headers.
        "kolom": [
            (merit.LABEL_KOMPONEN_SINGKAT[k], merit.LABEL_KOMPONEN[k], berat[k]) for k in dibobot
        ],
        "tanpa_bobot": [merit.LABEL_KOMPONEN[k] for k in merit.KOMPONEN if k not in dibobot],
        "alasan": [(merit.LABEL_ALASAN[k], n) for k, n in hasil.alasan.items()],
        "bobot": bobot,
        "simulasi": simulasi,
        "saring": saring,
        "komponen": [(k, merit.LABEL_KOMPONEN[k], saring[f"w_{k}"]) for k in merit.KOMPONEN],
        "keadilan": [
            (label, d["jumlah"], _bagian(d))
            for label, d in (
                (_("Semua pegawai"), hasil.keadilan["semua"]),
                (_("Memenuhi syarat"), hasil.keadilan["layak"]),
                (_("Sepuluh teratas"), hasil.keadilan["teratas"]),
            )
        ],
        "cari": cari,
        "cari_komponen": [(merit.LABEL_KOMPONEN[k], v) for k, v in cari.komponen.items()]
        if cari
        else [],
        "nip": nip,
        "query_bobot": "&" + bobot_query.urlencode() if simulasi else "",
        "ekspor_maks": EKSPOR_MAKS,
        "usulan": usulan,
        "usul": usul,
        "putus": putus,
        # Candidates come from the whole city: only a city-wide scope may open every one's
        # page (jabatan.views_pegawai answers 404 outside the scope).
        "tautan_pegawai": scope.semua,
        "pada": pada,
        "keputusan": keputusan,
        "terisi": terisi,
        "beku": beku,
        **konteks_suksesi,
    }
    return render(request, "jabatan/lowongan_detail.html", context, status=status)


@page(PERINGKAT)
@require_safe
def lowongan_detail(request: HttpRequest, formasi_id: int) -> HttpResponse:
    """Rank every employee for one vacant post: what-if weights, why-not for one NIP, export."""
    scope, formasi = _formasi_peringkat(request, formasi_id)
    saring = PeringkatForm(request.GET)
    status = 200 if saring.is_valid() else 400
    return _halaman_peringkat(request, scope, formasi, saring=saring, status=status)


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
    boleh = request.user.has_perm(PERM_KOREKSI) and not keputusan.batal
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
            "boleh": boleh,
            # A refused form is shown with its errors even once the decision is annulled
            # (the error says so); otherwise the forms only while it can still change.
            "koreksi": koreksi
            or (
                KoreksiForm(
                    initial=KoreksiForm.awal(keputusan), keputusan=keputusan, oleh=request.user
                )
                if boleh
                else None
            ),
            "batal": batal
            or (PembatalanForm(keputusan=keputusan, oleh=request.user) if boleh else None),
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
    """Correct a decision's particulars (jabatan.services.keputusan_koreksi)."""
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
    """Annul a decision with a reason (jabatan.services.keputusan_batalkan)."""
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
