"""Create the talent-band settings with the defaults of docs/aturan.md §7 (HR edits them)."""

from decimal import Decimal

from django.db import migrations


def buat(apps, schema_editor):
    PengaturanTalenta = apps.get_model("kinerja", "PengaturanTalenta")
    PengaturanTalenta.objects.get_or_create(
        pk=1,
        defaults={
            "kinerja_batas_rendah": Decimal(60),
            "kinerja_batas_menengah": Decimal(80),
            "potensial_batas_rendah": Decimal(60),
            "potensial_batas_menengah": Decimal(80),
        },
    )


class Migration(migrations.Migration):
    dependencies = [("kinerja", "0001_initial")]

    operations = [migrations.RunPython(buat, migrations.RunPython.noop)]
