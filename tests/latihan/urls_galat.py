"""The project's URLs plus a view that fails, for the 500 handler's test."""

from django.urls import path

from mataram_asn.urls import handler500  # noqa: F401
from mataram_asn.urls import urlpatterns as project_urlpatterns


def gagal(request):
    raise RuntimeError("uji")


urlpatterns = [*project_urlpatterns, path("galat/", gagal)]
