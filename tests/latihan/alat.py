"""What the fault drills share: a Redis and a PostgreSQL of their own (never the machine's 6379
and 5432, which other work depends on), the app under gunicorn as its systemd unit runs it
(tests/deploy/tumpukan.py's stack on those two, reached over plain HTTP without nginx), and
traffic whose answers are counted by status code, phase by phase.

Every process is started in a session of its own and stopped by its id (`hentikan`).
"""

from __future__ import annotations

import collections
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from tests.deploy.tumpukan import Tumpukan, get_http, hentikan, port_bebas, tunggu

# The drills' own PostgreSQL cluster comes from Debian's binaries (tests/conftest.py skips the
# drills where they are missing).
PG_INITDB = "/usr/lib/postgresql/15/bin/initdb"
PG_BIN = Path(PG_INITDB).parent
BASIS_DATA = "mataram_asn"  # the app's database in the drill's own cluster


@dataclass
class RedisSendiri:
    """A redis-server on a free port, no persistence: `hentikan()` is Redis down."""

    folder: Path
    port: int = field(default_factory=port_bebas)
    proses: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def mulai(self) -> None:
        import redis

        self.proses = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=(self.folder / "redis.log").open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        klien = redis.Redis(port=self.port, socket_timeout=0.5)
        tunggu(klien.ping, detik=20, apa="redis starting", proses=[self.proses])

    def hentikan(self) -> None:
        if self.proses is not None:
            hentikan(self.proses, signal.SIGKILL)
            self.proses = None


@contextmanager
def redis_sendiri() -> Iterator[RedisSendiri]:
    folder = Path(tempfile.mkdtemp(prefix="latihan-redis-"))
    r = RedisSendiri(folder)
    r.mulai()
    try:
        yield r
    finally:
        r.hentikan()
        shutil.rmtree(folder, ignore_errors=True)


def _sebagai_postgres() -> dict:
    """initdb and postgres refuse to run as root: run them as the `postgres` user."""
    if os.geteuid() != 0:
        return {}
    import pwd

    pw = pwd.getpwnam("postgres")
    return {"user": pw.pw_uid, "group": pw.pw_gid}


