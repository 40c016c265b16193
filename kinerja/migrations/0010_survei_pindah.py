"""The public satisfaction survey's models moved to the survei app (survei 0001 takes over
their tables and content types): kinerja forgets them, in the migration state only; no table
is dropped."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('kinerja', '0009_survei_jaringan'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name='kiosskm', name='unit'),
                migrations.RemoveField(model_name='komentarskm', name='dimoderasi_oleh'),
                migrations.RemoveField(model_name='komentarskm', name='respon'),
                migrations.RemoveField(model_name='komentarskm', name='unit'),
                migrations.RemoveField(model_name='rekapjaringanskm', name='unit'),
                migrations.RemoveField(model_name='responskm', name='unit'),
                migrations.RemoveField(model_name='unitlayanan', name='unit_kerja'),
                migrations.DeleteModel(name='JaringanSkm'),
                migrations.DeleteModel(name='KiosSkm'),
                migrations.DeleteModel(name='KomentarSkm'),
                migrations.DeleteModel(name='RekapJaringanSkm'),
                migrations.DeleteModel(name='ResponSkm'),
                migrations.DeleteModel(name='UnitLayanan'),
            ],
        ),
    ]
