"""The employees' survey: the form at /survei-pegawai/, HR's pages under kelola/."""

from django.urls import path

from survei.pegawai import views

app_name = "survei_pegawai"

urlpatterns = [
    path("", views.isi, name="isi"),
    path("kelola/", views.kelola, name="kelola"),
    path("kelola/buka/", views.buka, name="buka"),
    path("kelola/tutup/", views.tutup, name="tutup"),
    path("kelola/hasil/", views.hasil, name="hasil"),
]
