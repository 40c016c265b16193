"""How tests start the project's own processes against the test database: a real task worker
(`manage.py db_worker`), and connections to other databases on the same server.

- `jalankan_worker()`: a real worker process, `manage.py db_worker --batch`, against the test
  database (its name passed through DATABASE_URL, which settings read). Needs committed rows,
  so a transactional test, and PostgreSQL: the SQLite test database lives in memory, where no
  other process can see it.
- `perintah_worker(*extra)`: the command and environment of such a worker, for a test that
  starts and stops it itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def url_basis_data_uji(nama: str | None = None) -> str:
    """DATABASE_URL of the test database pytest-django made (test_<name>), or of database `nama`
    on the same server."""
    s = connection.settings_dict
    auth = quote(s["USER"] or "")
    if s.get("PASSWORD"):
        auth += ":" + quote(s["PASSWORD"])
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{nama or s['NAME']}"


def sambung_pg(dbname: str = "postgres", **kwargs) -> psycopg.Connection:
    """A psycopg connection to another database on the test database's server (to create and
    drop databases, or to read one that a separate process wrote)."""
    s = connection.settings_dict
    return psycopg.connect(
        host=s["HOST"] or "127.0.0.1",
        port=s["PORT"] or 5432,
        user=s["USER"] or "postgres",
        password=s["PASSWORD"] or None,
        dbname=dbname,
        **kwargs,
    )


def perintah_worker(*extra: str) -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, "DATABASE_URL": url_basis_data_uji(), "DEBUG": "false"}
    cmd = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload", *extra]
    return cmd, env


def jalankan_worker(timeout: float = 120) -> subprocess.CompletedProcess:
    """Run every queued task in a separate worker process, then return when the queue is empty."""
    cmd, env = perintah_worker("--batch")
    return subprocess.run(
        cmd, cwd=ROOT, env=env, timeout=timeout, check=True, capture_output=True, text=True
    )
