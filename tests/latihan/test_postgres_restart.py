"""Drill: PostgreSQL restarted under traffic (issue 22, "Faults").

    CI=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/mataram_asn \\
        .venv/bin/python -m pytest -p no:cacheprovider tests/latihan/test_postgres_restart.py -s

A PostgreSQL cluster and a Redis of the drill's own (never the machine's), the app migrated
into it and served by gunicorn as mataram-asn-web.service runs it (production settings, two
workers). Traffic: a signed-in administrator's pages (each request reads its session and user
from the database) and the public pages, from four threads. Two restarts (`pg_ctl restart -m
fast`, what `systemctl restart postgresql` does: every connection cut):

- quiet: traffic paused while PostgreSQL restarts, then resumed. Every gunicorn worker still
  holds its persistent connection (CONN_MAX_AGE=60), now dead. With CONN_HEALTH_CHECKS (the
  settings' default) Django checks it before the request uses it and reconnects: no error.
- busy: traffic goes on through the restart; the requests during the seconds PostgreSQL is
  down fail (counted), and none after it is back.

The same sequence against the control, DATABASE_URL with `?CONN_HEALTH_CHECKS=False`: after the
quiet restart the first request of each worker fails on its dead connection. That is what the
setting prevents, and why it is on.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest

from tests.deploy.tumpukan import Tumpukan
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

ADMIN = ["/admin/", "/admin/pegawai/pegawai/", "/impor/", "/kinerja/"]
PUBLIK = ["/transparansi/", "/survei/"]


def _putaran(pg, t: Tumpukan, env: dict, nama: str, cookie: dict) -> dict:
    hasil: dict = {}
    with (
        gunicorn(t, env, nama) as port,
        Lalu(port, ADMIN, n=3, headers=cookie) as admin,
        Lalu(port, PUBLIK, n=1) as publik,
    ):
        semua = (admin, publik)
        for lalu in semua:
            lalu.ke("sebelum")
        time.sleep(4)
        for lalu in semua:
            lalu.jeda()  # and every request in flight answered
        mulai = time.monotonic()
        pg.restart()
        hasil["restart_tenang_detik"] = round(time.monotonic() - mulai, 2)
        kembali = time.time()
        for lalu in semua:
            lalu.ke("sesudah_tenang")
        time.sleep(5)
        for lalu in semua:
            lalu.ke("selama_sibuk")
        mulai = time.monotonic()
        pg.restart()
        hasil["restart_sibuk_detik"] = round(time.monotonic() - mulai, 2)
        for lalu in semua:
            lalu.ke("sesudah_sibuk")
        time.sleep(5)
    hasil["admin"] = admin.ringkas()
    hasil["publik"] = publik.ringkas()
    hasil["galat_admin"] = {f: admin.galat(f) for f in admin.hitung}
    # Each failed request: phase, path, status, its start and end in seconds after the quiet
    # restart returned.
    hasil["gagal"] = [
        (f, p, s, round(a - kembali, 3), round(b - kembali, 3)) for f, p, s, a, b in admin.gagal
    ]
    return hasil


def test_postgresql_restarted_under_traffic_causes_no_errors_once_it_is_back():
    tmp_path = Path(tempfile.mkdtemp(prefix="latihan-pg-log-"))  # kept: gunicorn's logs
    with postgres_sendiri() as pg, redis_sendiri() as redis:
        t = tumpukan(tmp_path, pg, redis)
        env = siapkan(t)
        cookie = sesi_masuk(t, env)
        dengan = _putaran(pg, t, env, "gunicorn", cookie)
        kontrol_env = {**env, "DATABASE_URL": f"{t.database_url}?CONN_HEALTH_CHECKS=False"}
        kontrol = _putaran(pg, t, kontrol_env, "gunicorn-kontrol", cookie)
    hasil = {"CONN_HEALTH_CHECKS=True": dengan, "kontrol CONN_HEALTH_CHECKS=False": kontrol}
    g = dengan["galat_admin"]
    lulus = {
        "sebelum tanpa galat": g["sebelum"] == 0,
        "sesudah restart tenang tanpa galat": g["sesudah_tenang"] == 0,
        "sesudah restart sibuk tanpa galat": g["sesudah_sibuk"] == 0,
        "publik tanpa galat sesudahnya": all(
            k == "200" for f in ("sesudah_tenang", "sesudah_sibuk") for k in dengan["publik"][f]
        ),
        "kontrol: galat sesudah restart tenang": kontrol["galat_admin"]["sesudah_tenang"] > 0,
    }
    hasil["lulus"] = lulus
    if all(lulus.values()):
        shutil.rmtree(tmp_path)
    else:
        # Kept to read the tracebacks.
        hasil["log"] = [str(tmp_path / f"{n}.log") for n in ("gunicorn", "gunicorn-kontrol")]
    tulis_hasil("postgres_restart", hasil)
    assert all(lulus.values()), lulus
