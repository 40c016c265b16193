from django.urls import path

from survei import views

app_name = "survei"

urlpatterns = [
    path("", views.survei_dasbor, name="dasbor"),
    path("<slug:kode>/", views.survei_unit, name="unit"),
    path(
        "<slug:kode>/unduh/<str:bagian>.<str:fmt>",
        views.survei_unit_ekspor,
        name="unit_ekspor",
    ),
]
