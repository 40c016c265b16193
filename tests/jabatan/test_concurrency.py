"""Two HR staff saving at the same moment: the database keeps one holder per seat.

Each test runs two threads, each with its own PostgreSQL connection, that write inside open
transactions held long enough to overlap. PostgreSQL only: SQLite serialises all writers.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from jabatan.models import Formasi, Penempatan, Suksesor
from jabatan.services import penempatan_create, suksesor_add
from tests.factories import FormasiFactory, JabatanFactory, PegawaiFactory
from tests.jabatan.bantu import PADA as PADA_SUKSESI
from tests.jabatan.bantu import talenta
from tests.konkurensi import race

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
TMT = dt.date(2025, 1, 2)


def test_it_lets_one_of_two_simultaneous_placements_into_a_single_seat_win():
    formasi = FormasiFactory(kuota=1)
    a, b = PegawaiFactory(), PegawaiFactory()
    results = race(
        lambda: penempatan_create(pegawai=a, formasi=formasi, tmt_mulai=TMT),
        lambda: penempatan_create(pegawai=b, formasi=formasi, tmt_mulai=TMT),
    )
    assert results.count("ok") == 1
    (loser,) = [r for r in results if r != "ok"]
    assert isinstance(loser, ValidationError)
    assert "penuh" in loser.message_dict["formasi"][0]
    assert Penempatan.objects.filter(formasi=formasi).count() == 1
    assert Formasi.objects.get(pk=formasi.pk).jumlah_terisi == 1


def test_it_fills_a_two_seat_post_with_exactly_two_of_three_simultaneous_placements():
    formasi = FormasiFactory(kuota=2)
    pegawai = [PegawaiFactory() for _ in range(3)]
    results = race(
        *[
            (lambda p=p: penempatan_create(pegawai=p, formasi=formasi, tmt_mulai=TMT))
            for p in pegawai
        ]
    )
    assert results.count("ok") == 2
    assert Formasi.objects.get(pk=formasi.pk).jumlah_terisi == 2


def test_the_database_alone_refuses_the_second_holder_when_code_skips_the_locks():
    formasi = FormasiFactory(kuota=1)
    a, b = PegawaiFactory(), PegawaiFactory()

    def insert(p):
        return lambda: Penempatan.objects.create(pegawai=p, formasi=formasi, tmt_mulai=TMT)

    results = race(insert(a), insert(b))
    assert results.count("ok") == 1
    (loser,) = [r for r in results if r != "ok"]
    assert isinstance(loser, IntegrityError)
    assert "formasi_terisi_tidak_melebihi_kuota" in str(loser)
    assert Penempatan.objects.filter(formasi=formasi).count() == 1


def test_the_database_refuses_two_simultaneous_definitive_posts_for_one_employee():
    pegawai = PegawaiFactory()
    x, y = FormasiFactory(), FormasiFactory()

    def insert(f):
        return lambda: Penempatan.objects.create(pegawai=pegawai, formasi=f, tmt_mulai=TMT)

    results = race(insert(x), insert(y))
    assert results.count("ok") == 1
    (loser,) = [r for r in results if r != "ok"]
    assert isinstance(loser, IntegrityError)
    assert "penempatan_satu_definitif_aktif_per_pegawai" in str(loser)


def test_two_hr_staff_deciding_the_same_vacancy_at_once_one_wins():
    from django.contrib.auth.models import User

    from jabatan.models import Keputusan
    from jabatan.services import keputusan_create, usulan_set
    from tests.jabatan.bantu import PADA, buat_calon

    hr_user = User.objects.create_user("hr.bersamaan")
    formasi = FormasiFactory(kuota=1)
    a, b = buat_calon(formasi.unit_kerja), buat_calon(formasi.unit_kerja)
    usulan_set(formasi=formasi, pegawai_ids=[a.pk, b.pk], pada=PADA, oleh=hr_user)

    def putus(p):
        return lambda: keputusan_create(
            formasi=formasi,
            pegawai=p,
            nomor_sk=f"SK/{p.pk}",
            tanggal_sk=PADA,
            tmt=PADA,
            metode="talent_pool",
            justifikasi="uji bersamaan",
            oleh=hr_user,
        )

    results = race(putus(a), putus(b))
    assert results.count("ok") == 1
    (loser,) = [r for r in results if r != "ok"]
    assert isinstance(loser, ValidationError)
    assert Keputusan.objects.filter(formasi=formasi).count() == 1
    assert Formasi.objects.get(pk=formasi.pk).jumlah_terisi == 1


def _rencana_dua_terisi():
    """A key post with two of its three successor slots taken, and the HR user."""
    hr_user = User.objects.create_user("hr.suksesi.bersamaan")
    formasi = FormasiFactory(jabatan=JabatanFactory(jenis="ADMINISTRATOR", kelas_jabatan=11))
    for _ in range(2):
        suksesor_add(
            formasi=formasi,
            pegawai=talenta(formasi.unit_kerja),
            kesiapan="sekarang",
            pada=PADA_SUKSESI,
            oleh=hr_user,
        )
    return formasi, hr_user


def test_two_hr_staff_naming_the_last_successor_at_once_one_wins():
    formasi, hr_user = _rencana_dua_terisi()
    a, b = talenta(formasi.unit_kerja), talenta(formasi.unit_kerja)

    def tambah(p):
        return lambda: suksesor_add(
            formasi=formasi, pegawai=p, kesiapan="sekarang", pada=PADA_SUKSESI, oleh=hr_user
        )

    results = race(tambah(a), tambah(b))
    assert results.count("ok") == 1
    (loser,) = [r for r in results if r != "ok"]
    assert isinstance(loser, ValidationError)  # the unique slot decided, worded for the user
    assert "baru saja diisi calon suksesor lain" in loser.message_dict["formasi"][0]
    aktif = Suksesor.objects.filter(formasi=formasi, aktif=True)
    assert sorted(aktif.values_list("urutan", flat=True)) == [1, 2, 3]


def test_two_hr_staff_naming_the_same_person_at_once_one_wins():
    formasi = FormasiFactory(jabatan=JabatanFactory(jenis="PENGAWAS", kelas_jabatan=9))
    hr_user = User.objects.create_user("hr.suksesi.orang")
    p = talenta(formasi.unit_kerja)

    def tambah(urutan):
        return lambda: suksesor_add(
            formasi=formasi,
            pegawai=p,
            kesiapan="sekarang",
            pada=PADA_SUKSESI,
            urutan=urutan,
            oleh=hr_user,
        )

    results = race(tambah(1), tambah(2))
    assert results.count("ok") == 1
    (loser,) = [r for r in results if r != "ok"]
    assert isinstance(loser, ValidationError)
    assert "sudah menjadi calon suksesor formasi ini" in loser.message_dict["pegawai"][0]
    assert Suksesor.objects.filter(formasi=formasi, pegawai=p, aktif=True).count() == 1


def test_the_database_alone_refuses_a_fourth_successor_when_code_skips_the_checks():
    formasi, hr_user = _rencana_dua_terisi()

    def insert():
        return lambda: Suksesor.objects.create(
            formasi=formasi,
            pegawai=PegawaiFactory(),
            kesiapan="sekarang",
            urutan=3,
            tanggal_penetapan=PADA_SUKSESI,
            ditetapkan_oleh=hr_user,
        )

    results = race(insert(), insert())
    assert results.count("ok") == 1
    (loser,) = [r for r in results if r != "ok"]
    assert isinstance(loser, IntegrityError)
    assert "suksesor_urutan_unik_per_formasi" in str(loser)
    assert Suksesor.objects.filter(formasi=formasi, aktif=True).count() == 3
