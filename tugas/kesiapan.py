"""Readiness: can this installation do its work now? For a monitor, not for people.

`/healthz` (core.views.healthz) stays the cheap liveness probe a load balancer calls every few
seconds. `/healthz/siap` runs these checks, each on its own so one failure does not hide another:

- `basis_data`: a query answers (and how long it took);
- `cache`: the shared cache stores and returns a value (the public pages and the rate limits
  live there; a Redis that is down or refuses writes breaks them);
- `antrean`: the task queue — how many tasks wait, the oldest one's age, and whether a worker
  beat its heartbeat recently (tugas.detak; django-tasks-db records no heartbeat of its own);
- `disk`: free space where uploads are written (MEDIA_ROOT).

Thresholds are settings (READINESS_*, mataram_asn/settings.py).
"""

from __future__ import annotations

import shutil
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Max, Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tugas.models import Detak


def _detik(sejak: datetime | None, sekarang: datetime) -> int | None:
    return None if sejak is None else max(0, int((sekarang - sejak).total_seconds()))


def periksa_basis_data() -> dict[str, Any]:
    mulai = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "ms": round((time.perf_counter() - mulai) * 1000, 1)}


def periksa_cache() -> dict[str, Any]:
    kunci = "kesiapan:cache"
    nilai = uuid.uuid4().hex
    cache.set(kunci, nilai, timeout=30)
    if cache.get(kunci) != nilai:
        return {"ok": False, "galat": "cache did not return the value just stored"}
    return {"ok": True, "backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]}


def periksa_antrean(sekarang: datetime | None = None) -> dict[str, Any]:
    """Waiting tasks and the oldest one's age; the newest heartbeat and the live workers."""
    sekarang = sekarang or timezone.now()
    usia_maks = settings.READINESS_QUEUE_MAX_AGE
    diam_maks = settings.READINESS_WORKER_MAX_SILENCE
    antre = DBTaskResult.objects.ready().aggregate(n=Count("id"), tertua=Min("enqueued_at"))
    worker = Detak.objects.aggregate(
        detak_terakhir=Max("terakhir"),
        hidup=Count("pk", filter=Detak.objects.hidup_q(sekarang)),
    )
    tertua = _detik(antre["tertua"], sekarang)
    hasil = {
        "menunggu": antre["n"],
        "tertua_detik": tertua,
        "tertua_maks_detik": int(usia_maks.total_seconds()),
        "worker_hidup": worker["hidup"],
        "detak_terakhir_detik": _detik(worker["detak_terakhir"], sekarang),
        "diam_maks_detik": int(diam_maks.total_seconds()),
    }
    galat = []
    if not worker["hidup"]:
        galat.append("no task worker beat its heartbeat recently (is db_worker running?)")
    if tertua is not None and tertua > usia_maks.total_seconds():
        galat.append("the oldest waiting task has waited too long")
    return {"ok": not galat, **hasil, **({"galat": "; ".join(galat)} if galat else {})}


def _folder_ada(path: Path) -> Path:
    """MEDIA_ROOT, or its nearest existing parent before the first upload creates it."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def periksa_disk() -> dict[str, Any]:
    path = _folder_ada(Path(settings.MEDIA_ROOT).resolve())
    bebas_mb = shutil.disk_usage(path).free // 2**20
    batas_mb = settings.READINESS_DISK_MIN_FREE_MB
    hasil = {
        "ok": bebas_mb >= batas_mb,
        "path": str(path),
        "bebas_mb": bebas_mb,
        "batas_mb": batas_mb,
    }
    if not hasil["ok"]:
        hasil["galat"] = "less free space than READINESS_DISK_MIN_FREE_MB"
    return hasil


PEMERIKSAAN: dict[str, Callable[[], dict[str, Any]]] = {
    "basis_data": periksa_basis_data,
    "cache": periksa_cache,
    "antrean": periksa_antrean,
    "disk": periksa_disk,
}


def kesiapan() -> dict[str, Any]:
    """Run every check; a check that raises is reported failed with the exception's type."""
    komponen: dict[str, dict[str, Any]] = {}
    for nama, periksa in PEMERIKSAAN.items():
        try:
            komponen[nama] = periksa()
        except Exception as exc:  # a component down is a result here, not an error
            komponen[nama] = {"ok": False, "galat": f"{type(exc).__name__}: {exc}"[:300]}
    return {"siap": all(k["ok"] for k in komponen.values()), "komponen": komponen}
