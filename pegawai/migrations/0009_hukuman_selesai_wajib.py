"""A sanction that runs N months always has its end date.

Rows saved before without `full_clean()` (shell, import) may lack it: derive it first, with a
frozen copy of `pegawai.disiplin.tanggal_selesai` (a migration must not change when that module
does), then add the CHECK. The merit projection (jabatan.IndeksMerit) is not refreshed from here
(pegawai knows nothing of jabatan): after migrating a database that had such rows, run
`manage.py indeks_merit`.
"""

import calendar
from datetime import date, timedelta

from django.db import migrations, models

DURASI_BULAN = {
    "potong_tukin_6": 6,
    "potong_tukin_9": 9,
    "potong_tukin_12": 12,
    "penurunan_jabatan": 12,
    "pembebasan_jabatan": 12,
}


def _selesai(jenis: str, mulai: date) -> date:
    index = mulai.month - 1 + DURASI_BULAN[jenis]
    year, month = mulai.year + index // 12, index % 12 + 1
    day = min(mulai.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) - timedelta(days=1)


def isi_tmt_selesai(apps, schema_editor):
    HukumanDisiplin = apps.get_model("pegawai", "HukumanDisiplin")
    kosong = HukumanDisiplin.objects.filter(jenis__in=DURASI_BULAN, tmt_selesai__isnull=True)
    for hukuman in kosong.iterator():
        hukuman.tmt_selesai = _selesai(hukuman.jenis, hukuman.tmt_mulai)
        hukuman.save(update_fields=["tmt_selesai"])


class Migration(migrations.Migration):
    dependencies = [
        ("pegawai", "0008_roles_merit"),
    ]

    operations = [
        migrations.RunPython(isi_tmt_selesai, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="hukumandisiplin",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        (
                            "jenis__in",
                            [
                                "pembebasan_jabatan",
                                "penurunan_jabatan",
                                "potong_tukin_12",
                                "potong_tukin_6",
                                "potong_tukin_9",
                            ],
                        ),
                        _negated=True,
                    ),
                    ("tmt_selesai__isnull", False),
                    _connector="OR",
                ),
                name="hukuman_disiplin_berdurasi_ada_selesai",
                violation_error_message=(
                    "Hukuman disiplin yang berlaku beberapa bulan wajib mempunyai TMT selesai."
                ),
            ),
        ),
    ]
