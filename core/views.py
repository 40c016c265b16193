"""Pages of the running installation that belong to no app: the liveness probe and the 500 page."""

from __future__ import annotations

import logging
import sys

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.storage import DiskFull, is_disk_full

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Answer a load balancer: 200 when the database answers, so the process can take traffic."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's 500 page, except for a full disk: that one is said in words, with 507
    Insufficient Storage (RFC 4918 section 11.5), since the user can only wait or call IT."""
    if is_disk_full(sys.exc_info()[1]):
        logger.error("Disk full while serving %s", request.path, exc_info=True)
        teks = render_to_string("disk_penuh.html", {"pesan": DiskFull().messages[0]})
        return HttpResponse(teks, status=507)
    return defaults.server_error(request)
