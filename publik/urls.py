from django.urls import path

from publik.views import data_terbuka, kelola, seleksi, survei, transparansi, umpan

app_name = "publik"

urlpatterns = [
    path("beranda/", transparansi.beranda_publik, name="beranda"),
    path("transparansi/", transparansi.transparansi, name="transparansi"),
    path(
        "transparansi/<int:keputusan_id>/", transparansi.keputusan_detail, name="keputusan_detail"
    ),
    path("transparansi/lowong/", transparansi.lowong, name="lowong"),
    path("data-terbuka/", data_terbuka.data_terbuka, name="data_terbuka"),
    # Before the data sets' pattern, which would read it as data set "datapackage".
    path("data-terbuka/datapackage.json", data_terbuka.paket, name="paket_data"),
    path("data-terbuka/<slug:kode>.<str:fmt>", data_terbuka.unduh, name="unduh"),
    # At the site's root, where DCAT-US harvesters look for it (Project Open Data v1.1).
    path("data.json", data_terbuka.katalog_dcat, name="katalog"),
    path("umpan.atom", umpan.umpan, name="feed"),
    path("seleksi/", seleksi.seleksi_list, name="seleksi_list"),
    path("seleksi/<int:seleksi_id>/", seleksi.seleksi_detail, name="seleksi_detail"),
    path("saya/seleksi/", seleksi.seleksi_saya, name="seleksi_saya"),
    path(
        "saya/seleksi/<int:seleksi_id>/<int:formasi_id>/lamar/",
        seleksi.seleksi_lamar,
        name="seleksi_lamar",
    ),
    # HR's pages of the open selection.
    path("kelola/seleksi/", kelola.seleksi_daftar, name="kelola_seleksi"),
    path(
        "kelola/seleksi/ekspor.<str:fmt>",
        kelola.seleksi_daftar_ekspor,
        name="kelola_seleksi_ekspor",
    ),
    path("kelola/seleksi/baru/", kelola.seleksi_buka, name="kelola_seleksi_buka"),
    path("kelola/seleksi/<int:seleksi_id>/", kelola.seleksi_detail, name="kelola_seleksi_detail"),
    path("kelola/seleksi/<int:seleksi_id>/ubah/", kelola.seleksi_ubah, name="kelola_seleksi_ubah"),
    path(
        "kelola/seleksi/<int:seleksi_id>/jadwal/",
        kelola.seleksi_jadwal,
        name="kelola_seleksi_jadwal",
    ),
    path(
        "kelola/seleksi/<int:seleksi_id>/batalkan/",
        kelola.seleksi_batal,
        name="kelola_seleksi_batal",
    ),
    path(
        "kelola/seleksi/<int:seleksi_id>/usulkan/",
        kelola.seleksi_usulkan_view,
        name="kelola_seleksi_usulkan",
    ),
    path(
        "kelola/seleksi/<int:seleksi_id>/tahap/<int:tahap_id>/",
        kelola.tahap_hasil,
        name="kelola_tahap",
    ),
    path(
        "kelola/seleksi/<int:seleksi_id>/tahap/<int:tahap_id>/umumkan/",
        kelola.tahap_umumkan_view,
        name="kelola_tahap_umumkan",
    ),
    path("survei/", survei.survei, name="survei"),
    path("survei/<slug:kode>/", survei.survei_form, name="survei_form"),
    path(
        "survei/<slug:kode>/terima-kasih/", survei.survei_terima_kasih, name="survei_terima_kasih"
    ),
    path("survei/<slug:kode>/hasil/", survei.survei_hasil, name="survei_hasil"),
    path("survei/<slug:kode>/qr.svg", survei.survei_qr, name="survei_qr"),
    path("survei/<slug:kode>/qr.png", survei.survei_png, name="survei_png"),
    path("survei/<slug:kode>/cetak/", survei.survei_cetak, name="survei_cetak"),
    path("survei/<slug:kode>/kios/<str:token>/", survei.survei_kios, name="survei_kios"),
]
