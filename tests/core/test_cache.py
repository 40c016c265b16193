"""Redis down (issue 22, "Faults"): the public pages render uncached, the public forms still
limit (per process), and logins and the login lock (database) go on as before.

A redis-server of the test's own is started and killed; the machine's Redis is never touched."""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from core import cache as cache_redis
from tests.akses_data import SANDI, buat_organisasi
from tests.latihan.alat import redis_sendiri

pytestmark = [pytest.mark.latihan, pytest.mark.urls("tests.urls_throttle")]


def _redis(location: str, timeout: float = 0.5) -> dict:
    return {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "uji",
            "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
        }
    }


@pytest.fixture
def redis_mati(settings):
    """A Redis that was there and is gone: started, used, then killed (SIGKILL)."""
    with redis_sendiri() as r:
        settings.CACHES = _redis(r.url)
        assert cache.set("ada", 1) is None and cache.get("ada") == 1  # it was there
        r.hentikan()
        yield r


@pytest.fixture(autouse=True)
def _log_setiap_kali(monkeypatch):
    monkeypatch.setattr(cache_redis, "LOG_EVERY", 0.0)


@pytest.mark.lambat
def test_it_treats_every_call_as_a_miss_and_logs_it(redis_mati, caplog):
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        assert cache.get("ada") is None
        assert cache.get("ada", "bawaan") == "bawaan"
        assert cache.get_many(["a", "b"]) == {}
        assert cache.set("a", 1) is None
        assert cache.add("a", 1) is False
        assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]  # the keys not stored
        assert cache.delete("a") is False
        assert cache.get_or_set("c", 3) == 3
    assert "Cache (Redis) unavailable, get treated as a miss: ConnectionError" in caplog.text


@pytest.mark.lambat
def test_a_counter_says_it_cannot_count_rather_than_count_zero(redis_mati):
    with pytest.raises(cache_redis.CacheUnavailable):
        cache.incr("n")


@pytest.mark.lambat
def test_the_warning_is_logged_once_a_minute_per_process(redis_mati, caplog, monkeypatch):
    monkeypatch.setattr(cache_redis, "LOG_EVERY", 60.0)
    monkeypatch.setattr(cache_redis, "_last_logged", [0.0])
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        for _ in range(20):
            cache.get("x")
    assert caplog.text.count("Cache (Redis) unavailable") == 1


@pytest.mark.lambat
@pytest.mark.django_db
def test_the_public_pages_render_uncached_while_redis_is_down(redis_mati):
    for path in ("/", "/transparansi/", "/survei/", "/seleksi/", "/data-terbuka/"):
        r = Client().get(path)
        assert r.status_code == 200, path
        assert r["X-Cache"] == "miss", path


@pytest.mark.lambat
@pytest.mark.django_db
def test_the_public_pages_use_the_cache_again_once_redis_is_back(settings):
    with redis_sendiri() as r:
        settings.CACHES = _redis(r.url)
        r.hentikan()
        assert Client().get("/transparansi/")["X-Cache"] == "miss"
        r.mulai()  # back on the same port, empty
        assert Client().get("/transparansi/")["X-Cache"] == "miss"
        assert Client().get("/transparansi/")["X-Cache"] == "hit"


@pytest.mark.django_db
def test_a_redis_that_hangs_costs_a_request_its_timeout_not_more(settings):
    """A server that accepts connections and never answers (a hung Redis, a dead network
    path): each call waits the socket timeout, then the page renders uncached."""
    diam = socket.socket()
    diam.bind(("127.0.0.1", 0))
    diam.listen(50)
    terima: list[socket.socket] = []
    henti = threading.Event()

    def tampung():
        diam.settimeout(0.2)
        while not henti.is_set():
            with contextlib.suppress(TimeoutError):
                terima.append(diam.accept()[0])

    t = threading.Thread(target=tampung, daemon=True)
    t.start()
    try:
        settings.CACHES = _redis(f"redis://127.0.0.1:{diam.getsockname()[1]}/0", timeout=0.3)
        mulai = time.monotonic()
        r = Client().get("/transparansi/")
        lama = time.monotonic() - mulai
    finally:
        henti.set()
        t.join()
        for s in terima:
            s.close()
        diam.close()
    assert r.status_code == 200 and r["X-Cache"] == "miss"
    # get_many of the versions, get of the page, set of the page: three timeouts at most
    # (redis-py retries a timed-out command once; still bounded).
    assert lama < 4, lama


@pytest.mark.lambat
@pytest.mark.django_db
def test_the_public_form_limit_holds_per_process_while_redis_is_down(redis_mati):
    """Neither open (unlimited posts) nor closed (citizens refused): the counter moves to this
    process's memory (core.throttle._fallback), so the limit still bites."""
    client = Client(REMOTE_ADDR="10.9.9.9")
    assert [client.post("/formulir/").status_code for _ in range(4)] == [200, 200, 200, 429]


@pytest.mark.lambat
@pytest.mark.django_db
def test_login_and_the_login_lock_do_not_depend_on_redis(redis_mati):
    """Sessions and django-axes' attempts live in the database: with Redis down a right
    password signs in, and five wrong ones still lock (the lock does not silently open)."""
    buat_organisasi()
    client = Client()
    r = client.post("/masuk/", {"username": "hr.bkpsdm", "password": SANDI})
    assert r.status_code == 302 and "_auth_user_id" in client.session
    assert client.get("/impor/").status_code == 200  # the session is read back
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        r = client.post("/masuk/", {"username": "pimpinan", "password": "salah"})
    assert r.status_code == 429
    r = client.post("/masuk/", {"username": "pimpinan", "password": SANDI})
    assert r.status_code == 429 and "_auth_user_id" not in client.session
