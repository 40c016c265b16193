"""The decree that set a position's competency standard, and the job and workload analysis a
post's quota rests on (read by the merit-system index).

On SQLite, adding a column with a default rebuilds jabatan_formasi under a temporary name, and
SQLite refuses the rename while the placement triggers of 0002 name the table; they are dropped
for the rebuild and created again after it (0002's note). PostgreSQL adds the columns in place.
"""

import importlib

from django.db import migrations, models

_KUOTA = importlib.import_module("jabatan.migrations.0002_formasi_terisi_triggers")


def _drop_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in _KUOTA.SQLITE_BACKWARD:
            schema_editor.execute(sql)


def _create_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in _KUOTA.SQLITE_FORWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):

    dependencies = [
        ('jabatan', '0024_indeks_jp_jendela'),
    ]

    operations = [
        migrations.RunPython(_drop_sqlite_triggers, _create_sqlite_triggers),
        migrations.AddField(
            model_name='formasi',
            name='anjab_abk_nomor',
            field=models.CharField(blank=True, max_length=100, verbose_name='nomor dokumen Anjab/ABK'),
        ),
        migrations.AddField(
            model_name='formasi',
            name='anjab_abk_tanggal',
            field=models.DateField(blank=True, null=True, verbose_name='tanggal dokumen Anjab/ABK'),
        ),
        migrations.RunPython(_create_sqlite_triggers, _drop_sqlite_triggers),
        migrations.AddField(
            model_name='jabatan',
            name='skj_nomor',
            field=models.CharField(blank=True, max_length=100, verbose_name='nomor keputusan SKJ'),
        ),
        migrations.AddField(
            model_name='jabatan',
            name='skj_tanggal',
            field=models.DateField(blank=True, null=True, verbose_name='tanggal keputusan SKJ'),
        ),
    ]
