from django.urls import path

from tugas import views

app_name = "tugas"

urlpatterns = [
    path("<uuid:pk>/", views.progres_detail, name="detail"),
    path("<uuid:pk>/unduh/", views.progres_unduh, name="unduh"),
]
