"""The production stack of deploy/, started for real on this machine: nginx (TLS, a self-signed
certificate) → gunicorn (one or more, each an app machine) → the app, and task workers, with
production settings on PostgreSQL and Redis.

Used by the deployment tests (tests/deploy/test_deploy.py, test_dua_mesin.py), by the load
run (tests/beban/) and by the fault drills (tests/latihan/: gunicorn without nginx, on a
PostgreSQL and a Redis of their own), so they all start the same stack from the same files an
IT office installs: nginx runs the site file deploy/nginx/mataram-asn.conf (only its ports,
certificate, log, upstream and include paths rewritten: each rewrite must apply exactly once,
so the file cannot change shape unnoticed) inside a wrapper nginx.conf with its own pid and
temp paths; gunicorn and the worker run the ExecStart lines of the systemd units.

Nothing here imports Django or pytest: the load run drives it from a plain script.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from tests.deploy.klien import Klien

ROOT = Path(__file__).resolve().parents[2]
INSTALL = "/srv/mataram-asn"  # where the units expect the checkout (README, Pasang di server)
# nginx from Debian's packages (sbin is not on every PATH).
NGINX = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tunggu(
    cek: Callable[[], bool], *, detik: float, apa: str, proses: Sequence[subprocess.Popen] = ()
) -> None:
    batas = time.monotonic() + detik
    while True:
        for p in proses:
            assert p.poll() is None, f"{p.args[0]} exited with {p.returncode} while {apa}"
        try:
            if cek():
                return
        except OSError:
            pass
        assert time.monotonic() < batas, f"timed out: {apa}"
        time.sleep(0.3)


def hentikan(p: subprocess.Popen, sig: int = signal.SIGTERM, detik: float = 30) -> int:
    """Stop a process group we started (by its id); kill it when it does not stop in time."""
    if p.poll() is None:
        os.killpg(p.pid, sig)
        try:
            p.wait(timeout=detik)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    return p.returncode


def exec_start(unit: str) -> list[str]:
    """The ExecStart= lines of a unit in deploy/systemd/."""
    teks = (ROOT / "deploy" / "systemd" / unit).read_text()
    return re.findall(r"^ExecStart=(.+)$", teks, flags=re.MULTILINE)


def perintah_unit(unit: str) -> list[str]:
    """The unit's ExecStart, with the install path read as this checkout."""
    (baris,) = exec_start(unit)
    return baris.replace(f"{INSTALL}/", f"{ROOT}/").split()


