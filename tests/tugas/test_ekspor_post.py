"""The exports that queue a task and log a row are POSTs: a GET (a link or an image on another
site, in an officer's name) starts nothing."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from pegawai.models import CatatanEkspor
from tests.akses_data import buat_organisasi
from tugas.models import Progres

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return buat_organisasi()


def _hr(org) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(org.users["hr"])
    return client


def _nothing_started() -> None:
    assert not Progres.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert not CatatanEkspor.objects.exists()


@pytest.mark.parametrize(
    "query",
    [{}, {"format": "xlsx"}, {"format": "csv", "q": "a"}],
)
def test_it_refuses_a_get_of_the_admin_export_and_starts_nothing(org, langsung, query):
    with langsung(execute=True):
        response = _hr(org).get("/admin/pegawai/pegawai/ekspor/", query)
    assert response.status_code == 405
    _nothing_started()


@pytest.mark.parametrize(
    "url",
    [
        "/impor/ekspor.csv",
        "/impor/ekspor.xlsx",
        "/pelatihan/ekspor/pegawai.csv",
        "/pelatihan/ekspor/unit.xlsx",
        "/jabatan/duk/ekspor.csv?unit={unit}",
    ],
)
def test_it_refuses_a_get_of_a_city_wide_export_and_starts_nothing(org, langsung, url):
    with langsung(execute=True):
        response = _hr(org).get(url.format(unit=org.unit_a.pk))
    assert response.status_code == 405
    _nothing_started()


@pytest.mark.parametrize("query", [{}, {"format": "csv"}, {"ekspor": "xlsx"}])
def test_it_refuses_a_get_of_the_ranking_export_and_starts_nothing(org, langsung, query):
    with langsung(execute=True):
        response = _hr(org).get(f"/jabatan/lowongan/{org.formasi_a.pk}/ekspor/", query)
    assert response.status_code == 405
    _nothing_started()


def test_the_ranking_page_with_the_old_export_query_only_shows_the_page(org, langsung):
    with langsung(execute=True):
        response = _hr(org).get(f"/jabatan/lowongan/{org.formasi_a.pk}/", {"ekspor": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    _nothing_started()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pegawai/pegawai/ekspor/",
        "/jabatan/lowongan/{formasi}/ekspor/",
        "/impor/ekspor.csv",
        "/pelatihan/ekspor/pegawai.csv",
    ],
)
def test_an_export_post_without_the_csrf_token_starts_nothing(org, langsung, url):
    with langsung(execute=True):
        response = _hr(org).post(url.format(formasi=org.formasi_a.pk), {"format": "csv"})
    assert response.status_code == 403
    _nothing_started()


def test_the_ranking_export_refuses_an_unknown_format_as_a_field_error(org, langsung):
    client = _hr(org)
    page = client.get(f"/jabatan/lowongan/{org.formasi_a.pk}/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    with langsung(execute=True):
        response = client.post(
            f"/jabatan/lowongan/{org.formasi_a.pk}/ekspor/",
            {"format": "pdf", "csrfmiddlewaretoken": token},
        )
    assert response.status_code == 400
    assert "Format unduhan harus CSV atau XLSX." in response.content.decode()
    _nothing_started()


def test_the_admin_export_form_posts_with_its_token_and_queues(org, langsung):
    """The page's own form, token included, is what starts the export."""
    client = _hr(org)
    page = client.get("/admin/pegawai/pegawai/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    with langsung(execute=True):
        response = client.post(
            "/admin/pegawai/pegawai/ekspor/", {"format": "xlsx", "csrfmiddlewaretoken": token}
        )
    assert response.status_code == 302
    progres = Progres.objects.get()
    assert response["Location"] == progres.get_absolute_url()
    assert progres.status == "selesai" and progres.nama_berkas.endswith(".xlsx")
    assert CatatanEkspor.objects.filter(data="pegawai.pegawai", user=org.users["hr"]).exists()
