"""The database's guarantees: choices, capacity counted by triggers, one enrolment per
session, completion with its certificate and JP."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction

from pelatihan.models import Peserta, Program, Sesi
from tests.factories import PegawaiFactory
from tests.pelatihan.factories import PesertaFactory, ProgramFactory, SesiFactory

pytestmark = pytest.mark.django_db


def _jumlah(sesi: Sesi) -> int:
    return Sesi.objects.get(pk=sesi.pk).jumlah_peserta


def test_it_counts_seats_with_the_triggers_on_insert_update_and_delete():
    sesi = SesiFactory(kapasitas=3)
    a = PesertaFactory(sesi=sesi)
    PesertaFactory(sesi=sesi, status=Peserta.Status.DIAJUKAN)  # a request holds no seat
    assert _jumlah(sesi) == 1
    a.status = Peserta.Status.BATAL
    a.save()
    assert _jumlah(sesi) == 0
    a.status = Peserta.Status.HADIR
    a.save()
    assert _jumlah(sesi) == 1
    Peserta.objects.filter(sesi=sesi).update(status=Peserta.Status.TERDAFTAR)
    assert _jumlah(sesi) == 2
    Peserta.objects.filter(sesi=sesi).delete()
    assert _jumlah(sesi) == 0


def test_it_refuses_a_seat_beyond_the_capacity_in_the_database():
    sesi = SesiFactory(kapasitas=1)
    PesertaFactory(sesi=sesi)
    with pytest.raises(IntegrityError), transaction.atomic():
        PesertaFactory(sesi=sesi)
    assert _jumlah(sesi) == 1


def test_it_never_writes_back_a_stale_seat_count():
    sesi = SesiFactory(kapasitas=2)
    PesertaFactory(sesi=sesi)
    sesi.tempat = "Daring"
    sesi.save()  # its jumlah_peserta (0) is stale
    assert _jumlah(sesi) == 1


def test_it_refuses_a_capacity_below_the_seats_taken():
    sesi = SesiFactory(kapasitas=2)
    PesertaFactory(sesi=sesi)
    PesertaFactory(sesi=sesi)
    with pytest.raises(IntegrityError), transaction.atomic():
        Sesi.objects.filter(pk=sesi.pk).update(kapasitas=1)


def test_it_keeps_one_enrolment_per_employee_and_session():
    p = PesertaFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        PesertaFactory(sesi=p.sesi, pegawai=p.pegawai, status=Peserta.Status.BATAL)


@pytest.mark.parametrize(
    "kolom",
    [
        {"status": "lulus"},  # no certificate, no JP
        {"status": "terdaftar", "jp_diakui": 10, "tahun_jp": 2026},  # JP without completion
        {
            "status": "lulus",
            "nomor_sertifikat": "",
            "tanggal_sertifikat": dt.date(2026, 3, 6),
            "jp_diakui": 24,
            "tahun_jp": 2026,
        },
        {"status": "menunggu"},
    ],
)
def test_it_refuses_an_inconsistent_enrolment(kolom):
    with pytest.raises(IntegrityError), transaction.atomic():
        PesertaFactory(**kolom)


def test_it_accepts_a_completed_enrolment_with_certificate_and_jp():
    p = PesertaFactory(lulus=True)
    assert p.jp_diakui == 24 and p.tahun_jp == 2026


@pytest.mark.parametrize(
    "kolom",
    [
        {"jenis": "daring"},
        {"bentuk": "e_learning"},  # a nonklasikal form in a klasikal program
        {"kelompok": "umum"},
        {"sifat": "semi"},
        {"pelatihan_wajib": "pkx"},
        {"jumlah_jp": 0},
        {"biaya_per_peserta": -1},
    ],
)
def test_it_refuses_a_program_outside_its_choices(kolom):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgramFactory(**kolom)


@pytest.mark.parametrize(
    "kolom",
    [
        {"moda": "hybrid"},
        {"penyelenggara": "swasta"},
        {"kapasitas": 0},
        {"tanggal_selesai": dt.date(2026, 3, 1)},
    ],
)
def test_it_refuses_an_inconsistent_session(kolom):
    with pytest.raises(IntegrityError), transaction.atomic():
        SesiFactory(**kolom)


def test_program_clean_names_the_field_of_a_bad_target_kind():
    from django.core.exceptions import ValidationError

    program = ProgramFactory.build(jenis_jabatan_sasaran=["CAMAT"])
    with pytest.raises(ValidationError) as exc:
        program.clean()
    assert "jenis_jabatan_sasaran" in exc.value.message_dict
    program = ProgramFactory.build(jenis=Program.Jenis.NONKLASIKAL, bentuk="pelatihan")
    with pytest.raises(ValidationError) as exc:
        program.clean()
    assert "bentuk" in exc.value.message_dict


def test_the_triggers_exist_after_migrate():
    with connection.cursor() as cursor:
        names = {
            t.name
            for t in connection.introspection.get_table_list(cursor)
            if t.name == "pelatihan_peserta"
        }
    assert names == {"pelatihan_peserta"}
    sesi = SesiFactory()
    PegawaiFactory()
    PesertaFactory(sesi=sesi)
    assert _jumlah(sesi) == 1
