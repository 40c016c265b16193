"""Metrics for Prometheus: requests and their latency per view, database time per view, and the
task queue, served at /metrics (tugas.views_metrik) to the monitoring addresses only.

- `MetrikMiddleware` times every request and counts it under its view's name (the URL
  pattern's `view_name`, e.g. `jabatan:lowongan_detail`, never the raw path: one series per
  view, however many ids and query strings the visitors send), its method and status; and,
  through `connection.execute_wrapper` on every database alias, the number of queries the
  request ran and the time spent in them.
- The task queue is read when Prometheus scrapes, from the readiness check's own reading
  (tugas.kesiapan.periksa_antrean): waiting tasks, the oldest one's age, live workers.

Several gunicorn workers: each worker keeps its own counters, so with PROMETHEUS_MULTIPROC_DIR
set (the web unit, deploy/systemd/mataram-asn-web.service) prometheus_client writes them to
files in that folder, and the scrape sums every worker's (`MultiProcessCollector`); the folder is
emptied when gunicorn starts and a dead worker is marked (tugas.metrik_proses, from
deploy/gunicorn.conf.py; https://prometheus.github.io/client_python/multiprocess/). Without it
(runserver, tests), the process's own counters. A worker recycled after max_requests leaves its
files (its counts stay in the sums), so the folder grows by a few files per recycle until the
next restart empties it.

Plain prometheus_client rather than django-prometheus: the latter counts database time by
swapping the database ENGINE (and the cache BACKEND) for its own wrappers, per alias rather than
per view ("replace the ENGINE property of your database", its README,
https://github.com/django-commons/django-prometheus), and this project builds ENGINE from
DATABASE_URL; one middleware and Django's own execute_wrapper hook give the per-view query count
and time with no backend swapped.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponse
from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from tugas.kesiapan import periksa_antrean

logger = logging.getLogger(__name__)

# A request the URL patterns did not match (a 404 before any view, a 413 refused before
# resolving): one series for all of them, not one per path.
TANPA_VIEW = "(tanpa-view)"
# Methods a client may send are any token; anything else is counted under one label.
METODE = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# gunicorn's timeout is 60 s (deploy/gunicorn.conf.py): the last buckets catch the stuck ones.
EMBER = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)

# Not in the default registry (registry=None): the scrape builds its own (`registri`), from
# these objects in one process or from every worker's files with PROMETHEUS_MULTIPROC_DIR.
PERMINTAAN = Counter(
    "mataram_asn_http_requests",
    "Requests served, by view name, method and status.",
    ["view", "method", "status"],
    registry=None,
)
DURASI = Histogram(
    "mataram_asn_http_request_duration_seconds",
    "Time to produce the response (the whole middleware chain), by view name and method.",
    ["view", "method"],
    buckets=EMBER,
    registry=None,
)
KUERI = Counter(
    "mataram_asn_db_queries",
    "Database queries run while serving requests, by view name.",
    ["view"],
    registry=None,
)
DURASI_DB = Histogram(
    "mataram_asn_db_duration_seconds",
    "Time one request spent in database queries, by view name.",
    ["view"],
    buckets=EMBER,
    registry=None,
)
METRIK_PERMINTAAN = (PERMINTAAN, DURASI, KUERI, DURASI_DB)


class _WaktuDb:
    """An execute_wrapper that counts the queries of a request and adds up their time."""

    def __init__(self) -> None:
        self.jumlah = 0
        self.detik = 0.0

    def __call__(self, execute: Callable, sql: str, params: Any, many: bool, context: dict):
        mulai = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.detik += time.perf_counter() - mulai
            self.jumlah += 1


def nama_view(request: HttpRequest) -> str:
    """The request's view as the URL patterns name it (bounded: one per pattern)."""
    match = getattr(request, "resolver_match", None)
    return match.view_name if match is not None else TANPA_VIEW


class MetrikMiddleware:
    """Count and time each request under its view's name, with its database queries and time.

    Near the top of MIDDLEWARE, so the time covers the whole chain and a request refused by a
    middleware (413, a redirect to HTTPS) is counted too. Queries made while a streaming
    response is sent, after this returns, are not counted.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        db = _WaktuDb()
        mulai = time.perf_counter()
        with ExitStack() as stack:
            for alias in connections:
                stack.enter_context(connections[alias].execute_wrapper(db))
            response = self.get_response(request)
        durasi = time.perf_counter() - mulai
        view = nama_view(request)
        metode = request.method if request.method in METODE else "lain"
        PERMINTAAN.labels(view, metode, str(response.status_code)).inc()
        DURASI.labels(view, metode).observe(durasi)
        KUERI.labels(view).inc(db.jumlah)
        DURASI_DB.labels(view).observe(db.detik)
        return response


class AntreanCollector(Collector):
    """The task queue, read from the database at each scrape (the readiness check's reading).

    `mataram_asn_task_queue_up` is 0 when the database could not be read; the other series
    are then left out rather than reported as zero.
    """

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            antrean = periksa_antrean()
        except DatabaseError:
            logger.warning("Metrics: the task queue could not be read", exc_info=True)
            yield GaugeMetricFamily(
                "mataram_asn_task_queue_up", "Whether the task queue could be read.", value=0
            )
            return
        yield GaugeMetricFamily(
            "mataram_asn_task_queue_up", "Whether the task queue could be read.", value=1
        )
        yield GaugeMetricFamily(
            "mataram_asn_task_queue_waiting",
            "Tasks waiting for a worker (ready to run).",
            value=antrean["menunggu"],
        )
        yield GaugeMetricFamily(
            "mataram_asn_task_queue_oldest_age_seconds",
            "How long the oldest waiting task has waited (0 when none waits).",
            value=antrean["tertua_detik"] or 0,
        )
        yield GaugeMetricFamily(
            "mataram_asn_task_workers_alive",
            "Task workers whose heartbeat is recent (READINESS_WORKER_MAX_SILENCE).",
            value=antrean["worker_hidup"],
        )


def multiproses() -> bool:
    """Whether the counters live in PROMETHEUS_MULTIPROC_DIR (several gunicorn workers)."""
    return bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))


def registri() -> CollectorRegistry:
    """A registry for one scrape: every worker's request metrics (or this process's), and the
    task queue read now."""
    registry = CollectorRegistry()  # no auto_describe: it would read the queue twice
    if multiproses():
        MultiProcessCollector(registry)
    else:
        for metrik in METRIK_PERMINTAAN:
            registry.register(metrik)
    registry.register(AntreanCollector())
    return registry