def get_http(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """GET `path` from a gunicorn over plain HTTP (no nginx in front): status, headers (names in
    lower case), body."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1", **headers})
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


def _rewrite(teks: str, lama: str, baru: str) -> str:
    assert teks.count(lama) == 1, f"deploy/nginx/mataram-asn.conf: {lama!r} is not there once"
    return teks.replace(lama, baru)


@dataclass
class Tumpukan:
    """One stack: its ports, its folder (certificate, configs, logs) and its database.

    `server` is a PostgreSQL URL without a database name (postgres://user@host:port); the cache
    is database `redis_db` of the Redis on `redis_port`."""

    folder: Path
    server: str
    basis_data: str
    redis_db: int
    redis_port: int = 6379
    https: int = field(default_factory=port_bebas)
    http: int = field(default_factory=port_bebas)
    proses: dict[str, subprocess.Popen] = field(default_factory=dict)
    upstream: list[int] = field(default_factory=list)

    @property
    def ca(self) -> Path:
        return self.folder / "sertifikat.pem"

    @property
    def database_url(self) -> str:
        return f"{self.server}/{self.basis_data}"

    @property
    def cache_url(self) -> str:
        return f"redis://127.0.0.1:{self.redis_port}/{self.redis_db}"

    def klien(self, sumber: str = "127.0.0.2") -> Klien:
        return Klien(self.https, self.ca, sumber=sumber)

    def sql(self, query: str, *params) -> list[tuple]:
        with psycopg.connect(self.database_url) as conn:
            return conn.execute(query, params).fetchall()

    # --- start -----------------------------------------------------------------------------

    def sertifikat(self) -> None:
        """A self-signed certificate for 127.0.0.1, its own CA for the clients."""
        perintah = "req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1"
        perintah += " -addext subjectAltName=IP:127.0.0.1"
        perintah += f" -keyout {self.folder / 'kunci.pem'} -out {self.ca}"
        subprocess.run(
            ["openssl", *perintah.split()],
            check=True,
            capture_output=True,
        )

    def basis_data_baru(self) -> None:
        with psycopg.connect(f"{self.server}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.basis_data}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{self.basis_data}"')

    def hapus_basis_data(self) -> None:
        with psycopg.connect(f"{self.server}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.basis_data}" WITH (FORCE)')

    def env(self, **lain: str) -> dict[str, str]:
        """deploy/mataram-asn.env.example as an IT office fills it in, for this stack."""
        return {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": f"https://127.0.0.1:{self.https}",
            "DATABASE_URL": self.database_url,
            "CACHE_URL": self.cache_url,
            "TRUSTED_PROXY_COUNT": "1",
            "MEDIA_ROOT": str(self.folder / "media"),
            "STATIC_ROOT": str(self.folder / "static"),
            "BACKUP_DIR": str(self.folder / "cadangan"),
            **lain,
        }

    def env_tanpa_nginx(self, **lain: str) -> dict[str, str]:
        """`env()` for a gunicorn reached directly over plain HTTP, no proxy in front: no
        X-Forwarded-* header to trust, no redirect to HTTPS."""
        return self.env(TRUSTED_PROXY_COUNT="0", SECURE_SSL_REDIRECT="false", **lain)

    def manage(self, env: dict[str, str], *args: str, timeout: float = 600) -> str:
        hasil = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert hasil.returncode == 0, f"manage.py {args}: {hasil.stderr[-3000:]}"
        return hasil.stdout

    def mulai(self, nama: str, cmd: list[str], env: dict[str, str]) -> subprocess.Popen:
        """Start a process in its own group, its output in <folder>/<nama>.log."""
        log = (self.folder / f"{nama}.log").open("wb")
        p = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.proses[nama] = p
        return p

    def folder_metrik(self, nama: str) -> Path:
        """The metrics folder of gunicorn `nama`: the web unit's PROMETHEUS_MULTIPROC_DIR
        (Environment= with RuntimeDirectory=, tugas.metrik_proses), here in the stack's folder,
        one per gunicorn as each app machine has its own /run."""
        (multiproc,) = re.findall(
            r"^Environment=PROMETHEUS_MULTIPROC_DIR=(/run/\S+)$",
            (ROOT / "deploy" / "systemd" / "mataram-asn-web.service").read_text(),
            flags=re.MULTILINE,
        )
        folder = self.folder / nama / Path(multiproc).name
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def gunicorn(self, nama: str, env: dict[str, str], port: int) -> subprocess.Popen:
        """gunicorn as the web unit starts it, bound to `port`."""
        env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "PROMETHEUS_MULTIPROC_DIR": str(self.folder_metrik(nama)),
        }
        return self.mulai(nama, perintah_unit("mataram-asn-web.service"), env)

    def worker(self, nama: str, env: dict[str, str]) -> subprocess.Popen:
        """The task worker as its unit starts it."""
        return self.mulai(nama, perintah_unit("mataram-asn-worker.service"), env)

    def nginx(self, upstream: Sequence[int], *, http_extra: str = "") -> subprocess.Popen:
        """nginx with the site file, its upstream the gunicorn `upstream` ports (one `server`
        line each, as deploy/nginx/mataram-asn.conf shows for several app machines);
        `http_extra` goes into the wrapper's http block."""
        self.upstream = list(upstream)
        site = (ROOT / "deploy" / "nginx" / "mataram-asn.conf").read_text()
        servers = "\n    ".join(f"server 127.0.0.1:{p};" for p in upstream)
        for lama, baru in [
            ("server 127.0.0.1:8001;", servers),
            ("    listen 80;\n", f"    listen 127.0.0.1:{self.http};\n"),
            ("    listen [::]:80;\n", ""),
            ("    listen 443 ssl http2;\n", f"    listen 127.0.0.1:{self.https} ssl http2;\n"),
            ("    listen [::]:443 ssl http2;\n", ""),
            ("/etc/letsencrypt/live/asn.mataramkota.go.id/fullchain.pem", str(self.ca)),
            (
                "/etc/letsencrypt/live/asn.mataramkota.go.id/privkey.pem",
                str(self.folder / "kunci.pem"),
            ),
            ("/var/log/nginx/mataram-asn.access.log", str(self.folder / "nginx-access.log")),
            ("/var/log/nginx/mataram-asn.error.log", str(self.folder / "nginx-error.log")),
            (f"include {INSTALL}/deploy/", f"include {ROOT}/deploy/"),
        ]:
            site = _rewrite(site, lama, baru)
        f = self.folder
        (f / "site.conf").write_text(site)
        user = "user root;" if os.geteuid() == 0 else ""
        (f / "nginx.conf").write_text(
            f"{user}\nworker_processes 1;\ndaemon off;\npid {f}/nginx.pid;\n"
            f"error_log {f}/nginx-error.log warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n    include /etc/nginx/mime.types;\n"
            + "".join(
                f"    {k}_temp_path {f}/{k};\n"
                for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
            )
            + http_extra
            + f"    include {f}/site.conf;\n}}\n"
        )
        periksa = subprocess.run(
            [NGINX, "-t", "-p", str(f), "-c", str(f / "nginx.conf")],
            capture_output=True,
            text=True,
        )
        assert periksa.returncode == 0, periksa.stderr
        return self.mulai("nginx", [NGINX, "-p", str(f), "-c", str(f / "nginx.conf")], os.environ)

    def tunggu_siap(self, detik: float = 60) -> None:
        """Wait until every gunicorn listens, then until /healthz answers through nginx over
        HTTPS (a request to a gunicorn still starting would take it out of nginx's upstream
        for fail_timeout, 10 s)."""
        proses = list(self.proses.values())
        for port in self.upstream:

            def mendengar(port: int = port) -> bool:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return True

            tunggu(mendengar, detik=detik, apa=f"gunicorn on {port}", proses=proses)

        def siap() -> bool:
            return self.klien(sumber="127.0.0.1").get("/healthz").status == 200

        tunggu(siap, detik=detik, apa="starting", proses=proses)

    def tunggu_http(self, nama: str, port: int, detik: float = 60) -> None:
        """Wait until gunicorn `nama` answers /healthz on `port` over plain HTTP (no nginx)."""
        tunggu(
            lambda: get_http(port, "/healthz")[0] == 200,
            detik=detik,
            apa=f"{nama} starting",
            proses=[self.proses[nama]],
        )

    def hentikan_semua(self) -> None:
        """Stop what was started: nginx first (no new requests), then workers and gunicorns."""
        urutan = sorted(self.proses, key=lambda n: n != "nginx")
        for nama in urutan:
            hentikan(self.proses[nama])
