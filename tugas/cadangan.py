"""Back up and restore one installation: the database and the uploaded files (MEDIA_ROOT).

One archive per backup, `mataram-asn-YYYYMMDD-HHMMSS.tar` (local time, TIME_ZONE), holding

- `basis_data.dump`: PostgreSQL's own custom-format dump (`pg_dump -Fc`), restored with
  `pg_restore`; on the embedded SQLite, `basis_data.sqlite3`, a copy made with SQLite's online
  backup API (consistent while the app runs);
- `media/...`: every uploaded file (training certificates);
- `manifest.json`: when, which engine, every table's row count and every file's size and SHA-256.

PostgreSQL's tools rather than django-dbbackup: an IT office already knows and trusts
pg_dump/pg_restore; one archive carries database and files together with the counts to check a
restore against; and the counts are exact because they are taken in the same snapshot the dump
reads (`pg_export_snapshot()` + `pg_dump --snapshot`: PostgreSQL documentation, "pg_dump" and
"Snapshot Synchronization Functions"; the option since 9.5, commit be1cc8f4,
https://postgresql.org/message-id/E1XqUb8-0003IE-Az%40gemulon.postgresql.org), however busy the
app is meanwhile.

Restoring checks the archive first (manifest, file names, checksums) and refuses a database that
already holds tables unless told to overwrite; the database is restored in one transaction
(`pg_restore --single-transaction --exit-on-error`), then each file is written beside its place
and renamed into it, and the row counts are compared with the manifest.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone

VERSI = 1
DUMP_PG = "basis_data.dump"
DUMP_SQLITE = "basis_data.sqlite3"
MANIFEST = "manifest.json"


class CadanganGagal(Exception):
    """The backup or the restore cannot go on; the message says why, in Indonesian."""


@dataclass
class HasilPulih:
    tabel: int
    baris: int
    berkas: int


def _mesin(alias: str) -> str:
    vendor = connections[alias].vendor
    if vendor not in ("postgresql", "sqlite"):
        raise CadanganGagal(f"Mesin basis data {vendor} tidak didukung (PostgreSQL atau SQLite).")
    return vendor


def _pg_env_dan_argumen(alias: str) -> tuple[dict[str, str], list[str]]:
    """libpq's connection for `alias`: host, port, user as arguments, the password by env."""
    s = connections[alias].settings_dict
    env = {**os.environ}
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = str(s["PASSWORD"])
    argumen = ["--dbname", s["NAME"]]
    if s.get("HOST"):
        argumen += ["--host", s["HOST"]]
    if s.get("PORT"):
        argumen += ["--port", str(s["PORT"])]
    if s.get("USER"):
        argumen += ["--username", s["USER"]]
    return env, argumen


def hitung_baris(alias: str = "default") -> dict[str, int]:
    """Every table's row count, by name (the tables the database holds, not only Django's)."""
    conn = connections[alias]
    with conn.cursor() as cursor:
        tabel = sorted(conn.introspection.table_names(cursor))
        hasil = {}
        for nama in tabel:
            cursor.execute(f"SELECT count(*) FROM {conn.ops.quote_name(nama)}")
            hasil[nama] = cursor.fetchone()[0]
    return hasil


def _berkas_media(root: Path) -> Iterator[tuple[str, Path]]:
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path.relative_to(root).as_posix(), path


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def _dump_postgres(alias: str, tujuan: Path) -> dict[str, int]:
    """Dump the database to `tujuan` and return the row counts of the very same snapshot."""
    conn = connections[alias]
    env, argumen = _pg_env_dan_argumen(alias)
    with transaction.atomic(using=alias), conn.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        baris = hitung_baris(alias)
        # While this transaction stays open, pg_dump reads exactly what we counted.
        proses = subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                f"--snapshot={snapshot}",
                f"--file={tujuan}",
                *argumen,
            ],
            env=env,
            capture_output=True,
            text=True,
        )
    if proses.returncode != 0:
        raise CadanganGagal(f"pg_dump gagal: {proses.stderr.strip()[-1000:]}")
    return baris


