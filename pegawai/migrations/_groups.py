"""Create groups with exact permissions; shared by the group data migrations.

Not a migration itself (the loader skips modules starting with "_"). Each migration passes its
own frozen copy of the groups, so what it means never changes when pegawai/roles.py does.
"""

from django.contrib.auth.management import create_permissions
from django.db.models import Q


def sync_groups(apps, schema_editor, groups: dict[str, list[str]], app_labels: tuple[str, ...]):
    """Give each group exactly the listed permissions ("app_label.codename")."""
    alias = schema_editor.connection.alias
    for label in app_labels:
        app_config = apps.get_app_config(label)
        # Django creates permissions after all migrations (post_migrate); create them now.
        # Migration-state app configs have no models module; create_permissions skips such apps.
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps, using=alias)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in groups.items():
        wanted = Q(pk__in=[])
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        found = list(Permission.objects.using(alias).filter(wanted))
        if len(found) != len(perms):
            have = {f"{p.content_type.app_label}.{p.codename}" for p in found}
            missing = sorted(set(perms) - have)
            raise RuntimeError(f"Missing permissions for group {name!r}: {missing}")
        group, _created = Group.objects.using(alias).get_or_create(name=name)
        group.permissions.set(found)
