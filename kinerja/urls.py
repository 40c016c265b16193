from django.urls import path

from kinerja import views

app_name = "kinerja"

urlpatterns = [
    path("", views.dasbor, name="dasbor"),
    path("talenta/<int:kotak>/", views.talenta, name="talenta"),
    path("ekspor/<str:tabel>.<str:fmt>", views.ekspor, name="ekspor"),
    path("skp/", views.skp_daftar, name="skp_list"),
    path("skp/<int:pk>/", views.skp_detail, name="skp_detail"),
]
