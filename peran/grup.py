"""Assemble the role groups from the apps' declarations."""

from __future__ import annotations

import importlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Q

from pegawai.roles import PERAN


def _apps_proyek() -> list:
    """The installed apps that are part of this project (not Django's or a library's)."""
    base = Path(settings.BASE_DIR).resolve()
    return [c for c in apps.get_app_configs() if Path(c.path).resolve().parent == base]


def deklarasi() -> dict[str, list[str]]:
    """Return each role's permissions ("app_label.codename"), sorted, from the `IZIN` of every
    project app's `roles` module.

    Raise ImproperlyConfigured for an unknown role, or for an app that declares permissions on
    another project app's models (that app must declare them itself).
    """
    proyek = _apps_proyek()
    label_proyek = {c.label for c in proyek}
    izin: dict[str, set[str]] = {name: set() for name in PERAN}
    for config in proyek:
        try:
            module = importlib.import_module(f"{config.name}.roles")
        except ModuleNotFoundError as exc:
            if exc.name == f"{config.name}.roles":
                continue
            raise
        for role, perms in module.IZIN.items():
            if role not in izin:
                raise ImproperlyConfigured(f"{config.name}/roles.py names an unknown role {role!r}")
            for perm in perms:
                label = perm.partition(".")[0]
                if label != config.label and label in label_proyek:
                    raise ImproperlyConfigured(
                        f"{config.name}/roles.py lists {perm}: each app declares the "
                        f"permissions of its own models only ({label}/roles.py)"
                    )
            izin[role].update(perms)
    return {name: sorted(perms) for name, perms in izin.items()}


@transaction.atomic
def sinkronkan_grup(*, using: str = "default", termigrasi: set[str] | None = None) -> None:
    """Give each role's group exactly the declared permissions, creating the group if needed.

    A permission granted to a group by hand is taken away again: the declarations are the one
    source, and a change of a role is a change of an app's roles.py. `termigrasi`: the app
    labels migrated so far (`migrate pegawai` alone creates no other app's permissions); the
    permissions of other apps wait for the migrate that brings them.
    """
    for name, perms in deklarasi().items():
        if termigrasi is not None:
            perms = [p for p in perms if p.partition(".")[0] in termigrasi]
        wanted = Q(pk__in=[])
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        found = list(Permission.objects.using(using).filter(wanted))
        if len(found) != len(perms):
            have = {
                f"{app_label}.{codename}"
                for app_label, codename in Permission.objects.using(using)
                .filter(wanted)
                .values_list("content_type__app_label", "codename")
            }
            raise ImproperlyConfigured(
                f"Permissions of role {name!r} not found: {sorted(set(perms) - have)}"
            )
        group, _created = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(found)


def setelah_migrate(sender, using: str = "default", apps=None, **kwargs) -> None:
    termigrasi = {c.label for c in apps.get_app_configs()} if apps is not None else None
    sinkronkan_grup(using=using, termigrasi=termigrasi)
