"""Create the "Admin BKPSDM" group with exactly the permissions HR staff need.

The permission list is a frozen copy of `pegawai/roles.py` at the time of writing: a migration
must keep meaning the same thing when the module changes later, so changes to the roles get a new
data migration. `tests/test_admin.py` fails if this copy and `roles.py` drift apart.

Why no delete on pegawai, penempatan, riwayat pangkat, hukuman disiplin, hasil asesmen and
jabatan, and why delete on the other four: see the comment on `_DELETABLE` in `pegawai/roles.py`.

Django creates permissions in a post_migrate signal, i.e. after every migration has run, so on a
fresh database they do not exist yet here: create them first for the two apps.

The dependency on jabatan is a migration-order dependency only (its permissions must be
creatable); `pegawai` still imports nothing from `jabatan`.
"""

from django.db import migrations

from pegawai.migrations._groups import sync_groups

GROUPS = {
    "Admin BKPSDM": [
        "jabatan.add_formasi",
        "jabatan.add_jabatan",
        "jabatan.add_penempatan",
        "jabatan.change_formasi",
        "jabatan.change_jabatan",
        "jabatan.change_penempatan",
        "jabatan.delete_formasi",
        "jabatan.view_formasi",
        "jabatan.view_jabatan",
        "jabatan.view_penempatan",
        "pegawai.add_bidangstudi",
        "pegawai.add_hasilasesmen",
        "pegawai.add_hukumandisiplin",
        "pegawai.add_pegawai",
        "pegawai.add_riwayatpangkat",
        "pegawai.add_riwayatpendidikan",
        "pegawai.add_unitkerja",
        "pegawai.change_bidangstudi",
        "pegawai.change_hasilasesmen",
        "pegawai.change_hukumandisiplin",
        "pegawai.change_pegawai",
        "pegawai.change_riwayatpangkat",
        "pegawai.change_riwayatpendidikan",
        "pegawai.change_unitkerja",
        "pegawai.delete_bidangstudi",
        "pegawai.delete_riwayatpendidikan",
        "pegawai.delete_unitkerja",
        "pegawai.view_bidangstudi",
        "pegawai.view_hasilasesmen",
        "pegawai.view_hukumandisiplin",
        "pegawai.view_pegawai",
        "pegawai.view_riwayatpangkat",
        "pegawai.view_riwayatpendidikan",
        "pegawai.view_unitkerja",
    ],
}

APPS = ("pegawai", "jabatan")


def create_groups(apps, schema_editor):
    sync_groups(apps, schema_editor, GROUPS, APPS)


def delete_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=list(GROUPS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pegawai", "0001_initial"),
        ("jabatan", "0002_formasi_terisi_triggers"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
