"""/metrics (tugas.metrik): Prometheus' text format, to the monitoring addresses only, with
requests and latency per view name, database time per view, and the task queue.

One process here (no PROMETHEUS_MULTIPROC_DIR): the counters are this process's and other tests
add to them, so each test reads the change across what it does. The sum over several gunicorn
workers is checked through nginx in tests/deploy/test_deploy.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import override_settings
from django.urls import include, path
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from prometheus_client.parser import text_string_to_metric_families

from jabatan.tasks import buka_skp
from tugas.metrik import TANPA_VIEW

pytestmark = pytest.mark.django_db

URL = "/metrics"


def _tiga_kueri(request, n: int):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(0.05)")
        cursor.execute("SELECT 1")
        cursor.execute("SELECT 2")
    return HttpResponse("ok")


urlpatterns = [
    path("uji/tiga-kueri/<int:n>/", _tiga_kueri, name="tiga_kueri"),
    path("", include("mataram_asn.urls")),
]


def baca(client) -> dict[tuple[str, frozenset], float]:
    """Scrape /metrics as the machine itself; return {(sample name, labels): value}."""
    response = client.get(URL, REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(response.content.decode())
        for s in family.samples
    }


def nilai(metrik: dict, nama: str, **labels: str) -> float:
    return metrik.get((nama, frozenset(labels.items())), 0.0)


@pytest.mark.parametrize(
    ("alamat", "status"),
    [("127.0.0.1", 200), ("::1", 200), ("10.9.8.7", 200), ("203.0.113.7", 404), ("", 404)],
)
def test_it_opens_only_to_the_monitoring_addresses(client, settings, alamat, status):
    settings.METRICS_ALLOWED_IPS = ["127.0.0.1", "::1", "10.9.0.0/16"]
    response = client.get(URL, REMOTE_ADDR=alamat)
    assert response.status_code == status
    if status == 404:
        assert b"mataram_asn_" not in response.content  # the ordinary 404: nothing revealed


def test_behind_nginx_the_resolved_client_address_decides_never_a_forged_header(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # nginx on the machine (127.0.0.1) forwarding a stranger: refused, although nginx is local.
    assert client.get(URL, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 404
    # The stranger's own forged hop before nginx's: nginx's (the rightmost) is believed.
    forged = client.get(URL, HTTP_X_FORWARDED_FOR="127.0.0.1, 203.0.113.7")
    assert forged.status_code == 404
    assert client.get(URL, HTTP_X_FORWARDED_FOR="127.0.0.1").status_code == 200
    # No proxy configured: the header is dropped and the stranger's own address decides.
    settings.TRUSTED_PROXY_COUNT = 0
    tanpa = client.get(URL, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="127.0.0.1")
    assert tanpa.status_code == 404


def test_it_is_read_only(client):
    assert client.post(URL, REMOTE_ADDR="127.0.0.1").status_code == 405


def test_requests_are_counted_and_timed_by_view_name_not_by_path(client):
    sebelum = baca(client)
    for _ in range(3):
        assert client.get("/masuk/").status_code == 200
    client.post("/masuk/", {"username": "x", "password": "y"})  # wrong: the form again
    client.get("/tidak-ada/satu/")
    client.get("/tidak-ada/dua/")
    sesudah = baca(client)

    def beda(nama: str, **labels: str) -> float:
        return nilai(sesudah, nama, **labels) - nilai(sebelum, nama, **labels)

    masuk = {"view": "masuk", "method": "GET"}
    assert beda("mataram_asn_http_requests_total", **masuk, status="200") == 3
    assert beda("mataram_asn_http_requests_total", view="masuk", method="POST", status="200") == 1
    assert beda("mataram_asn_http_request_duration_seconds_count", **masuk) == 3
    assert beda("mataram_asn_http_request_duration_seconds_sum", **masuk) > 0
    assert beda("mataram_asn_http_request_duration_seconds_bucket", **masuk, le="+Inf") == 3
    # Paths matching no URL pattern share one series: a visitor cannot create series.
    tanpa = {"view": TANPA_VIEW, "method": "GET", "status": "404"}
    assert beda("mataram_asn_http_requests_total", **tanpa) == 2
    assert not [k for k in sesudah if any("tidak-ada" in v for _, v in k[1])]


@pytest.mark.postgres
@override_settings(ROOT_URLCONF=__name__)
def test_the_database_time_and_queries_of_a_request_are_recorded_under_its_view(client):
    sebelum = baca(client)
    # Ids in the path do not split the series: both requests are `tiga_kueri`.
    client.get("/uji/tiga-kueri/1/")
    client.get("/uji/tiga-kueri/2/")
    sesudah = baca(client)

    def beda(nama: str, **labels: str) -> float:
        labels["view"] = "tiga_kueri"
        assert (nama, frozenset(labels.items())) in sesudah, (nama, labels)
        return nilai(sesudah, nama, **labels) - nilai(sebelum, nama, **labels)

    # An anonymous request without a session cookie runs only the view's three queries.
    assert beda("mataram_asn_db_queries_total") == 6
    assert beda("mataram_asn_db_duration_seconds_count") == 2
    assert beda("mataram_asn_db_duration_seconds_sum") >= 0.1  # two pg_sleep(0.05)
    assert beda("mataram_asn_db_duration_seconds_bucket", le="0.025") == 0
    assert beda("mataram_asn_db_duration_seconds_bucket", le="+Inf") == 2


def test_the_task_queue_is_read_at_each_scrape(client, django_assert_num_queries):
    # The readiness check's reading: waiting tasks with the oldest; heartbeats. Nothing else.
    with django_assert_num_queries(2):
        kosong = baca(client)
    assert nilai(kosong, "mataram_asn_task_queue_up") == 1
    assert nilai(kosong, "mataram_asn_task_queue_waiting") == 0
    assert nilai(kosong, "mataram_asn_task_queue_oldest_age_seconds") == 0
    assert nilai(kosong, "mataram_asn_task_workers_alive") == 0
    # Two tasks enqueued through the library's database backend (no worker runs them here).
    pertama = buka_skp.enqueue("00000000-0000-0000-0000-000000000001", 1)
    buka_skp.enqueue("00000000-0000-0000-0000-000000000002", 2)
    DBTaskResult.objects.filter(pk=pertama.id).update(
        enqueued_at=timezone.now() - timedelta(minutes=5)
    )
    antre = baca(client)
    assert nilai(antre, "mataram_asn_task_queue_waiting") == 2
    assert 300 <= nilai(antre, "mataram_asn_task_queue_oldest_age_seconds") < 330
