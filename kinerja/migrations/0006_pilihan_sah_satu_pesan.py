"""One helper for every CHECK on choices (pegawai.models.pilihan_sah): one message everywhere;
kinerja's conditions take its form (the values in one list). No data changes."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('kinerja', '0005_invarian_pilihan_final_satu_baris'),
        ('pegawai', '0010_pilihan_sah'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='kinerjaorganisasi',
            name='kinerjaorganisasi_predikat_pilihan',
        ),
        migrations.RemoveConstraint(
            model_name='revisiskp',
            name='revisiskp_rating_hasil_lama_pilihan',
        ),
        migrations.RemoveConstraint(
            model_name='revisiskp',
            name='revisiskp_rating_perilaku_lama_pilihan',
        ),
        migrations.RemoveConstraint(
            model_name='revisiskp',
            name='revisiskp_predikat_lama_pilihan',
        ),
        migrations.RemoveConstraint(
            model_name='revisiskp',
            name='revisiskp_predikat_baru_pilihan',
        ),
        migrations.RemoveConstraint(
            model_name='skp',
            name='skp_status_pilihan',
        ),
        migrations.RemoveConstraint(
            model_name='skp',
            name='skp_golongan_pilihan',
        ),
        migrations.RemoveConstraint(
            model_name='skp',
            name='skp_jenis_jabatan_pilihan',
        ),
        migrations.RemoveConstraint(
            model_name='skp',
            name='skp_rating_hasil_pilihan',
        ),
        migrations.RemoveConstraint(
            model_name='skp',
            name='skp_rating_perilaku_pilihan',
        ),
        migrations.RemoveConstraint(
            model_name='skp',
            name='skp_predikat_pilihan',
        ),
        migrations.AddConstraint(
            model_name='kinerjaorganisasi',
            constraint=models.CheckConstraint(condition=models.Q(('predikat__in', ['Baik', 'Butuh Perbaikan', 'Istimewa', 'Kurang', 'Sangat Kurang'])), name='kinerjaorganisasi_predikat_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AddConstraint(
            model_name='revisiskp',
            constraint=models.CheckConstraint(condition=models.Q(('rating_hasil_lama__in', ['Di Atas Ekspektasi', 'Di Bawah Ekspektasi', 'Sesuai Ekspektasi'])), name='revisiskp_rating_hasil_lama_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AddConstraint(
            model_name='revisiskp',
            constraint=models.CheckConstraint(condition=models.Q(('rating_perilaku_lama__in', ['Di Atas Ekspektasi', 'Di Bawah Ekspektasi', 'Sesuai Ekspektasi'])), name='revisiskp_rating_perilaku_lama_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AddConstraint(
            model_name='revisiskp',
            constraint=models.CheckConstraint(condition=models.Q(('predikat_lama__in', ['Baik', 'Butuh Perbaikan', 'Kurang/Misconduct', 'Sangat Baik', 'Sangat Kurang'])), name='revisiskp_predikat_lama_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AddConstraint(
            model_name='revisiskp',
            constraint=models.CheckConstraint(condition=models.Q(('predikat_baru__in', ['Baik', 'Butuh Perbaikan', 'Kurang/Misconduct', 'Sangat Baik', 'Sangat Kurang'])), name='revisiskp_predikat_baru_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AddConstraint(
            model_name='skp',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['dievaluasi', 'direncanakan', 'draft', 'final'])), name='skp_status_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AddConstraint(
            model_name='skp',
            constraint=models.CheckConstraint(condition=models.Q(('golongan__in', ['I', 'I/a', 'I/b', 'I/c', 'I/d', 'II', 'II/a', 'II/b', 'II/c', 'II/d', 'III', 'III/a', 'III/b', 'III/c', 'III/d', 'IV', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e', 'IX', 'V', 'VI', 'VII', 'VIII', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'])), name='skp_golongan_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AddConstraint(
            model_name='skp',
            constraint=models.CheckConstraint(condition=models.Q(('jenis_jabatan__in', ['', 'ADMINISTRATOR', 'FUNGSIONAL', 'JPT_MADYA', 'JPT_PRATAMA', 'JPT_UTAMA', 'PELAKSANA', 'PENGAWAS'])), name='skp_jenis_jabatan_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AddConstraint(
            model_name='skp',
            constraint=models.CheckConstraint(condition=models.Q(('rating_hasil__in', ['', 'Di Atas Ekspektasi', 'Di Bawah Ekspektasi', 'Sesuai Ekspektasi'])), name='skp_rating_hasil_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AddConstraint(
            model_name='skp',
            constraint=models.CheckConstraint(condition=models.Q(('rating_perilaku__in', ['', 'Di Atas Ekspektasi', 'Di Bawah Ekspektasi', 'Sesuai Ekspektasi'])), name='skp_rating_perilaku_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AddConstraint(
            model_name='skp',
            constraint=models.CheckConstraint(condition=models.Q(('predikat__in', ['', 'Baik', 'Butuh Perbaikan', 'Kurang/Misconduct', 'Sangat Baik', 'Sangat Kurang'])), name='skp_predikat_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
        migrations.AlterConstraint(
            model_name='periode',
            name='periode_jenis_pilihan',
            constraint=models.CheckConstraint(condition=models.Q(('jenis__in', ['tahunan', 'triwulan'])), name='periode_jenis_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
        ),
    ]
