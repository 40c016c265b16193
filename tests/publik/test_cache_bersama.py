"""The public page cache shared by several processes (CACHE_URL): an invalidation made by one
process reaches the others because it is a write to the shared cache, not to process memory.

Two "processes" are two independent cache connections to one store: the database cache (always)
and Redis (when the client library and a server are there)."""

from __future__ import annotations

import uuid

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.urls import reverse

from publik import cache as publik_cache
from tests.publik.bantu import buat_keputusan


def _redis_ada() -> bool:
    try:
        import redis
    except ImportError:
        return False
    try:
        return bool(redis.Redis.from_url("redis://127.0.0.1:6379/15", socket_timeout=0.5).ping())
    except redis.RedisError:
        return False


BACKEND = {
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "publik_cache_uji",
    },
    "redis": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/15",
    },
}


@pytest.fixture(params=list(BACKEND))
def dua_proses(request, settings, monkeypatch, db):
    """Return a function that makes `publik.cache` act as process "a" or "b": each its own
    connection to the one shared store."""
    if request.param == "redis" and not _redis_ada():
        pytest.skip("Redis (client library or server) not available here")
    settings.CACHES = {
        "default": {**BACKEND[request.param], "KEY_PREFIX": f"uji-{uuid.uuid4().hex[:8]}"}
    }
    if request.param == "database":
        call_command("createcachetable", verbosity=0)
    proses = {"a": caches.create_connection("default"), "b": caches.create_connection("default")}
    assert proses["a"] is not proses["b"]

    def jadi(nama: str) -> None:
        monkeypatch.setattr(publik_cache, "cache", proses[nama])

    yield jadi
    proses["a"].clear()


def test_an_invalidation_by_one_process_is_seen_by_another(client, dua_proses, sistem, opd):
    url = reverse("publik:transparansi")
    dua_proses("a")
    assert client.get(url)["X-Cache"] == "miss"
    assert client.get(url)["X-Cache"] == "hit"
    dua_proses("b")
    assert client.get(url)["X-Cache"] == "hit"  # b serves what a stored: one shared store
    buat_keputusan(sistem, opd=opd, nama_jabatan="Kepala Seksi Baru")  # b bumps the version
    dua_proses("a")
    response = client.get(url)
    assert response["X-Cache"] == "miss" and "Kepala Seksi Baru" in response.content.decode()
