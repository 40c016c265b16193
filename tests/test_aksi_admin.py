"""Every admin action of every registered admin, for every role: offered and run only with its
permissions.

An action without `permissions=` is offered to anyone who can open the list: a read-only unit
head could then open the SKPs of every unit. The walk reads the admin registry, so a
new admin or action is covered without editing this file; a custom permission needs its Django
permission in CUSTOM below.
"""

from __future__ import annotations

import hashlib

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from django.urls import reverse

from kinerja.models import Periode, Skp
from pegawai.models import BidangStudi
from tests.akses_data import SANDI, buat_organisasi, objek_unit_a

pytestmark = pytest.mark.django_db

# Custom action permissions (`has_<name>_permission` on the ModelAdmin) and the Django permission
# each one stands for. HR must hold these through its role.
CUSTOM = {
    "kinerja.periode.buka_skp": "kinerja.add_skp",
    "survei.komentarskm.moderasi": "survei.change_komentarskm",
    "publik.seleksi.usulkan": "jabatan.add_usulan",
    "publik.tahap.umumkan": "jabatan.add_usulan",
}

STANDARD = {"view", "add", "change", "delete"}


def _actions(model_admin: admin.ModelAdmin):
    """Yield (name, function) of every action the admin has, whoever asks."""
    for func, name, _description in model_admin._get_base_actions():
        yield name, func


def _django_perms(model, name: str, permissions) -> list[str]:
    label = f"{model._meta.app_label}.{model._meta.model_name}"
    if not permissions:
        return ["undeclared.permission"]  # only a superuser holds it: anyone else is wrong
    perms = []
    for perm in permissions:
        if perm in STANDARD:
            perms.append(f"{model._meta.app_label}.{perm}_{model._meta.model_name}")
        else:
            key = f"{label}.{perm}"
            assert key in CUSTOM, f"action {name!r} of {label}: map permission {perm!r} in CUSTOM"
            perms.append(CUSTOM[key])
    return perms


def _snapshot() -> str:
    """Return a digest of every row of every model with an admin (and the SKPs)."""
    digest = hashlib.sha256()
    models = {*admin.site._registry, Skp}
    for model in sorted(models, key=lambda m: m._meta.label):
        for row in model._default_manager.order_by("pk").values_list():
            digest.update(repr(row).encode())
    return digest.hexdigest()


@pytest.fixture
def roles(db) -> dict[str, User]:
    org = buat_organisasi()
    objek_unit_a(org)  # one row for every admin, so every action has something to act on
    hr = org.users["hr"]
    # Opening SKPs is HR's work: the role carries kinerja.add_skp (kinerja/roles.py).
    assert hr.has_perm("kinerja.add_skp")
    Periode.objects.create(tahun=2026, jenis="tahunan", triwulan=0, terbuka=True)
    return {
        "superuser": User.objects.create_superuser("root", password=SANDI),
        "hr": hr,
        "pimpinan": org.users["pimpinan"],
        "pegawai": org.users["pegawai"],
        "staf": User.objects.create_user("staf", password=SANDI, is_staff=True),
    }


def _fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)  # no permission cache from an earlier check


def test_every_action_declares_its_permissions() -> None:
    missing = [
        f"{model._meta.label}: {name}"
        for model, model_admin in admin.site._registry.items()
        for name, func in _actions(model_admin)
        if not getattr(func, "allowed_permissions", None)
    ]
    assert missing == []


def test_every_action_is_offered_only_to_roles_with_its_permissions(roles) -> None:
    factory = RequestFactory()
    wrong = []
    offered = set()
    for model, model_admin in admin.site._registry.items():
        for name, func in _actions(model_admin):
            perms = _django_perms(model, name, getattr(func, "allowed_permissions", ()))
            for role, user in roles.items():
                user = _fresh(user)
                request = factory.get("/")
                request.user = user
                if name in model_admin.get_actions(request):
                    offered.add((model._meta.label, name, role))
                    if not user.has_perms(perms):
                        wrong.append(f"{role} is offered {model._meta.label}: {name}")
    assert wrong == []
    # The walk sees real actions: the ones HR and a superuser do run.
    assert ("kinerja.Periode", "buka_skp", "hr") in offered
    assert ("kinerja.Periode", "buka_skp", "superuser") in offered
    assert ("pegawai.BidangStudi", "delete_selected", "hr") in offered
    assert ("kinerja.Periode", "buka_skp", "pimpinan") not in offered


def _clients(roles: dict[str, User]) -> dict[str, Client]:
    # Logged in before any snapshot: a login writes last_login and axes' access log.
    clients = {}
    for role, user in roles.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


def _post_action(client: Client, model, name: str) -> int:
    pks = list(model._default_manager.values_list("pk", flat=True))
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    response = client.post(url, {"action": name, "_selected_action": pks, "post": "yes"})
    return response.status_code


def test_posting_an_action_without_its_permissions_changes_nothing(roles) -> None:
    clients = _clients(roles)
    changed = []
    for model, model_admin in admin.site._registry.items():
        for name, func in _actions(model_admin):
            perms = _django_perms(model, name, getattr(func, "allowed_permissions", ()))
            for role, user in roles.items():
                if _fresh(user).has_perms(perms):
                    continue
                before = _snapshot()
                status = _post_action(clients[role], model, name)
                if _snapshot() != before:
                    changed.append(f"{role} ran {model._meta.label}: {name} ({status})")
    assert changed == []
    assert Skp.objects.filter(periode__tahun=2026).count() == 0


def test_an_action_posted_with_its_permissions_does_run(roles) -> None:
    # The control for the test above: the same POST, by a role that holds the permission.
    assert BidangStudi.objects.exists()
    _post_action(_clients(roles)["hr"], BidangStudi, "delete_selected")
    assert not BidangStudi.objects.exists()
