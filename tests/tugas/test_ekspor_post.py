"""Every export that logs a row (CatatanEkspor) is a POST, whether it queues a task or answers
with the file: a GET (a link or an image on another site, in an officer's name) starts and
writes nothing.

`PENCATAT` below lists every function of the code that writes the log (found by reading the
code, `_pencatat_di_kode`) with the URLs that run it; the URL configuration is walked so that
no second address of such a view escapes the list."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_tasks_db.models import DBTaskResult

from kinerja.views import TABEL as TABEL_KINERJA
from pegawai.models import CatatanEkspor
from pelatihan.views import TABEL as TABEL_PELATIHAN
from survei.views import BAGIAN as BAGIAN_SURVEI
from tests.akses_data import klien, objek_unit_a
from tugas.models import Progres

pytestmark = pytest.mark.django_db


def _nothing_started() -> None:
    assert not Progres.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert not CatatanEkspor.objects.exists()


@pytest.mark.parametrize(
    "query",
    [{}, {"format": "xlsx"}, {"format": "csv", "q": "a"}],
)
def test_it_refuses_a_get_of_the_admin_export_and_starts_nothing(org, langsung, query):
    with langsung(execute=True):
        response = klien(org.users["hr"], enforce_csrf_checks=True).get(
            "/admin/pegawai/pegawai/ekspor/", query
        )
    assert response.status_code == 405
    _nothing_started()


@pytest.mark.parametrize(
    "url",
    [
        "/impor/ekspor.csv",
        "/impor/ekspor.xlsx",
        "/pelatihan/ekspor/pegawai.csv",
        "/pelatihan/ekspor/unit.xlsx",
        "/jabatan/duk/ekspor.csv?unit={unit}",
    ],
)
def test_it_refuses_a_get_of_a_city_wide_export_and_starts_nothing(org, langsung, url):
    with langsung(execute=True):
        response = klien(org.users["hr"], enforce_csrf_checks=True).get(
            url.format(unit=org.unit_a.pk)
        )
    assert response.status_code == 405
    _nothing_started()


@pytest.mark.parametrize("query", [{}, {"format": "csv"}, {"ekspor": "xlsx"}])
def test_it_refuses_a_get_of_the_ranking_export_and_starts_nothing(org, langsung, query):
    with langsung(execute=True):
        response = klien(org.users["hr"], enforce_csrf_checks=True).get(
            f"/jabatan/lowongan/{org.formasi_a.pk}/ekspor/", query
        )
    assert response.status_code == 405
    _nothing_started()


def test_the_ranking_page_with_the_old_export_query_only_shows_the_page(org, langsung):
    with langsung(execute=True):
        response = klien(org.users["hr"], enforce_csrf_checks=True).get(
            f"/jabatan/lowongan/{org.formasi_a.pk}/", {"ekspor": "csv"}
        )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    _nothing_started()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pegawai/pegawai/ekspor/",
        "/jabatan/lowongan/{formasi}/ekspor/",
        "/impor/ekspor.csv",
        "/pelatihan/ekspor/pegawai.csv",
    ],
)
def test_an_export_post_without_the_csrf_token_starts_nothing(org, langsung, url):
    with langsung(execute=True):
        response = klien(org.users["hr"], enforce_csrf_checks=True).post(
            url.format(formasi=org.formasi_a.pk), {"format": "csv"}
        )
    assert response.status_code == 403
    _nothing_started()


def test_the_ranking_export_refuses_an_unknown_format_as_a_field_error(org, langsung):
    client = klien(org.users["hr"], enforce_csrf_checks=True)
    page = client.get(f"/jabatan/lowongan/{org.formasi_a.pk}/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    with langsung(execute=True):
        response = client.post(
            f"/jabatan/lowongan/{org.formasi_a.pk}/ekspor/",
            {"format": "pdf", "csrfmiddlewaretoken": token},
        )
    assert response.status_code == 400
    assert "Format unduhan harus CSV atau XLSX." in response.content.decode()
    _nothing_started()


def test_the_admin_export_form_posts_with_its_token_and_queues(org, langsung):
    """The page's own form, token included, is what starts the export."""
    client = klien(org.users["hr"], enforce_csrf_checks=True)
    page = client.get("/admin/pegawai/pegawai/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    with langsung(execute=True):
        response = client.post(
            "/admin/pegawai/pegawai/ekspor/", {"format": "xlsx", "csrfmiddlewaretoken": token}
        )
    assert response.status_code == 302
    progres = Progres.objects.get()
    assert response["Location"] == progres.get_absolute_url()
    assert progres.status == "selesai" and progres.nama_berkas.endswith(".xlsx")
    assert CatatanEkspor.objects.filter(data="pegawai.pegawai", user=org.users["hr"]).exists()


# --- Every writer of the export log, and the URLs that run it ---------------------------------

# Function (module.function) that writes the export log (PENULIS_LOG) -> URL names that run it:
# the view itself, or the view that queues the task. "admin:*_ekspor": every admin list's export
# (pegawai.admin_base.BaseAdmin.ekspor_view queues pegawai.tasks.ekspor_admin).
PENCATAT = {
    "impor.views.templat": ["impor:templat"],
    "impor.views.contoh_siasn": ["impor:contoh"],
    "impor.tasks.ekspor_pegawai": ["impor:ekspor"],
    "jabatan.views.lowongan_daftar_ekspor": ["jabatan:lowongan_daftar_ekspor"],
    "jabatan.tasks.ekspor_peringkat": ["jabatan:lowongan_ekspor"],
    "jabatan.tasks.ekspor_duk": ["jabatan:duk_ekspor"],
    "kinerja.views.ekspor": ["kinerja:ekspor"],
    "pelatihan.views.peserta_ekspor": ["pelatihan:peserta_ekspor"],
    "pelatihan.tasks.ekspor_dasbor": ["pelatihan:ekspor"],
    "publik.views.kelola.seleksi_daftar_ekspor": ["publik:kelola_seleksi_ekspor"],
    "survei.views.survei_unit_ekspor": ["survei:unit_ekspor"],
    "pegawai.admin_base.tulis_ekspor": ["admin:*_ekspor"],
    "sistem_merit.tasks.paket_penilaian": ["sistem_merit:penilaian_paket"],
}
# The downloads answered in the POST's response (the others redirect to a task's progress).
LANGSUNG = {
    "impor:templat",
    "impor:contoh",
    "jabatan:lowongan_daftar_ekspor",
    "kinerja:ekspor",
    "pelatihan:peserta_ekspor",
    "publik:kelola_seleksi_ekspor",
    "survei:unit_ekspor",
}
# The log's own writers: what every caller above goes through.
PENULIS_LOG = ("log_request_export", "log_export", "export_download", "export_file")
ALAT = {f"pegawai.ekspor.{f}" for f in PENULIS_LOG}
AKAR = Path(settings.BASE_DIR)


def _fungsi_pencatat(node: ast.AST, fungsi: str | None = None) -> set[str]:
    """Names of the functions (the innermost `def`) under `node` that call one of the log's
    writers (PENULIS_LOG)."""
    hasil = set()
    for anak in ast.iter_child_nodes(node):
        if isinstance(anak, ast.FunctionDef | ast.AsyncFunctionDef):
            hasil |= _fungsi_pencatat(anak, anak.name)
            continue
        if isinstance(anak, ast.Call):
            f = anak.func
            nama = f.id if isinstance(f, ast.Name) else getattr(f, "attr", "")
            if nama in PENULIS_LOG:
                hasil.add(fungsi or "<module>")
        hasil |= _fungsi_pencatat(anak, fungsi)
    return hasil


def _pencatat_di_kode() -> set[str]:
    """Every function (module.function) of the project's code that writes the export log."""
    lewati = {".venv", "tests", "migrations", "node_modules", "locale", "static"}
    hasil = set()
    for path in AKAR.rglob("*.py"):
        bagian = path.relative_to(AKAR).parts
        if lewati.intersection(bagian):
            continue
        modul = ".".join(bagian)[: -len(".py")].removesuffix(".__init__")
        pohon = ast.parse(path.read_text(encoding="utf-8"))
        hasil |= {f"{modul}.{f}" for f in _fungsi_pencatat(pohon)}
    return hasil - ALAT


def _pola(patterns=None, namespace: str | None = None):
    """(URL name, route, the view function under its decorators) of every URL pattern."""
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            yield from _pola(p.url_patterns, p.namespace or namespace)
        elif isinstance(p, URLPattern):
            nama = f"{namespace}:{p.name}" if namespace and p.name else p.name
            view = p.callback
            while hasattr(view, "__wrapped__"):
                view = view.__wrapped__
            yield nama, str(p.pattern), view


def _nama_url(kunci: str) -> list[str]:
    if kunci == "admin:*_ekspor":
        return sorted(
            n for n, _r, _v in _pola() if n and n.startswith("admin:") and n.endswith("_ekspor")
        )
    return [kunci]


def _alamat(nama: str, objek: dict) -> list[str]:
    """Every concrete URL of one URL name: each table and each format."""
    unit, sesi = objek["pegawai.unitkerja"].pk, objek["pelatihan.sesi"].pk
    layanan, formasi = objek["survei.unitlayanan"].kode, objek["jabatan.formasi"].pk
    fmt = ("csv", "xlsx")
    isian = {
        "impor:contoh": [[]],
        "sistem_merit:penilaian_paket": [[objek["sistem_merit.penilaian"].pk]],
        "jabatan:lowongan_ekspor": [[formasi]],
        "kinerja:ekspor": [[t, f] for t in TABEL_KINERJA for f in fmt],
        "pelatihan:ekspor": [[t, f] for t in TABEL_PELATIHAN for f in fmt],
        "pelatihan:peserta_ekspor": [[sesi, f] for f in fmt],
        "survei:unit_ekspor": [[layanan, b, f] for b in BAGIAN_SURVEI for f in fmt],
    }
    query = f"?unit={unit}" if nama == "jabatan:duk_ekspor" else ""
    if nama.startswith("admin:"):
        return [reverse(nama)]
    return [reverse(nama, args=a) + query for a in isian.get(nama, [[f] for f in fmt])]


def test_the_list_names_every_writer_of_the_export_log_in_the_code():
    """A new function that logs an export must be added to PENCATAT with its URLs, so that
    the tests below prove its GET refused; a removed one leaves it."""
    assert _pencatat_di_kode() == set(PENCATAT)
    ada = {n for n, _r, _v in _pola() if n}
    for kunci, nama in PENCATAT.items():
        for n in nama:
            assert set(_nama_url(n)) <= ada and _nama_url(n), (kunci, n)
    assert len(_nama_url("admin:*_ekspor")) >= 20  # the registry's lists, walked


def _fungsi_view(view):
    """The function under a view: an admin view is a bound method of each ModelAdmin, and
    every registered model's `ekspor_view` is the same BaseAdmin function."""
    return getattr(view, "__func__", view)


def _alamat_terlupa(pola: list[tuple[str | None, str, object]]) -> list[tuple[str | None, str]]:
    """URL patterns missing from PENCATAT: a view that writes the log, and every address of
    the view behind a listed URL name (for a queued export, the view that queues the task)."""
    tercatat = {n for nama in PENCATAT.values() for k in nama for n in _nama_url(k)}
    view_tercatat = {_fungsi_view(v) for n, _r, v in pola if n in tercatat}
    return [
        (nama, route)
        for nama, route, view in pola
        if nama not in tercatat
        and (
            _fungsi_view(view) in view_tercatat
            or f"{view.__module__}.{getattr(view, '__name__', '')}" in PENCATAT
        )
    ]


def test_every_url_of_a_view_that_logs_an_export_is_in_the_list():
    """Walk the URL configuration: a view that writes the log or queues the task that does, at
    whatever address, is listed."""
    assert _alamat_terlupa(list(_pola())) == []


def test_the_walk_finds_a_second_address_of_a_queueing_view():
    """A second URL to the ranking's export (which queues jabatan.tasks.ekspor_peringkat) or
    to an admin's export view is reported, though neither view writes the log itself."""
    pola = list(_pola())
    lowongan = next(v for n, _r, v in pola if n == "jabatan:lowongan_ekspor")
    admin = next(v for n, _r, v in pola if n == "admin:pegawai_pegawai_ekspor")
    tambahan = [("lain", "lain/<int:pk>/", lowongan), (None, "admin-lain/", admin)]
    assert _alamat_terlupa(pola + tambahan) == [("lain", "lain/<int:pk>/"), (None, "admin-lain/")]


def test_a_get_of_any_url_that_logs_an_export_is_refused_and_writes_nothing(org, langsung):
    objek = objek_unit_a(org)
    n = CatatanEkspor.objects.count()  # objek_unit_a logs one, for the admin's walk
    client = klien(org.users["hr"], enforce_csrf_checks=True)
    alamat = [
        a
        for nama in PENCATAT.values()
        for k in nama
        for url in _nama_url(k)
        for a in _alamat(url, objek)
    ]
    assert len(alamat) > 40
    salah = []
    with langsung(execute=True):
        for url in alamat:
            for metode in (client.get, client.head):
                if (got := metode(url).status_code) != 405:
                    salah.append(f"{metode.__name__.upper()} {url}: {got}")
    assert salah == []
    assert CatatanEkspor.objects.count() == n
    assert not Progres.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_each_direct_download_writes_its_log_row_on_the_post(org, unduh_langsung):
    """The list is right: each download answered in the response does log (one row per POST),
    in the name of who posted, with the filters of its query string."""
    objek = objek_unit_a(org)
    client = Client()
    client.force_login(org.users["hr"])
    for nama in sorted(LANGSUNG):
        for url in _alamat(nama, objek):
            n = CatatanEkspor.objects.count()
            unduh_langsung(client, url)
            assert CatatanEkspor.objects.count() == n + 1, url
            catatan = CatatanEkspor.objects.latest("pk")
            assert catatan.user == org.users["hr"], url
    catatan_lowongan = CatatanEkspor.objects.filter(data="jabatan.lowongan").latest("pk")
    url = reverse("jabatan:lowongan_daftar_ekspor", args=["csv"])
    unduh_langsung(client, url, {"lowong_minimal": 0})
    catatan = CatatanEkspor.objects.filter(data="jabatan.lowongan").latest("pk")
    assert catatan.filter == "lowong_minimal=0"
    assert catatan_lowongan.filter == ""


@pytest.mark.parametrize(
    "url",
    ["/jabatan/lowongan/?ekspor=csv", "/kelola/seleksi/?ekspor=xlsx"],
)
def test_a_list_with_the_old_export_query_only_shows_the_page(org, url):
    n = CatatanEkspor.objects.count()
    response = klien(org.users["hr"], enforce_csrf_checks=True).get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert CatatanEkspor.objects.count() == n


@pytest.mark.parametrize(
    "url",
    [
        "/kinerja/ekspor/distribusi.csv",
        "/jabatan/lowongan/ekspor.csv",
        "/kelola/seleksi/ekspor.xlsx",
        "/impor/templat.csv",
        "/impor/contoh-siasn.json",
    ],
)
def test_a_download_post_without_the_csrf_token_writes_nothing(org, url):
    response = klien(org.users["hr"], enforce_csrf_checks=True).post(url)
    assert response.status_code == 403
    assert not CatatanEkspor.objects.exists()


def test_the_pages_download_forms_post_with_their_token(org):
    """The lists' and dashboards' download buttons submit POST forms that carry the token,
    to the download's URL with the page's filters (`halaman`: page -> the start of one
    form's action)."""
    objek = objek_unit_a(org)
    client = klien(org.users["hr"], enforce_csrf_checks=True)
    sesi, layanan = objek["pelatihan.sesi"].pk, objek["survei.unitlayanan"].kode
    halaman = {
        "/jabatan/lowongan/?lowong_minimal=0": "/jabatan/lowongan/ekspor.csv?lowong_minimal=0",
        "/kelola/seleksi/?q=Seleksi": "/kelola/seleksi/ekspor.xlsx?q=Seleksi",
        "/kinerja/": "/kinerja/ekspor/distribusi.csv?",
        f"/pelatihan/sesi/{sesi}/peserta/": f"/pelatihan/sesi/{sesi}/peserta.csv?",
        f"/kinerja/survei/{layanan}/": f"/kinerja/survei/{layanan}/unduh/komentar.xlsx",
        "/impor/": "/impor/contoh-siasn.json",
    }
    for url, aksi in halaman.items():
        page = client.get(url)
        assert page.status_code == 200, url
        forms = re.findall(
            r'<form method="post" action="([^"]*)" id="([^"]+)">(.*?)</form>', page.content.decode()
        )
        cocok = [(a, i, isi) for a, i, isi in forms if a.replace("&amp;", "&").startswith(aksi)]
        assert cocok, (url, aksi, [a for a, _i, _x in forms])
        tujuan, ident, isi = cocok[0]
        assert 'name="csrfmiddlewaretoken"' in isi, url
        assert f'form="{ident}"' in page.content.decode(), url  # a button submits it
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', isi)[1]
        response = client.post(tujuan.replace("&amp;", "&"), {"csrfmiddlewaretoken": token})
        assert response.status_code == 200, (aksi, response.status_code)
        assert response["Content-Disposition"].startswith("attachment; "), aksi


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/jabatan/lowongan/ekspor.csv?lowong_minimal=abc", 400),
        ("/kelola/seleksi/ekspor.csv?status=entah", 400),
        ("/pelatihan/sesi/{sesi}/peserta.csv?status=x", 400),
        ("/kinerja/ekspor/distribusi.csv?golongan=XX", 400),
        ("/jabatan/lowongan/ekspor.pdf", 404),
        ("/kelola/seleksi/ekspor.pdf", 404),
    ],
)
def test_a_download_with_a_bad_filter_or_format_writes_nothing(org, url, status):
    """A filter the page refuses: the page again with its error (400), no file, no row."""
    objek = objek_unit_a(org)
    n = CatatanEkspor.objects.count()
    client = Client()
    client.force_login(org.users["hr"])
    response = client.post(url.format(sesi=objek["pelatihan.sesi"].pk))
    assert response.status_code == status
    assert "Content-Disposition" not in response
    if status == 400:
        assert response["Content-Type"].startswith("text/html")
    assert CatatanEkspor.objects.count() == n
