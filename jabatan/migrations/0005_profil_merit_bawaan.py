"""Default merit profiles per position kind [configurable; HR edits them in the admin].

Performance and competency weigh most (the merit system: "kualifikasi, kompetensi, dan kinerja",
UU 20/2023 Pasal 1 angka 22); training weighs nothing until training records exist.
"""

from django.db import migrations

JENIS = ["JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS", "PELAKSANA",
         "FUNGSIONAL"]


def buat(apps, schema_editor):
    ProfilMerit = apps.get_model("jabatan", "ProfilMerit")
    for jenis in JENIS:
        ProfilMerit.objects.get_or_create(jenis_jabatan=jenis)


class Migration(migrations.Migration):
    dependencies = [("jabatan", "0004_merit")]

    operations = [migrations.RunPython(buat, migrations.RunPython.noop)]
