"""What the deployment test modules (test_deploy.py, test_dua_mesin.py) share: the demo
accounts they sign in with and their stack on the test database's PostgreSQL server, set up and
torn down the same way. Unlike tumpukan.py this reads Django's test settings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import redis
from django.db import connection

from tests.deploy.tumpukan import Tumpukan
from tests.proses import url_basis_data_uji

# Accounts made by `seed_demo` (demo/management/commands/seed_demo.py).
HR = ("admin.bkpsdm", "demo-bkpsdm-2026")
PIMPINAN = ("pimpinan.dikes", "demo-pimpinan-2026")
PEGAWAI = ("pegawai.demo", "demo-pegawai-2026")


def server_pg() -> str:
    """The test database's PostgreSQL server as a URL without a database name."""
    return url_basis_data_uji().rsplit("/", 1)[0]


@contextmanager
def tumpukan_uji(folder: Path, akhiran: str, redis_db: int) -> Iterator[Tumpukan]:
    """A stack with a certificate, a fresh database of its own beside the configured one
    (<name>_uji_<akhiran>; pytest-django's test database is not made for these modules) and an
    empty Redis database `redis_db`; everything started in it is stopped at the end, the
    database dropped and the Redis database emptied."""
    basis_data = f"{connection.settings_dict['NAME'].removeprefix('test_')}_uji_{akhiran}"
    t = Tumpukan(folder, server_pg(), basis_data, redis_db)
    t.sertifikat()
    t.basis_data_baru()
    redis.Redis(host="127.0.0.1", port=t.redis_port, db=redis_db).flushdb()
    try:
        yield t
    finally:
        t.hentikan_semua()
        t.hapus_basis_data()
        redis.Redis(host="127.0.0.1", port=t.redis_port, db=redis_db).flushdb()
