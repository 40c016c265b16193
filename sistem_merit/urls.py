from django.urls import path  # noqa: F401

app_name = "sistem_merit"

urlpatterns: list = [
    # HR: assessments, levels, documents, finalising (sistem_merit/views/penilaian.py)
    # The evidence pack (sistem_merit/views/paket.py)
    # Public: the final assessment, its method, open data (sistem_merit/views/publik.py)
]
