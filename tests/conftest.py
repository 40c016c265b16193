"""Project-wide fixtures: fast hashing, the PostgreSQL-only marker, the users tests need, the
access tests' organisation (tests/akses_data.py), the admin tests' data set
(tests/admin_data.py)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.test import Client, override_settings
from django.utils import translation

from pegawai import projection
from tests.admin_data import Dataset, buat_dataset
from tests.akses_data import Organisasi, buat_organisasi
from tests.deploy.tumpukan import NGINX
from tests.latihan.alat import PG_INITDB


def pytest_configure(config: pytest.Config) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The test client and the live server speak plain HTTP; production redirects to HTTPS.
    settings.SECURE_SSL_REDIRECT = False
    # Tests run inside transactions the read replica never sees: reads stay on the primary
    # unless a test turns the replica on (tests/tugas/test_replika_nyata.py).
    settings.REPLICA_ENABLED = False
    # Serve static files from the apps' folders, as `runserver` does, without collectstatic.
    settings.STATIC_ROOT = None
    settings.WHITENOISE_USE_FINDERS = True
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


# Debian's Chromium, driven by Playwright (which must never download a browser of its own).
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Playwright's sync API runs an event loop in the test thread; Django's ORM calls in the same
# test (creating data for the live server) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip, with the reason printed, what this machine cannot run: PostgreSQL-only tests on the
    embedded SQLite, browser tests without Chromium, the deployment test without nginx, the
    replica tests without a replica. CI (CI=true) skips none of them: it fails."""
    in_ci = os.environ.get("CI") == "true"
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql" and not in_ci:
        skip = pytest.mark.skip(
            reason="needs PostgreSQL (row locks, concurrency): set DATABASE_URL to run it"
        )
        for item in items:
            if "postgres" in item.keywords:
                item.add_marker(skip)
    if CHROMIUM is None and not in_ci:
        skip = pytest.mark.skip(
            reason="needs Chromium for browser tests: apt-get install chromium (CI installs it)"
        )
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)
    if NGINX is None and not in_ci:
        skip = pytest.mark.skip(
            reason="needs nginx for the deployment test: apt-get install nginx-light (CI has it)"
        )
        for item in items:
            if "deploy" in item.keywords:
                item.add_marker(skip)
    if "replika" not in settings.DATABASES and not in_ci:
        skip = pytest.mark.skip(
            reason="needs a streaming replica: run .ci/replika.sh and set DATABASE_REPLICA_URL "
            "(CI does both)"
        )
        for item in items:
            # The marker itself: "replika" is also the name of modules and of checkouts.
            if item.get_closest_marker("replika"):
                item.add_marker(skip)
    # The fault drills start their own redis-server and PostgreSQL cluster (never the machine's).
    if not (shutil.which("redis-server") and os.path.exists(PG_INITDB)) and not in_ci:
        skip = pytest.mark.skip(
            reason=f"needs redis-server and {PG_INITDB} for the fault drills (CI has them)"
        )
        for item in items:
            if "latihan" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium headless, without the network chatter this machine refuses."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(autouse=True)
def _media_sementara(tmp_path_factory):
    """Uploaded evidence goes to a temporary folder, never into the checkout. Not through the
    `settings` fixture: that would make every test hold it, and other fixtures' teardowns
    (publik's cache clearing) would then run under settings they did not expect."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(autouse=True)
def _bahasa_bawaan():
    """Give every test the default language back: a test that switches to English must not
    leave the next one reading English messages (the active language is per thread)."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def hr_user(db) -> User:
    """A demo HR user: staff, in the "Admin BKPSDM" group created by a data migration."""
    user = User.objects.create_user("hr", password="rahasia-hr-123", is_staff=True)
    user.groups.add(Group.objects.get(name="Admin BKPSDM"))
    return user


@pytest.fixture
def hr_client(client, hr_user):
    client.force_login(hr_user)
    return client


@pytest.fixture
def superuser_client(db) -> Client:
    client = Client()  # a second client: tests may use hr_client too
    client.force_login(User.objects.create_superuser("root", password="rahasia-root-123"))
    return client


@pytest.fixture
def org(db) -> Organisasi:
    """The access tests' organisation (tests/akses_data.py): two perangkat daerah, their
    employees and a user of every role. Test modules that need more data override it."""
    return buat_organisasi()


@pytest.fixture
def dataset(db) -> Dataset:
    """The admin tests' data (tests/admin_data.py): 30 employees in three perangkat daerah, each
    with every kind of history and a placement, and rows for every registered admin."""
    with projection.deferred():  # bulk set-up: one rebuild of the merit projection, not per save
        return buat_dataset()


def _dengan_query(url: str, query: dict | None) -> str:
    """`url` with `query` added to the query string it may already have."""
    if not query:
        return url
    bagian = urlsplit(url)
    gabung = [*parse_qsl(bagian.query, keep_blank_values=True), *query.items()]
    return urlunsplit(bagian._replace(query=urlencode(gabung, doseq=True)))


@pytest.fixture(scope="class")
def dataset_bersama(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Dataset]:
    """The `dataset`, built once for a class of tests that only read it (the admin pages'
    bounded-query tests, tests.admin_data.admin_bound_tests): it lives in a transaction around
    the class, each test runs in a savepoint inside it (pytest-django's `db`, as usual) and
    the whole is rolled back after the class's last test. A test that writes must use
    `dataset`."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))),
    ):
        atomic = transaction.atomic()
        atomic._from_testcase = True  # as TestCase's own blocks: a durable block may nest in it
        atomic.__enter__()
        try:
            with projection.deferred():
                data = buat_dataset()
            yield data
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def unduh_ekspor(settings, django_capture_on_commit_callbacks):
    """Return `unduh(client, url, query=None, data=None) -> bytes`: start a queued export (the
    admin's, the ranking's) with a POST of `data` (the format) to `url` with `query` as its query
    string (the list's filters, the what-if weights), and download its file. The task runs in
    the immediate backend when the request's on-commit callbacks run (tugas.progres.mulai
    enqueues on commit)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

    def unduh(client, url: str, query: dict | None = None, data: dict | None = None) -> bytes:
        url = _dengan_query(url, query)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data or {})
        assert response.status_code == 302, response
        assert response["Location"].startswith("/tugas/"), response["Location"]
        berkas = client.get(response["Location"] + "unduh/")
        assert berkas.status_code == 200, berkas
        assert "no-store" in berkas["Cache-Control"]
        return berkas.content

    return unduh


@pytest.fixture
def unduh_langsung():
    """Return `unduh(client, url, query=None, data=None) -> HttpResponse`: download a small
    logged table (the lists' and dashboards' downloads, the import template) with a POST of
    `data` to `url` with `query` as its query string (the page's filters); the file comes in
    the POST's response as an attachment, which no cache keeps."""

    def unduh(client, url: str, query: dict | None = None, data: dict | None = None):
        url = _dengan_query(url, query)
        response = client.post(url, data or {})
        assert response.status_code == 200, response
        assert response["Content-Disposition"].startswith("attachment; "), response
        assert "no-store" in response["Cache-Control"]
        return response

    return unduh
