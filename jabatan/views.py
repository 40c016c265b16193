"""Pages of the jabatan app. Views stay thin: a selector, then a template."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from jabatan import merit
from jabatan.filters import LowonganFilter
from jabatan.models import Formasi, Keputusan, Usulan
from jabatan.peringkat import TERATAS, dengan_bobot, peringkat_formasi
from jabatan.selectors import daftar_lowongan, proyeksi_lowong, ringkasan_formasi
from jabatan.services import keputusan_create, usulan_set
from pegawai.akses import Lingkup, lingkup, pegawai_id_sendiri
from pegawai.ekspor import unduh_tabel
from pegawai.models import Pegawai


@require_safe
def beranda(request: HttpRequest) -> HttpResponse:
    """Show the public welcome, or HR's summary of posts, vacancies and coming retirements."""
    context = {}
    scope = lingkup(request.user)
    if request.user.is_staff and scope.memimpin:
        context = {
            "ringkasan": ringkasan_formasi(scope=scope),
            "proyeksi": proyeksi_lowong(scope=scope, pada=timezone.localdate()),
        }
    return render(request, "jabatan/beranda.html", context)


# --- Vacancies and the merit ranking -----------------------------------------------------------

PERM_KEPUTUSAN = "jabatan.add_keputusan"
EKSPOR_MAKS = 1000  # eligible candidates in a ranking export, best first


def _lingkup_staf(request: HttpRequest) -> Lingkup:
    scope = lingkup(request.user)
    if not request.user.is_staff or not scope.memimpin:
        raise PermissionDenied(_("Daftar lowongan untuk pimpinan unit dan BKPSDM."))
    return scope


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
    query = request.GET.copy()
    query.pop("halaman", None)
    return {"halaman": halaman, "query": query.urlencode()}


@login_required
@require_safe
def lowongan_daftar(request: HttpRequest) -> HttpResponse:
    """Vacant posts in scope: days vacant, acting holder; and retirements in the next 12 months."""
    scope = _lingkup_staf(request)
    pada = timezone.localdate()
    filterset, rows = _saring_lowongan(request, scope, pada)
    if request.GET.get("ekspor") in ("csv", "xlsx"):
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
                    f.lowong_sejak.strftime("%d-%m-%Y"),
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
    )


def _tanggal(value: str | None, bawaan: date, field: str) -> date:
    """Parse a form date (YYYY-MM-DD); a bad one is a field error, not a crash."""
    if not value:
        return bawaan
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError({field: _("Tanggal harus berformat TTTT-BB-HH.")}) from None


def _bobot_dari(request: HttpRequest, bawaan: merit.Bobot) -> tuple[merit.Bobot, str | None]:
    """Read what-if weights from the query string; fall back with a message when invalid."""
    if not any(f"w_{k}" in request.GET for k in merit.KOMPONEN):
        return bawaan, None
    try:
        nilai = {k: int(request.GET.get(f"w_{k}", getattr(bawaan, k))) for k in merit.KOMPONEN}
        return merit.Bobot(**nilai), None
    except ValueError:
        return bawaan, _("Bobot simulasi harus bilangan bulat 0–100 yang jumlahnya 100.")


def _bagian(kelompok: dict) -> list[tuple[int, int]]:
    """Counts and whole percentages of women, men and the age bands in one group."""
    n = kelompok["jumlah"]
    nilai = [kelompok["jenis_kelamin"].get("P", 0), kelompok["jenis_kelamin"].get("L", 0)]
    nilai += list(kelompok["usia"].values())
    return [(v, round(100 * v / n) if n else 0) for v in nilai]


