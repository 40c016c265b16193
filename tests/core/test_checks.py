"""Several web processes need one shared cache (core/checks.py, gunicorn.conf.py): the check
errs when WEB_CONCURRENCY asks for several with a process-local cache and DEBUG off, only
informs otherwise (so CI's `check --deploy --fail-level WARNING` passes), and gunicorn refuses
`-w 2` without a shared cache."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/1",
    }
}
ROOT = Path(__file__).resolve().parents[2]


def _check() -> None:
    call_command("check", "--fail-level", "WARNING", stdout=io.StringIO())


def test_several_processes_with_a_process_local_cache_fail_the_check(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.setenv("WEB_CONCURRENCY", "2")
    with pytest.raises(SystemCheckError, match=r"core\.E001"):
        _check()


@pytest.mark.parametrize(
    ("debug", "proses", "caches"),
    [(False, None, None), (False, "1", None), (True, "4", None), (False, "4", REDIS)],
)
def test_one_process_debug_or_a_shared_cache_pass(settings, monkeypatch, debug, proses, caches):
    settings.DEBUG = debug
    if caches:
        settings.CACHES = caches
    if proses is None:
        monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    else:
        monkeypatch.setenv("WEB_CONCURRENCY", proses)
    _check()


@pytest.mark.lambat
def test_gunicorn_refuses_two_workers_without_a_shared_cache():
    env = {k: v for k, v in os.environ.items() if k not in ("CACHE_URL", "WEB_CONCURRENCY")}
    env |= {"DEBUG": "false", "SECRET_KEY": "uji-" * 16, "ALLOW_PROCESS_LOCAL_CACHE": ""}
    hasil = subprocess.run(
        [sys.executable, "-m", "gunicorn", "mataram_asn.wsgi", "-w", "2", "-b", "127.0.0.1:0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert hasil.returncode == 1
    assert "2 proses web dengan cache per proses" in hasil.stderr and "CACHE_URL" in hasil.stderr


def _output(*args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("check", *args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_it_keeps_quiet_about_a_process_local_cache_outside_check_deploy(settings, monkeypatch):
    # A developer's machine: DEBUG unset (so off), no CACHE_URL, no WEB_CONCURRENCY. Every
    # manage.py command runs the ordinary checks; the reminder is for `check --deploy` only.
    settings.DEBUG = False
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    assert "core.I001" not in _output()
    assert "core.I001" in _output("--deploy", "--tag", "caches")


def test_it_does_not_repeat_the_error_as_a_reminder_under_check_deploy(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.setenv("WEB_CONCURRENCY", "2")
    with pytest.raises(SystemCheckError) as galat:
        _output("--deploy", "--tag", "caches")
    assert "core.E001" in str(galat.value) and "core.I001" not in str(galat.value)
