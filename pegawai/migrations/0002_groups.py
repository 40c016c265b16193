"""Create the role groups (once).

This migration used to set the groups' permissions from a frozen copy of every app's
permissions, which made pegawai depend on jabatan's and kinerja's migrations. The groups are now
assembled after every migrate by the `peran` app from each app's roles.py; the migration stays,
empty, so databases that applied it keep a consistent history.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("pegawai", "0001_initial")]

    operations = []
