"""A sanction's end date is derived on every write path, and the database refuses one without.

PP 94/2021 Pasal 8: sedang and berat sanctions (except dismissal) run a fixed number of months.
An empty end date reads as "still running" to the merit ranking, so a six-month sanction saved
without `full_clean()` would block promotion for ever.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction

from jabatan.indeks import TERBUKA
from jabatan.models import IndeksMerit
from pegawai import projection
from pegawai.disiplin import JenisHukuman
from pegawai.models import HukumanDisiplin
from tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db

MULAI = dt.date(2024, 1, 15)


def _hukuman(pegawai, jenis=JenisHukuman.POTONG_TUKIN_6, **extra) -> HukumanDisiplin:
    fields = {"nomor_sk": "800/1/2024", "tanggal_sk": MULAI, "tmt_mulai": MULAI, **extra}
    return HukumanDisiplin(pegawai=pegawai, jenis=jenis, **fields)


def test_save_without_full_clean_derives_the_end_date():
    hukuman = HukumanDisiplin.objects.create(
        pegawai=PegawaiFactory(),
        jenis=JenisHukuman.POTONG_TUKIN_6,
        nomor_sk="800/1/2024",
        tanggal_sk=MULAI,
        tmt_mulai=MULAI,
    )
    hukuman.refresh_from_db()
    assert hukuman.tmt_selesai == dt.date(2024, 7, 14)


def test_a_date_typed_as_text_is_derived_too():
    hukuman = _hukuman(PegawaiFactory(), tmt_mulai="2024-01-15")
    hukuman.save()
    hukuman.refresh_from_db()
    assert hukuman.tmt_selesai == dt.date(2024, 7, 14)


def test_changing_the_kind_with_update_fields_moves_the_end_date():
    hukuman = _hukuman(PegawaiFactory())
    hukuman.save()
    hukuman.jenis = JenisHukuman.POTONG_TUKIN_12
    hukuman.save(update_fields=["jenis"])
    hukuman.refresh_from_db()
    assert hukuman.tmt_selesai == dt.date(2025, 1, 14)


def test_a_sanction_without_a_running_period_keeps_no_end_date():
    hukuman = _hukuman(PegawaiFactory(), jenis=JenisHukuman.TEGURAN_LISAN)
    hukuman.save()
    hukuman.refresh_from_db()
    assert hukuman.tmt_selesai is None


def test_bulk_create_without_the_end_date_is_refused():
    pegawai = PegawaiFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        HukumanDisiplin.objects.bulk_create([_hukuman(pegawai)])
    assert not HukumanDisiplin.objects.exists()


def test_update_blanking_the_end_date_is_refused():
    hukuman = _hukuman(PegawaiFactory())
    hukuman.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        HukumanDisiplin.objects.filter(pk=hukuman.pk).update(tmt_selesai=None)
    # A kind without a running period may have none.
    HukumanDisiplin.objects.filter(pk=hukuman.pk).update(
        jenis=JenisHukuman.TEGURAN_TERTULIS, tmt_selesai=None
    )


def test_a_raw_insert_without_the_end_date_is_refused():
    pegawai = PegawaiFactory()
    table = HukumanDisiplin._meta.db_table
    sql = (
        f"INSERT INTO {table} (pegawai_id, jenis, nomor_sk, tanggal_sk, tmt_mulai, keterangan, "
        "created_at, updated_at) VALUES (%s, %s, '800/9', %s, %s, '', %s, %s)"
    )
    now = dt.datetime.now(dt.UTC)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [pegawai.pk, "penurunan_jabatan", MULAI, MULAI, now, now])


def test_the_merit_projection_sees_the_end_of_a_sanction_saved_without_full_clean():
    pegawai = PegawaiFactory()
    HukumanDisiplin.objects.create(
        pegawai=pegawai,
        jenis=JenisHukuman.POTONG_TUKIN_6,
        nomor_sk="800/1/2024",
        tanggal_sk=MULAI,
        tmt_mulai=MULAI,
    )
    projection.refresh([pegawai.pk])  # as the sanction's admin does after the save
    indeks = IndeksMerit.objects.get(pegawai=pegawai)
    assert indeks.hukuman_sampai == dt.date(2024, 7, 14)
    assert indeks.hukuman_sampai != TERBUKA  # not "still running" for ever
