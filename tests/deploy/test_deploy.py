"""The deployment of deploy/, for real: nginx (TLS, a self-signed certificate) → gunicorn →
the app, and a task worker, with production settings on PostgreSQL and Redis.

The stack is started once for this module (tests/deploy/tumpukan.py) from the files an IT
office installs: the nginx site file, the gunicorn and worker lines of the systemd units. The
client connects from 127.0.0.2, so nginx (127.0.0.1 to gunicorn) and the client have different
addresses and the audit trail can show which one the app believed. Everything started is
stopped at the end, the last test checking that gunicorn and the worker stop gracefully on
SIGTERM.
"""

from __future__ import annotations

import http.client
import json
import re
import signal
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.deploy.bersama import HR, PEGAWAI, PIMPINAN, tumpukan_uji
from tests.deploy.tumpukan import Tumpukan, hentikan, port_bebas

pytestmark = [pytest.mark.deploy, pytest.mark.postgres, pytest.mark.lambat]

REDIS_DB = 14  # a spare Redis database of its own


@pytest.fixture(scope="module")
def tumpukan(tmp_path_factory) -> Iterator[Tumpukan]:
    with tumpukan_uji(tmp_path_factory.mktemp("deploy"), "deploy", REDIS_DB) as t:
        gunicorn_port = port_bebas()
        env = t.env(WEB_CONCURRENCY="2")  # this machine's cores are shared: keep it small
        t.manage(env, "migrate", "--no-input", "-v0")
        t.manage(env, "collectstatic", "--no-input", "-v0")
        # 400: below about 200 employees no teacher holds a post, and the demo employee login
        # (linked to a teacher by seed_demo) would have no record of its own.
        t.manage(env, "seed_demo", "--pegawai", "400", "--seed", "2026")
        # An old run's file in the metrics folder, which gunicorn's start must remove.
        (t.folder_metrik("gunicorn") / "counter_1.db").write_bytes(b"basi")
        t.gunicorn("gunicorn", env, gunicorn_port)
        t.worker("worker", env)
        t.nginx([gunicorn_port])
        t.tunggu_siap()
        yield t


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
    token = klien.token("/impor/")
    # The sample is logged as an export, so it is a POST (the page's form).
    sumber = klien.post("/impor/contoh-siasn.json", {"csrfmiddlewaretoken": token}, dari="/impor/")
    assert sumber.status == 200, sumber.status
    r = klien.post_berkas(
        "/impor/unggah/",
        {"csrfmiddlewaretoken": token},
        ("berkas", "contoh-siasn.json", sumber.body),
        dari="/impor/",
    )
    assert r.status == 302, r.teks[:1000]
    entri = tumpukan.sql(
        "SELECT host(e.remote_addr), e.cid FROM auditlog_logentry e JOIN django_content_type c"
        " ON c.id = e.content_type_id WHERE c.app_label = 'impor' AND c.model = 'impor'"
    )
    # ... and the id of the request that wrote it (nginx's $request_id, AUDITLOG_CID_GETTER).
    rid = r.satu("X-Request-ID")
    assert entri and all(a == ("127.0.0.2", rid) for a in entri), (entri, rid)


def test_a_background_task_started_by_a_post_runs_to_its_end_in_the_worker(tumpukan):
    klien = tumpukan.klien()
    assert klien.masuk(*HR).status == 302
    token = klien.token("/impor/")
    contoh = klien.post("/impor/contoh-siasn.json", {"csrfmiddlewaretoken": token}, dari="/impor/")
    assert contoh.status == 200 and json.loads(contoh.body)
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
    # The worker's JSON lines about the task carry the id of the POST that queued it.
    ((task_id,),) = tumpukan.sql(
        "SELECT task_id FROM tugas_progres WHERE id = %s", progres.split("/")[2]
    )
    baris = [
        json.loads(b)
        for b in (tumpukan.folder / "worker.log").read_text().splitlines()
        if b.startswith("{")
    ]
    milik = [b for b in baris if task_id in b["pesan"]]
    assert len(milik) >= 2, baris[-5:]
    assert {b["request_id"] for b in milik} == {r.satu("X-Request-ID")}, milik


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
    assert hasil["komponen"]["cache"]["backend"] == "ResilientRedisCache"
    assert hasil["komponen"]["antrean"]["worker_hidup"] == 1


def _metrik(tumpukan, sumber: str = "127.0.0.1") -> dict[tuple[str, frozenset], float]:
    r = tumpukan.klien(sumber=sumber).get("/metrics")
    assert r.status == 200, r.status
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(r.teks)
        for s in family.samples
    }


def test_metrics_through_nginx_open_to_the_machine_only_and_sum_every_worker(tumpukan):
    """/metrics (tugas.metrik) behind nginx: 404 to anyone but the monitoring address (nginx's
    allow list and the app's METRICS_ALLOWED_IPS), and whichever of gunicorn's two workers
    answers a scrape, it reports the requests both served (PROMETHEUS_MULTIPROC_DIR)."""
    dari_luar = tumpukan.klien(sumber="127.0.0.2").get("/metrics")
    assert dari_luar.status == 404 and "mataram_asn_" not in dari_luar.teks
    assert "nginx" in dari_luar.teks  # nginx's own page: refused before the app
    # The old run's file is gone: gunicorn's start emptied the folder (on_starting).
    assert not (tumpukan.folder_metrik("gunicorn") / "counter_1.db").exists()
    kunci = (
        "mataram_asn_http_requests_total",
        frozenset({"view": "masuk", "method": "GET", "status": "200"}.items()),
    )
    sebelum = _metrik(tumpukan).get(kunci, 0)
    # Three sign-ins at once: a sync worker hashing a password (a few hundred ms) accepts nothing
    # else, so the other worker must take the next, and each writes its own files. Each sign-in
    # first GETs /masuk/ for its token.
    with ThreadPoolExecutor(3) as pool:
        masuk = pool.map(lambda _: tumpukan.klien(sumber="127.0.0.2").masuk(*HR), range(3))
        assert [r.status for r in masuk] == [302] * 3
    klien = tumpukan.klien(sumber="127.0.0.2")
    for _ in range(24):
        assert klien.get("/masuk/").status == 200
    pid = {
        re.search(r"_(\d+)\.db$", p.name).group(1)
        for p in tumpukan.folder_metrik("gunicorn").glob("*.db")
    }
    assert len(pid) >= 2, sorted(p.name for p in tumpukan.folder_metrik("gunicorn").iterdir())
    for _ in range(6):  # each scrape lands on either worker: always the sum of both
        metrik = _metrik(tumpukan)
        assert metrik[kunci] - sebelum == 24 + 3
    assert metrik[("mataram_asn_task_workers_alive", frozenset())] == 1
    assert metrik[("mataram_asn_task_queue_up", frozenset())] == 1
    assert metrik[("mataram_asn_db_queries_total", frozenset({"view": "masuk"}.items()))] > 0


def test_one_request_id_runs_from_nginx_access_log_to_the_apps_json_log(tumpukan):
    """nginx names each request ($request_id) in its access log and passes the id on; the app
    puts it on the response and on its JSON log lines (core.logging), and a forged id from the
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
    assert hentikan(tumpukan.proses["worker"]) == 0
    assert tumpukan.sql("SELECT count(*) FROM tugas_detak") == [(0,)]
    assert hentikan(tumpukan.proses["gunicorn"]) == 0
    assert hentikan(tumpukan.proses["nginx"], signal.SIGQUIT) == 0
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", tumpukan.https), timeout=2)
