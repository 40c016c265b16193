"""Each request's id: made or taken from nginx, on the response and on every log line of the
request, in JSON a log tool reads (core.logging, core.middleware.RequestIdMiddleware)."""

from __future__ import annotations

import io
import json
import logging
import re

import pytest
from django.test import Client, override_settings
from django.urls import path

from core.logging import JsonFormatter, RequestIdFilter


def _gagal(request):
    logging.getLogger("mataram_asn.uji").warning("sebelum galat", extra={"formasi": 7})
    raise RuntimeError("galat uji")


urlpatterns = [path("gagal/", _gagal)]


@pytest.fixture
def log_json():
    """The root logger's lines, as production writes them (JsonFormatter + RequestIdFilter)."""
    tulis = io.StringIO()
    handler = logging.StreamHandler(tulis)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: [json.loads(baris) for baris in tulis.getvalue().splitlines()]
    root.removeHandler(handler)


@pytest.mark.django_db
def test_a_request_gets_an_id_on_its_response():
    response = Client().get("/masuk/")
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert Client().get("/masuk/")["X-Request-ID"] != response["X-Request-ID"]


@pytest.mark.django_db
def test_nginx_id_is_kept_and_a_hostile_one_is_replaced():
    nginx = "4f1c2a9be0d34c5f8a7b6e5d4c3b2a19"
    assert Client().get("/masuk/", HTTP_X_REQUEST_ID=nginx)["X-Request-ID"] == nginx
    for jahat in ["a\nlevel=ERROR palsu", "x" * 65, "pendek", "<script>", ""]:
        dibalas = Client().get("/masuk/", HTTP_X_REQUEST_ID=jahat)["X-Request-ID"]
        assert re.fullmatch(r"[0-9a-f]{32}", dibalas), jahat


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_every_log_line_of_a_request_carries_its_id_as_json_with_the_traceback(log_json):
    client = Client(raise_request_exception=False)
    response = client.get("/gagal/", HTTP_X_REQUEST_ID="4f1c2a9be0d34c5f8a7b6e5d4c3b2a19")
    assert response.status_code == 500
    baris = log_json()
    milik = [b for b in baris if b["request_id"] == "4f1c2a9be0d34c5f8a7b6e5d4c3b2a19"]
    peringatan = next(b for b in milik if b["pesan"] == "sebelum galat")
    assert peringatan["level"] == "WARNING" and peringatan["formasi"] == 7
    galat = next(b for b in milik if b["logger"] == "django.request")
    assert galat["level"] == "ERROR" and "RuntimeError: galat uji" in galat["traceback"]
    # Django logs a 404 after the middleware chain returned: it still names its request.
    hilang = client.get("/tidak-ada/")
    assert any(
        b["request_id"] == hilang["X-Request-ID"] and b["logger"] == "django.request"
        for b in log_json()
    )
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", galat["waktu"])
    # Outside a request (a command, the worker) the id is empty, not the last request's.
    logging.getLogger("mataram_asn.uji").warning("di luar permintaan")
    assert log_json()[-1]["request_id"] is None
