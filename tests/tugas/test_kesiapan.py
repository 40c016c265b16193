"""The readiness check /healthz/siap: every component reported, each failing one named, 503 when
any fails, and readable only from a monitoring address or with the token."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.proses import ROOT, perintah_worker
from tugas.models import Detak

pytestmark = pytest.mark.django_db

URL = "/healthz/siap"


@pytest.fixture
def worker_hidup(db) -> Detak:
    """A worker that beat a moment ago."""
    now = timezone.now()
    return Detak.objects.create(worker_id="w1", host="app1", pid=4242, dimulai=now, terakhir=now)


def _antre(umur: timedelta) -> DBTaskResult:
    """A task waiting in the queue since `umur` ago (the worker's own table)."""
    hasil = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="tugas.tidak.ada",
        backend_name="default",
        run_after=timezone.now() - umur,
    )
    DBTaskResult.objects.filter(pk=hasil.pk).update(enqueued_at=timezone.now() - umur)
    return hasil


def test_it_reports_every_component_ready_with_200(client, worker_hidup, django_assert_num_queries):
    response = client.get(URL)
    assert response.status_code == 200, response.json()
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    hasil = response.json()
    assert hasil["siap"] is True
    assert set(hasil["komponen"]) == {"basis_data", "cache", "antrean", "disk"}
    assert all(k["ok"] for k in hasil["komponen"].values())
    antrean = hasil["komponen"]["antrean"]
    assert antrean["menunggu"] == 0 and antrean["tertua_detik"] is None
    assert antrean["worker_hidup"] == 1 and antrean["detak_terakhir_detik"] <= 5
    # SELECT 1; the waiting tasks' count and oldest; the newest heartbeat and live workers.
    with django_assert_num_queries(3):
        client.get(URL)


def test_it_answers_503_naming_the_cache_when_the_cache_server_is_down(
    client, settings, worker_hidup
):
    # A Redis cache on a port nobody listens on (port 1 on loopback: refused at once).
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get(URL)
    assert response.status_code == 503
    komponen = response.json()["komponen"]
    assert komponen["cache"]["ok"] is False
    assert "ConnectionError" in komponen["cache"]["galat"]
    # The other components are still reported, and ready.
    assert komponen["basis_data"]["ok"] and komponen["antrean"]["ok"] and komponen["disk"]["ok"]


def test_it_is_ready_with_the_real_redis_the_deployment_uses(client, settings, worker_hidup):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/13",
        }
    }
    response = client.get(URL)
    assert response.status_code == 200, response.json()
    assert response.json()["komponen"]["cache"] == {"ok": True, "backend": "RedisCache"}


def test_it_answers_503_when_no_worker_ever_beat(client):
    response = client.get(URL)
    assert response.status_code == 503
    antrean = response.json()["komponen"]["antrean"]
    assert antrean["ok"] is False and antrean["worker_hidup"] == 0
    assert antrean["detak_terakhir_detik"] is None
    assert "db_worker" in antrean["galat"]


def test_it_answers_503_when_the_last_heartbeat_is_older_than_the_allowed_silence(
    client, settings, worker_hidup
):
    settings.READINESS_WORKER_MAX_SILENCE = timedelta(minutes=2)
    Detak.objects.update(terakhir=timezone.now() - timedelta(minutes=3))
    antrean = client.get(URL).json()["komponen"]["antrean"]
    assert antrean["ok"] is False and antrean["worker_hidup"] == 0
    assert 175 <= antrean["detak_terakhir_detik"] <= 190


def test_it_answers_503_when_a_task_has_waited_too_long(client, settings, worker_hidup):
    settings.READINESS_QUEUE_MAX_AGE = timedelta(minutes=10)
    _antre(timedelta(minutes=2))
    response = client.get(URL)
    assert response.status_code == 200  # waiting two minutes is normal
    assert response.json()["komponen"]["antrean"]["menunggu"] == 1
    _antre(timedelta(minutes=20))
    response = client.get(URL)
    assert response.status_code == 503
    antrean = response.json()["komponen"]["antrean"]
    assert antrean["menunggu"] == 2 and antrean["tertua_detik"] >= 20 * 60
    assert "waited too long" in antrean["galat"]


