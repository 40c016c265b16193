"""The deployment of deploy/, for real: nginx (TLS, a self-signed certificate) → gunicorn →
the app, and a task worker, with production settings on PostgreSQL and Redis.

The stack is started once for this module from the files an IT office installs: nginx runs the
site file deploy/nginx/mataram-asn.conf (only its ports, certificate, log and include paths
rewritten for a test: each rewrite must apply exactly once, so the file cannot change shape
unnoticed) inside a wrapper nginx.conf with its own pid and temp paths; gunicorn and the worker
run the ExecStart lines of the systemd units. The client connects from 127.0.0.2, so nginx
(127.0.0.1 to gunicorn) and the client have different addresses and the audit trail can show
which one the app believed. Everything started is stopped at the end, the last test checking
that gunicorn and the worker stop gracefully on SIGTERM.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis
from django.db import connection

from tests.conftest import NGINX
from tests.deploy.klien import Klien
from tests.deploy.test_berkas import exec_start
from tests.tugas.conftest import sambung_pg, url_basis_data_uji

pytestmark = [pytest.mark.deploy, pytest.mark.postgres]

ROOT = Path(__file__).resolve().parents[2]
INSTALL = "/srv/mataram-asn"  # where the units expect the checkout (README, Pasang di server)
REDIS_DB = 14  # a spare Redis database of its own

HR = ("admin.bkpsdm", "demo-bkpsdm-2026")
PIMPINAN = ("pimpinan.dikes", "demo-pimpinan-2026")
PEGAWAI = ("pegawai.demo", "demo-pegawai-2026")


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tunggu(cek, *, detik: float, apa: str, proses: list[subprocess.Popen] = ()) -> None:
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


def _rewrite(teks: str, lama: str, baru: str) -> str:
    assert teks.count(lama) == 1, f"deploy/nginx/mataram-asn.conf: {lama!r} is not there once"
    return teks.replace(lama, baru)


def _perintah_unit(unit: str) -> list[str]:
    """The unit's ExecStart, with the install path read as this checkout."""
    (baris,) = exec_start(unit)
    return baris.replace(f"{INSTALL}/", f"{ROOT}/").split()


@dataclass
class Tumpukan:
    https: int
    http: int
    ca: Path
    folder: Path
    basis_data: str
    proses: dict[str, subprocess.Popen] = field(default_factory=dict)

    def klien(self, sumber: str = "127.0.0.2") -> Klien:
        return Klien(self.https, self.ca, sumber=sumber)

    def sql(self, query: str, *params) -> list[tuple]:
        with sambung_pg(self.basis_data) as conn:
            return conn.execute(query, params).fetchall()


def _hentikan(p: subprocess.Popen, sig: int = signal.SIGTERM, detik: float = 30) -> int:
    """Stop a process group we started (by its id); kill it when it does not stop in time."""
    if p.poll() is None:
        os.killpg(p.pid, sig)
        try:
            p.wait(timeout=detik)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    return p.returncode


