from django.urls import path

from sistem_merit.views import paket, publik

app_name = "sistem_merit"

urlpatterns: list = [
    # HR: assessments, levels, documents, finalising (sistem_merit/views/penilaian.py)
    # The evidence pack (sistem_merit/views/paket.py)
    path("penilaian/<int:pk>/paket/", paket.penilaian_paket, name="penilaian_paket"),
    # Public: the final assessment, its method, open data (sistem_merit/views/publik.py)
    path("", publik.publik, name="publik"),
    path("<int:tahun>/", publik.publik_tahun, name="publik_tahun"),
    # Before the data sets' pattern, which would read it as data set "datapackage".
    path("data-terbuka/datapackage.json", publik.data_paket, name="data_paket"),
    path("data-terbuka/<slug:kode>.<str:fmt>", publik.data_unduh, name="data_unduh"),
]
