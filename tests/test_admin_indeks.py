"""The admin index as HR reads it: every section titled in Indonesian (django-axes read "AXES")."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_login_lockouts_are_titled_in_indonesian(admin_client):
    assert str(apps.get_app_config("axes").verbose_name) == "Keamanan login"
    body = admin_client.get(reverse("admin:index")).content.decode()
    judul = re.findall(r'<caption>\s*<a[^>]*class="section"[^>]*>([^<]+)</a>', body)
    assert "Keamanan login" in judul, judul
    assert not re.search(r"\baxes\b", " ".join(judul), re.IGNORECASE)
    assert ">Axes<" not in body
    # The section still opens the lockouts HR unlock.
    assert reverse("admin:axes_accessattempt_changelist") in body
    app_page = admin_client.get(reverse("admin:app_list", args=["axes"])).content.decode()
    assert "Keamanan login" in app_page and ">Axes<" not in app_page
