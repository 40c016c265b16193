"""The public satisfaction survey's models move from kinerja to survei without copying a row.

The tables were created by kinerja's migrations 0007 and 0009 (kinerja_unitlayanan, ...). Here
survei takes them over in the migration state only, under their old names, and takes over their
content types, so that the permissions groups hold and the audit trail's entries keep pointing
at them; kinerja 0010 forgets them (state only); survei 0002 renames the tables to survei_*.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MODELS = ["unitlayanan", "responskm", "komentarskm", "jaringanskm", "rekapjaringanskm", "kiosskm"]


def _pindah(apps, schema_editor, dari: str, ke: str) -> None:
    """Relabel the models' content types (their permissions and audit entries follow them)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    lama = ContentType.objects.using(db).filter(app_label=dari, model__in=MODELS)
    ada = list(lama.values_list("model", flat=True))
    if not ada:
        return  # a new database: post_migrate creates survei's content types
    # Content types created for the target label before this ran (by a migrate that stopped
    # between the apps, say) hold nothing yet: they make way for the old ones and their rows.
    ContentType.objects.using(db).filter(app_label=ke, model__in=ada).delete()
    lama.update(app_label=ke)


def content_type_ke_survei(apps, schema_editor) -> None:
    _pindah(apps, schema_editor, "kinerja", "survei")


