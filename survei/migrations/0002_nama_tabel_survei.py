"""Rename the survey's tables from kinerja_* to survei_* (a real rename: rows, indexes and
constraints stay; see 0001)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('survei', '0001_initial'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='unitlayanan',
            table=None,
        ),
        migrations.AlterModelTable(
            name='responskm',
            table=None,
        ),
        migrations.AlterModelTable(
            name='rekapjaringanskm',
            table=None,
        ),
        migrations.AlterModelTable(
            name='komentarskm',
            table=None,
        ),
        migrations.AlterModelTable(
            name='kiosskm',
            table=None,
        ),
        migrations.AlterModelTable(
            name='jaringanskm',
            table=None,
        ),
    ]