def test_it_answers_503_when_free_disk_is_below_the_threshold(client, settings, worker_hidup):
    settings.READINESS_DISK_MIN_FREE_MB = 10**9  # a petabyte: more than this machine has
    response = client.get(URL)
    assert response.status_code == 503
    disk = response.json()["komponen"]["disk"]
    assert disk["ok"] is False and disk["bebas_mb"] < disk["batas_mb"] == 10**9
    assert "READINESS_DISK_MIN_FREE_MB" in disk["galat"]


def test_it_measures_the_disk_of_media_root_before_the_folder_exists(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "belum" / "ada")
    disk = client.get(URL).json()["komponen"]["disk"]
    assert disk["path"] == str(tmp_path) and disk["ok"] is True


@pytest.mark.parametrize(
    ("alamat", "header", "status"),
    [
        ("203.0.113.7", "", 404),  # a stranger: the page does not exist for them
        ("203.0.113.7", "Bearer salah", 404),
        ("203.0.113.7", "Bearer rahasia-monitor-123", 200),
        ("10.1.2.3", "", 200),  # inside a configured monitoring network
        ("127.0.0.1", "", 200),
    ],
)
def test_only_monitoring_addresses_or_the_token_may_read_it(
    client, settings, worker_hidup, alamat, header, status
):
    settings.READINESS_TOKEN = "rahasia-monitor-123"
    settings.READINESS_ALLOWED_IPS = ["127.0.0.1", "10.0.0.0/8"]
    extra = {"HTTP_AUTHORIZATION": header} if header else {}
    response = client.get(URL, REMOTE_ADDR=alamat, **extra)
    assert response.status_code == status


def test_without_a_token_configured_a_bearer_header_opens_nothing(client, settings, worker_hidup):
    settings.READINESS_TOKEN = ""
    response = client.get(URL, REMOTE_ADDR="203.0.113.7", HTTP_AUTHORIZATION="Bearer ")
    assert response.status_code == 404


def test_behind_nginx_the_forwarded_client_address_decides(client, settings, worker_hidup):
    settings.TRUSTED_PROXY_COUNT = 1
    # nginx on the machine (127.0.0.1) forwards a stranger: refused, although nginx is local.
    stranger = client.get(URL, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert stranger.status_code == 404
    assert client.get(URL, HTTP_X_FORWARDED_FOR="127.0.0.1").status_code == 200


def test_it_is_read_only(client, worker_hidup):
    assert client.post(URL).status_code == 405


@pytest.mark.lambat
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_running_db_worker_beats_and_stopping_it_with_sigterm_removes_its_heartbeat(client):
    cmd, env = perintah_worker("--worker-id", "uji-detak")
    proses = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        batas = time.monotonic() + 30
        while not Detak.objects.filter(worker_id="uji-detak").exists():
            assert proses.poll() is None, proses.communicate()
            assert time.monotonic() < batas, "the worker wrote no heartbeat within 30 s"
            time.sleep(0.2)
        antrean = client.get(URL).json()["komponen"]["antrean"]
        assert antrean["ok"] is True and antrean["worker_hidup"] == 1
        proses.send_signal(signal.SIGTERM)
        assert proses.wait(timeout=30) == 0  # graceful: the library's exit on SIGTERM
    finally:
        if proses.poll() is None:
            proses.kill()
            proses.wait()
    assert not Detak.objects.filter(worker_id="uji-detak").exists()
    assert client.get(URL).status_code == 503


@pytest.mark.lambat
def test_a_mistyped_monitoring_address_stops_the_start_and_names_the_value():
    env = {**os.environ, "READINESS_ALLOWED_IPS": "127.0.0.1,10.0.0.300"}
    hasil = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert hasil.returncode != 0
    assert "'10.0.0.300' does not appear to be an IPv4 or IPv6 network" in hasil.stderr