@pytest.fixture(scope="module")
def tumpukan(tmp_path_factory) -> Iterator[Tumpukan]:
    folder = tmp_path_factory.mktemp("deploy")
    # A database of its own beside the configured one (pytest-django's test database is not
    # made for this module: no test here asks for it).
    s = connection.settings_dict
    basis_data = f"{s['NAME'].removeprefix('test_')}_uji_deploy"
    t = Tumpukan(_port_bebas(), _port_bebas(), folder / "sertifikat.pem", folder, basis_data)
    kunci = folder / "kunci.pem"
    sertifikat = "req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1"
    sertifikat += " -addext subjectAltName=IP:127.0.0.1"
    subprocess.run(
        ["openssl", *sertifikat.split(), "-keyout", str(kunci), "-out", str(t.ca)],
        check=True,
        capture_output=True,
    )
    with sambung_pg(autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{basis_data}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{basis_data}"')
    redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB).flushdb()

    gunicorn_port = _port_bebas()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        # deploy/mataram-asn.env.example, as an IT office fills it in
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"https://127.0.0.1:{t.https}",
        "DATABASE_URL": url_basis_data_uji(basis_data),
        "CACHE_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
        "TRUSTED_PROXY_COUNT": "1",
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
        "BACKUP_DIR": str(folder / "cadangan"),
        "GUNICORN_BIND": f"127.0.0.1:{gunicorn_port}",
        "WEB_CONCURRENCY": "2",  # this machine's cores are shared: keep it small
    }

    def manage(*args: str) -> None:
        hasil = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert hasil.returncode == 0, f"manage.py {args}: {hasil.stderr[-3000:]}"

    try:
        manage("migrate", "--no-input", "-v0")
        manage("collectstatic", "--no-input", "-v0")
        # 400: below about 200 employees no teacher holds a post, and the demo employee login
        # (linked to a teacher by seed_demo) would have no record of its own.
        manage("seed_demo", "--pegawai", "400", "--seed", "2026")

        def mulai(nama: str, cmd: list[str], **kw) -> subprocess.Popen:
            log = (folder / f"{nama}.log").open("wb")
            p = subprocess.Popen(
                cmd,
                cwd=kw.pop("cwd", ROOT),
                env=kw.pop("env", env),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                **kw,
            )
            t.proses[nama] = p
            return p

        gunicorn = mulai("gunicorn", _perintah_unit("mataram-asn-web.service"))
        worker = mulai("worker", _perintah_unit("mataram-asn-worker.service"))

        # nginx: the site file, rewritten only where a test must differ.
        site = (ROOT / "deploy" / "nginx" / "mataram-asn.conf").read_text()
        for lama, baru in [
            ("server 127.0.0.1:8001;", f"server 127.0.0.1:{gunicorn_port};"),
            ("    listen 80;\n", f"    listen 127.0.0.1:{t.http};\n"),
            ("    listen [::]:80;\n", ""),
            ("    listen 443 ssl http2;\n", f"    listen 127.0.0.1:{t.https} ssl http2;\n"),
            ("    listen [::]:443 ssl http2;\n", ""),
            ("/etc/letsencrypt/live/asn.mataramkota.go.id/fullchain.pem", str(t.ca)),
            ("/etc/letsencrypt/live/asn.mataramkota.go.id/privkey.pem", str(kunci)),
            ("/var/log/nginx/mataram-asn.access.log", str(folder / "nginx-access.log")),
            ("/var/log/nginx/mataram-asn.error.log", str(folder / "nginx-error.log")),
            (f"include {INSTALL}/deploy/", f"include {ROOT}/deploy/"),
        ]:
            site = _rewrite(site, lama, baru)
        (folder / "site.conf").write_text(site)
        user = "user root;" if os.geteuid() == 0 else ""
        (folder / "nginx.conf").write_text(
            f"{user}\nworker_processes 1;\ndaemon off;\npid {folder}/nginx.pid;\n"
            f"error_log {folder}/nginx-error.log warn;\n"
            "events { worker_connections 64; }\n"
            "http {\n    include /etc/nginx/mime.types;\n"
            + "".join(
                f"    {k}_temp_path {folder}/{k};\n"
                for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
            )
            + f"    include {folder}/site.conf;\n}}\n"
        )
        periksa = subprocess.run(
            [NGINX, "-t", "-p", str(folder), "-c", str(folder / "nginx.conf")],
            capture_output=True,
            text=True,
        )
        assert periksa.returncode == 0, periksa.stderr
        nginx = mulai("nginx", [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")])

        def siap_https() -> bool:
            return t.klien(sumber="127.0.0.1").get("/healthz").status == 200

        _tunggu(siap_https, detik=60, apa="starting", proses=[gunicorn, worker, nginx])
        yield t
    finally:
        for nama in ("nginx", "worker", "gunicorn"):
            if nama in t.proses:
                _hentikan(t.proses[nama])
        with sambung_pg(autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{basis_data}" WITH (FORCE)')
        redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB).flushdb()


def test_the_public_pages_answer_over_https_without_cookies(tumpukan):
    klien = tumpukan.klien()
    for path in ("/", "/transparansi/", "/data-terbuka/", "/seleksi/", "/survei/", "/masuk/"):
        r = klien.get(path)
        assert r.status == 200, (path, r.status)
        assert "text/html" in r.satu("Content-Type")
        if path != "/masuk/":  # public pages set no cookie (they are cached for everyone)
            assert r.headers.get_all("Set-Cookie") is None, path


def test_every_response_carries_the_security_headers_once(tumpukan):
    r = tumpukan.klien().get("/transparansi/")
    assert r.satu("Strict-Transport-Security") == "max-age=31536000; includeSubDomains; preload"
    # Directives in any order (django-csp does not keep one): compare them by name.
    csp = dict(d.strip().split(" ", 1) for d in r.satu("Content-Security-Policy").split(";"))
    assert csp["default-src"] == "'self'" and csp["script-src"] == "'self'"  # no inline script
    assert csp["frame-ancestors"] == "'none'"
    assert r.satu("X-Content-Type-Options") == "nosniff"
    assert r.satu("Referrer-Policy") == "same-origin"
    assert r.satu("X-Frame-Options") == "DENY"
    assert r.satu("Cross-Origin-Opener-Policy") == "same-origin"
    assert r.satu("Server") == "nginx"  # server_tokens off: no version


def test_plain_http_is_sent_to_https(tumpukan):
    conn = http.client.HTTPConnection("127.0.0.1", tumpukan.http, timeout=10)
    conn.request("GET", "/masuk/?lanjut=1")
    r = conn.getresponse()
    assert r.status == 301
    assert r.headers["Location"] == "https://127.0.0.1/masuk/?lanjut=1"
    conn.close()


def test_a_static_file_comes_with_its_type_and_long_caching(tumpukan):
    beranda = tumpukan.klien().get("/").teks
    (css,) = re.findall(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', beranda)
    r = tumpukan.klien().get(css, **{"Accept-Encoding": "gzip"})
    assert r.status == 200
    assert r.satu("Content-Type").startswith("text/css")
    assert r.satu("Cache-Control") == "max-age=315360000, public, immutable"
    assert r.satu("Content-Encoding") == "gzip"  # WhiteNoise's precompressed copy


@pytest.mark.parametrize(
    ("login", "mendarat", "halaman"),
    [
        (HR, None, ["/", "/admin/", "/jabatan/lowongan/", "/kinerja/", "/pelatihan/", "/impor/"]),
        (
            PIMPINAN,
            "/jabatan/unit/",
            ["/jabatan/unit/", "/kinerja/", "/jabatan/lowongan/", "/pelatihan/", "/kinerja/skp/"],
        ),
        (PEGAWAI, "/saya/", ["/saya/", "/jabatan/peluang/", "/pelatihan/saya/", "/kinerja/skp/"]),
    ],
    ids=["hr", "pimpinan", "pegawai"],
)
def test_each_role_signs_in_and_walks_its_main_pages(tumpukan, login, mendarat, halaman):
    """Login lands on the home page, which sends a unit head to their unit and an employee to
    their own page (jabatan.views_beranda) and keeps HR on their summary."""
    klien = tumpukan.klien()
    r = klien.masuk(*login)
    assert r.status == 302 and r.satu("Location") == "/", r.teks[:500]
    assert "sessionid" in klien.cookies
    r = klien.get("/")
    if mendarat:
        assert r.status == 302 and r.satu("Location") == mendarat, (login[0], r.status)
    for path in halaman:
        r = klien.get(path)
        assert r.status == 200, (login[0], path, r.status)
        assert "no-store" in r.satu("Cache-Control"), path  # personal data: never cached


def test_the_audit_trail_records_the_client_address_not_nginxs_nor_a_forged_one(tumpukan):
    klien = tumpukan.klien(sumber="127.0.0.2")
    token = klien.token("/masuk/")
    data = {"csrfmiddlewaretoken": token, "username": HR[0], "password": HR[1]}
    # A forged X-Forwarded-For: nginx overwrites it with the address it saw.
    r = klien.post("/masuk/", data, dari="/masuk/", **{"X-Forwarded-For": "203.0.113.66"})
    assert r.status == 302
    alamat = tumpukan.sql(
        "SELECT host(ip_address) FROM axes_accesslog WHERE username = %s ORDER BY id DESC LIMIT 1",
        HR[0],
    )
    assert alamat == [("127.0.0.2",)]  # gunicorn saw 127.0.0.1 (nginx); the client is .2
    # A change by HR through nginx: its audit entry carries the same address.
    sumber = klien.get("/impor/contoh-siasn.json")
    token = klien.token("/impor/")
    r = klien.post_berkas(
        "/impor/unggah/",
        {"csrfmiddlewaretoken": token},
        ("berkas", "contoh-siasn.json", sumber.body),
        dari="/impor/",
    )
    assert r.status == 302, r.teks[:1000]
    entri = tumpukan.sql(
        "SELECT host(e.remote_addr) FROM auditlog_logentry e JOIN django_content_type c"
        " ON c.id = e.content_type_id WHERE c.app_label = 'impor' AND c.model = 'impor'"
    )
    assert entri and all(a == ("127.0.0.2",) for a in entri), entri


def test_a_background_task_started_by_a_post_runs_to_its_end_in_the_worker(tumpukan):
    klien = tumpukan.klien()
    assert klien.masuk(*HR).status == 302
    contoh = klien.get("/impor/contoh-siasn.json")
    assert contoh.status == 200 and json.loads(contoh.body)
    token = klien.token("/impor/")
    r = klien.post_berkas(
        "/impor/unggah/",
        {"csrfmiddlewaretoken": token},
        ("berkas", "contoh-siasn.json", contoh.body),
        dari="/impor/",
    )
    assert r.status == 302
    progres = r.satu("Location")
    assert re.fullmatch(r"/tugas/[0-9a-f-]{36}/", progres), progres
    batas = time.monotonic() + 120
    while True:
        keadaan = json.loads(klien.get(progres + "?format=json").body)
        if not keadaan["aktif"]:
            break
        assert time.monotonic() < batas, keadaan
        time.sleep(0.5)
    assert keadaan["status"] == "selesai", keadaan
    assert keadaan["persen"] == 100
    halaman = klien.get(progres)
    assert halaman.status == 200 and "Selesai" in halaman.teks


def test_nginx_refuses_an_oversized_upload_before_the_app_reads_it(tumpukan):
    klien = tumpukan.klien()
    conn = http.client.HTTPSConnection(
        "127.0.0.1", tumpukan.https, context=klien.context, source_address=("127.0.0.2", 0)
    )
    conn.putrequest("POST", "/masuk/")
    conn.putheader("Content-Type", "multipart/form-data; boundary=x")
    conn.putheader("Content-Length", str(200 * 2**20))  # an anonymous 200 MB POST
    conn.endheaders()
    conn.send(b"--x\r\n" + b"0" * 65536)  # nginx answers on the declared length alone
    r = conn.getresponse()
    assert r.status == 413
    assert "nginx" in r.read().decode()  # nginx's page: the app never saw it
    conn.close()
    # Under the limit it passes nginx (whose default is 1 MB) and reaches the app, which reads
    # it: a 2 MB login form with a wrong password is the login page again (200), not nginx's
    # 413. (A form the app refuses before reading it, say without a CSRF token, races: gunicorn
    # answers and closes while nginx still sends the body, and nginx reports 502.)
    data = {
        "csrfmiddlewaretoken": klien.token("/masuk/"),
        "username": "bukan.pengguna",
        "password": "salah",
        "isi": "0" * (2 * 2**20),
    }
    r = klien.post("/masuk/", data, dari="/masuk/")
    assert r.status == 200 and "nginx" not in r.teks, r.status


def test_readiness_through_nginx_opens_to_the_machine_only_and_sees_the_worker(tumpukan):
    dari_luar = tumpukan.klien(sumber="127.0.0.2").get("/healthz/siap")
    assert dari_luar.status == 404  # 127.0.0.2 is no monitoring address
    r = tumpukan.klien(sumber="127.0.0.1").get("/healthz/siap")
    hasil = json.loads(r.body)
    assert r.status == 200, hasil
    assert hasil["komponen"]["cache"]["backend"] == "RedisTahanGangguan"
    assert hasil["komponen"]["antrean"]["worker_hidup"] == 1


def test_one_request_id_runs_from_nginx_access_log_to_the_apps_json_log(tumpukan):
    """nginx names each request ($request_id) in its access log and passes the id on; the app
    puts it on the response and on its JSON log lines (pegawai.log), and a forged id from the
    client never gets through nginx."""
    r = tumpukan.klien().get("/jabatan/tidak-ada/", **{"X-Request-ID": "palsu-dari-klien-123"})
    assert r.status == 404
    rid = r.satu("X-Request-ID")
    assert re.fullmatch(r"[0-9a-f]{32}", rid), rid
    for _ in range(50):  # nginx writes its access log line after the response
        if f"id={rid}" in (tumpukan.folder / "nginx-access.log").read_text():
            break
        time.sleep(0.1)
    assert f"id={rid}" in (tumpukan.folder / "nginx-access.log").read_text()
    baris = [
        json.loads(b)
        for b in (tumpukan.folder / "gunicorn.log").read_text().splitlines()
        if b.startswith("{")
    ]
    milik = [b for b in baris if b["request_id"] == rid]
    log = (tumpukan.folder / "gunicorn.log").read_text()[-1500:]
    assert milik and milik[0]["logger"] == "django.request" and milik[0]["level"] == "WARNING", log


def test_zz_gunicorn_and_the_worker_stop_gracefully_on_sigterm(tumpukan):
    """Last: systemctl stop sends SIGTERM (KillMode=mixed); both exit cleanly, and the worker
    takes its heartbeat with it."""
    assert _hentikan(tumpukan.proses["worker"]) == 0
    assert tumpukan.sql("SELECT count(*) FROM tugas_detak") == [(0,)]
    assert _hentikan(tumpukan.proses["gunicorn"]) == 0
    assert _hentikan(tumpukan.proses["nginx"], signal.SIGQUIT) == 0
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", tumpukan.https), timeout=2)
