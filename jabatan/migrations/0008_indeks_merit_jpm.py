"""IndeksMerit.jpm_sen: the latest assessment's JPM, the talent grid's potensial axis as the
kinerja dashboard reads it. Existing rows take it from the assessments in one UPDATE, the same on
PostgreSQL and SQLite (a rebuild with `manage.py indeks_merit` gives the same result)."""

from django.db import migrations, models

ISI = """
UPDATE jabatan_indeksmerit SET jpm_sen = (
    SELECT CAST(ROUND(h.jpm * 100) AS INTEGER) FROM pegawai_hasilasesmen h
    WHERE h.pegawai_id = jabatan_indeksmerit.pegawai_id AND h.jpm IS NOT NULL
    ORDER BY h.tanggal DESC, h.id DESC LIMIT 1
)
"""


class Migration(migrations.Migration):
    dependencies = [
        ("jabatan", "0007_invarian_keputusan_usulan_pilihan"),
    ]

    operations = [
        migrations.AddField(
            model_name="indeksmerit",
            name="jpm_sen",
            field=models.PositiveIntegerField(null=True),
        ),
        migrations.RunSQL(ISI, migrations.RunSQL.noop),
    ]
