"""The shared protection of public forms: CSRF and a per-address rate limit."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from core.throttle import network_of

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


@pytest.mark.parametrize(
    ("alamat", "jaringan_"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"),
        ("2001:db8:1:2::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
        ("::ffff:203.0.113.7", "203.0.113.7"),  # an IPv4 client on a dual-stack socket
        ("", ""),
        ("bukan-alamat", "bukan-alamat"),
    ],
)
def test_it_counts_ipv4_by_address_and_ipv6_by_its_64(alamat, jaringan_):
    assert network_of(alamat) == jaringan_


def test_an_ipv6_client_rotating_addresses_in_its_64_shares_one_allowance():
    """Temporary addresses (RFC 8981) change the low 64 bits only (RFC 4291 section 2.5.1)."""
    for i in range(3):
        Client(REMOTE_ADDR=f"2001:db8:1:2::{i + 1:x}").post("/formulir/")
    response = Client(REMOTE_ADDR="2001:db8:1:2:dead:beef:0:1").post("/formulir/")
    assert response.status_code == 429
    # The neighbouring /64 is another client.
    assert Client(REMOTE_ADDR="2001:db8:1:3::1").post("/formulir/").content == b"diterima"