def content_type_ke_kinerja(apps, schema_editor) -> None:
    _pindah(apps, schema_editor, "survei", "kinerja")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        # The tables exist from here on (kinerja 0009 is the last that changed them).
        ('kinerja', '0009_survei_jaringan'),
        ('pegawai', '0016_kedudukan_hukum'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(content_type_ke_survei, content_type_ke_kinerja),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='UnitLayanan',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='dibuat')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='diubah')),
                        ('kode', models.SlugField(help_text='Bagian alamat formulir publik dan kode QR, mis. puskesmas-ampenan.', max_length=60, unique=True, verbose_name='kode formulir')),
                        ('nama_layanan', models.CharField(blank=True, help_text='Nama yang dilihat masyarakat; kosong: nama unit.', max_length=200, verbose_name='nama layanan')),
                        ('aktif', models.BooleanField(default=True, verbose_name='menerima survei')),
                        ('unit_kerja', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='unit_layanan', to='pegawai.unitkerja', verbose_name='unit kerja')),
                    ],
                    options={
                        'db_table': 'kinerja_unitlayanan',
                        'verbose_name': 'unit layanan publik',
                        'verbose_name_plural': 'unit layanan publik',
                        'ordering': ['unit_kerja__path'],
                    },
                ),
                migrations.CreateModel(
                    name='ResponSkm',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('tanggal', models.DateField(default=django.utils.timezone.localdate, verbose_name='tanggal')),
                        ('u1', models.PositiveSmallIntegerField(verbose_name='Persyaratan')),
                        ('u2', models.PositiveSmallIntegerField(verbose_name='Sistem, Mekanisme, dan Prosedur')),
                        ('u3', models.PositiveSmallIntegerField(verbose_name='Waktu Penyelesaian')),
                        ('u4', models.PositiveSmallIntegerField(verbose_name='Biaya/Tarif')),
                        ('u5', models.PositiveSmallIntegerField(verbose_name='Produk Spesifikasi Jenis Pelayanan')),
                        ('u6', models.PositiveSmallIntegerField(verbose_name='Kompetensi Pelaksana')),
                        ('u7', models.PositiveSmallIntegerField(verbose_name='Perilaku Pelaksana')),
                        ('u8', models.PositiveSmallIntegerField(verbose_name='Penanganan Pengaduan, Saran dan Masukan')),
                        ('u9', models.PositiveSmallIntegerField(verbose_name='Sarana dan Prasarana')),
                        ('jenis_kelamin', models.CharField(blank=True, choices=[('L', 'Laki-laki'), ('P', 'Perempuan')], max_length=1, verbose_name='jenis kelamin')),
                        ('usia', models.CharField(blank=True, choices=[('<25', 'di bawah 25 tahun'), ('25-39', '25–39 tahun'), ('40-54', '40–54 tahun'), ('55+', '55 tahun ke atas')], max_length=5, verbose_name='usia')),
                        ('pendidikan', models.CharField(blank=True, choices=[('sd', 'SD ke bawah'), ('smp', 'SMP'), ('sma', 'SMA/sederajat'), ('diploma', 'D1–D4'), ('s1', 'S1'), ('s2', 'S2 ke atas')], max_length=10, verbose_name='pendidikan')),
                        ('pekerjaan', models.CharField(blank=True, choices=[('pns', 'PNS/TNI/Polri'), ('swasta', 'Pegawai swasta'), ('wirausaha', 'Wirausaha'), ('pelajar', 'Pelajar/mahasiswa'), ('lainnya', 'Lainnya')], max_length=10, verbose_name='pekerjaan')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='dikirim')),
                        ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='respon', to='survei.unitlayanan', verbose_name='unit layanan')),
                    ],
                    options={
                        'db_table': 'kinerja_responskm',
                        'verbose_name': 'respon survei kepuasan',
                        'verbose_name_plural': 'respon survei kepuasan',
                        'ordering': ['-tanggal', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='RekapJaringanSkm',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('tahun', models.PositiveSmallIntegerField(verbose_name='tahun')),
                        ('pola', models.PositiveSmallIntegerField(verbose_name='pola triwulan')),
                        ('jumlah', models.PositiveIntegerField(verbose_name='jumlah jaringan')),
                        ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='survei.unitlayanan', verbose_name='unit layanan')),
                    ],
                    options={
                        'db_table': 'kinerja_rekapjaringanskm',
                        'verbose_name': 'rekap jaringan responden survei',
                        'verbose_name_plural': 'rekap jaringan responden survei',
                    },
                ),
                migrations.CreateModel(
                    name='KomentarSkm',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='dibuat')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='diubah')),
                        ('teks', models.TextField(max_length=1000, verbose_name='komentar')),
                        ('status', models.CharField(choices=[('menunggu', 'Menunggu moderasi'), ('tayang', 'Ditayangkan'), ('ditolak', 'Ditolak')], default='menunggu', max_length=10, verbose_name='status')),
                        ('dimoderasi_pada', models.DateTimeField(blank=True, null=True, verbose_name='dimoderasi pada')),
                        ('dimoderasi_oleh', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='dimoderasi oleh')),
                        ('respon', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='komentar', to='survei.responskm', verbose_name='respon')),
                        ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='komentar', to='survei.unitlayanan', verbose_name='unit layanan')),
                    ],
                    options={
                        'db_table': 'kinerja_komentarskm',
                        'verbose_name': 'komentar survei',
                        'verbose_name_plural': 'komentar survei',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='KiosSkm',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='dibuat')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='diubah')),
                        ('nama', models.CharField(help_text='Mis. Tablet loket 1.', max_length=100, verbose_name='nama perangkat')),
                        ('token_hash', models.CharField(editable=False, max_length=64, unique=True, verbose_name='sidik token')),
                        ('aktif', models.BooleanField(default=True, verbose_name='aktif')),
                        ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='kios', to='survei.unitlayanan', verbose_name='unit layanan')),
                    ],
                    options={
                        'db_table': 'kinerja_kiosskm',
                        'verbose_name': 'kios survei',
                        'verbose_name_plural': 'kios survei',
                        'ordering': ['unit', 'nama'],
                    },
                ),
                migrations.CreateModel(
                    name='JaringanSkm',
                    fields=[
                        ('pk', models.CompositePrimaryKey('unit', 'tahun', 'triwulan', 'kunci', blank=True, editable=False, primary_key=True, serialize=False)),
                        ('tahun', models.PositiveSmallIntegerField(verbose_name='tahun')),
                        ('triwulan', models.PositiveSmallIntegerField(verbose_name='triwulan')),
                        ('kunci', models.CharField(max_length=64, verbose_name='kunci jaringan')),
                        ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='survei.unitlayanan', verbose_name='unit layanan')),
                    ],
                    options={
                        'db_table': 'kinerja_jaringanskm',
                        'verbose_name': 'jaringan responden survei',
                        'verbose_name_plural': 'jaringan responden survei',
                    },
                ),
                migrations.AddIndex(
                    model_name='responskm',
                    index=models.Index(fields=['unit', 'tanggal'], name='respon_skm_unit_tanggal'),
                ),
                migrations.AddConstraint(
                    model_name='responskm',
                    constraint=models.CheckConstraint(condition=models.Q(('u1__gte', 1), ('u1__lte', 4), ('u2__gte', 1), ('u2__lte', 4), ('u3__gte', 1), ('u3__lte', 4), ('u4__gte', 1), ('u4__lte', 4), ('u5__gte', 1), ('u5__lte', 4), ('u6__gte', 1), ('u6__lte', 4), ('u7__gte', 1), ('u7__lte', 4), ('u8__gte', 1), ('u8__lte', 4), ('u9__gte', 1), ('u9__lte', 4)), name='respon_skm_jawaban_1_4', violation_error_message='Setiap jawaban bernilai 1 sampai 4.'),
                ),
                migrations.AddConstraint(
                    model_name='responskm',
                    constraint=models.CheckConstraint(condition=models.Q(('jenis_kelamin__in', ['', 'L', 'P'])), name='respon_skm_jenis_kelamin_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
                ),
                migrations.AddConstraint(
                    model_name='responskm',
                    constraint=models.CheckConstraint(condition=models.Q(('usia__in', ['', '25-39', '40-54', '55+', '<25'])), name='respon_skm_usia_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
                ),
                migrations.AddConstraint(
                    model_name='responskm',
                    constraint=models.CheckConstraint(condition=models.Q(('pendidikan__in', ['', 'diploma', 's1', 's2', 'sd', 'sma', 'smp'])), name='respon_skm_pendidikan_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
                ),
                migrations.AddConstraint(
                    model_name='responskm',
                    constraint=models.CheckConstraint(condition=models.Q(('pekerjaan__in', ['', 'lainnya', 'pelajar', 'pns', 'swasta', 'wirausaha'])), name='respon_skm_pekerjaan_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
                ),
                migrations.AddConstraint(
                    model_name='rekapjaringanskm',
                    constraint=models.UniqueConstraint(fields=('unit', 'tahun', 'pola'), name='rekap_jaringan_skm_satu_pola'),
                ),
                migrations.AddConstraint(
                    model_name='rekapjaringanskm',
                    constraint=models.CheckConstraint(condition=models.Q(('pola__gte', 1), ('pola__lte', 15)), name='rekap_jaringan_skm_pola_1_15'),
                ),
                migrations.AddIndex(
                    model_name='komentarskm',
                    index=models.Index(fields=['unit', 'status', '-created_at'], name='komentar_skm_tayang'),
                ),
                migrations.AddConstraint(
                    model_name='komentarskm',
                    constraint=models.CheckConstraint(condition=models.Q(('status__in', ['ditolak', 'menunggu', 'tayang'])), name='komentar_skm_status_pilihan', violation_error_message='Nilai %(name)s di luar pilihan yang sah.'),
                ),
                migrations.AddConstraint(
                    model_name='komentarskm',
                    constraint=models.CheckConstraint(condition=models.Q(('status', 'menunggu'), ('dimoderasi_pada__isnull', False), _connector='OR'), name='komentar_skm_moderasi_tercatat', violation_error_message='Komentar yang dimoderasi mencatat waktunya.'),
                ),
                migrations.AddConstraint(
                    model_name='jaringanskm',
                    constraint=models.CheckConstraint(condition=models.Q(('triwulan__gte', 1), ('triwulan__lte', 4)), name='jaringan_skm_triwulan_1_4'),
                ),
            ],
        ),
    ]
