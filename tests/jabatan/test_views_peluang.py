"""The employee's chances list: eligibility per vacant post, the "only those I meet" filter."""

from __future__ import annotations

import pytest
from django.test import Client

from pegawai.roles import PEGAWAI
from tests.akses_data import buat_organisasi, buat_user
from tests.factories import tutup_periode
from tests.jabatan.bantu import buat_calon, kepala_bagian

pytestmark = pytest.mark.django_db


@pytest.fixture
def calon():
    """An employee of IV/a with two Baik years and supervisory experience since 2019, logged in;
    a post they meet (minimum III/d) and one they fail (minimum IV/c)."""
    org = buat_organisasi()
    pegawai = buat_calon(org.unit_b)
    cocok = kepala_bagian(org.unit_b, "Kepala Bagian Cocok", "III/d")
    tinggi = kepala_bagian(org.unit_b, "Kepala Bagian Tinggi", "IV/c")
    tutup_periode()
    client = Client()
    client.force_login(buat_user("calon", PEGAWAI, staff=False, pegawai=pegawai))
    return client, cocok, tinggi


def _jawaban(response) -> dict[int, bool]:
    return {f.pk: f.memenuhi for f in response.context["halaman"]}


def test_it_says_which_posts_the_employee_meets(calon, django_assert_max_num_queries):
    client, cocok, tinggi = calon
    client.get("/jabatan/peluang/")
    # session, user, permissions (2), access link, the unit filter's options, the page's count
    # and rows, the proposals on the page and the employee's own, their succession entries;
    # eligibility: the employee's projection row, sanctions, affair days, JP years, the page's
    # posts with requirements, fields of study and families required, profiles, talent bands,
    # own holdings, relevance (fields, affairs, units, profiles requiring leadership training,
    # leadership programs); the menu's SKP entry. None grows with the posts.
    with django_assert_max_num_queries(27):
        response = client.get("/jabatan/peluang/")
    jawaban = _jawaban(response)
    assert jawaban[cocok.pk] is True
    assert jawaban[tinggi.pk] is False
    body = response.content.decode()
    assert "Memenuhi syarat?" in body
    # The list agrees with each post's own page.
    for formasi, layak in ((cocok, True), (tinggi, False)):
        assert client.get(f"/jabatan/peluang/{formasi.pk}/").context["saya"].layak is layak


def test_the_query_count_does_not_grow_with_the_posts(calon, django_assert_max_num_queries):
    client, cocok, _ = calon
    for n in range(10):
        kepala_bagian(cocok.unit_kerja, f"Kepala Bagian Lain {n}", "III/d")
    with django_assert_max_num_queries(27):
        response = client.get("/jabatan/peluang/")
    assert len(_jawaban(response)) >= 12
    with django_assert_max_num_queries(27):
        client.get("/jabatan/peluang/", {"memenuhi": "1"})


def test_the_filter_keeps_only_the_posts_the_employee_meets(calon):
    client, cocok, tinggi = calon
    response = client.get("/jabatan/peluang/", {"memenuhi": "1"})
    assert response.status_code == 200
    jawaban = _jawaban(response)
    assert cocok.pk in jawaban and tinggi.pk not in jawaban
    assert set(jawaban.values()) == {True}
    body = response.content.decode()
    assert 'name="memenuhi" value="1" checked' in body
    assert "Kepala Bagian Cocok" in body and "Kepala Bagian Tinggi" not in body


def test_the_menu_offers_the_chances_to_employees_only(calon, hr_client):
    client, _, _ = calon
    assert 'href="/jabatan/peluang/"' in client.get("/", follow=True).content.decode()
    assert 'href="/jabatan/peluang/"' not in hr_client.get("/").content.decode()
