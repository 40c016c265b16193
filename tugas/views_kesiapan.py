"""`/healthz/siap`: the readiness check (tugas.kesiapan) as JSON for a monitor.

200 when every component is ready, 503 when any is not, so a monitor (Zabbix, Uptime Kuma,
Prometheus' blackbox exporter) needs nothing but the status code; the body says which and why.
It names internals (queue length, disk paths), so it opens only to the monitoring addresses
(READINESS_ALLOWED_IPS, resolved behind TRUSTED_PROXY_COUNT proxies like every client address)
or to a request carrying `Authorization: Bearer <READINESS_TOKEN>`; anyone else gets 404.
"""

from __future__ import annotations

import hmac

from django.conf import settings
from django.http import Http404, HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from tugas.alamat import dari_jaringan
from tugas.kesiapan import kesiapan


def _boleh(request: HttpRequest) -> bool:
    token = settings.READINESS_TOKEN
    if token:
        diberikan = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if hmac.compare_digest(diberikan.encode(), token.encode()):
            return True
    return dari_jaringan(request, settings.READINESS_ALLOWED_IPS)


@never_cache
@require_safe
def kesiapan_view(request: HttpRequest) -> JsonResponse:
    """Report the database, cache, task queue and disk; 200 when all are ready, else 503."""
    if not _boleh(request):
        raise Http404
    hasil = kesiapan()
    return JsonResponse(hasil, status=200 if hasil["siap"] else 503)
