"""Drill: Redis down under traffic (issue 22, "Faults").

    CI=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/mataram_asn \\
        .venv/bin/python -m pytest -p no:cacheprovider tests/latihan/test_redis_mati.py -s

A PostgreSQL cluster and a Redis of the drill's own (never the machine's), the app under
gunicorn as mataram-asn-web.service runs it (production settings, CACHE_URL=redis://). Traffic
on the public pages (cached in Redis) and a signed-in administrator's pages (sessions in the
database). Redis is killed (SIGKILL) for ten seconds, then started again, empty:

- before: public pages served from the cache (X-Cache: hit);
- Redis down: every page still 200, the public ones rendered afresh (X-Cache: miss) —
  core.cache treats Redis errors as misses; the administrator stays signed in;
- Redis back: the cache fills and serves again.

What the rate limit and the login lock do meanwhile is tested in tests/core/test_cache.py.
"""

from __future__ import annotations

import time

import pytest

from tests.latihan.alat import (
    Lalu,
    gunicorn,
    postgres_sendiri,
    redis_sendiri,
    sesi_masuk,
    siapkan,
    tulis_hasil,
    tumpukan,
)

pytestmark = [pytest.mark.latihan, pytest.mark.postgres, pytest.mark.lambat]

PUBLIK = ["/", "/transparansi/", "/survei/", "/seleksi/", "/data-terbuka/"]
ADMIN = ["/admin/", "/impor/"]


def test_redis_down_leaves_every_page_answering_and_the_public_ones_uncached(tmp_path):
    with postgres_sendiri() as pg, redis_sendiri() as redis:
        t = tumpukan(tmp_path, pg, redis)
        env = siapkan(t)
        cookie = sesi_masuk(t, env)
        with (
            gunicorn(t, env) as port,
            Lalu(port, PUBLIK, n=3) as publik,
            Lalu(port, ADMIN, n=1, headers=cookie) as admin,
        ):
            semua = (publik, admin)
            time.sleep(4)
            for lalu in semua:
                lalu.jeda()
            redis.hentikan()
            for lalu in semua:
                lalu.ke("redis_mati")
            time.sleep(10)
            for lalu in semua:
                lalu.jeda()
            redis.mulai()
            for lalu in semua:
                lalu.ke("redis_kembali")
            time.sleep(5)
        log = (tmp_path / "gunicorn.log").read_text()
    hasil = {
        "publik": publik.ringkas(),
        "publik_x_cache": {f: dict(c) for f, c in publik.cache.items()},
        "admin": admin.ringkas(),
        "peringatan_redis_di_log": log.count("Cache (Redis) unavailable"),
    }
    lulus = {
        "tanpa galat di fase mana pun": all(
            lalu.galat(f) == 0 for lalu in semua for f in lalu.hitung
        ),
        "sebelum: dari cache": publik.cache["sebelum"]["hit"] > 0,
        "redis mati: dirender tanpa cache": publik.cache["redis_mati"].get("hit", 0) == 0
        and publik.cache["redis_mati"]["miss"] > 0,
        "redis mati: admin tetap masuk": set(hasil["admin"]["redis_mati"]) == {"200"},
        "redis kembali: dari cache lagi": publik.cache["redis_kembali"]["hit"] > 0,
        "gangguan tercatat di log": hasil["peringatan_redis_di_log"] > 0,
    }
    hasil["lulus"] = lulus
    tulis_hasil("redis_mati", hasil)
    assert all(lulus.values()), lulus
