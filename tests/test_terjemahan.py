"""Third-party admin pages speak Indonesian: django-auditlog's strings, project catalogue."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_audit_log_admin_is_in_indonesian(hr_client, hr_user):
    hr_user.save()  # a log entry, so the list has a row with its action and links
    response = hr_client.get("/admin/auditlog/logentry/", headers={"accept-language": "id"})
    assert response.status_code == 200
    body = response.content.decode()
    # The app, the columns and the filters (auditlog's own English is the msgid)
    for indonesia in ("Jejak audit", "Objek", "Perubahan", "Pengguna", "Jenis data", "ID korelasi"):
        assert indonesia in body, indonesia
    # (auditlog's "Correlation ID" column title is a plain string, beyond any catalogue; its
    # filter of the same name is translated.)
    for english in ("Audit log", "Resource Type", ">Changes<", ">Resource<", ">update<"):
        assert english not in body, english


def test_english_keeps_auditlog_s_own_words(hr_client):
    hr_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = hr_client.get("/admin/auditlog/logentry/").content.decode()
    assert "Resource Type" in body and "Jenis data" not in body


def test_django_s_awkward_indonesian_is_overridden(hr_client, hr_user):
    """The login error names the field once; the admin index's column header reads well."""
    client = Client()  # anonymous, beside the signed-in HR client
    salah = client.post("/masuk/", {"username": hr_user.username, "password": "salah"})
    body = salah.content.decode()
    assert "Masukkan nama pengguna dan sandi yang benar" in body
    assert "nama pengguna nama pengguna" not in body
    admin_salah = client.post("/admin/login/", {"username": "x", "password": "y"})
    petugas = "Masukkan nama pengguna dan sandi akun petugas yang benar"
    assert petugas in admin_salah.content.decode()
    indeks = hr_client.get("/admin/").content.decode()
    assert "Ubah atau lihat daftar" in indeks and "Rubah" not in indeks


def test_assessment_methods_are_named_in_indonesian(hr_client):
    from pegawai.models import MetodeAsesmen

    assert MetodeAsesmen.CAT.label == "Tes berbantuan komputer (CAT)"
    assert MetodeAsesmen.ASSESSMENT_CENTER.label == "Pusat asesmen (assessment center)"
