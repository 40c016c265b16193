"""Roles gain the merit ranking: HR keeps merit profiles, proposals and decisions; unit heads
read them for their units.

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
        "jabatan.add_keputusan",
        "jabatan.add_penempatan",
        "jabatan.add_profilmerit",
        "jabatan.add_usulan",
        "jabatan.change_formasi",
        "jabatan.change_jabatan",
        "jabatan.change_keputusan",
        "jabatan.change_penempatan",
        "jabatan.change_profilmerit",
        "jabatan.change_usulan",
        "jabatan.delete_formasi",
        "jabatan.view_formasi",
        "jabatan.view_jabatan",
        "jabatan.view_keputusan",
        "jabatan.view_penempatan",
        "jabatan.view_profilmerit",
        "jabatan.view_usulan",
        "kinerja.add_kinerjaorganisasi",
        "kinerja.add_pengaturantalenta",
        "kinerja.add_periode",
        "kinerja.change_kinerjaorganisasi",
        "kinerja.change_pengaturantalenta",
        "kinerja.change_periode",
        "kinerja.change_skp",
        "kinerja.view_kinerjaorganisasi",
        "kinerja.view_pengaturantalenta",
        "kinerja.view_periode",
        "kinerja.view_revisiskp",
        "kinerja.view_skp",
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
        "jabatan.view_keputusan",
        "jabatan.view_penempatan",
        "jabatan.view_profilmerit",
        "jabatan.view_usulan",
        "kinerja.view_kinerjaorganisasi",
        "kinerja.view_periode",
        "kinerja.view_revisiskp",
        "kinerja.view_skp",
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

APPS = ("pegawai", "jabatan", "kinerja", "auditlog", "axes", "auth")


def create_groups(apps, schema_editor):
    sync_groups(apps, schema_editor, GROUPS, APPS)


class Migration(migrations.Migration):
    dependencies = [
        ("pegawai", "0007_roles_kinerja"),
        ("jabatan", "0005_profil_merit_bawaan"),
    ]

    # Reversing keeps the groups as they are: no earlier state is worth restoring by hand.
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
