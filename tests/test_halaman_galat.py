"""The menu offers only what the user can open; refusals and missing pages keep the layout."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from pegawai.roles import PEGAWAI
from tests.akses_data import buat_user
from tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _menu(client: Client) -> str:
    body = client.get("/", follow=True).content.decode()  # the home sends each to their page
    return body[body.index("<nav") : body.index("</nav>")]


def test_it_hides_data_saya_and_skp_from_hr_without_an_employee_record(org):
    menu = _menu(_client(org.users["hr"]))
    assert f'href="{reverse("saya")}"' not in menu
    assert f'href="{reverse("kinerja:skp_list")}"' not in menu
    assert f'href="{reverse("kinerja:dasbor")}"' in menu


def test_it_shows_an_employee_their_data_and_skp(org):
    menu = _menu(_client(org.users["pegawai"]))
    assert f'href="{reverse("saya")}"' in menu
    assert f'href="{reverse("kinerja:skp_list")}"' in menu
    assert f'href="{reverse("kinerja:dasbor")}"' not in menu  # a unit head's and HR's


def test_it_shows_a_unit_head_the_skp_they_evaluate(org):
    # The head of A has no SKP of their own in the organisation, but evaluates A's employee.
    menu = _menu(_client(org.users["pimpinan"]))
    assert f'href="{reverse("kinerja:skp_list")}"' in menu
    assert f'href="{reverse("kinerja:dasbor")}"' in menu


def test_it_hides_skp_from_an_employee_with_no_skp_to_see(org):
    user = buat_user("baru", PEGAWAI, staff=False, pegawai=PegawaiFactory(unit_kerja=org.unit_a))
    menu = _menu(_client(user))
    assert f'href="{reverse("saya")}"' in menu
    assert f'href="{reverse("kinerja:skp_list")}"' not in menu


def test_it_refuses_in_the_layout_with_the_reason_and_a_way_home(org, settings):
    settings.DEBUG = False
    response = _client(org.users["hr"]).get(reverse("saya"))
    assert response.status_code == 403
    body = response.content.decode()
    assert 'class="kepala"' in body  # base.html's header
    assert "Akses ditolak" in body
    assert "Akun ini tidak terhubung dengan data pegawai." in body
    assert f'href="{reverse("beranda")}">Kembali ke beranda' in body.replace('class="tombol" ', "")


def test_it_says_a_page_is_missing_in_the_layout(org, settings):
    settings.DEBUG = False
    response = _client(org.users["pegawai"]).get("/tidak-ada/")
    assert response.status_code == 404
    body = response.content.decode()
    assert 'class="kepala"' in body
    assert "Halaman tidak ditemukan" in body
    assert "Alamat /tidak-ada/ tidak ada" in body
    assert "Kembali ke beranda" in body
    assert f'href="{reverse("saya")}"' in body  # the menu still knows the user


def test_an_anonymous_visitor_gets_the_missing_page_too(db, settings):
    settings.DEBUG = False
    response = Client().get("/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_every_page_names_the_favicon_and_it_is_served(db, client):
    body = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in body
    response = client.get("/static/favicon.svg")
    assert response.status_code == 200
    body = response.streaming_content if response.streaming else [response.content]
    assert b"<svg" in b"".join(body)
