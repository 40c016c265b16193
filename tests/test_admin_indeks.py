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


def test_the_readme_names_admin_screens_by_the_titles_hr_sees(admin_client):
    """ "Administrasi → Upaya akses", not "Access attempts": each step of a path in README.md
    is a section or a list title of the admin index as it renders."""
    from pathlib import Path

    from django.conf import settings

    body = admin_client.get(reverse("admin:index")).content.decode()
    judul = {
        " ".join(t.split())
        for t in re.findall(r'<caption>\s*<a[^>]*class="section"[^>]*>([^<]+)</a>', body)
        + re.findall(r'<th scope="row"[^>]*>\s*<a[^>]*>([^<]+)</a>', body)
    }
    readme = " ".join((Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8").split())
    jalan = re.findall(r"Administrasi((?: → [A-Z][\w ]*?[\w])+)(?=[;:,.)]| \(| atau| dan)", readme)
    assert len(jalan) >= 8, jalan
    asing = [j for path in jalan for j in path.split(" → ")[1:] if j not in judul]
    assert not asing, f"README names admin screens HR do not see: {asing}; the index has {judul}"
