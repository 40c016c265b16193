"""`/metrics`: the metrics of tugas.metrik in Prometheus' text format, for the monitoring
addresses only (METRICS_ALLOWED_IPS, the client address resolved behind TRUSTED_PROXY_COUNT
proxies); anyone else gets 404, as for a page that does not exist. nginx restricts the location
to the same addresses (deploy/nginx/mataram-asn-proxy.conf)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from tugas.alamat import dari_jaringan
from tugas.metrik import registri


@never_cache
@require_safe
def metrik_view(request: HttpRequest) -> HttpResponse:
    """Return every worker's request metrics and the task queue, read now."""
    if not dari_jaringan(request, settings.METRICS_ALLOWED_IPS):
        raise Http404
    return HttpResponse(generate_latest(registri()), content_type=CONTENT_TYPE_LATEST)
