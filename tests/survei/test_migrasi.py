"""The survey's models moved from kinerja to survei (survei 0001 and 0002, kinerja 0010): a
database that holds survey rows under kinerja keeps every row, the content types (so the groups'
permissions and the audit trail follow), and ends with the tables renamed to survei_*."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import UnitKerjaFactory

# Inside the test's transaction: PostgreSQL rolls the migrations back with it (DDL included),
# so the database the next tests reuse is untouched (a transactional test would flush it and
# lose the rows data migrations wrote).
pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

SEBELUM = [("kinerja", "0009_survei_jaringan"), ("survei", None)]
MODEL = ["unitlayanan", "responskm", "komentarskm", "jaringanskm", "rekapjaringanskm", "kiosskm"]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection)


def _tabel() -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


def _isi_lama(apps, unit_kerja_id: int) -> dict[str, int]:
    """Write one row of each survey model through kinerja's historical models."""
    UnitLayanan = apps.get_model("kinerja", "UnitLayanan")
    ResponSkm = apps.get_model("kinerja", "ResponSkm")
    KomentarSkm = apps.get_model("kinerja", "KomentarSkm")
    JaringanSkm = apps.get_model("kinerja", "JaringanSkm")
    RekapJaringanSkm = apps.get_model("kinerja", "RekapJaringanSkm")
    KiosSkm = apps.get_model("kinerja", "KiosSkm")
    unit = UnitLayanan.objects.create(unit_kerja_id=unit_kerja_id, kode="loket-lama")
    respon = [
        ResponSkm.objects.create(unit=unit, **{f"u{i}": 3 for i in range(1, 10)}) for _ in range(3)
    ]
    KomentarSkm.objects.create(respon=respon[0], unit=unit, teks="Cepat dan ramah.")
    JaringanSkm.objects.create(unit=unit, tahun=2026, triwulan=2, kunci="a" * 64)
    RekapJaringanSkm.objects.create(unit=unit, tahun=2025, pola=3, jumlah=7)
    KiosSkm.objects.create(unit=unit, nama="Tablet loket 1", token_hash="b" * 64)
    return {"unit": unit.pk, "respon": len(respon)}


def test_it_keeps_the_rows_content_types_and_permissions_across_the_move():
    unit_kerja = UnitKerjaFactory()
    terbaru = _migrate([]).loader.graph.leaf_nodes()
    try:
        executor = _migrate(SEBELUM)
        # Before: kinerja's tables and content types (the test database starts from survei's).
        assert {f"kinerja_{m}" for m in MODEL} <= _tabel()
        assert not {f"survei_{m}" for m in MODEL} & _tabel()
        jenis = ContentType.objects.get(app_label="kinerja", model="unitlayanan")
        izin = Permission.objects.get(content_type=jenis, codename="view_unitlayanan")
        grup = Group.objects.create(name="Uji migrasi survei")
        grup.permissions.add(izin)
        jejak = LogEntry.objects.create(
            content_type=jenis, object_pk="1", object_repr="Loket", action=LogEntry.Action.CREATE
        )
        apps = executor.loader.project_state(SEBELUM[0]).apps
        lama = _isi_lama(apps, unit_kerja.pk)
        # Check the new rows' deferred foreign keys now: a table with pending checks cannot be
        # renamed in the same transaction.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    finally:
        _migrate(terbaru)  # also when a step failed: later tests get the current schema
        ContentType.objects.clear_cache()

    from survei.models import (
        JaringanSkm,
        KiosSkm,
        KomentarSkm,
        RekapJaringanSkm,
        ResponSkm,
        UnitLayanan,
    )

    assert {f"survei_{m}" for m in MODEL} <= _tabel()
    assert not {f"kinerja_{m}" for m in MODEL} & _tabel()
    unit = UnitLayanan.objects.get(pk=lama["unit"])
    assert (unit.kode, unit.unit_kerja_id) == ("loket-lama", unit_kerja.pk)
    assert ResponSkm.objects.filter(unit=unit).count() == lama["respon"]
    assert KomentarSkm.objects.get(unit=unit).teks == "Cepat dan ramah."
    assert JaringanSkm.objects.filter(unit=unit, tahun=2026, triwulan=2).count() == 1
    assert RekapJaringanSkm.objects.get(unit=unit).jumlah == 7
    assert KiosSkm.objects.get(unit=unit).nama == "Tablet loket 1"
    # The same content type row, relabelled: the group's permission and the audit entry follow.
    jenis.refresh_from_db()
    assert (jenis.app_label, jenis.model) == ("survei", "unitlayanan")
    assert ContentType.objects.get_for_model(UnitLayanan).pk == jenis.pk
    assert not ContentType.objects.filter(app_label="kinerja", model__in=MODEL).exists()
    assert grup.permissions.filter(
        content_type__app_label="survei", codename="view_unitlayanan"
    ).exists()
    jejak.refresh_from_db()
    assert jejak.content_type_id == jenis.pk
    # New rows get ids after the old ones: the sequences followed the tables.
    baru = ResponSkm.objects.create(unit=unit, **{f"u{i}": 4 for i in range(1, 10)})
    assert baru.pk > max(ResponSkm.objects.exclude(pk=baru.pk).values_list("pk", flat=True))
