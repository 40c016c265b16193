"""The home page: a welcome for the public, a summary of posts for HR."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import FormasiFactory, JabatanFactory, PegawaiFactory, PenempatanFactory

pytestmark = pytest.mark.django_db


def _retiring_holder(nama: str) -> None:
    today = timezone.localdate()
    # Pelaksana retire at 58: born 58 years ago next month retires within the year.
    lahir = dt.date(today.year - 58, today.month, 1)
    PenempatanFactory(
        pegawai=PegawaiFactory(nama=nama, tanggal_lahir=lahir),
        formasi=FormasiFactory(jabatan=JabatanFactory(nama="Pengelola Layanan Operasional")),
    )


def test_it_welcomes_the_public_without_personal_data(client):
    _retiring_holder("Baiq Nurul Hidayati")
    response = client.get(reverse("beranda"))
    assert response.status_code == 200
    assert "Masuk untuk petugas" in response.content.decode()
    assert "Baiq Nurul Hidayati" not in response.content.decode()


def test_it_shows_hr_the_summary_and_coming_retirements(hr_client, django_assert_max_num_queries):
    _retiring_holder("Baiq Nurul Hidayati")
    for _ in range(10):
        _retiring_holder("Lalu Muhammad Zaini")
    FormasiFactory(kuota=3)
    # session, user, user and group permissions (the scope: HR see every unit), formasi
    # aggregate, employee count, retirement ages, retiring holders
    with django_assert_max_num_queries(8):
        response = hr_client.get(reverse("beranda"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Baiq Nurul Hidayati" in body
    assert "Pengelola Layanan Operasional" in body
    assert response.context["ringkasan"] == {
        "jumlah_formasi": 12,
        "jumlah_kursi": 14,
        "jumlah_lowong": 3,
        "pegawai_aktif": 11,
    }


def test_the_health_check_answers_ok(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.content == b"ok"


def test_it_speaks_indonesian_whatever_the_browser_prefers(client):
    response = client.get(reverse("beranda"), headers={"accept-language": "en-US,en;q=0.9"})
    assert response["Content-Language"] == "id"


def test_a_user_can_switch_to_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    response = client.get(reverse("beranda"))
    assert response["Content-Language"] == "en"
