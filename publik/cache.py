"""Caching of the public pages, invalidated when what they show changes.

Anonymous GETs of a public page are served from Django's cache under a key that carries the
version of the page's section (`transparansi`, `survei`, `seleksi`); a save of a decision, an
announcement, a survey response or a moderated comment bumps that section's version (signals in
publik/apps.py), so the next request renders afresh. With several processes set CACHE_URL to a
shared cache (Redis), as for the rate limit, so one process's bump reaches all.

Each view declares the query parameters it reads (`params`); the key holds those alone, sorted
by name, empty values dropped, and the view sees only them (request.GET is narrowed to them).
Anything else in the query string (?utm_source=..., ?x=1, a cache-buster) neither splits the
cache nor bypasses it, and cannot end up in a stored page (a pagination link, say).

Requests carrying a session cookie are never served from, nor stored in, the cache: a logged-in
user's page carries their menu.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

BAGIAN = ("beranda", "transparansi", "survei", "seleksi")
DETIK = 10 * 60  # a page is rebuilt at least every ten minutes (the figures use "today")
MAKS_UMUR = 60  # what browsers and proxies may keep


def _kunci_versi(bagian: str) -> str:
    return f"publik:versi:{bagian}"


def batalkan(*bagian: str) -> None:
    """Invalidate the cached pages of these sections (every section when none is named)."""
    cache.set_many({_kunci_versi(b): uuid.uuid4().hex for b in (bagian or BAGIAN)}, None)


def _versi(bagian: tuple[str, ...]) -> str:
    kunci = [_kunci_versi(b) for b in bagian]
    ada = cache.get_many(kunci)
    return ".".join(str(ada.get(k, "0")) for k in kunci)


def _query_dibaca(query: QueryDict, params: frozenset[str]) -> list[tuple[str, str]]:
    """Return the declared parameters' non-empty values, sorted by name (each name's values
    in their order: a filter reads the last one)."""
    return [(nama, v) for nama in sorted(params & query.keys()) for v in query.getlist(nama) if v]


def halaman_publik(*bagian: str, params: Iterable[str] = ()) -> Callable:
    """Serve an anonymous GET of this view from the cache; rebuild when `bagian` changes.

    `params` names the query parameters the view reads: only they reach it and key the cache.
    """
    dibaca = frozenset(params)

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            query = _query_dibaca(request.GET, dibaca)
            request.GET = QueryDict(urlencode(query))
            anonim = settings.SESSION_COOKIE_NAME not in request.COOKIES
            if request.method not in ("GET", "HEAD") or not anonim:
                return view(request, *args, **kwargs)
            alamat = f"{request.path}?{urlencode(query)}"
            path = hashlib.sha256(alamat.encode()).hexdigest()[:32]
            kunci = f"publik:hal:{_versi(bagian)}:{translation.get_language()}:{path}"
            simpan = cache.get(kunci)
            if simpan is not None:
                isi, headers = simpan
                response = HttpResponse(isi)
                for nama, nilai in headers.items():
                    response[nama] = nilai
                response["X-Cache"] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.cookies and not response.streaming:
                patch_cache_control(response, public=True, max_age=MAKS_UMUR)
                patch_vary_headers(response, ["Cookie"])
                headers = {k: v for k, v in response.items() if k.lower() != "x-cache"}
                cache.set(kunci, (response.content, headers), DETIK)
            response["X-Cache"] = "miss"
            return response

        return wrapped

    return decorator
