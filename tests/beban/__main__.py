"""The load run, one command (README, "Uji beban"):

    .venv/bin/python -m tests.beban [--menit 10] [--pengguna 60] [--pegawai 7000]

Starts the production stack of deploy/ on this machine (tests/deploy/tumpukan.py: nginx with
TLS → gunicorn with workers sized to the cores → the app, and a task worker, DEBUG off, Redis
cache) on a database of its own on DATABASE_URL's server (`<name>_beban`, seeded with the
demo), makes logins for each role (tests/beban/siapkan.py), runs the locust scenario
(tests/beban/locustfile.py) headless for the given minutes, writes a table per page (count,
errors, p50, p95, and p50 against the floor measured in the same run) to the terminal and to
<hasil>/hasil.md, and stops everything it started. Exit status 1 when any request failed or
the scenario raised.

The seeded database is kept for the next run (`--pakai-ulang` skips the seed when it holds
employees); Redis database `--redis-db` is emptied before and after.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import multiprocessing
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import redis

from tests.deploy.tumpukan import ROOT, Tumpukan, port_bebas

LOCUSTFILE = Path(__file__).with_name("locustfile.py")
LANTAI = "/healthz (lantai)"
# Measured on 2-core machines (gunicorn, 2 sync workers, DEBUG
# off, load generator on the same cores), printed beside the figures.
CATATAN_MESIN = (
    "Lantai mesin (2 core, diukur): view konstan ≈ 1.900 req/s, p99 14 ms; "
    "templat 50 baris ORM ≈ 230 req/s (≈ 4,3 ms per halaman)."
)


def _argumen() -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m tests.beban", description=__doc__.split("\n")[0])
    p.add_argument("--menit", type=float, default=10, help="lama beban (10 menit)")
    p.add_argument("--pengguna", type=int, default=60, help="pengguna serentak (60)")
    p.add_argument("--laju", type=float, default=1, help="pengguna baru per detik (1)")
    p.add_argument("--pegawai", type=int, default=7000, help="pegawai data demo (7.000)")
    p.add_argument("--akun", type=int, default=10, help="login per peran (10)")
    p.add_argument("--pakai-ulang", action="store_true", help="pakai basis data yang sudah diisi")
    p.add_argument("--redis-db", type=int, default=12, help="basis data Redis untuk cache (12)")
    p.add_argument("--hasil", type=Path, help="folder hasil (folder sementara baru)")
    return p.parse_args()


def _server() -> tuple[str, str]:
    """DATABASE_URL's server (a URL without the database name) and the load run's database."""
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mataram_asn")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("DATABASE_URL harus PostgreSQL (postgres://...).")
    server, nama = url.rsplit("/", 1)
    return server, f"{nama.split('?')[0]}_beban"


def _berisi(t: Tumpukan) -> bool:
    """Whether the load database exists and holds seeded employees."""
    try:
        return t.sql("SELECT count(*) FROM pegawai_pegawai")[0][0] > 0
    except psycopg.Error:
        return False


def tabel(stats_csv: Path) -> tuple[str, int]:
    """The locust statistics as a Markdown table, one row per page, and the failure count.

    p50 / floor is the page's median over the median of /healthz (a minimal view with one
    query) measured in the same run, as docs/desain.md's `ratio`."""
    with stats_csv.open(newline="") as f:
        baris = list(csv.DictReader(f))
    lantai = next((float(b["50%"]) for b in baris if b["Name"] == LANTAI), None)
    keluar = [
        "| halaman | permintaan | galat | p50 ms | p95 ms | p50 / lantai |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    gagal = 0
    for b in sorted(baris, key=lambda b: (b["Name"] == "Aggregated", b["Name"])):
        nama = "**semua**" if b["Name"] == "Aggregated" else f"`{b['Type']} {b['Name']}`"
        p50, p95 = float(b["50%"]), float(b["95%"])
        rasio = f"{p50 / lantai:.1f}" if lantai and b["Name"] != "Aggregated" else ""
        n, galat = int(b["Request Count"]), int(b["Failure Count"])
        if b["Name"] == "Aggregated":
            gagal = galat
        keluar.append(f"| {nama} | {n} | {galat} | {p50:.0f} | {p95:.0f} | {rasio} |")
    return "\n".join(keluar), gagal


def pengecualian(exceptions_csv: Path) -> int:
    """How many times the scenario itself raised (a form missing from a page, say): locust
    counts these apart from failed requests, and they are errors of the run all the same."""
    if not exceptions_csv.exists():
        return 0
    with exceptions_csv.open(newline="") as f:
        return sum(int(b["Count"]) for b in csv.DictReader(f))


def main() -> int:
    a = _argumen()
    folder = a.hasil or Path(tempfile.mkdtemp(prefix="mataram-beban-"))
    folder.mkdir(parents=True, exist_ok=True)
    server, basis_data = _server()
    t = Tumpukan(folder.resolve(), server, basis_data, a.redis_db)
    r = redis.Redis(host="127.0.0.1", port=6379, db=a.redis_db)
    env = t.env()  # no WEB_CONCURRENCY: deploy/gunicorn.conf.py sizes the workers to the cores
    cetak = print
    try:
        t.sertifikat()
        if a.pakai_ulang and _berisi(t):
            cetak(f"Memakai basis data {basis_data} yang sudah berisi.")
            t.manage(env, "migrate", "--no-input", "-v0")
        else:
            cetak(f"Membuat basis data {basis_data}, {a.pegawai} pegawai (beberapa menit)...")
            t.basis_data_baru()
            t.manage(env, "migrate", "--no-input", "-v0")
            t.manage(env, "seed_demo", "--pegawai", str(a.pegawai), timeout=3600)
        t.manage(env, "collectstatic", "--no-input", "-v0")
        r.flushdb()
        sandi = secrets.token_urlsafe(12)
        data = t.manage(
            env,
            "shell",
            "-v0",
            "-c",
            f"from tests.beban.siapkan import cetak; cetak({a.akun}, {sandi!r})",
        )
        (folder / "data.json").write_text(data)
        akun = json.loads(data)
        for peran in ("sdm", "pimpinan", "pegawai"):
            assert akun[peran], f"tidak ada login {peran} untuk beban"

        port = port_bebas()
        t.gunicorn("gunicorn", env, port)
        t.worker("worker", env)
        t.nginx([port])
        t.tunggu_siap()
        host = f"https://127.0.0.1:{t.https}"
        cetak(f"Beban {a.menit:g} menit, {a.pengguna} pengguna, ke {host}; hasil di {folder}")
        mulai = dt.datetime.now(dt.UTC)
        locust = subprocess.run(
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(LOCUSTFILE),
                "--headless",
                "--only-summary",
                "--users",
                str(a.pengguna),
                "--spawn-rate",
                str(a.laju),
                "--run-time",
                f"{round(a.menit * 60)}s",
                "--stop-timeout",
                "15",
                "--host",
                host,
                "--csv",
                str(folder / "locust"),
            ],
            cwd=ROOT,
            env={**os.environ, "BEBAN_DATA": str(folder / "data.json"), "BEBAN_CA": str(t.ca)},
            stdout=(folder / "locust.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        isi, gagal = tabel(folder / "locust_stats.csv")
        gagal += pengecualian(folder / "locust_exceptions.csv")
        inti = multiprocessing.cpu_count()
        judul = (
            f"Uji beban {mulai:%Y-%m-%d %H:%M} UTC: {a.menit:g} menit, {a.pengguna} pengguna "
            f"serentak, {a.pegawai} pegawai; nginx → gunicorn {2 * inti} worker sync "
            f"({inti} core) + worker tugas, PostgreSQL, Redis; locust di mesin yang sama.\n"
            f"Lantai: median `/healthz` (view minimal, satu `SELECT 1`) pada jalannya yang sama.\n"
            f"{CATATAN_MESIN}\n"
        )
        (folder / "hasil.md").write_text(f"{judul}\n{isi}\n")
        cetak(f"\n{judul}\n{isi}\n")
        if gagal or locust.returncode:
            cetak(
                f"Galat: {gagal}; lihat {folder}/locust_failures.csv, locust_exceptions.csv "
                "dan locust.log"
            )
            return 1
        return 0
    finally:
        t.hentikan_semua()
        r.flushdb()


if __name__ == "__main__":
    sys.exit(main())
