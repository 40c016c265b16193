"""Project-wide fixtures: fast hashing, the PostgreSQL-only marker, the users tests need."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.utils import translation


def pytest_configure(config: pytest.Config) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The test client and the live server speak plain HTTP; production redirects to HTTPS.
    settings.SECURE_SSL_REDIRECT = False
    # Serve static files from the apps' folders, as `runserver` does, without collectstatic.
    settings.STATIC_ROOT = None
    settings.WHITENOISE_USE_FINDERS = True
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip, with the reason printed, the tests that need PostgreSQL when it is not the engine."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL (row locks, concurrency): set DATABASE_URL to run it"
    )
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


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
