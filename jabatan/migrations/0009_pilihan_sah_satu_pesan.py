"""One helper for every CHECK on choices (pegawai.models.pilihan_sah): one message everywhere;
kinerja's conditions take its form (the values in one list). No data changes."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('jabatan', '0008_indeks_merit_jpm'),
        ('pegawai', '0010_pilihan_sah'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterConstraint(
            model_name='jabatan',
            name='jabatan_jenis_pilihan',
            constraint=models.CheckConstraint(condition=models.Q(('jenis__in', ['ADMINISTRATOR', 'FUNGSIONAL', 'JPT_MADYA', 'JPT_PRATAMA', 'JPT_UTAMA', 'PELAKSANA', 'PENGAWAS'])), name='jabatan_jenis_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AlterConstraint(
            model_name='jabatan',
            name='jabatan_jenjang_pilihan',
            constraint=models.CheckConstraint(condition=models.Q(('jenjang__in', ['', 'AHLI_MADYA', 'AHLI_MUDA', 'AHLI_PERTAMA', 'AHLI_UTAMA', 'MAHIR', 'PEMULA', 'PENYELIA', 'TERAMPIL'])), name='jabatan_jenjang_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AlterConstraint(
            model_name='jabatan',
            name='jabatan_eselon_pilihan',
            constraint=models.CheckConstraint(condition=models.Q(('eselon__in', ['', 'I.a', 'I.b', 'II.a', 'II.b', 'III.a', 'III.b', 'IV.a', 'IV.b', 'V.a'])), name='jabatan_eselon_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AlterConstraint(
            model_name='jabatan',
            name='jabatan_golongan_minimal_pilihan',
            constraint=models.CheckConstraint(condition=models.Q(('golongan_minimal__in', ['', 'I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e'])), name='jabatan_golongan_minimal_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AlterConstraint(
            model_name='jabatan',
            name='jabatan_pendidikan_minimal_pilihan',
            constraint=models.CheckConstraint(condition=models.Q(('pendidikan_minimal__in', ['D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3', 'SD', 'SLTA', 'SMP'])), name='jabatan_pendidikan_minimal_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AlterConstraint(
            model_name='keputusan',
            name='keputusan_metode_pilihan',
            constraint=models.CheckConstraint(condition=models.Q(('metode__in', ['rotasi_mutasi', 'seleksi_terbuka', 'talent_pool'])), name='keputusan_metode_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AlterConstraint(
            model_name='penempatan',
            name='penempatan_jenis_pilihan',
            constraint=models.CheckConstraint(condition=models.Q(('jenis__in', ['definitif', 'plh', 'plt'])), name='penempatan_jenis_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AlterConstraint(
            model_name='profilmerit',
            name='profil_merit_jenis_jabatan_pilihan',
            constraint=models.CheckConstraint(condition=models.Q(('jenis_jabatan__in', ['ADMINISTRATOR', 'FUNGSIONAL', 'JPT_MADYA', 'JPT_PRATAMA', 'JPT_UTAMA', 'PELAKSANA', 'PENGAWAS'])), name='profil_merit_jenis_jabatan_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
    ]
