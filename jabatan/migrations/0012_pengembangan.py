"""Competency development in the merit ranking (rule merit-2026.5, jabatan.merit.pengembangan).

IndeksMerit's unused training columns give way to the leadership level and IndeksJp (JP per year);
existing rows take both from the training records in SQL, the same on PostgreSQL and SQLite (a
rebuild with `manage.py indeks_merit` gives the same result). Merit profiles still at the
merit-2026.4 defaults (25/25/25/0/15/10) take the new ones (25/20/25/10/10/10); a profile HR
changed keeps HR's weights."""

import django.db.models.deletion
from django.db import migrations, models

# Completed catalogue training and verified external training, per employee and year.
SUMBER = """
    SELECT p.pegawai_id AS pegawai_id, p.tahun_jp AS tahun, p.jp_diakui AS jp,
           g.pelatihan_wajib AS kode
    FROM pelatihan_peserta p JOIN pelatihan_sesi s ON s.id = p.sesi_id
    JOIN pelatihan_program g ON g.id = s.program_id WHERE p.status = 'lulus'
    UNION ALL
    SELECT e.pegawai_id, e.tahun_jp, e.jumlah_jp, e.pelatihan_wajib
    FROM pelatihan_pelatihaneksternal e WHERE e.status = 'diverifikasi'
"""
ISI = [
    f"""INSERT INTO jabatan_indeksjp (pegawai_id, tahun, jp)
    SELECT x.pegawai_id, x.tahun, SUM(x.jp) FROM ({SUMBER}) x
    WHERE x.pegawai_id IN (SELECT pegawai_id FROM jabatan_indeksmerit)
    GROUP BY x.pegawai_id, x.tahun HAVING SUM(x.jp) > 0""",
    f"""UPDATE jabatan_indeksmerit SET tingkat_kepemimpinan = COALESCE((
        SELECT MAX(CASE x.kode WHEN 'pkp' THEN 1 WHEN 'pka' THEN 2 WHEN 'pkn_ii' THEN 3
                   WHEN 'pkn_i' THEN 4 ELSE 0 END)
        FROM ({SUMBER}) x WHERE x.pegawai_id = jabatan_indeksmerit.pegawai_id), 0)""",
]
LAMA = {"bobot_kompetensi": 25, "bobot_pengembangan": 0, "bobot_pengalaman": 15}
BARU = {"bobot_kompetensi": 20, "bobot_pengembangan": 10, "bobot_pengalaman": 10}


def bobot_baru(apps, schema_editor):
    ProfilMerit = apps.get_model("jabatan", "ProfilMerit")
    ProfilMerit.objects.filter(
        **LAMA, bobot_kinerja=25, bobot_kualifikasi=25, bobot_integritas=10
    ).update(**BARU)


class Migration(migrations.Migration):

    dependencies = [
        ('pelatihan', '0002_sesi_peserta_triggers'),
        ('jabatan', '0011_bobot_relevansi'),
        ('pegawai', '0013_metode_asesmen_indonesia'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='indeksmerit',
            name='diklat_kepemimpinan',
        ),
        migrations.RemoveField(
            model_name='indeksmerit',
            name='jp_pelatihan',
        ),
        migrations.AddField(
            model_name='indeksmerit',
            name='tingkat_kepemimpinan',
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name='profilmerit',
            name='wajib_kepemimpinan',
            field=models.BooleanField(default=False, help_text='Kandidat harus sudah lulus pelatihan kepemimpinan jenjang jabatan ini (PKP, PKA, PKN II) atau yang lebih tinggi. Peraturan mewajibkannya setelah pelantikan; centang bila pemerintah daerah mensyaratkannya sebelum.', verbose_name='wajib lulus pelatihan kepemimpinan jenjang'),
        ),
        migrations.AlterField(
            model_name='profilmerit',
            name='bobot_kompetensi',
            field=models.PositiveSmallIntegerField(default=20, verbose_name='bobot kompetensi (%)'),
        ),
        migrations.AlterField(
            model_name='profilmerit',
            name='bobot_pengalaman',
            field=models.PositiveSmallIntegerField(default=10, verbose_name='bobot pengalaman (%)'),
        ),
        migrations.AlterField(
            model_name='profilmerit',
            name='bobot_pengembangan',
            field=models.PositiveSmallIntegerField(default=10, help_text='JP pelatihan tahun ini dan tahun lalu, dan pelatihan kepemimpinan jenjang.', verbose_name='bobot pengembangan (%)'),
        ),
        migrations.CreateModel(
            name='IndeksJp',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('tahun', models.PositiveSmallIntegerField()),
                ('jp', models.PositiveIntegerField()),
                ('pegawai', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='indeks_jp', to='pegawai.pegawai')),
            ],
            options={
                'verbose_name': 'indeks JP pelatihan',
                'verbose_name_plural': 'indeks JP pelatihan',
                'constraints': [models.UniqueConstraint(fields=('pegawai', 'tahun'), name='indeks_jp_unik')],
            },
        ),
        migrations.RunSQL(ISI, migrations.RunSQL.noop),
        migrations.RunPython(bobot_baru, migrations.RunPython.noop),
    ]
