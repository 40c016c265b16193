from django.urls import path

from pelatihan import views

app_name = "pelatihan"

urlpatterns = [
    path("", views.dasbor, name="dasbor"),
    path("ekspor/<str:tabel>.<str:fmt>", views.ekspor, name="ekspor"),
    path("saya/", views.saya, name="saya"),
    path("saya/eksternal/", views.eksternal, name="eksternal"),
    path("eksternal/<int:eksternal_id>/bukti/", views.eksternal_bukti, name="eksternal_bukti"),
    path("sesi/<int:pk>/ajukan/", views.ajukan, name="ajukan"),
    path("kebutuhan/", views.kebutuhan, name="kebutuhan"),
    path("rencana/", views.rencana, name="rencana"),
    path("dampak/", views.efek, name="efek"),
    path("sesi/<int:sesi_id>/daftar-massal/", views.daftar_massal, name="daftar_massal"),
    path("sesi/<int:sesi_id>/peserta/", views.peserta, name="peserta"),
    path("sesi/<int:sesi_id>/peserta.<str:fmt>", views.peserta_ekspor, name="peserta_ekspor"),
]
