"""The one protection every public form uses: CSRF and a per-address rate limit.

Later public pages (feedback, the satisfaction survey) wrap their views with `formulir_publik`;
none of them writes its own. Counting uses Django's cache: with several processes set CACHE_URL
to a shared cache (Redis), so they count together.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_protect


def formulir_publik(kunci: str, *, batas: int = 5, per_detik: int = 60) -> Callable:
    """Protect a public form view: CSRF, and at most `batas` submissions per address per window.

    A submission over the limit gets 429 Too Many Requests with Retry-After, and reaches
    neither the view nor the database. GET requests are never limited (reading is free).
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @csrf_protect
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method == "POST":
                key = f"laju:{kunci}:{request.META.get('REMOTE_ADDR', '')}"
                cache.add(key, 0, timeout=per_detik)
                try:
                    jumlah = cache.incr(key)
                except ValueError:  # expired between add and incr
                    cache.set(key, 1, timeout=per_detik)
                    jumlah = 1
                if jumlah > batas:
                    response = render(
                        request, "batas_laju.html", {"per_detik": per_detik}, status=429
                    )
                    response["Retry-After"] = str(per_detik)
                    return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
