"""The deploy/ files agree with the app: nginx's body limit is the app's, the environment
template names every variable the settings read, and the units run the commands that exist."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

from tests.deploy.tumpukan import exec_start

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def test_nginx_refuses_exactly_the_bodies_the_app_refuses():
    teks = (DEPLOY / "nginx" / "mataram-asn-proxy.conf").read_text()
    (nilai,) = re.findall(r"^client_max_body_size (\d+)m;", teks, flags=re.MULTILINE)
    assert int(nilai) * 2**20 == settings.PERMINTAAN_UKURAN_MAKS


def test_the_environment_template_names_every_variable_the_settings_read():
    settings_py = (ROOT / "mataram_asn" / "settings.py").read_text()
    dibaca = set(re.findall(r"env(?:\.\w+)?\(\s*\"([A-Z_]+)\"", settings_py))
    assert {"DATABASE_URL", "SECRET_KEY", "TRUSTED_PROXY_COUNT", "MEDIA_ROOT"} <= dibaca
    template = (DEPLOY / "mataram-asn.env.example").read_text()
    ditulis = set(re.findall(r"^#? ?([A-Z_]+)=", template, flags=re.MULTILINE))
    assert dibaca - ditulis == set(), "add these to deploy/mataram-asn.env.example"


def test_the_production_template_sets_what_production_needs():
    template = (DEPLOY / "mataram-asn.env.example").read_text()
    aktif = dict(re.findall(r"^([A-Z_]+)=(.*)$", template, flags=re.MULTILINE))
    assert aktif["DEBUG"] == "false"
    assert aktif["TRUSTED_PROXY_COUNT"] == "1"  # nginx, deploy/nginx/
    assert aktif["CACHE_URL"].startswith("redis://")  # several gunicorn workers share it
    assert aktif["SITE_URL"].startswith("https://")


def test_every_manage_py_command_the_units_run_exists():
    perintah = get_commands()
    baris = [
        b
        for unit in (
            "mataram-asn-worker.service",
            "mataram-asn-bersih.service",
            "mataram-asn-cadangan.service",
        )
        for b in exec_start(unit)
    ]
    dipakai = {re.search(r"manage\.py (\w+)", b).group(1) for b in baris}
    assert dipakai == {
        "db_worker",
        "prune_db_task_results",
        "prune_progres",
        "clearsessions",
        "prune_jaringan_skm",
        "survei_pegawai_rekap",  # the employees' survey: complete closed periods
        "indeks_merit",  # --jendela: last year's JP windows of the merit projection
        "cadangkan",
    }
    assert dipakai <= set(perintah)
    # The worker is the project's db_worker (with the heartbeat), not the library's.
    assert perintah["db_worker"] == "tugas"


def test_the_web_unit_starts_gunicorn_with_the_config_file_in_deploy():
    (baris,) = exec_start("mataram-asn-web.service")
    assert "--config deploy/gunicorn.conf.py mataram_asn.wsgi" in baris
    assert (DEPLOY / "gunicorn.conf.py").is_file()


def test_gunicorn_workers_follow_the_cores_unless_web_concurrency_says(monkeypatch):
    import multiprocessing

    def muat() -> dict:
        ns: dict = {}
        exec((DEPLOY / "gunicorn.conf.py").read_text(), ns)
        return ns

    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.setattr(multiprocessing, "cpu_count", lambda: 3)
    assert muat()["workers"] == 6
    monkeypatch.setenv("WEB_CONCURRENCY", "5")
    assert muat()["workers"] == 5
    assert muat()["bind"] == "127.0.0.1:8001"  # where the nginx site's upstream points
    assert "server 127.0.0.1:8001;" in (DEPLOY / "nginx" / "mataram-asn.conf").read_text()


@pytest.mark.lambat
@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None, reason="needs systemd-analyze (Debian's systemd)"
)
def test_systemd_accepts_every_unit_without_a_warning(tmp_path):
    # The units as installed, with /srv/mataram-asn read as this checkout so that their
    # programs exist; systemd-analyze names unknown keys, bad values and missing programs.
    for unit in sorted((DEPLOY / "systemd").iterdir()):
        teks = unit.read_text().replace("/srv/mataram-asn", str(ROOT))
        (tmp_path / unit.name).write_text(teks)
    hasil = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *sorted(str(p) for p in tmp_path.iterdir())],
        capture_output=True,
        text=True,
        env={**os.environ, "SYSTEMD_LOG_LEVEL": "warning"},
    )
    assert hasil.returncode == 0 and hasil.stdout + hasil.stderr == "", hasil.stderr
