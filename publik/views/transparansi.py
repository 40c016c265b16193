"""Transparency of filling posts: filled posts, a page per decision, open posts and figures,
open data (CSV, JSON) and the Atom feed."""

from __future__ import annotations

import csv
import io
import json

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from jabatan.views import beranda as beranda_staf
from kinerja.survei_selectors import hasil_terbit
from pegawai.ekspor import sel_aman
from publik.alamat import absolut
from publik.cache import halaman_publik
from publik.filters import KeputusanPublikFilter
from publik.selectors import (
    MIN_ORANG,
    angka_transparansi,
    baris_keputusan,
    keputusan_publik,
    lowong_publik,
    terakhir_diubah,
)

PER_HALAMAN = 20
LISENSI = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
LISENSI_URL = "https://creativecommons.org/licenses/by/4.0/deed.id"


@halaman_publik("beranda", "transparansi", "survei", "seleksi")
def _beranda_publik(request: HttpRequest) -> HttpResponse:
    pada = timezone.localdate()
    return render(request, "publik/beranda.html", {
        "angka": angka_transparansi(pada=pada),
        "terbaru": [baris_keputusan(k) for k in keputusan_publik()[:5]],
    })  # fmt: skip


@require_GET
def beranda(request: HttpRequest) -> HttpResponse:
    """The site's home: the public portal, or HR's summary for staff (jabatan's page)."""
    if request.user.is_authenticated and request.user.is_staff:
        return beranda_staf(request)
    return _beranda_publik(request)


def _saring(request: HttpRequest):
    filterset = KeputusanPublikFilter(request.GET or None, queryset=keputusan_publik())
    qs = filterset.qs if filterset.is_bound and filterset.is_valid() else keputusan_publik()
    if filterset.is_bound and not filterset.is_valid():
        qs = qs.none()
    return filterset, qs


@require_GET
@halaman_publik("transparansi")
def transparansi(request: HttpRequest) -> HttpResponse:
    """List the filled posts (decisions in force), filtered, sorted and paginated."""
    filterset, qs = _saring(request)
    halaman = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman"))
    params = request.GET.copy()
    params.pop("halaman", None)
    return render(request, "publik/transparansi.html", {
        "menu": "transparansi", "filter": filterset, "halaman": halaman,
        "baris": [baris_keputusan(k) for k in halaman.object_list],
        "params": params.urlencode(), "min_orang": MIN_ORANG,
        # The folded filters (on a phone) say how many narrow the list (the order does not).
        "saring_aktif": sum(1 for f in filterset.form.fields if f != "urut" and request.GET.get(f)),
    })  # fmt: skip


@require_GET
@halaman_publik("transparansi")
def keputusan_detail(request: HttpRequest, keputusan_id: int) -> HttpResponse:
    """Show one decision: the post, the appointee, the method, the merit figures."""
    k = keputusan_publik().filter(pk=keputusan_id).first()
    if k is None:
        raise Http404
    return render(request, "publik/keputusan_detail.html", {
        "menu": "transparansi", "k": baris_keputusan(k),
    })  # fmt: skip


@require_GET
@halaman_publik("transparansi")
def lowong(request: HttpRequest) -> HttpResponse:
    """List the open posts and the figures behind them."""
    pada = timezone.localdate()
    halaman = Paginator(lowong_publik(), PER_HALAMAN).get_page(request.GET.get("halaman"))
    for f in halaman.object_list:
        f.hari_lowong = (pada - f.lowong_sejak).days if f.lowong_sejak else None
        f.hari_plt = (pada - f.plt_mulai).days if f.plt_mulai else None
    angka = angka_transparansi(pada=pada)
    maks = max([n for _b, n in angka.per_bulan] or [0]) or 1
    return render(request, "publik/lowong.html", {
        "menu": "lowong", "halaman": halaman, "angka": angka, "min_orang": MIN_ORANG,
        "batang": [
            (f"{b[5:]}/{b[2:4]}", n, 10 + 52 * i, 180 - round(150 * n / maks),
             round(150 * n / maks))
            for i, (b, n) in enumerate(angka.per_bulan)
        ],
    })  # fmt: skip


# --- Open data ---------------------------------------------------------------------------------

