"""Two app machines behind one proxy (issue 22, "Outgrow one machine"): two gunicorn processes
on different ports in one nginx upstream (two `server` lines, as deploy/nginx/mataram-asn.conf
shows), two task workers, one PostgreSQL and one Redis.

What the machines share, each shown through nginx: sessions (the database), the public pages'
cache (Redis) and the task queue (PostgreSQL rows claimed with SELECT ... FOR UPDATE SKIP LOCKED
by django-tasks-db, so two workers never run one task). nginx names the backend of each response
in a header (`X-Backend: $upstream_addr`, added for this test only in the wrapper's http block;
production sends no such header).
"""

from __future__ import annotations

import re
import signal
from collections import Counter
from collections.abc import Iterator

import pytest

from tests.deploy.bersama import HR, tumpukan_uji
from tests.deploy.tumpukan import Tumpukan, port_bebas, tunggu

pytestmark = [pytest.mark.deploy, pytest.mark.postgres, pytest.mark.lambat]

REDIS_DB = 13  # a spare Redis database of its own (test_deploy has 14)
TUGAS = "django_tasks_database_dbtaskresult"  # django-tasks-db's queue and results
TAMBAHAN = "    add_header X-Backend $upstream_addr always;\n"


@pytest.fixture(scope="module")
def dua(tmp_path_factory) -> Iterator[tuple[Tumpukan, dict[str, int]]]:
    with tumpukan_uji(tmp_path_factory.mktemp("dua"), "dua", REDIS_DB) as t:
        # One sync worker each: two machines of one core (this machine's cores are shared).
        env = t.env(WEB_CONCURRENCY="1")
        port = {"a": port_bebas(), "b": port_bebas()}
        t.manage(env, "migrate", "--no-input", "-v0")
        t.manage(env, "collectstatic", "--no-input", "-v0")
        t.manage(env, "seed_demo", "--pegawai", "200", "--seed", "2026")
        for mesin in ("a", "b"):
            t.gunicorn(f"gunicorn-{mesin}", env, port[mesin])
            t.worker(f"worker-{mesin}", env)
        t.nginx([port["a"], port["b"]], http_extra=TAMBAHAN)
        t.tunggu_siap()
        yield t, port


def _mesin(r, port: dict[str, int]) -> str:
    """Which gunicorn answered, from nginx's X-Backend header."""
    alamat = r.satu("X-Backend")
    (nama,) = [m for m, p in port.items() if alamat == f"127.0.0.1:{p}"]
    return nama


def test_it_spreads_requests_over_both_machines_and_the_session_holds_on_each(dua):
    t, port = dua
    klien = t.klien()
    assert klien.masuk(*HR).status == 302  # the session row is written by one machine
    dilayani = Counter()
    for _ in range(6):
        r = klien.get("/jabatan/lowongan/")
        # Signed in on every request, whichever machine reads the session from the database.
        assert r.status == 200, r.status
        assert "no-store" in r.satu("Cache-Control")
        dilayani[_mesin(r, port)] += 1
    assert set(dilayani) == {"a", "b"}, dilayani
    # Each gunicorn's own access log shows it served the page (not only nginx's word for it).
    # The worker writes its line after the response has left, so the last one may lag a little.
    for mesin in ("a", "b"):
        log = t.folder / f"gunicorn-{mesin}.log"
        baris = '"GET /jabatan/lowongan/ HTTP/1.0" 200'
        tunggu(
            lambda log=log, baris=baris, mesin=mesin: (
                log.read_text().count(baris) >= dilayani[mesin]
            ),
            detik=10,
            apa=f"the access log of {mesin}",
        )
        assert log.read_text().count(baris) == dilayani[mesin], mesin
    # Signing out on one machine ends the session on both.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', r.teks).group(1)
    keluar = klien.post("/keluar/", {"csrfmiddlewaretoken": token}, dari="/jabatan/lowongan/")
    assert keluar.status == 302
    for _ in range(2):
        r = klien.get("/jabatan/lowongan/")
        assert r.status == 302 and r.satu("Location").startswith("/masuk/"), r.status


