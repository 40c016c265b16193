"""The committee's order of the competence stages (Tahap.urutan) and the JPT requirements a
selection's announcement sets (jabatan.merit.jpt). Existing selections keep the usual order."""

from django.db import migrations, models

URUTAN = ["pengumuman", "pendaftaran", "administrasi", "kompetensi", "wawancara", "rekam_jejak"]


def urutan_biasa(apps, schema_editor):
    Tahap = apps.get_model("publik", "Tahap")
    for i, jenis in enumerate(URUTAN, start=1):
        Tahap.objects.filter(jenis=jenis).update(urutan=i)


class Migration(migrations.Migration):

    dependencies = [
        ('publik', '0002_hasil_catatan_persyaratan'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='tahap',
            options={'ordering': ['seleksi', 'urutan', 'id'], 'verbose_name': 'tahap seleksi', 'verbose_name_plural': 'tahap seleksi'},
        ),
        migrations.AddField(
            model_name='seleksi',
            name='dasar_pengecualian',
            field=models.CharField(blank=True, help_text='Wajib bila batas dilonggarkan, mis. persetujuan Presiden (PP 17/2020 Pasal 107 ayat (2)).', max_length=200, verbose_name='dasar pengecualian'),
        ),
        migrations.AddField(
            model_name='seleksi',
            name='tahun_jabatan_jpt',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Kosongkan untuk syarat PP 17/2020 Pasal 107: paling singkat 2 tahun.', null=True, verbose_name='lama menduduki jabatan administrator/JF ahli madya (tahun)'),
        ),
        migrations.AddField(
            model_name='seleksi',
            name='usia_maksimal_jpt',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Kosongkan untuk batas PP 17/2020 Pasal 107: JPT pratama 56 tahun.', null=True, verbose_name='usia paling tinggi saat pendaftaran'),
        ),
        migrations.AddField(
            model_name='tahap',
            name='urutan',
            field=models.PositiveSmallIntegerField(default=0, verbose_name='urutan'),
            preserve_default=False,
        ),
        migrations.RunPython(urutan_biasa, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='tahap',
            constraint=models.UniqueConstraint(fields=('seleksi', 'urutan'), name='tahap_satu_per_urutan'),
        ),
    ]
