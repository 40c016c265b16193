"""The read replica's router and page list (tugas/replika.py), without a replica: where each read
and write goes, and that every page named in REPLICA_VIEWS exists. The real standby is in
tests/tugas/test_replika_nyata.py."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.urls import URLPattern, URLResolver, get_resolver
from django_tasks_db.models import DBTaskResult

from kinerja.models import Skp
from pegawai.models import Pegawai, UnitKerja
from publik.models import Seleksi
from tugas import replika
from tugas.models import Detak
from tugas.replika import RouterReplika

router = RouterReplika()


@pytest.fixture
def halaman_berat():
    """Run the test body as a page of REPLICA_VIEWS (the middleware's context)."""
    token = replika._baca_replika.set(True)
    yield
    replika._baca_replika.reset(token)


def test_it_reads_from_the_primary_outside_a_marked_page():
    assert not replika.membaca_replika()
    assert router.db_for_read(Pegawai) == "default"
    assert router.db_for_read(Skp) == "default"


def test_it_reads_a_marked_page_s_domain_tables_from_the_replica(halaman_berat):
    for model in (Pegawai, UnitKerja, Skp, Seleksi):
        assert router.db_for_read(model) == "replika", model


@pytest.mark.parametrize("model", [User, Session, DBTaskResult, Detak])
def test_it_reads_users_sessions_and_the_task_queue_from_the_primary(halaman_berat, model):
    assert router.db_for_read(model) == "default"


def test_it_writes_to_the_primary_even_an_object_read_from_the_replica(halaman_berat):
    dari_replika = UnitKerja(nama="Dinas Uji")
    dari_replika._state.db = "replika"
    assert router.db_for_write(UnitKerja, instance=dari_replika) == "default"
    assert router.db_for_write(User) == "default"


def test_it_lets_rows_of_both_databases_point_at_each_other():
    a, b, c = UnitKerja(), UnitKerja(), UnitKerja()
    a._state.db, b._state.db, c._state.db = "default", "replika", "lain"
    assert router.allow_relation(a, b) is True
    assert router.allow_relation(a, c) is None


def test_it_never_migrates_the_replica():
    assert router.allow_migrate("replika", "pegawai") is False
    assert router.allow_migrate("default", "pegawai") is None


@pytest.mark.django_db
def test_it_reads_from_the_primary_inside_a_transaction(halaman_berat):
    # pytest-django runs this test inside a transaction on `default`, as a service's
    # `transaction.atomic()` would: what a page reads there must see what it wrote.
    assert router.db_for_read(Pegawai) == "default"


def _nama_url(patterns, awalan: str = "") -> set[str]:
    nama = set()
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{awalan}{p.namespace}:" if p.namespace else awalan
            nama |= _nama_url(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            nama.add(f"{awalan}{p.name}")
    return nama


def test_every_page_sent_to_the_replica_exists():
    ada = _nama_url(get_resolver().url_patterns)
    assert settings.REPLICA_VIEWS - ada == set()


def test_no_form_or_action_is_sent_to_the_replica():
    """Pages that take a POST stay on the primary (a form page reads what it is about to
    change); the middleware also sends only GET and HEAD."""
    for nama in ("publik:survei_form", "pelatihan:rencana", "pelatihan:daftar_massal"):
        assert nama not in settings.REPLICA_VIEWS


@pytest.mark.django_db
def test_it_sets_no_cookie_without_a_replica(client):
    # The tests' settings switch the replica off (tests/conftest.py), as an installation
    # without DATABASE_REPLICA_URL has none.
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert replika.COOKIE not in response.cookies
