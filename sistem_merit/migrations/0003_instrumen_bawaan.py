"""Ship the two instruments (PermenPANRB 40/2018 and 19/2025) from sistem_merit/data/*.json.

The rows are HR's to edit afterwards; a database that already has an instrument of the same
code keeps its own (sistem_merit.muat.load). Reversing removes only instruments no assessment
uses."""

from django.db import migrations


def forward(apps, schema_editor):
    from sistem_merit import muat

    for nama in muat.BAWAAN:
        muat.load(muat.read_file(muat.DATA / nama), apps)


def backward(apps, schema_editor):
    from sistem_merit import muat

    Instrumen = apps.get_model("sistem_merit", "Instrumen")
    kode = [muat.read_file(muat.DATA / nama)["kode"] for nama in muat.BAWAAN]
    Instrumen.objects.filter(kode__in=kode, penilaian__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("sistem_merit", "0002_penilaian_final_beku")]

    operations = [migrations.RunPython(forward, backward)]