def test_a_public_page_cached_by_one_machine_is_served_from_the_cache_by_the_other(dua):
    t, port = dua
    klien = t.klien()
    pertama = klien.get("/transparansi/?tahun=2026")
    assert pertama.status == 200 and pertama.satu("X-Cache") == "miss"
    kedua = klien.get("/transparansi/?tahun=2026")  # round robin: the other machine
    assert kedua.status == 200 and kedua.satu("X-Cache") == "hit"
    assert {_mesin(pertama, port), _mesin(kedua, port)} == {"a", "b"}
    assert kedua.body == pertama.body


def _antre(klien, port: dict[str, int], n: int) -> Counter:
    """Queue `n` tasks through nginx; return how many each machine queued."""
    mesin = Counter()
    daftar = "/admin/pegawai/unitkerja/"
    halaman = klien.get(daftar)
    assert halaman.status == 200, halaman.status
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', halaman.teks).group(1)
    for _ in range(n):
        # The admin list's export (a POST from its form) runs in the background and answers
        # with its progress page.
        r = klien.post(f"{daftar}ekspor/", {"csrfmiddlewaretoken": token}, dari=daftar)
        assert r.status == 302, r.status
        assert re.fullmatch(r"/tugas/[0-9a-f-]{36}/", r.satu("Location")), r.satu("Location")
        mesin[_mesin(r, port)] += 1
    return mesin


def _tunggu_habis(t: Tumpukan) -> None:
    def habis() -> bool:
        sisa = f"SELECT count(*) FROM {TUGAS} WHERE status IN ('READY', 'RUNNING')"
        return t.sql(sisa) == [(0,)]

    workers = [p for nama, p in t.proses.items() if nama.startswith("worker-")]
    tunggu(habis, detik=120, apa="running the tasks", proses=workers)


def test_two_workers_run_each_queued_task_exactly_once(dua):
    """Tasks queued through both machines while both workers are paused; let go together, the
    workers race for the same rows, and SKIP LOCKED gives each row to one of them. Then each
    machine's worker alone drains what both machines queue: one queue, served from either."""
    t, port = dua
    klien = t.klien()
    assert klien.masuk(*HR).status == 302
    workers = {m: t.proses[f"worker-{m}"] for m in ("a", "b")}
    for w in workers.values():
        w.send_signal(signal.SIGSTOP)
    try:
        mesin = _antre(klien, port, 16)
    finally:
        for w in workers.values():
            w.send_signal(signal.SIGCONT)
    assert set(mesin) == {"a", "b"}, mesin  # queued from both machines
    _tunggu_habis(t)
    baris = t.sql(f"SELECT status, worker_ids FROM {TUGAS}")
    assert len(baris) == 16
    assert all(status == "SUCCESSFUL" for status, _ in baris), baris
    # Each task claimed once: one worker id on it (a second claim would append a second). How
    # the race splits them is the scheduler's affair (one fast worker may take all 16).
    assert all(len(ids) == 1 for _, ids in baris), baris

    # Each worker alone, the other stopped: it runs what both machines queued.
    oleh = {}
    for jalan, henti in (("a", "b"), ("b", "a")):
        workers[henti].send_signal(signal.SIGSTOP)
        try:
            awal = t.sql(f"SELECT max(enqueued_at) FROM {TUGAS}")[0][0]
            assert set(_antre(klien, port, 4)) == {"a", "b"}
            _tunggu_habis(t)
            ids = t.sql(f"SELECT DISTINCT worker_ids->>0 FROM {TUGAS} WHERE enqueued_at > %s", awal)
        finally:
            workers[henti].send_signal(signal.SIGCONT)
        assert len(ids) == 1, ids
        oleh[jalan] = ids[0][0]
    assert oleh["a"] != oleh["b"], oleh  # two workers, each serving the one queue
    selesai_semua = t.sql("SELECT status, count(*) FROM tugas_progres GROUP BY status")
    assert selesai_semua == [("selesai", 24)], selesai_semua