FIELDS_TERISI = [
    ("id", gettext_lazy("nomor urut keputusan di sistem")),
    ("jabatan", gettext_lazy("nama jabatan")),
    ("jenis_jabatan", gettext_lazy("jenis jabatan (UU 20/2023)")),
    ("unit_kerja", gettext_lazy("unit kerja formasi")),
    ("nomor_sk", gettext_lazy("nomor surat keputusan")),
    ("tanggal_sk", gettext_lazy("tanggal SK (ISO 8601)")),
    ("tmt", gettext_lazy("terhitung mulai tanggal (ISO 8601)")),
    ("metode", gettext_lazy("seleksi_terbuka, talent_pool atau rotasi_mutasi")),
    ("nama", gettext_lazy("nama pejabat yang diangkat, dengan gelar")),
    ("jumlah_kandidat_layak", gettext_lazy("jumlah kandidat yang memenuhi syarat")),
    ("peringkat_merit", gettext_lazy("peringkat yang diangkat dalam peringkat merit")),
    ("ringkasan_justifikasi", gettext_lazy("bila bukan peringkat pertama")),
    ("hari_lowong", gettext_lazy("hari formasi lowong sebelum diisi")),
]
FIELDS_LOWONG = [
    ("id", gettext_lazy("nomor formasi di sistem")),
    ("jabatan", gettext_lazy("nama jabatan")),
    ("jenis_jabatan", gettext_lazy("jenis jabatan")),
    ("unit_kerja", gettext_lazy("unit kerja")),
    ("kursi_lowong", gettext_lazy("kuota dikurangi pemangku definitif")),
    ("lowong_sejak", gettext_lazy("tanggal mulai lowong (ISO 8601)")),
    ("ada_plt_plh", gettext_lazy("ada Pelaksana Tugas/Harian aktif (true/false)")),
]
FIELDS_IKM = [
    ("unit_layanan", gettext_lazy("nama unit layanan")),
    ("tahun", gettext_lazy("tahun survei")),
    ("triwulan", gettext_lazy("triwulan yang dihitung, mis. 1,2 (kosong bila belum ada)")),
    ("responden", gettext_lazy("jumlah kuesioner (kosong bila belum diumumkan)")),
    ("ikm", gettext_lazy("indeks konversi 25–100 (kosong bila belum diumumkan)")),
    ("mutu", gettext_lazy("A, B, C atau D")),
    *[(f"nrr_u{i}", gettext_lazy("nilai rata-rata unsur %(i)s") % {"i": i}) for i in range(1, 10)],
]


def _terisi():
    for k in keputusan_publik():
        b = baris_keputusan(k)
        yield {
            "id": b.id, "jabatan": b.jabatan, "jenis_jabatan": b.jenis_jabatan,
            "unit_kerja": b.unit, "nomor_sk": b.nomor_sk, "tanggal_sk": b.tanggal_sk.isoformat(),
            "tmt": b.tmt.isoformat(), "metode": b.metode, "nama": b.nama,
            "jumlah_kandidat_layak": b.jumlah_layak, "peringkat_merit": b.peringkat,
            "ringkasan_justifikasi": b.justifikasi, "hari_lowong": b.hari_lowong,
        }  # fmt: skip


def _lowong():
    for f in lowong_publik():
        yield {
            "id": f.pk, "jabatan": f.jabatan.nama, "jenis_jabatan": f.jabatan.get_jenis_display(),
            "unit_kerja": f.unit_kerja.nama, "kursi_lowong": f.kuota - f.jumlah_terisi,
            "lowong_sejak": f.lowong_sejak.isoformat() if f.lowong_sejak else None,
            "ada_plt_plh": bool(f.plt_mulai),
        }  # fmt: skip


def _ikm():
    # The same published figures as /survei/ (kinerja.survei_terbit): closed quarters with at
    # least five questionnaires, never a smaller count.
    tahun = timezone.localdate().year
    for t in (tahun, tahun - 1):
        for h in hasil_terbit(tahun=t):
            yield {
                "unit_layanan": h.unit.nama, "tahun": t,
                "triwulan": ",".join(str(tw) for tw in h.cakupan) or None,
                "responden": h.responden,
                "ikm": str(h.indeks) if h.indeks is not None else None, "mutu": h.mutu,
                **{f"nrr_u{i}": (str(n) if h.indeks is not None else None)
                   for i, n in enumerate(h.hasil.nrr or [None] * 9, 1)},
            }  # fmt: skip


