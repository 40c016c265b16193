"""Seed a project draft of the employees' satisfaction and engagement questionnaire.

PermenPANRB 19/2025 measures the merit system through the agency's self-assessment and a survey
of the employees' satisfaction and engagement (survei kepuasan dan keterikatan pegawai ASN; the
regulation's summary at jdih.kemenkoinfra.go.id, "PermenPANRB 19/2025: Penyelenggaraan Sistem
Merit Dalam Manajemen Aparatur Sipil Negara"), weighed 25% of the index in the August 2025 draft
(../shared/domain/MERIT_INDEX.md). BKN's official questionnaire was not found; KemenPANRB's
yearly "Survei Employee Engagement" (antaranews.com, 2024; liputan6.com, 17 October 2023) is
another instrument. So these ten statements, five per dimension, are the project's own draft on
the 1–5 agreement scale, each `terverifikasi=False` with a `sumber` that says so; HR replaces
them in the admin from the official form. Existing rows (same `nomor`) are left alone.
"""

from django.db import migrations

SUMBER = (
    "Rancangan proyek mataram_asn, bukan formulir resmi: ganti dengan butir survei kepuasan dan "
    "keterikatan pegawai ASN dari BKN (PermenPANRB 19/2025) bila sudah terbit."
)

BUTIR = [
    (1, "kepuasan", "Secara keseluruhan saya puas dengan pekerjaan saya saat ini."),
    (2, "kepuasan", "Beban kerja saya sesuai dengan jabatan dan kemampuan saya."),
    (3, "kepuasan", "Saya mendapat kesempatan yang adil untuk mengembangkan kompetensi."),
    (4, "kepuasan", "Kinerja saya dinilai secara objektif dan transparan."),
    (5, "kepuasan", "Penghargaan yang saya terima sepadan dengan kinerja saya."),
    (6, "keterikatan", "Saya bangga menjadi pegawai di instansi ini."),
    (7, "keterikatan", "Saya bersemangat memulai pekerjaan setiap hari."),
    (8, "keterikatan", "Saya bersedia berusaha lebih dari yang diminta demi keberhasilan instansi."),
    (9, "keterikatan", "Saya memahami bagaimana pekerjaan saya mendukung tujuan instansi."),
    (10, "keterikatan", "Saya ingin tetap bekerja di instansi ini beberapa tahun ke depan."),
]


def seed(apps, schema_editor):
    Butir = apps.get_model("survei", "ButirSurveiPegawai")
    for nomor, dimensi, pertanyaan in BUTIR:
        Butir.objects.get_or_create(
            nomor=nomor,
            defaults={
                "dimensi": dimensi,
                "pertanyaan": pertanyaan,
                "sumber": SUMBER,
                "terverifikasi": False,
                "aktif": True,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("survei", "0003_survei_pegawai"),
    ]

    # Backwards: nothing to undo here; 0003's reversal drops the table with its rows (deleting them
    # first would leave deferred foreign-key checks that forbid the DROP in the same transaction).
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