def _dump_sqlite(alias: str, tujuan: Path) -> dict[str, int]:
    """Copy the database with SQLite's online backup API; count the rows in the copy."""
    conn = connections[alias]
    conn.ensure_connection()
    salinan = sqlite3.connect(tujuan)
    try:
        conn.connection.backup(salinan)
        tabel = [
            r[0]
            for r in salinan.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            t: salinan.execute(f"SELECT count(*) FROM {conn.ops.quote_name(t)}").fetchone()[0]
            for t in sorted(tabel)
        }
    finally:
        salinan.close()


def cadangkan(folder: Path, alias: str = "default") -> Path:
    """Write one backup archive into `folder` and return its path."""
    mesin = _mesin(alias)
    folder.mkdir(parents=True, exist_ok=True)
    waktu = timezone.localtime()
    arsip = folder / f"mataram-asn-{waktu:%Y%m%d-%H%M%S}.tar"
    if arsip.exists():
        raise CadanganGagal(f"{arsip} sudah ada; tunggu sedetik dan ulangi.")
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=folder, prefix=".cadangan-") as kerja:
        dump = Path(kerja) / (DUMP_PG if mesin == "postgresql" else DUMP_SQLITE)
        baris = (_dump_postgres if mesin == "postgresql" else _dump_sqlite)(alias, dump)
        media = {
            rel: {"ukuran": path.stat().st_size, "sha256": _sha256(path)}
            for rel, path in _berkas_media(media_root)
        }
        manifest = {
            "versi": VERSI,
            "dibuat": waktu.isoformat(),
            "mesin": mesin,
            "tabel": baris,
            "media": media,
        }
        (Path(kerja) / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
        sementara = Path(kerja) / arsip.name
        with tarfile.open(sementara, "w") as tar:
            tar.add(Path(kerja) / MANIFEST, arcname=MANIFEST)
            tar.add(dump, arcname=dump.name)
            for rel in media:
                tar.add(media_root / rel, arcname=f"media/{rel}")
        # Renamed into place only when whole: a half-written archive never carries the name.
        os.replace(sementara, arsip)
    return arsip


def _rel_aman(rel: str) -> str:
    p = PurePosixPath(rel)
    if p.is_absolute() or not p.parts or ".." in p.parts or "\\" in rel:
        raise CadanganGagal(f"Nama berkas media tidak sah di arsip: {rel!r}.")
    return p.as_posix()


def baca_manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    """Return the archive's manifest, checked for what a restore relies on."""
    try:
        anggota = tar.getmember(MANIFEST)
        manifest = json.load(tar.extractfile(anggota))
    except (KeyError, AttributeError, ValueError) as exc:
        raise CadanganGagal("Arsip tidak memuat manifest.json yang sah.") from exc
    if not isinstance(manifest, dict) or manifest.get("versi") != VERSI:
        raise CadanganGagal(f"Versi arsip tidak dikenal (harus {VERSI}).")
    if manifest.get("mesin") not in ("postgresql", "sqlite"):
        raise CadanganGagal("Manifest tidak menyebut mesin basis data yang dikenal.")
    if not isinstance(manifest.get("tabel"), dict) or not isinstance(manifest.get("media"), dict):
        raise CadanganGagal("Manifest tidak memuat daftar tabel dan berkas media.")
    for rel in manifest["media"]:
        _rel_aman(rel)
    return manifest


def _periksa_media(tar: tarfile.TarFile, manifest: dict[str, Any]) -> None:
    """Every file the manifest names is in the archive with its size and checksum."""
    for rel, info in manifest["media"].items():
        try:
            anggota = tar.getmember(f"media/{rel}")
        except KeyError:
            raise CadanganGagal(f"Berkas media {rel} tidak ada di arsip.") from None
        if not anggota.isfile():
            raise CadanganGagal(f"Berkas media {rel} di arsip bukan berkas biasa.")
        h = hashlib.sha256()
        with tar.extractfile(anggota) as f:
            for blok in iter(lambda f=f: f.read(1 << 20), b""):
                h.update(blok)
        if anggota.size != info.get("ukuran") or h.hexdigest() != info.get("sha256"):
            raise CadanganGagal(f"Berkas media {rel} rusak (ukuran atau SHA-256 tidak cocok).")


def _pulihkan_postgres(alias: str, dump: Path, timpa: bool) -> None:
    env, argumen = _pg_env_dan_argumen(alias)
    opsi = ["--clean", "--if-exists"] if timpa else []
    connections[alias].close()  # our own session must not hold locks on what is dropped
    proses = subprocess.run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            *opsi,
            *argumen,
            str(dump),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if proses.returncode != 0:
        raise CadanganGagal(
            f"pg_restore gagal; basis data tidak diubah: {proses.stderr.strip()[-1000:]}"
        )


def _pulihkan_sqlite(alias: str, dump: Path) -> None:
    conn = connections[alias]
    conn.close()
    sumber = sqlite3.connect(dump)
    tujuan = sqlite3.connect(conn.settings_dict["NAME"])
    try:
        sumber.backup(tujuan)  # replaces the whole target database in one step
    finally:
        sumber.close()
        tujuan.close()


def pulihkan(arsip: Path, alias: str = "default", *, timpa: bool = False) -> HasilPulih:
    """Restore the archive into the database `alias` and MEDIA_ROOT, then check the counts."""
    mesin = _mesin(alias)
    try:
        tar = tarfile.open(arsip, "r")  # noqa: SIM115 - closed by the `with tar` below
    except (OSError, tarfile.TarError) as exc:
        raise CadanganGagal(f"{arsip} bukan arsip cadangan yang dapat dibaca: {exc}") from exc
    with tar, tempfile.TemporaryDirectory(prefix="pulih-") as kerja:
        manifest = baca_manifest(tar)
        if manifest["mesin"] != mesin:
            raise CadanganGagal(
                f"Arsip ini cadangan {manifest['mesin']}; basis data tujuan {mesin}."
            )
        _periksa_media(tar, manifest)
        if not timpa and hitung_baris(alias):
            raise CadanganGagal(
                "Basis data tujuan sudah berisi tabel. Pulihkan ke basis data baru yang kosong, "
                "atau tambahkan --timpa untuk menimpanya."
            )
        nama_dump = DUMP_PG if mesin == "postgresql" else DUMP_SQLITE
        try:
            sumber = tar.extractfile(tar.getmember(nama_dump))
        except KeyError:
            raise CadanganGagal(f"Arsip tidak memuat {nama_dump}.") from None
        dump = Path(kerja) / nama_dump
        with sumber, dump.open("wb") as f:
            shutil.copyfileobj(sumber, f)
        if mesin == "postgresql":
            _pulihkan_postgres(alias, dump, timpa)
        else:
            _pulihkan_sqlite(alias, dump)
        media_root = Path(settings.MEDIA_ROOT)
        for rel in manifest["media"]:
            tujuan = media_root / _rel_aman(rel)
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            bagian = tujuan.with_name(tujuan.name + ".pulih")
            with tar.extractfile(f"media/{rel}") as f, bagian.open("wb") as out:
                shutil.copyfileobj(f, out)
            os.replace(bagian, tujuan)
    baris = hitung_baris(alias)
    beda = {t: (n, baris.get(t)) for t, n in manifest["tabel"].items() if baris.get(t) != n}
    if beda:
        raise CadanganGagal(
            "Jumlah baris setelah pemulihan tidak cocok dengan manifest: "
            + ", ".join(f"{t} {a} ≠ {b}" for t, (a, b) in sorted(beda.items()))
        )
    return HasilPulih(tabel=len(baris), baris=sum(baris.values()), berkas=len(manifest["media"]))
