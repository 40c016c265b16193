from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language

from core.views import healthz
from pegawai.capability import PUBLIC, page
from pegawai.views import saya
from publik.views.transparansi import beranda
from tugas.views_kesiapan import kesiapan_view
from tugas.views_metrik import metrik_view

urlpatterns = [
    path("", beranda, name="beranda"),
    # Django's own views, declared here (tests/test_arsitektur.py: every view declares who
    # opens it): logging in and out, the language switch and the old DUK addresses, whose
    # targets check their own capability.
    path(
        "masuk/",
        page(PUBLIC)(auth_views.LoginView.as_view(redirect_authenticated_user=True)),
        name="masuk",
    ),
    path("keluar/", page(PUBLIC)(auth_views.LogoutView.as_view()), name="keluar"),
    path("saya/", saya, name="saya"),
    # The survey's internal dashboard keeps the address it had under kinerja.
    path("kinerja/survei/", include("survei.urls")),
    path("survei-pegawai/", include("survei.pegawai.urls")),
    path("kinerja/", include("kinerja.urls")),
    path("jabatan/", include("jabatan.urls")),
    path("pelatihan/", include("pelatihan.urls")),
    # The DUK moved from the importer to jabatan: old bookmarks and printed links still work.
    path(
        "impor/duk/",
        page(PUBLIC)(
            RedirectView.as_view(pattern_name="jabatan:duk", query_string=True, permanent=True)
        ),
        name="duk_lama",
    ),
    path(
        "impor/duk/cetak/",
        page(PUBLIC)(
            RedirectView.as_view(
                pattern_name="jabatan:duk_cetak", query_string=True, permanent=True
            )
        ),
        name="duk_cetak_lama",
    ),
    path("impor/", include("impor.urls")),
    path("sistem-merit/", include("sistem_merit.urls")),
    path("", include("publik.urls")),
    path("tugas/", include("tugas.urls")),
    path("admin/", admin.site.urls),
    path("i18n/setlang/", page(PUBLIC)(set_language), name="set_language"),
    path("healthz", healthz, name="healthz"),
    path("healthz/siap", kesiapan_view, name="kesiapan"),
    path("metrics", metrik_view, name="metrik"),
]

# A full disk is told in words (507); every other error keeps Django's 500 page.
handler500 = "core.views.server_error"
