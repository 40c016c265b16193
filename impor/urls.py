from django.urls import path

from impor import views

app_name = "impor"
urlpatterns = [
    path("", views.impor_list, name="daftar"),
    path("unggah/", views.impor_unggah, name="unggah"),
    path("templat.<str:fmt>", views.templat, name="templat"),
    path("contoh-siasn.json", views.contoh_siasn, name="contoh"),
    path("<int:pk>/", views.impor_detail, name="detail"),
    path("<int:pk>/petakan/", views.impor_petakan, name="petakan"),
    path("<int:pk>/terapkan/", views.impor_terapkan, name="terapkan"),
    path("<int:pk>/rekonsiliasi/", views.impor_rekonsiliasi, name="rekonsiliasi"),
    path("ekspor.<str:fmt>", views.ekspor_pegawai, name="ekspor"),
]
