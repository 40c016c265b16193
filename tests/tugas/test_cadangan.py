"""Back up and restore (tugas.cadangan, `manage.py cadangkan` / `pulihkan`): a seeded database
and its uploaded certificates go into one dated archive and come back whole into a fresh
database, which the app then serves; a damaged or hostile archive is refused with nothing
written."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from tests.akses_data import buat_organisasi
from tests.pelatihan.factories import EksternalFactory
from tests.proses import ROOT, sambung_pg, url_basis_data_uji
from tugas.cadangan import hitung_baris

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True), pytest.mark.lambat]


@pytest.fixture
def basis_data_baru():
    """A fresh, empty database beside the test database; dropped afterwards."""
    nama = f"{connection.settings_dict['NAME']}_pulih"
    with sambung_pg(autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{nama}"')
    yield nama
    with sambung_pg(autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')


def _manage(*args: str, database: str, media: Path) -> subprocess.CompletedProcess:
    """Run manage.py as an operator would, against `database` and `media` (production-like)."""
    env = {
        **os.environ,
        "DATABASE_URL": url_basis_data_uji(database),
        "MEDIA_ROOT": str(media),
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "testserver",
        # Pages name static files; without collectstatic, the plain storage names them.
        "STATICFILES_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _hitung_di(nama: str) -> dict[str, int]:
    with sambung_pg(nama) as conn:
        tabel = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tabel}


@pytest.fixture
def terisi():
    """A small seeded installation: the access-test organisation and two uploaded certificates."""
    org = buat_organisasi()
    bukti = [
        EksternalFactory(pegawai=org.pegawai_a, bukti__data=b"%PDF-1.4 sertifikat A"),
        EksternalFactory(pegawai=org.pegawai_b, bukti__data=b"%PDF-1.4 sertifikat B\x00\xff"),
    ]
    return org, bukti


def test_a_backup_restores_into_a_fresh_database_whole_and_the_app_serves_it(
    terisi, basis_data_baru, tmp_path
):
    _org, bukti = terisi
    sumber = hitung_baris()
    assert sumber["pegawai_pegawai"] >= 4 and sumber["pelatihan_pelatihaneksternal"] == 2

    out = io.StringIO()
    call_command("cadangkan", "--ke", str(tmp_path / "cadangan"), stdout=out)
    arsip = Path(out.getvalue().strip())
    assert arsip.parent == tmp_path / "cadangan"
    assert re.fullmatch(r"mataram-asn-\d{8}-\d{6}\.tar", arsip.name)
    with tarfile.open(arsip) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        nama = set(tar.getnames())
    assert manifest["mesin"] == "postgresql" and manifest["tabel"] == sumber
    assert {f"media/{b.bukti.name}" for b in bukti} <= nama and "basis_data.dump" in nama
    assert not list((tmp_path / "cadangan").glob(".cadangan-*"))  # no work files left

    media_baru = tmp_path / "media-pulih"
    hasil = _manage("pulihkan", str(arsip), database=basis_data_baru, media=media_baru)
    assert hasil.returncode == 0, hasil.stderr
    assert "(cocok dengan manifest), 2 berkas media." in hasil.stdout

    # Every table's rows came back, and every uploaded file, byte for byte.
    assert _hitung_di(basis_data_baru) == sumber
    for b in bukti:
        asli = Path(settings.MEDIA_ROOT) / b.bukti.name
        assert (media_baru / b.bukti.name).read_bytes() == asli.read_bytes()

    # The app serves from the restored copy: the employee's own page, signed in there.
    skrip = (
        "from django.test import Client\n"
        "from django.contrib.auth.models import User\n"
        "c = Client()\n"
        "c.force_login(User.objects.get(username='pegawai'))\n"
        "r = c.get('/saya/')\n"
        "print(r.status_code, 'Baiq Nurul Aini' in r.content.decode())\n"
    )
    layan = _manage(
        "shell", "--no-imports", "-c", skrip, database=basis_data_baru, media=media_baru
    )
    assert layan.returncode == 0, layan.stderr
    assert layan.stdout.split() == ["200", "True"]


def test_a_database_that_holds_tables_is_not_overwritten_without_timpa(terisi, tmp_path):
    out = io.StringIO()
    call_command("cadangkan", "--ke", str(tmp_path), stdout=out)
    sebelum = hitung_baris()
    with pytest.raises(CommandError, match=r"sudah berisi tabel.*--timpa"):
        call_command("pulihkan", out.getvalue().strip())
    assert hitung_baris() == sebelum


def _arsip_palsu(path: Path, manifest: dict | None, anggota: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w") as tar:
        isi = dict(anggota)
        if manifest is not None:
            isi["manifest.json"] = json.dumps(manifest).encode()
        for nama, data in isi.items():
            info = tarfile.TarInfo(nama)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


MANIFEST = {"versi": 1, "mesin": "postgresql", "tabel": {}, "media": {}}


@pytest.mark.parametrize(
    ("manifest", "anggota", "pesan"),
    [
        (None, {"basis_data.dump": b"x"}, "tidak memuat manifest.json yang sah"),
        ({**MANIFEST, "versi": 9}, {}, "Versi arsip tidak dikenal"),
        ({**MANIFEST, "mesin": "oracle"}, {}, "mesin basis data yang dikenal"),
        ({**MANIFEST, "media": {"../../etc/cron.d/x": {}}}, {}, "Nama berkas media tidak sah"),
        ({**MANIFEST, "media": {"/etc/passwd": {}}}, {}, "Nama berkas media tidak sah"),
        ({**MANIFEST, "media": {"a.pdf": {"ukuran": 3, "sha256": "0" * 64}}}, {}, "tidak ada"),
        (
            {**MANIFEST, "media": {"a.pdf": {"ukuran": 3, "sha256": "0" * 64}}},
            {"media/a.pdf": b"abc"},
            "rusak",
        ),
    ],
)
def test_a_damaged_or_hostile_archive_is_refused_before_anything_is_written(
    tmp_path, manifest, anggota, pesan
):
    arsip = _arsip_palsu(tmp_path / "palsu.tar", manifest, anggota)
    sebelum = hitung_baris()
    with pytest.raises(CommandError, match=pesan):
        call_command("pulihkan", str(arsip), "--timpa")
    assert hitung_baris() == sebelum
    assert not any(Path(settings.MEDIA_ROOT).rglob("*"))


def test_a_file_that_is_no_archive_is_named_in_the_error(tmp_path):
    bukan = tmp_path / "bukan.tar"
    bukan.write_bytes(b"ini bukan arsip")
    with pytest.raises(CommandError, match="bukan arsip cadangan yang dapat dibaca"):
        call_command("pulihkan", str(bukan))
