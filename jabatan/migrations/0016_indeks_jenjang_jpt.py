"""The functional level of the position history in the merit projection (rule merit-2026.6).

The JPT rule (jabatan.merit.jpt, PP 11/2017 Pasal 107 jo. PP 17/2020) counts the years served as
JF Ahli Madya (for JPT pratama) or Ahli Utama (JPT madya and utama): the level comes from each
placement's position (Jabatan.jenjang). Existing rows take the days of ended definitive placements
at those levels and the running placement's level from the placements, as a rebuild
(`manage.py indeks_merit`) would."""

from collections import defaultdict

from django.db import migrations, models

JENJANG = {"AHLI_MADYA": "hari_ahli_madya", "AHLI_UTAMA": "hari_ahli_utama"}


def isi(apps, schema_editor):
    IndeksMerit = apps.get_model("jabatan", "IndeksMerit")
    Penempatan = apps.get_model("jabatan", "Penempatan")
    hari: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(JENJANG.values(), 0))
    kini: dict[int, str] = {}
    for pid, jenjang, mulai, selesai in Penempatan.objects.filter(
        jenis="definitif", formasi__jabatan__jenis="FUNGSIONAL"
    ).values_list("pegawai_id", "formasi__jabatan__jenjang", "tmt_mulai", "tmt_selesai"):
        if selesai is None:
            kini[pid] = jenjang
        elif jenjang in JENJANG:
            hari[pid][JENJANG[jenjang]] += max(0, (selesai - mulai).days)
    ada = set(IndeksMerit.objects.values_list("pegawai_id", flat=True))
    for pid in (set(hari) | set(kini)) & ada:
        IndeksMerit.objects.filter(pegawai_id=pid).update(
            **hari.get(pid, dict.fromkeys(JENJANG.values(), 0)), jenjang_kini=kini.get(pid, "")
        )


class Migration(migrations.Migration):

    dependencies = [
        ('jabatan', '0015_keputusan_ringkasan_publik'),
    ]

    operations = [
        migrations.AddField(
            model_name='indeksmerit',
            name='hari_ahli_madya',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='indeksmerit',
            name='hari_ahli_utama',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='indeksmerit',
            name='jenjang_kini',
            field=models.CharField(blank=True, max_length=15),
        ),
        migrations.RunPython(isi, migrations.RunPython.noop),
    ]
