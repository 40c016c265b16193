"""Who may read the monitoring endpoints (/healthz/siap, /metrics): the client address, as
core.middleware.ClientAddressMiddleware resolved it behind TRUSTED_PROXY_COUNT proxies into
REMOTE_ADDR (never X-Forwarded-For read here), inside one of the allowed networks."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from django.http import HttpRequest


def dari_jaringan(request: HttpRequest, jaringan: Iterable) -> bool:
    """Return whether the request's client address lies in one of `jaringan` (networks, or
    addresses and networks as text)."""
    try:
        alamat = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(alamat in ipaddress.ip_network(n, strict=False) for n in jaringan)
