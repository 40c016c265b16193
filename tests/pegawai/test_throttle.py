"""The shared protection of public forms: CSRF and a per-address rate limit."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.urls("tests.urls_throttle")


@pytest.fixture(autouse=True)
def _cache_kosong():
    cache.clear()
    yield
    cache.clear()


def test_it_refuses_a_post_without_a_csrf_token():
    client = Client(enforce_csrf_checks=True)
    assert client.post("/formulir/").status_code == 403


def test_it_limits_submissions_per_address_and_never_reading():
    client = Client()
    for _ in range(3):
        assert client.post("/formulir/").content == b"diterima"
    response = client.post("/formulir/")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "terlalu sering" in response.content.decode()
    assert client.get("/formulir/").status_code == 200


def test_another_address_has_its_own_allowance():
    for _ in range(4):
        Client(REMOTE_ADDR="10.0.0.1").post("/formulir/")
    assert Client(REMOTE_ADDR="10.0.0.2").post("/formulir/").content == b"diterima"
