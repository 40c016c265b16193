"""Roles for access control: HR gain scope-wide reading, access links, the audit trail and
unlocking; new groups "Pimpinan Unit" (read their unit and below) and "Pegawai" (self-service).

A frozen copy of pegawai/roles.py at the time of writing (see 0002_groups.py).
"""

from django.db import migrations

from pegawai.migrations._groups import sync_groups

GROUPS = {
    "Admin BKPSDM": [
        "auditlog.view_logentry",
        "auth.view_user",
        "axes.delete_accessattempt",
        "axes.view_accessattempt",
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
        "pegawai.add_akses",
        "pegawai.add_bidangstudi",
        "pegawai.add_hasilasesmen",
        "pegawai.add_hukumandisiplin",
        "pegawai.add_pegawai",
        "pegawai.add_riwayatpangkat",
        "pegawai.add_riwayatpendidikan",
        "pegawai.add_unitkerja",
        "pegawai.change_akses",
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
        "pegawai.lihat_semua_unit",
        "pegawai.view_akses",
        "pegawai.view_bidangstudi",
        "pegawai.view_catatanekspor",
        "pegawai.view_hasilasesmen",
        "pegawai.view_hukumandisiplin",
        "pegawai.view_pegawai",
        "pegawai.view_riwayatpangkat",
        "pegawai.view_riwayatpendidikan",
        "pegawai.view_unitkerja",
    ],
    "Pimpinan Unit": [
        "jabatan.view_formasi",
        "jabatan.view_jabatan",
        "jabatan.view_penempatan",
        "pegawai.view_bidangstudi",
        "pegawai.view_hasilasesmen",
        "pegawai.view_hukumandisiplin",
        "pegawai.view_pegawai",
        "pegawai.view_riwayatpangkat",
        "pegawai.view_riwayatpendidikan",
        "pegawai.view_unitkerja",
    ],
    "Pegawai": [],
}

APPS = ("pegawai", "jabatan", "auditlog", "axes", "auth")


def create_groups(apps, schema_editor):
    sync_groups(apps, schema_editor, GROUPS, APPS)


def delete_new_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    alias = schema_editor.connection.alias
    Group.objects.using(alias).filter(name__in=["Pimpinan Unit", "Pegawai"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pegawai", "0004_akses_ekspor"),
        ("pegawai", "0002_groups"),
        ("auditlog", "0017_add_actor_email"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(create_groups, delete_new_groups)]
