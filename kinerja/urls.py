from django.urls import path

from kinerja import views

app_name = "kinerja"

urlpatterns = [
    path("", views.dasbor, name="dasbor"),
    path("talenta/<int:kotak>/", views.talenta, name="talenta"),
    path("ekspor/<str:tabel>.<str:fmt>", views.ekspor, name="ekspor"),
    path("skp/", views.skp_daftar, name="skp_list"),
    path("skp/<int:pk>/", views.skp_detail, name="skp_detail"),
    path("skp/<int:pk>/cetak/", views.skp_cetak_halaman, name="skp_cetak"),
    # One POST-only view per action on the SKP page.
    path("skp/<int:pk>/rencana/", views.skp_rencana, name="skp_rencana"),
    path("skp/<int:pk>/realisasi/", views.skp_realisasi, name="skp_realisasi"),
    path("skp/<int:pk>/nilai/", views.skp_penilaian, name="skp_nilai"),
    path("skp/<int:pk>/final/", views.skp_finalisasi, name="skp_final"),
    path("skp/<int:pk>/revisi/", views.skp_revisi_catat, name="skp_revisi"),
]
