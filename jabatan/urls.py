from django.urls import path

from jabatan import views, views_beranda, views_duk, views_pegawai, views_suksesi

app_name = "jabatan"

urlpatterns = [
    path("unit/", views_beranda.unit_saya, name="unit_saya"),
    path("lowongan/", views.lowongan_daftar, name="lowongan"),
    path("lowongan/ekspor.<str:fmt>", views.lowongan_daftar_ekspor, name="lowongan_daftar_ekspor"),
    path("lowongan/<int:formasi_id>/", views.lowongan_detail, name="lowongan_detail"),
    path("lowongan/<int:formasi_id>/ekspor/", views.lowongan_ekspor, name="lowongan_ekspor"),
    path("lowongan/<int:formasi_id>/usulan/", views.lowongan_usul, name="lowongan_usul"),
    path("lowongan/<int:formasi_id>/keputusan/", views.lowongan_putus, name="lowongan_putus"),
    path(
        "lowongan/<int:formasi_id>/suksesi/",
        views_suksesi.suksesor_tambah,
        name="suksesor_tambah",
    ),
    path(
        "lowongan/<int:formasi_id>/suksesi/<int:suksesor_id>/ubah/",
        views_suksesi.suksesor_ubah,
        name="suksesor_ubah",
    ),
    path(
        "lowongan/<int:formasi_id>/suksesi/<int:suksesor_id>/hapus/",
        views_suksesi.suksesor_hapus,
        name="suksesor_hapus",
    ),
    path("keputusan/<int:keputusan_id>/", views.keputusan_detail, name="keputusan_detail"),
    path(
        "keputusan/<int:keputusan_id>/koreksi/",
        views.keputusan_koreksi_kirim,
        name="keputusan_koreksi",
    ),
    path(
        "keputusan/<int:keputusan_id>/batalkan/",
        views.keputusan_batalkan_kirim,
        name="keputusan_batalkan",
    ),
    path(
        "keputusan/<int:keputusan_id>/petikan/",
        views.keputusan_petikan_cetak,
        name="keputusan_petikan",
    ),
    path("peluang/", views.peluang_daftar, name="peluang"),
    path("peluang/<int:formasi_id>/", views.peluang_detail, name="peluang_detail"),
]

urlpatterns += [
    path("pegawai/", views_pegawai.pegawai_daftar, name="pegawai"),
    path("pegawai/<int:pegawai_id>/", views_pegawai.pegawai_detail, name="pegawai_detail"),
    path("duk/", views_duk.duk_list, name="duk"),
    path("duk/cetak/", views_duk.duk_cetak, name="duk_cetak"),
    path("duk/ekspor.<str:fmt>", views_duk.duk_ekspor, name="duk_ekspor"),
]
