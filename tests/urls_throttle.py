"""The project's URLs plus a throwaway public form for testing the shared protection."""

from django.http import HttpResponse
from django.urls import path

from core.throttle import public_form
from mataram_asn.urls import urlpatterns as project_urlpatterns


@public_form("uji", batas=3, per_detik=60)
def formulir(request):
    return HttpResponse("diterima" if request.method == "POST" else "formulir")


urlpatterns = [*project_urlpatterns, path("formulir/", formulir, name="formulir")]