@dataclass
class PostgresSendiri:
    """A throwaway PostgreSQL cluster on a free port (trust authentication on 127.0.0.1)."""

    folder: Path
    port: int = field(default_factory=port_bebas)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def server(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}"

    def _pg_ctl(self, *args: str) -> None:
        subprocess.run(
            [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w", "-t", "60", *args],
            check=True,
            capture_output=True,
            **_sebagai_postgres(),
        )

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        subprocess.run(
            [
                str(PG_BIN / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ],
            check=True,
            capture_output=True,
            **_sebagai_postgres(),
        )

    def mulai(self) -> None:
        opsi = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._pg_ctl("-o", opsi, "-l", str(self.folder / "pg.log"), "start")

    def restart(self) -> None:
        """`pg_ctl restart -m fast`: every connection is cut, as a systemctl restart does."""
        opsi = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._pg_ctl("-m", "fast", "-o", opsi, "-l", str(self.folder / "pg.log"), "restart")

    def hentikan(self) -> None:
        self._pg_ctl("-m", "fast", "stop")


@contextmanager
def postgres_sendiri() -> Iterator[PostgresSendiri]:
    folder = Path(tempfile.mkdtemp(prefix="latihan-pg-"))
    pg = PostgresSendiri(folder)
    pg.init()
    pg.mulai()
    try:
        yield pg
    finally:
        with suppress(subprocess.CalledProcessError):
            pg.hentikan()
        shutil.rmtree(folder, ignore_errors=True)


def tumpukan(folder: Path, pg: PostgresSendiri, redis: RedisSendiri) -> Tumpukan:
    """The stack of tests/deploy/tumpukan.py on the drill's own PostgreSQL and Redis."""
    return Tumpukan(folder, pg.server, BASIS_DATA, redis_db=0, redis_port=redis.port)


def siapkan(t: Tumpukan, **lain: str) -> dict[str, str]:
    """A fresh database, migrated, static files collected; return the environment of
    deploy/mataram-asn.env.example for gunicorn reached directly (plain HTTP, no nginx), two
    workers, `lain` on top."""
    t.basis_data_baru()
    env = t.env_tanpa_nginx(WEB_CONCURRENCY="2", LOG_LEVEL="WARNING", **lain)
    t.manage(env, "migrate", "--no-input", "-v0")
    t.manage(env, "collectstatic", "--no-input", "-v0")
    return env


@contextmanager
def gunicorn(t: Tumpukan, env: dict[str, str], nama: str = "gunicorn") -> Iterator[int]:
    """The app under gunicorn as mataram-asn-web.service starts it (Tumpukan.gunicorn, its log
    <folder>/<nama>.log); yield its port, stop it at the end."""
    port = port_bebas()
    p = t.gunicorn(nama, env, port)
    try:
        t.tunggu_http(nama, port)
        yield port
    finally:
        hentikan(p)


class Lalu:
    """Traffic from `n` threads over `paths`, its answers counted per phase ("sebelum",
    "selama", "sesudah"...), a connection error counted as status 0. During phase "jeda" no
    request is sent. `headers` go with every request (a session cookie)."""

    def __init__(
        self, port: int, paths: list[str], n: int = 4, headers: dict[str, str] | None = None
    ) -> None:
        self.port = port
        self.paths = paths
        self.n = n
        self.headers = headers or {}
        self.fase = "sebelum"
        self.hitung: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self.cache: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self.gagal: list[tuple[str, str, int, float, float]] = []  # when each failure ran
        self._terbang: collections.Counter = collections.Counter()  # sent, not answered, by phase
        self._henti = threading.Event()
        self._kunci = threading.Lock()
        self._thread: list[threading.Thread] = []

    def _jalan(self, i: int) -> None:
        k = i
        while not self._henti.is_set():
            path = self.paths[k % len(self.paths)]
            k += 1
            fase = self.fase
            if fase == "jeda":
                time.sleep(0.05)
                continue
            mulai = time.time()
            with self._kunci:
                self._terbang[fase] += 1
            try:
                status, headers, _ = get_http(self.port, path, **self.headers)
            except OSError:
                status, headers = 0, {}
            with self._kunci:
                self._terbang[fase] -= 1
                self.hitung[fase][status] += 1
                if status >= 500 or status == 0:
                    self.gagal.append((fase, path, status, mulai, time.time()))
                if "x-cache" in headers:
                    self.cache[fase][headers["x-cache"]] += 1

    def __enter__(self) -> Lalu:
        for i in range(self.n):
            t = threading.Thread(target=self._jalan, args=(i,), daemon=True)
            t.start()
            self._thread.append(t)
        return self

    def __exit__(self, *exc) -> None:
        self._henti.set()
        for t in self._thread:
            t.join(timeout=60)

    def _reda(self, kecuali: str) -> None:
        """Wait until every request sent under another phase than `kecuali` is answered."""

        def reda() -> bool:
            with self._kunci:
                return all(n == 0 for f, n in self._terbang.items() if f != kecuali)

        tunggu(reda, detik=60, apa="requests in flight ending")

    def jeda(self) -> None:
        """Stop sending and return once every request sent has been answered."""
        self.fase = "jeda"
        self._reda("jeda")

    def ke(self, fase: str, detik: float = 0) -> None:
        """Count from now under `fase` (once the requests of earlier phases are answered, so
        none of them overlaps what comes next), then let traffic run `detik` seconds."""
        self.fase = fase
        self._reda(fase)
        time.sleep(detik)

    def ringkas(self) -> dict[str, dict[str, int]]:
        return {fase: {str(k): v for k, v in sorted(c.items())} for fase, c in self.hitung.items()}

    def galat(self, fase: str) -> int:
        """Answers of `fase` that were server errors or no answer at all."""
        return sum(v for k, v in self.hitung[fase].items() if k >= 500 or k == 0)


def tulis_hasil(nama: str, hasil: dict) -> None:
    """Print the drill's result (pytest -s shows it) and, with LATIHAN_HASIL=<folder>, keep it
    there as <nama>.json."""
    teks = json.dumps(hasil, indent=2, ensure_ascii=False)
    print(f"\n=== latihan {nama} ===\n{teks}")
    if folder := os.environ.get("LATIHAN_HASIL"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / f"{nama}.json").write_text(teks + "\n")


_SESI = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
nama = {nama!r}
if nama:
    u = get_user_model().objects.get(username=nama)
else:
    u, _ = get_user_model().objects.get_or_create(
        username="latihan.admin", defaults={{"is_staff": True, "is_superuser": True}}
    )
s = SessionStore()
s[SESSION_KEY] = str(u.pk)
s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
s[HASH_SESSION_KEY] = u.get_session_auth_hash()
s.create()
print(s.session_key)
"""


def sesi_masuk(t: Tumpukan, env: dict[str, str], nama: str = "") -> dict[str, str]:
    """A signed-in session of user `nama` (default: a superuser made for the drill), written in
    the database as a login writes it; return the Cookie header that carries it (every request
    then reads the session: the database)."""
    kunci = t.manage(env, "shell", "-c", _SESI.format(nama=nama)).strip().splitlines()[-1]
    return {"Cookie": f"sessionid={kunci}"}


def kirim_berkas(
    port: int,
    path: str,
    dari: str,
    cookie: dict[str, str],
    data: dict[str, str],
    berkas: tuple[str, str, bytes],
) -> tuple[int, str]:
    """POST a form with a file as a browser does: the CSRF token from the page `dari`, the
    token cookie, the Origin header. Return the status and the body."""
    status, headers, body = get_http(port, dari, **cookie)
    assert status == 200, (dari, status)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    csrf = re.search(r"csrftoken=([^;]+)", headers.get("set-cookie", "")).group(1)
    batas = uuid.uuid4().hex
    bagian = [
        f'--{batas}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in {**data, "csrfmiddlewaretoken": token}.items()
    ]
    field, nama, isi = berkas
    bagian.append(
        f'--{batas}\r\nContent-Disposition: form-data; name="{field}"; filename="{nama}"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\n".encode()
        + isi
        + b"\r\n"
    )
    bagian.append(f"--{batas}--\r\n".encode())
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request(
            "POST",
            path,
            body=b"".join(bagian),
            headers={
                "Host": "127.0.0.1",
                "Origin": "http://127.0.0.1",
                "Cookie": f"{cookie['Cookie']}; csrftoken={csrf}",
                "Content-Type": f"multipart/form-data; boundary={batas}",
            },
        )
        r = conn.getresponse()
        return r.status, r.read().decode("utf-8", "replace")
    finally:
        conn.close()


@contextmanager
def disk_kecil(ukuran: str = "1m") -> Iterator[Path]:
    """A real, tiny filesystem (tmpfs of `ukuran`) to fill up: ENOSPC for real. Needs root
    (mount); elsewhere the test is skipped, in CI it fails."""
    import pytest

    folder = Path(tempfile.mkdtemp(prefix="latihan-disk-"))
    hasil = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={ukuran},mode=0777", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if hasil.returncode != 0:
        folder.rmdir()
        alasan = f"cannot mount a tmpfs (needs root): {hasil.stderr.strip()}"
        if os.environ.get("CI") == "true":
            pytest.fail(alasan)
        pytest.skip(alasan)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        folder.rmdir()


def isi_disk(folder: Path, sisa: int) -> None:
    """Fill `folder`'s filesystem until about `sisa` bytes are left."""
    bebas = shutil.disk_usage(folder).free
    (folder / "pengisi").write_bytes(b"\0" * max(0, bebas - sisa))


def berkas_di(folder: Path) -> list[str]:
    """Every file under `folder` (hidden ones too), relative, but the filler."""
    return sorted(
        str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.name != "pengisi"
    )