@login_required
@require_http_methods(["GET", "POST"])
def lowongan_detail(request: HttpRequest, formasi_id: int) -> HttpResponse:
    """Rank every employee for one vacant post; propose up to three; record the decision."""
    if not request.user.has_perm(PERM_KEPUTUSAN):
        raise PermissionDenied(_("Peringkat merit dijalankan oleh BKPSDM."))
    formasi = get_object_or_404(
        Formasi.objects.select_related("jabatan", "unit_kerja"), pk=formasi_id
    )
    pada = timezone.localdate()
    errors = None
    if request.method == "POST":
        try:
            if request.POST.get("aksi") == "usul":
                usulan_set(
                    formasi=formasi,
                    pegawai_ids=[int(p) for p in request.POST.getlist("usul") if p.isdigit()],
                    pada=pada,
                    oleh=request.user,
                )
                messages.success(request, _("Usulan kandidat dicatat."))
            elif request.POST.get("aksi") == "putus":
                keputusan = keputusan_create(
                    formasi=formasi,
                    pegawai=get_object_or_404(Pegawai, pk=request.POST.get("pegawai") or 0),
                    nomor_sk=request.POST.get("nomor_sk", ""),
                    tanggal_sk=_tanggal(request.POST.get("tanggal_sk"), pada, "tanggal_sk"),
                    tmt=_tanggal(request.POST.get("tmt"), pada, "tmt"),
                    metode=request.POST.get("metode", ""),
                    justifikasi=request.POST.get("justifikasi", ""),
                    oleh=request.user,
                )
                messages.success(
                    request, _("Keputusan %(sk)s dicatat.") % {"sk": keputusan.nomor_sk}
                )
            return redirect(reverse("jabatan:lowongan_detail", args=[formasi.pk]))
        except ValidationError as exc:
            errors = exc.messages
    nip = "".join(request.GET.get("nip", "").split())
    if request.GET.get("ekspor") in ("csv", "xlsx"):
        # 1,000 candidates with their breakdown: a background task, downloaded from its page.
        from jabatan.tasks import mulai_ekspor_peringkat

        return redirect(mulai_ekspor_peringkat(request, formasi, request.GET["ekspor"]))
    dasar = peringkat_formasi(formasi, pada=pada, nip=nip, teratas=TERATAS)
    bobot, galat_bobot = _bobot_dari(request, dasar.bobot)
    simulasi = bobot != dasar.bobot
    hasil = dengan_bobot(dasar, bobot, teratas=TERATAS) if simulasi else dasar
    sebelumnya = {h.kandidat.pegawai_id: h.peringkat for h in dasar.teratas}
    # The table shows the components that weigh; the others are named under it.
    dibobot = [k for k, w in bobot.sebagai_dict().items() if w]
    cari = hasil.untuk(nip) if nip else None
    bobot_query = request.GET.copy()
    for kunci in ("nip", "ekspor"):
        bobot_query.pop(kunci, None)
    return render(
        request,
        "jabatan/lowongan_detail.html",
        {
            "formasi": formasi,
            "peringkat": hasil,
            "teratas": [
                (h, sebelumnya.get(h.kandidat.pegawai_id), [h.komponen[k] for k in dibobot])
                for h in hasil.teratas
            ],
            "kolom": [merit.LABEL_KOMPONEN[k] for k in dibobot],
            "tanpa_bobot": [merit.LABEL_KOMPONEN[k] for k in merit.KOMPONEN if k not in dibobot],
            "alasan": [(merit.LABEL_ALASAN[k], n) for k, n in hasil.alasan.items()],
            "bobot": bobot,
            "simulasi": simulasi,
            "galat_bobot": galat_bobot,
            "komponen": [(k, merit.LABEL_KOMPONEN[k]) for k in merit.KOMPONEN],
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
            "usulan": Usulan.objects.filter(formasi=formasi, aktif=True).select_related("pegawai"),
            "metode": Keputusan.Metode.choices,
            "errors": errors,
            "pada": pada,
            "keputusan": Keputusan.objects.filter(formasi=formasi).select_related("pegawai")[:5],
        },
    )


# --- The employee's own view: "why was I (not) proposed?" ---------------------------------------

SEMUA = Lingkup(semua=True)  # open posts are public within the government (seleksi terbuka)


@login_required
@require_safe
def peluang_daftar(request: HttpRequest) -> HttpResponse:
    """Open posts an employee may check themselves against, and those they were proposed for."""
    pegawai_id = pegawai_id_sendiri(request.user)
    pada = timezone.localdate()
    filterset, rows = _saring_lowongan(request, SEMUA, pada)
    halaman = _halaman_lowongan(request, rows, pada, 25)
    diusulkan = Usulan.objects.filter(
        aktif=True, formasi_id__in=[f.pk for f in halaman["halaman"]]
    ).values_list("formasi_id", flat=True)
    return render(
        request,
        "jabatan/peluang_list.html",
        {
            "filterset": filterset,
            **halaman,
            "dengan_usulan": set(diusulkan),
            "usulan_saya": Usulan.objects.filter(pegawai_id=pegawai_id, aktif=True)
            .select_related("formasi__jabatan", "formasi__unit_kerja")
            .order_by("-created_at")[:10],
        },
    )


@login_required
@require_safe
def peluang_detail(request: HttpRequest, formasi_id: int) -> HttpResponse:
    """The employee's own explanation for one post: eligible or why not (and from when), their
    rank and breakdown, and whether they were proposed. Other people's scores stay with HR."""
    pegawai_id = pegawai_id_sendiri(request.user)
    formasi = get_object_or_404(
        Formasi.objects.select_related("jabatan", "unit_kerja"), pk=formasi_id
    )
    pada = timezone.localdate()
    hasil = peringkat_formasi(formasi, pada=pada, teratas=0, pegawai_ids=[pegawai_id])
    saya = hasil.dicari.get(pegawai_id)
    usulan = list(Usulan.objects.filter(formasi=formasi, aktif=True).order_by("peringkat"))
    return render(
        request,
        "jabatan/peluang_detail.html",
        {
            "formasi": formasi,
            "peringkat": hasil,
            "saya": saya,
            "komponen": [(merit.LABEL_KOMPONEN[k], v) for k, v in saya.komponen.items()]
            if saya
            else [],
            "bobot": hasil.bobot.sebagai_dict(),
            "pemangku": pegawai_id in hasil.pemangku,
            "diusulkan": any(u.pegawai_id == pegawai_id for u in usulan),
            "peringkat_usulan": [u.peringkat for u in usulan],
            "keputusan": Keputusan.objects.filter(formasi=formasi).order_by("-tanggal_sk").first(),
            "pada": pada,
        },
    )
