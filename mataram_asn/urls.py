from django.contrib import admin
from django.urls import path
from django.views.i18n import set_language

from jabatan.views import beranda
from pegawai.views import healthz

urlpatterns = [
    path("", beranda, name="beranda"),
    path("admin/", admin.site.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("healthz", healthz, name="healthz"),
]