DATASET = {
    "jabatan-terisi": (gettext_lazy("Jabatan terisi"), FIELDS_TERISI, _terisi, "transparansi"),
    "jabatan-lowong": (gettext_lazy("Jabatan lowong"), FIELDS_LOWONG, _lowong, "transparansi"),
    "ikm": (gettext_lazy("Indeks Kepuasan Masyarakat"), FIELDS_IKM, _ikm, "survei"),
}


@require_GET
@halaman_publik("transparansi", "survei")
def data_terbuka(request: HttpRequest) -> HttpResponse:
    """Document the open data sets: fields, licence, update time, links to CSV and JSON."""
    return render(request, "publik/data_terbuka.html", {
        "menu": "data", "dataset": [(kode, judul, fields) for kode, (judul, fields, _f, _b)
                                    in DATASET.items()],
        "lisensi": LISENSI, "lisensi_url": LISENSI_URL, "diperbarui": terakhir_diubah(),
        "dibuat": timezone.now(),
    })  # fmt: skip


def _unduh(request: HttpRequest, kode: str, fmt: str) -> HttpResponse:
    if kode not in DATASET or fmt not in ("csv", "json"):
        raise Http404
    judul, fields, rows, _bagian = DATASET[kode]
    data = list(rows())
    if fmt == "json":
        isi = json.dumps({
            "judul": str(judul), "lisensi": LISENSI, "dibuat": timezone.now().isoformat(),
            "sumber": absolut(reverse("publik:data_terbuka")),
            "fields": {k: str(v) for k, v in fields}, "data": data,
        }, ensure_ascii=False, indent=1)  # fmt: skip
        response = HttpResponse(isi, content_type="application/json; charset=utf-8")
    else:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow([k for k, _l in fields])
        for row in data:
            writer.writerow([sel_aman("" if row[k] is None else row[k]) for k, _l in fields])
        response = HttpResponse(buf.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{kode}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


@require_GET
def unduh(request: HttpRequest, kode: str, fmt: str) -> HttpResponse:
    """Return an open data set as CSV or JSON (cached with its section)."""
    bagian = DATASET[kode][3] if kode in DATASET else "transparansi"
    return halaman_publik(bagian)(_unduh)(request, kode, fmt)


# --- Atom feed ---------------------------------------------------------------------------------


class UmpanPublik(Feed):
    """New decisions (and, from the open selections, announcements) as an Atom feed."""

    feed_type = Atom1Feed
    title = gettext_lazy("Transparansi pengisian jabatan — Pemerintah Kota Mataram")
    subtitle = gettext_lazy("Keputusan pengisian jabatan dan pengumuman seleksi terbuka.")

    def link(self) -> str:
        return reverse("publik:transparansi")

    def items(self) -> list:
        from publik.models import Pengumuman

        items = [("keputusan", k) for k in keputusan_publik().order_by("-created_at")[:30]]
        items += [("pengumuman", p) for p in Pengumuman.objects.select_related("tahap")[:30]]
        items.sort(key=lambda it: it[1].created_at, reverse=True)
        return items[:30]

    def item_title(self, item) -> str:
        jenis, obj = item
        if jenis == "keputusan":
            b = baris_keputusan(obj)
            return _("%(jabatan)s, %(unit)s: %(nama)s") % {
                "jabatan": b.jabatan,
                "unit": b.unit,
                "nama": b.nama,
            }
        return str(obj)

    def item_description(self, item) -> str:
        jenis, obj = item
        if jenis == "keputusan":
            b = baris_keputusan(obj)
            return _("SK %(nomor)s tanggal %(tanggal)s, %(metode)s.") % {
                "nomor": b.nomor_sk,
                "tanggal": b.tanggal_sk.isoformat(),
                "metode": b.metode_label,
            }
        return _("Diumumkan %(t)s. Yang lulus: %(n)s") % {
            "t": obj.tanggal.isoformat(),
            "n": "; ".join(f"{b['formasi']}: {', '.join(b['lulus']) or '—'}" for b in obj.isi),
        }

    def item_link(self, item) -> str:
        jenis, obj = item
        if jenis == "keputusan":
            return reverse("publik:keputusan_detail", kwargs={"keputusan_id": obj.pk})
        return reverse("publik:seleksi_detail", args=[obj.seleksi_id]) + f"#tahap-{obj.tahap_id}"

    def item_pubdate(self, item):
        return item[1].created_at

    def item_updateddate(self, item):
        return item[1].created_at


umpan = require_GET(halaman_publik("transparansi", "seleksi")(UmpanPublik()))
