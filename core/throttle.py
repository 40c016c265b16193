"""The one protection every public form uses: CSRF and rate limits per client network.

Later public pages (feedback, the satisfaction survey) wrap their views with `public_form`;
none of them writes its own. Counting uses Django's cache: with several processes set CACHE_URL
to a shared cache (Redis), so they count together (`core.checks` says so at start).

A client is counted by its network (`network_of`): an IPv4 address by itself, an IPv6 address by
its /64. IPv6 interface identifiers are the low 64 bits of the address (RFC 4291 section 2.5.1),
and a host picks new random ones within its /64 as it likes (temporary addresses, RFC 8981), so
one phone or PC can send from as many addresses as it wants inside its /64 but not outside it.
A home line usually gets a /56 or /48 of its own; counting by that would lump together the many
phones a mobile operator numbers side by side, so the /64 is where this stops.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Callable
from functools import wraps

from django.core.cache import cache
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csrf import csrf_protect

from core.cache import CacheUnavailable


def network_of(alamat: str) -> str:
    """Return the network a client address is counted under: IPv4 as is, IPv6 as its /64."""
    try:
        ip = ipaddress.ip_address(alamat)
    except ValueError:
        return alamat  # not an address (a test client, a unix socket): counted as it is
    if ip.version == 6:
        if ip.ipv4_mapped is not None:  # ::ffff:a.b.c.d is an IPv4 client on a dual stack
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_network(request: HttpRequest) -> str:
    """Return the network of the request's client (REMOTE_ADDR, as the proxy middleware set it)."""
    return network_of(request.META.get("REMOTE_ADDR", ""))


# Where the counters go while the shared cache (Redis) is down: this process's memory. The
# limit then holds per process (at most `batas` x processes per window) instead of opening
# (unlimited posts) or closing (citizens refused a survey because of a server fault) — the
# forms stay usable and flooding stays bounded until Redis is back (core.cache).
_fallback = LocMemCache("throttle-cadangan", {"OPTIONS": {"MAX_ENTRIES": 10000}})


def _count_in(tempat: BaseCache, key: str, timeout: int) -> int:
    tempat.add(key, 0, timeout=timeout)
    try:
        return tempat.incr(key)
    except ValueError:  # expired between add and incr
        tempat.set(key, 1, timeout=timeout)
        return 1


def _count(key: str, timeout: int) -> int:
    """Add one to a counter that expires `timeout` seconds after it was started."""
    try:
        return _count_in(cache, key, timeout)
    except CacheUnavailable:
        return _count_in(_fallback, key, timeout)


def _refused(request: HttpRequest, detik: int, *, harian: bool) -> HttpResponse:
    response = render(
        request, "batas_laju.html", {"per_detik": detik, "harian": harian}, status=429
    )
    response["Retry-After"] = str(detik)
    return response


def public_form(
    kunci: str,
    *,
    batas: int = 5,
    per_detik: int = 60,
    harian: int | None = None,
    per_objek: str | None = None,
    bebas: Callable[..., bool] | None = None,
) -> Callable:
    """Protect a public form view: CSRF, and at most `batas` submissions per client network per
    window of `per_detik` seconds; with `harian`, also at most that many per calendar day (local
    time) from one network to one object, the view's URL argument named `per_objek` (a survey
    unit's code).

    A submission over a limit gets 429 Too Many Requests with Retry-After, and reaches neither
    the view nor the database. GET requests are never limited (reading is free), nor a POST for
    which `bebas(request, **kwargs)` is true (a device the view knows is supervised).
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @csrf_protect
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST" and not (bebas and bebas(request, **kwargs)):
                net = client_network(request)
                if _count(f"laju:{kunci}:{net}", per_detik) > batas:
                    return _refused(request, per_detik, harian=False)
                if harian is not None:
                    sekarang = timezone.localtime()
                    besok = dt.datetime.combine(
                        sekarang.date() + dt.timedelta(days=1), dt.time(), sekarang.tzinfo
                    )
                    sisa = max(1, int((besok - sekarang).total_seconds()))
                    objek = kwargs.get(per_objek, "") if per_objek else ""
                    key = f"laju:{kunci}:hari:{sekarang.date()}:{objek}:{net}"
                    if _count(key, sisa) > harian:
                        return _refused(request, sisa, harian=True)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
