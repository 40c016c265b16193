from django.urls import path

from sistem_merit.views import paket, penilaian, publik

app_name = "sistem_merit"

urlpatterns: list = [
    # HR: assessments, levels, documents, finalising (sistem_merit/views/penilaian.py)
    path("penilaian/", penilaian.penilaian_list, name="penilaian_list"),
    path("penilaian/buka/", penilaian.penilaian_create, name="penilaian_create"),
    path("penilaian/<int:penilaian_id>/", penilaian.penilaian_detail, name="penilaian_detail"),
    # One POST-only view per action on the assessment's page.
    path(
        "penilaian/<int:penilaian_id>/hitung/", penilaian.penilaian_hitung, name="penilaian_hitung"
    ),
    path("penilaian/<int:penilaian_id>/final/", penilaian.penilaian_final, name="penilaian_final"),
    path("jawaban/<int:jawaban_id>/level/", penilaian.jawaban_level, name="jawaban_level"),
    path("jawaban/<int:jawaban_id>/dokumen/", penilaian.dokumen_unggah, name="dokumen_unggah"),
    path("dokumen/<int:dokumen_id>/", penilaian.dokumen_unduh, name="dokumen_unduh"),
    # The evidence pack (sistem_merit/views/paket.py)
    path("penilaian/<int:penilaian_id>/paket/", paket.penilaian_paket, name="penilaian_paket"),
    # Public: the final assessment, its method, open data (sistem_merit/views/publik.py)
    path("", publik.publik, name="publik"),
    path("<int:tahun>/", publik.publik_tahun, name="publik_tahun"),
    # Before the data sets' pattern, which would read it as data set "datapackage".
    path("data-terbuka/datapackage.json", publik.data_paket, name="data_paket"),
    path("data-terbuka/<slug:kode>.<str:fmt>", publik.data_unduh, name="data_unduh"),
]
