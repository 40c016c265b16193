"""One access rule for pages and menu (pegawai.capability): each page declares the capability
that opens it, and the menu is built from the same declarations, so it offers exactly what opens."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.test import Client
from django.urls import reverse

from pegawai.capability import (
    EMPLOYEE,
    HR,
    LEADER,
    LEADER_STAFF,
    SIGNED_IN,
    STAFF,
    UNIT_HEAD,
    declared_pages,
    demand,
    holds,
    may_open,
)
from pegawai.roles import PIMPINAN_UNIT
from tests.akses_data import ROLES, buat_user, klien

pytestmark = pytest.mark.django_db

# The main menu as it always was: URL name and label, in order (templates/base.html before the
# menu was built from the pages' declarations).
MENU = [
    ("jabatan:unit_saya", "Unit saya"),
    ("jabatan:lowongan", "Formasi lowong"),
    ("jabatan:pegawai", "Pegawai"),
    ("kinerja:dasbor", "Dasbor kinerja"),
    ("survei:dasbor", "Survei kepuasan"),  # the survey's own app; the kinerja dashboard linked it
    ("survei_pegawai:kelola", "Survei pegawai"),  # HR's: the employees' survey (issue 24)
    ("pelatihan:dasbor", "Dasbor JP"),
    ("pelatihan:kebutuhan", "Kebutuhan pelatihan"),
    ("kinerja:skp_list", "SKP"),
    ("jabatan:peluang", "Peluang jabatan"),
    ("pelatihan:saya", "Pelatihan saya"),
    ("saya", "Data saya"),
    ("jabatan:duk", "DUK"),
    ("publik:kelola_seleksi", "Kelola seleksi terbuka"),
    ("sistem_merit:penilaian_list", "Indeks sistem merit"),  # HR's assessments of the index
    ("impor:daftar", "Impor data"),
    ("admin:index", "Administrasi"),
]


def _menu(client: Client) -> str:
    body = client.get("/", follow=True).content.decode()  # the home sends each to their page
    return body[body.index("<nav") : body.index("</nav>")]


def _menu_entries() -> list[tuple[str, str]]:
    pages = sorted(
        ((p.order, name, str(p.menu)) for name, p in declared_pages().items() if p.menu),
    )
    return [(name, label) for _order, name, label in pages]


def test_the_menu_keeps_its_entries_labels_and_order():
    assert _menu_entries() == MENU


@pytest.mark.parametrize("role", ROLES)
def test_the_menu_shows_an_entry_exactly_when_its_page_opens(org, role):
    client = klien(org.users[role])
    menu = _menu(client)
    salah = []
    for name, label in MENU:
        url = reverse(name)
        dibuka = client.get(url).status_code == 200
        ditawarkan = f'href="{url}"' in menu
        if dibuka != ditawarkan:
            salah.append(f"{role}: {label} ({url}) opens={dibuka} in menu={ditawarkan}")
    assert not salah, "\n".join(salah)
    if role == "anonim":
        assert not any(f'href="{reverse(name)}"' in menu for name, _label in MENU)


def test_a_unit_head_without_a_staff_login_is_offered_the_duk_and_it_opens(org):
    """The menu offered the DUK to staff only while the page opened for every unit head: both
    now follow the page's declaration (LEADER). The vacancy list asks a staff login of both."""
    user = buat_user("kepala.nonstaf", PIMPINAN_UNIT, staff=False, unit_kerja=org.unit_a)
    client = klien(user)
    menu = _menu(client)
    assert f'href="{reverse("jabatan:duk")}"' in menu
    assert client.get(reverse("jabatan:duk")).status_code == 200
    assert f'href="{reverse("jabatan:lowongan")}"' not in menu
    assert client.get(reverse("jabatan:lowongan")).status_code == 403


def test_hr_without_an_employee_record_is_refused_the_skp_list_with_the_reason(org):
    client = klien(org.users["hr"])
    response = client.get(reverse("kinerja:skp_list"))
    assert response.status_code == 403
    assert "Belum ada SKP." in response.content.decode()
    # Nor does an SKP's page lead HR there.
    skp = org.pegawai_a.skp.get()
    body = client.get(reverse("kinerja:skp_detail", args=[skp.pk])).content.decode()
    assert f'href="{reverse("kinerja:skp_list")}"' not in body
    body = klien(org.users["pegawai"]).get(reverse("kinerja:skp_detail", args=[skp.pk]))
    assert f'href="{reverse("kinerja:skp_list")}"' in body.content.decode()


def test_each_capability_holds_for_its_roles(org):
    u = org.users
    cases = {
        "EMPLOYEE": (EMPLOYEE, {"pegawai", "pimpinan_lain", "pimpinan"}),
        "UNIT_HEAD": (UNIT_HEAD, {"pimpinan_lain", "pimpinan"}),
        "LEADER": (LEADER, {"pimpinan_lain", "pimpinan", "hr"}),
        "LEADER_STAFF": (LEADER_STAFF, {"pimpinan_lain", "pimpinan", "hr"}),
        "HR": (HR, {"hr"}),
        "STAFF": (STAFF, {"pimpinan_lain", "pimpinan", "hr"}),
        "SIGNED_IN": (SIGNED_IN, {"pegawai", "pimpinan_lain", "pimpinan", "hr"}),
        "HR+impor": (HR.with_perms("impor.add_impor"), {"hr"}),
        "holds": (holds("jabatan.view_formasi", reason="x"), {"pimpinan_lain", "pimpinan", "hr"}),
    }
    for label, (capability, roles) in cases.items():
        got = {role for role in ROLES if u[role] is not None and capability.allows(u[role])}
        assert got == roles, label
        assert not capability.allows(AnonymousUser()), label


def test_demand_returns_the_scope_or_refuses_with_the_capabilitys_reason(org):
    assert demand(org.users["pimpinan"], LEADER).unit_path == org.unit_a.path
    with pytest.raises(PermissionDenied) as exc:
        demand(org.users["hr"], EMPLOYEE)
    assert str(exc.value) == "Akun ini tidak terhubung dengan data pegawai."
    # A capability with permissions besides keeps the base's reason unless given its own.
    with pytest.raises(PermissionDenied) as exc:
        demand(org.users["pimpinan"], HR.with_perms("impor.add_impor"))
    assert str(exc.value) == str(HR.reason)


def test_may_open_names_an_undeclared_page_instead_of_failing_with_a_key_error(org):
    # A typo in a template's {% may_open %} is a configuration error naming the typo, not a
    # KeyError; tests/test_arsitektur.py finds it before any page renders.
    assert may_open(org.users["pimpinan"], "kinerja:skp_list")
    with pytest.raises(ImproperlyConfigured, match="'kinerja:skp_lst'"):
        may_open(org.users["pimpinan"], "kinerja:skp_lst")
