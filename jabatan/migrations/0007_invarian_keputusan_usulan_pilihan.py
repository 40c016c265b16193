"""Invariants in the database: choices, decisions' SK number, justification and annulment reason,
merit weights summing to 100, and at most three active proposals per post (three numbered slots,
unique among the active proposals of a post).

Adding a constraint to `jabatan_penempatan` makes SQLite rebuild the table, which drops the quota
triggers of migration 0002: the last operation creates them again (PostgreSQL keeps them).
"""

import importlib

import django.db.models.expressions
import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models

_kuota = importlib.import_module("jabatan.migrations.0002_formasi_terisi_triggers")


def nomori_usulan(apps, schema_editor):
    """Give each post's proposals slots 1, 2, 3 by their rank; a fourth active one (none should
    exist: usulan_set proposes three at most) is withdrawn rather than left without a slot."""
    Usulan = apps.get_model("jabatan", "Usulan")
    slot: dict[int, int] = {}
    for u in Usulan.objects.order_by("formasi_id", "-aktif", "peringkat", "pk"):
        n = slot[u.formasi_id] = slot.get(u.formasi_id, 0) + 1
        u.urutan = min(n, 3)
        if n > 3:
            u.aktif = False
        u.save(update_fields=["urutan", "aktif"])


def pemicu_kuota_sqlite(apps, schema_editor):
    """Recreate the quota triggers SQLite dropped when it rebuilt jabatan_penempatan."""
    if schema_editor.connection.vendor != "sqlite":
        return
    for sql in [*_kuota.SQLITE_BACKWARD, *_kuota.SQLITE_FORWARD]:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("jabatan", "0006_indeks_merit"),
    ]

    operations = [
        migrations.AddField(
            model_name="usulan",
            name="urutan",
            field=models.PositiveSmallIntegerField(null=True, verbose_name="urutan usulan"),
        ),
        migrations.RunPython(nomori_usulan, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="usulan",
            name="urutan",
            field=models.PositiveSmallIntegerField(verbose_name="urutan usulan"),
        ),
        migrations.AddConstraint(
            model_name="jabatan",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "jenis__in",
                        [
                            "ADMINISTRATOR",
                            "FUNGSIONAL",
                            "JPT_MADYA",
                            "JPT_PRATAMA",
                            "JPT_UTAMA",
                            "PELAKSANA",
                            "PENGAWAS",
                        ],
                    )
                ),
                name="jabatan_jenis_pilihan",
                violation_error_message="Nilai di luar pilihan yang dikenal (%(name)s).",
            ),
        ),
        migrations.AddConstraint(
            model_name="jabatan",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "jenjang__in",
                        [
                            "",
                            "AHLI_MADYA",
                            "AHLI_MUDA",
                            "AHLI_PERTAMA",
                            "AHLI_UTAMA",
                            "MAHIR",
                            "PEMULA",
                            "PENYELIA",
                            "TERAMPIL",
                        ],
                    )
                ),
                name="jabatan_jenjang_pilihan",
                violation_error_message="Nilai di luar pilihan yang dikenal (%(name)s).",
            ),
        ),
        migrations.AddConstraint(
            model_name="jabatan",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "eselon__in",
                        ["", "I.a", "I.b", "II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b", "V.a"],
                    )
                ),
                name="jabatan_eselon_pilihan",
                violation_error_message="Nilai di luar pilihan yang dikenal (%(name)s).",
            ),
        ),
        migrations.AddConstraint(
            model_name="jabatan",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "golongan_minimal__in",
                        [
                            "",
                            "I/a",
                            "I/b",
                            "I/c",
                            "I/d",
                            "II/a",
                            "II/b",
                            "II/c",
                            "II/d",
                            "III/a",
                            "III/b",
                            "III/c",
                            "III/d",
                            "IV/a",
                            "IV/b",
                            "IV/c",
                            "IV/d",
                            "IV/e",
                        ],
                    )
                ),
                name="jabatan_golongan_minimal_pilihan",
                violation_error_message="Nilai di luar pilihan yang dikenal (%(name)s).",
            ),
        ),
        migrations.AddConstraint(
            model_name="jabatan",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "pendidikan_minimal__in",
                        ["D1", "D2", "D3", "D4", "S1", "S2", "S3", "SD", "SLTA", "SMP"],
                    )
                ),
                name="jabatan_pendidikan_minimal_pilihan",
                violation_error_message="Nilai di luar pilihan yang dikenal (%(name)s).",
            ),
        ),
        migrations.AddConstraint(
            model_name="keputusan",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    django.db.models.lookups.Exact(
                        django.db.models.functions.text.Trim("nomor_sk"), models.Value("")
                    ),
                    _negated=True,
                ),
                name="keputusan_nomor_sk_wajib",
                violation_error_message="Nomor SK wajib diisi.",
            ),
        ),
        migrations.AddConstraint(
            model_name="keputusan",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("peringkat_terpilih", 1), ("peringkat_terpilih__isnull", False)),
                    models.Q(
                        django.db.models.lookups.Exact(
                            django.db.models.functions.text.Trim("justifikasi"), models.Value("")
                        ),
                        _negated=True,
                    ),
                    _connector="OR",
                ),
                name="keputusan_justifikasi_bila_bukan_pertama",
                violation_error_message=(
                    "Yang diangkat bukan kandidat layak peringkat pertama: tuliskan "
                    "justifikasinya."
                ),
            ),
        ),
        migrations.AddConstraint(
            model_name="keputusan",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("membatalkan__isnull", True),
                    models.Q(
                        django.db.models.lookups.Exact(
                            django.db.models.functions.text.Trim("alasan_pembatalan"),
                            models.Value(""),
                        ),
                        _negated=True,
                    ),
                    _connector="OR",
                ),
                name="keputusan_alasan_bila_membatalkan",
                violation_error_message="Alasan pembatalan wajib diisi.",
            ),
        ),
        migrations.AddConstraint(
            model_name="keputusan",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("metode__in", ["rotasi_mutasi", "seleksi_terbuka", "talent_pool"])
                ),
                name="keputusan_metode_pilihan",
                violation_error_message="Nilai di luar pilihan yang dikenal (%(name)s).",
            ),
        ),
        migrations.AddConstraint(
            model_name="penempatan",
            constraint=models.CheckConstraint(
                condition=models.Q(("jenis__in", ["definitif", "plh", "plt"])),
                name="penempatan_jenis_pilihan",
                violation_error_message="Nilai di luar pilihan yang dikenal (%(name)s).",
            ),
        ),
        migrations.AddConstraint(
            model_name="profilmerit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.Exact(
                    django.db.models.expressions.CombinedExpression(
                        django.db.models.expressions.CombinedExpression(
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.expressions.CombinedExpression(
                                    django.db.models.expressions.CombinedExpression(
                                        models.F("bobot_kinerja"), "+", models.F("bobot_kompetensi")
                                    ),
                                    "+",
                                    models.F("bobot_kualifikasi"),
                                ),
                                "+",
                                models.F("bobot_pengembangan"),
                            ),
                            "+",
                            models.F("bobot_pengalaman"),
                        ),
                        "+",
                        models.F("bobot_integritas"),
                    ),
                    100,
                ),
                name="profil_merit_bobot_jumlah_100",
                violation_error_code="profil_merit_bobot_jumlah_100",
                violation_error_message="Jumlah bobot harus 100%%.",
            ),
        ),
        migrations.AddConstraint(
            model_name="profilmerit",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "jenis_jabatan__in",
                        [
                            "ADMINISTRATOR",
                            "FUNGSIONAL",
                            "JPT_MADYA",
                            "JPT_PRATAMA",
                            "JPT_UTAMA",
                            "PELAKSANA",
                            "PENGAWAS",
                        ],
                    )
                ),
                name="profil_merit_jenis_jabatan_pilihan",
                violation_error_message="Nilai di luar pilihan yang dikenal (%(name)s).",
            ),
        ),
        migrations.AddConstraint(
            model_name="usulan",
            constraint=models.UniqueConstraint(
                condition=models.Q(("aktif", True)),
                fields=("formasi", "urutan"),
                name="usulan_tiga_slot_per_formasi",
                violation_error_message="Formasi ini sudah memiliki tiga usulan aktif.",
            ),
        ),
        migrations.AddConstraint(
            model_name="usulan",
            constraint=models.CheckConstraint(
                condition=models.Q(("urutan__gte", 1), ("urutan__lte", 3)),
                name="usulan_urutan_1_3",
                violation_error_message="Usulan paling banyak tiga per formasi.",
            ),
        ),
        migrations.RunPython(pemicu_kuota_sqlite, migrations.RunPython.noop),
    ]
