"""Language selection, no caching of what logged-in users see, compression of public pages."""

from __future__ import annotations

import contextlib
import ipaddress
from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.text import compress_string
from django.utils.translation import gettext as _

from core.logging import id_permintaan, request_id_from


class LanguageMiddleware(LocaleMiddleware):
    """Activate the language chosen with the set_language form, else LANGUAGE_CODE ("id").

    Unlike Django's LocaleMiddleware it ignores the browser's Accept-Language: a civil servant
    whose browser happens to be in English still works in the agency's language by default.
    """

    def process_request(self, request: HttpRequest) -> None:
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


def cacheable(view: Callable) -> Callable:
    """Let a view's responses to logged-in users be cached (opt out of `NoStoreMiddleware`).

    Only for responses that hold no personal data, e.g. a public page that looks the same for
    everyone.
    """
    view.cacheable = True
    return view


class NoStoreMiddleware:
    """Send `Cache-Control: no-store, private` on every response to a logged-in user.

    Pages for logged-in users hold personal data (an employee's record, a ranking, SKPs, an
    export): no shared proxy and no browser cache may keep them, so the back button on a shared
    office computer shows nothing after logout. One place, so no new view can forget it; a view
    opts out with `cacheable`.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not getattr(request, "_cacheable", False):
            patch_cache_control(response, no_store=True, private=True)
        return response

    def process_view(self, request: HttpRequest, view_func: Callable, view_args, view_kwargs):
        request._cacheable = getattr(view_func, "cacheable", False)


@lru_cache(maxsize=256)
def _gzip(isi: bytes) -> bytes:
    """Return `isi` gzipped, remembered per distinct body: compressing a 24 kB page costs about
    2 ms here, as much as serving it from the cache, and a public page is the same bytes for
    every visitor until it changes (at most 256 bodies, about 6 MB, are kept)."""
    return compress_string(isi)


class PublicGzipMiddleware:
    """Gzip the responses that are the same for every anonymous visitor, and only those.

    BREACH recovers a secret from the compressed size of a page that reflects attacker input
    beside the secret (a CSRF token, a session-bound value). A response marked
    `Cache-Control: public` to a request without a session cookie, setting no cookie (what
    publik.cache serves to everyone from one cache entry) holds no secret of the reader's, so it
    may be compressed; every other response (forms with a CSRF token, logged-in pages) goes out
    as it is. Otherwise as Django's GZipMiddleware (its compressor, random padding included).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        cache_control = response.get("Cache-Control", "")
        if (
            settings.SESSION_COOKIE_NAME in request.COOKIES
            or response.cookies
            or "public" not in cache_control
            or "private" in cache_control
            or response.streaming
            or len(response.content) < 200
            or response.has_header("Content-Encoding")
        ):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if not re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            return response
        isi = _gzip(response.content)
        if len(isi) >= len(response.content):
            return response
        response.content = isi
        response["Content-Length"] = str(len(isi))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response["ETag"] = "W/" + etag  # RFC 9110 §8.8.1, as GZipMiddleware does
        response["Content-Encoding"] = "gzip"
        return response


class ClientAddressMiddleware:
    """Resolve the client's address once, from `TRUSTED_PROXY_COUNT`, into REMOTE_ADDR.

    Anyone can send `X-Forwarded-For`; only the proxies we run append to it honestly. With
    `TRUSTED_PROXY_COUNT = 0` (the default: no proxy in front) the header is dropped, so nothing
    downstream (the audit trail, which reads it by itself; axes; the export log; throttling)
    records a forged address. With N proxies, the N-th address from the right is the one our
    outermost proxy saw: it becomes REMOTE_ADDR and the header is dropped, so every reader
    agrees. First in MIDDLEWARE.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        forwarded = request.META.pop("HTTP_X_FORWARDED_FOR", "")
        request.META.pop("HTTP_X_FORWARDED_PORT", None)  # the audit trail records it too
        count = settings.TRUSTED_PROXY_COUNT
        if count and forwarded:
            hops = [hop.strip() for hop in forwarded.split(",")]
            if len(hops) >= count:
                with contextlib.suppress(ValueError):  # not an address: keep the proxy's own
                    request.META["REMOTE_ADDR"] = str(ipaddress.ip_address(hops[-count]))
        return self.get_response(request)


class BodySizeLimitMiddleware:
    """Refuse a request whose declared body is larger than `PERMINTAAN_UKURAN_MAKS` with 413,
    before anything reads it.

    Django limits only the non-file fields of a form (DATA_UPLOAD_MAX_MEMORY_SIZE); a file part
    is streamed to a temporary file whatever its size, so without this an anonymous 200 MB POST
    to the login page was read to the end (and written to /tmp). nginx refuses the same bodies
    earlier (`client_max_body_size` in deploy/nginx/); this covers a process reached without
    it. A chunked body without Content-Length is not read by Django at all. First in MIDDLEWARE.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            panjang = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            panjang = 0  # Django reads a malformed length as no body at all
        batas = settings.PERMINTAAN_UKURAN_MAKS
        if panjang > batas:
            # The unread body is not taken for a next request: gunicorn's sync workers close the
            # connection after each response (and WSGI forbids setting Connection here).
            return HttpResponse(
                _("Permintaan terlalu besar (%(u)s); batasnya %(m)s.")
                % {"u": f"{panjang / 2**20:.0f} MB", "m": f"{batas / 2**20:.0f} MB"},
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class RequestIdMiddleware:
    """Give each request an id (nginx's, when well formed: core.logging.request_id_from), put
    it on every log line of the request (core.logging.RequestIdFilter) and on the response
    (`X-Request-ID`), so a reported error leads to its log lines."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # META, not request.headers: that is cached at first use, and ClientAddressMiddleware
        # (next) must still be able to drop a forged X-Forwarded-For before anyone reads it.
        request.id_permintaan = request_id_from(request.META.get("HTTP_X_REQUEST_ID"))
        # Cleared when the response is closed (core.logging.end_request), not here:
        # Django logs a 4xx/5xx response after the middleware returns it.
        id_permintaan.set(request.id_permintaan)
        response = self.get_response(request)
        response["X-Request-ID"] = request.id_permintaan
        return response
