"""Two HR officers enrolling at the same moment: the database keeps the capacity.

Each writer runs in its own thread and PostgreSQL connection, holding its transaction open
long enough to overlap. PostgreSQL only: SQLite serialises all writers.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from pelatihan.models import Peserta, Sesi
from pelatihan.services import peserta_enrol
from tests.factories import PegawaiFactory
from tests.konkurensi import race
from tests.pelatihan.factories import SesiFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
HARI = SesiFactory._meta.declarations["tanggal_mulai"]


def test_it_fills_a_two_seat_session_with_exactly_two_of_four_racing_enrolments():
    sesi = SesiFactory(kapasitas=2)
    pegawai = [PegawaiFactory() for _ in range(4)]
    results = race(
        *[
            (lambda p=p: peserta_enrol(sesi=sesi, pegawai=p, oleh=None, hari_ini=HARI))
            for p in pegawai
        ]
    )
    assert results.count("ok") == 2
    losers = [r for r in results if r != "ok"]
    assert all(isinstance(r, ValidationError) for r in losers), losers
    assert all("penuh" in r.message_dict["sesi"][0] for r in losers)
    assert Peserta.objects.filter(sesi=sesi).count() == 2
    assert Sesi.objects.get(pk=sesi.pk).jumlah_peserta == 2


def test_the_database_alone_refuses_the_last_seat_twice_to_raw_writers():
    """Without the service's lock (raw inserts, an import): the trigger's UPDATE of the session
    row serialises the writers and the CHECK refuses the second."""
    sesi = SesiFactory(kapasitas=1)
    a, b = PegawaiFactory(), PegawaiFactory()
    results = race(
        lambda: Peserta.objects.create(sesi=sesi, pegawai=a),
        lambda: Peserta.objects.create(sesi=sesi, pegawai=b),
    )
    assert results.count("ok") == 1
    (loser,) = [r for r in results if r != "ok"]
    assert isinstance(loser, IntegrityError)
    assert "sesi_peserta_tidak_melebihi_kapasitas" in str(loser)
    assert Sesi.objects.get(pk=sesi.pk).jumlah_peserta == 1


def test_the_same_employee_racing_into_one_session_is_enrolled_once():
    sesi = SesiFactory(kapasitas=5)
    p = PegawaiFactory()
    results = race(
        lambda: peserta_enrol(sesi=sesi, pegawai=p, oleh=None, hari_ini=HARI),
        lambda: peserta_enrol(sesi=sesi, pegawai=p, oleh=None, hari_ini=HARI),
    )
    assert results.count("ok") == 1
    assert Peserta.objects.filter(sesi=sesi, pegawai=p).count() == 1
