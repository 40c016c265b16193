"""Load measurement of the public pages against gunicorn (not runserver), with a minimal-view
floor in the same run (README: `manage.py bench_publik`).

Starts gunicorn (2 sync workers, DEBUG off) on the current database, then drives it from
`--klien` processes with a keep-alive-free HTTP/1.0 client (what gunicorn's sync workers speak)
for `--detik` seconds per path, and prints one line per path in docs/desain.md's format, with the
load figures after it:

`BENCH publik.<name> pegawai=<N> median_ms=<m> floor_ms=<f> ratio=<m/f> queries=<q> req_s=<r>
p95_ms=<p> floor_req_s=<fr> errors=<e>`

The floor is /healthz (a view returning a constant), measured in the same run; `queries` is the
number of SQL queries of a warm (cached) request, counted in this process. Static files are
collected first (DEBUG off serves them from the manifest). Then a burst of survey POSTs from one
address must get 429 after the limit while another address's POST still succeeds.
Load generator and server share the machine's cores: the figures are a floor, not a ceiling.
"""

from __future__ import annotations

import http.client
import multiprocessing as mp
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse

from django.core.management.base import BaseCommand, CommandParser

PATHS = [("beranda", "/"), ("transparansi", "/transparansi/"), ("survei", "/survei/")]


def _bebas_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str, headers: dict | None = None) -> tuple[int, bytes, object]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers=headers or {})
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, body, r


def _pekerja(port: int, path: str, detik: float, q) -> None:
    lat, err = [], 0
    akhir = time.perf_counter() + detik
    while time.perf_counter() < akhir:
        t0 = time.perf_counter()
        try:
            status, _b, _r = _get(port, path)
            if status != 200:
                err += 1
        except OSError:
            err += 1
        lat.append(time.perf_counter() - t0)
    q.put((lat, err))


def _beban(port: int, path: str, detik: float, klien: int) -> tuple[float, float, float, int]:
    q = mp.Queue()
    procs = [mp.Process(target=_pekerja, args=(port, path, detik, q)) for _ in range(klien)]
    for p in procs:
        p.start()
    hasil = [q.get() for _ in procs]
    for p in procs:
        p.join()
    lat = sorted(x for h in hasil for x in h[0])
    err = sum(h[1] for h in hasil)
    p95 = lat[int(0.95 * (len(lat) - 1))] * 1000 if lat else 0
    return len(lat) / detik, p95, statistics.median(lat) * 1000 if lat else 0, err


def _post_survei(port: int, kode: str, alamat: str) -> int:
    status, body, r = _get(port, f"/survei/{kode}/", {"X-Forwarded-For": alamat})
    cookie = r.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    isian = {
        k: "3"
        for k in (
            "persyaratan",
            "prosedur",
            "waktu",
            "biaya",
            "produk",
            "kompetensi",
            "perilaku",
            "pengaduan",
            "sarana",
        )
    }
    isian["csrfmiddlewaretoken"] = token
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request(
        "POST",
        f"/survei/{kode}/",
        urllib.parse.urlencode(isian),
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "X-Forwarded-For": alamat,
            "Referer": f"http://127.0.0.1:{port}/survei/{kode}/",
        },
    )
    status = conn.getresponse().status
    conn.close()
    return status


class Command(BaseCommand):
    help = "Measure the public pages under load against gunicorn, next to a minimal-view floor."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--detik", type=float, default=8.0)
        parser.add_argument("--klien", type=int, default=4)
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, **options) -> None:
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from pegawai.models import Pegawai
        from survei.models import UnitLayanan

        call_command("collectstatic", interactive=False, verbosity=0)
        pegawai = Pegawai.objects.count()
        queries = {}
        klien_uji = Client(HTTP_HOST="127.0.0.1")
        for nama, path in [("floor_healthz", "/healthz"), *PATHS]:
            klien_uji.get(path, secure=True)
            with CaptureQueriesContext(connection) as ctx:
                klien_uji.get(path, secure=True)
            queries[nama] = len(ctx.captured_queries)

        unit = UnitLayanan.objects.filter(aktif=True).first()
        port = _bebas_port()
        env = {
            **os.environ,
            "DEBUG": "false",
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "TRUSTED_PROXY_COUNT": "1",
            "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-" * 8),
            # Each worker's own cache, as this bench has always measured (gunicorn.conf.py
            # refuses that in production; set CACHE_URL to measure a shared one).
            "ALLOW_PROCESS_LOCAL_CACHE": "true",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "mataram_asn.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                str(options["workers"]),
                "--log-level",
                "warning",
            ],
            env=env,
        )
        try:
            for _i in range(100):
                try:
                    if _get(port, "/healthz")[0] == 200:
                        break
                except OSError:
                    time.sleep(0.1)
            for _nama, path in PATHS:  # warm the caches of both workers
                for _j in range(20):
                    _get(port, path)
            detik, klien = options["detik"], options["klien"]
            floor = _beban(port, "/healthz", detik, klien)
            for nama, r in [("floor_healthz", floor)] + [
                (nama, _beban(port, path, detik, klien)) for nama, path in PATHS
            ]:
                self.stdout.write(
                    f"BENCH publik.{nama} pegawai={pegawai} median_ms={r[2]:.2f} "
                    f"floor_ms={floor[2]:.2f} ratio={r[2] / max(floor[2], 1e-9):.2f} "
                    f"queries={queries[nama]} req_s={r[0]:.0f} p95_ms={r[1]:.1f} "
                    f"floor_req_s={floor[0]:.0f} errors={r[3]}"
                )
            if unit is not None:
                t0 = time.perf_counter()
                # Fresh addresses each run (a shared cache keeps an hour's counts across runs).
                a, b = random.sample(range(1, 255), 2)
                burst = [_post_survei(port, unit.kode, f"198.18.{a}.1") for _ in range(30)]
                lain = _post_survei(port, unit.kode, f"198.18.{b}.2")
                ms = (time.perf_counter() - t0) * 1000 / 31
                self.stdout.write(
                    f"BENCH publik.survei_post_burst pegawai={pegawai} posts=30 "
                    f"accepted={burst.count(302)} "
                    f"limited={burst.count(429)} other_status={lain} mean_ms={ms:.1f} "
                    f"errors={sum(1 for s in burst if s not in (302, 429))}"
                )
        finally:
            server.terminate()
            server.wait(timeout=10)
