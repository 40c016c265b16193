"""An oversized request body is refused with 413 before anything reads it
(core.middleware.BodySizeLimitMiddleware); nginx holds the same limit (tests/deploy)."""

from __future__ import annotations

import pytest
from django.conf import settings

from impor.read import ukuran_maks

pytestmark = pytest.mark.django_db


def test_an_anonymous_200_mb_post_is_refused_without_reading_the_body(client):
    # The test client's input stream holds 3 bytes and fails loudly if more is read: the
    # declared 200 MB must make the app answer before the CSRF check parses the form.
    response = client.post(
        "/masuk/",
        data=b"a=b",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(200 * 2**20),
    )
    assert response.status_code == 413
    assert response.content.decode() == "Permintaan terlalu besar (200 MB); batasnya 65 MB."


def test_the_limit_is_the_import_limit_plus_room_for_the_form():
    assert settings.PERMINTAAN_UKURAN_MAKS == ukuran_maks() + 2**20 == 65 * 2**20


def test_a_body_at_the_limit_goes_on_to_the_view_and_one_byte_more_does_not(client, settings):
    settings.PERMINTAAN_UKURAN_MAKS = 100
    body = "username=x&password=" + "y" * 80
    body += "z" * (100 - len(body))
    ok = client.post("/masuk/", data=body, content_type="application/x-www-form-urlencoded")
    assert ok.status_code == 200  # read: the login form answers (wrong password)
    terlalu = client.post(
        "/masuk/", data=body + "z", content_type="application/x-www-form-urlencoded"
    )
    assert terlalu.status_code == 413


def test_a_malformed_content_length_is_no_body_not_an_error(client):
    response = client.get("/healthz", CONTENT_LENGTH="banyak")
    assert response.status_code == 200
