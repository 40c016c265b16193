"""Two HR officers changing the same open selection at the same moment (PostgreSQL only:
SQLite serialises all writers). Each runs in its own thread and connection and holds its
transaction open long enough to overlap (tests.konkurensi.race); the
selection's row lock makes the second see what the first did."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError

from publik.models import PerubahanSeleksi, Seleksi
from publik.services import seleksi_cancel, seleksi_reschedule
from tests.konkurensi import race
from tests.publik.bantu import buka, jadwal_dari

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
UMUM = dt.date(2026, 9, 10)
HARI_INI = UMUM + 8 * dt.timedelta(days=1)  # registration runs


@pytest.fixture
def hr_lain(hr_user) -> User:
    user = User.objects.create_user("hr2", is_staff=True)
    user.groups.add(Group.objects.get(name="Admin BKPSDM"))
    return user


def _geser(hari: int) -> dict[str, tuple[dt.date, dt.date]]:
    """Registration extended by `hari` days and every later stage moved with it."""
    d = dt.timedelta(days=hari)
    jadwal = jadwal_dari(UMUM)
    baru = {
        j: (a + d, b + d) for j, (a, b) in jadwal.items() if j not in ("pengumuman", "pendaftaran")
    }
    baru["pendaftaran"] = (jadwal["pendaftaran"][0], jadwal["pendaftaran"][1] + d)
    return baru


def test_two_officers_cancelling_at_once_leave_one_cancellation(jpt, hr_user, hr_lain):
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(UMUM))
    results = race(
        lambda: seleksi_cancel(seleksi=seleksi, alasan="Alasan A", pada=HARI_INI, oleh=hr_user),
        lambda: seleksi_cancel(seleksi=seleksi, alasan="Alasan B", pada=HARI_INI, oleh=hr_lain),
    )
    assert results.count("ok") == 1, results
    (kalah,) = [r for r in results if r != "ok"]
    assert isinstance(kalah, ValidationError) and "dibatalkan pada" in kalah.messages[0]
    batal = PerubahanSeleksi.objects.get()
    assert Seleksi.objects.get().alasan_pembatalan == batal.alasan


def test_two_reschedules_at_once_both_land_and_the_history_chains(jpt, hr_user, hr_lain):
    """Neither change is lost: the second officer's change starts from the first's dates,
    and the history says so (its old dates are the first's new ones)."""
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(UMUM))
    results = race(
        lambda: seleksi_reschedule(
            seleksi=seleksi, tahap=_geser(7), alasan="A", pada=HARI_INI, oleh=hr_user
        ),
        lambda: seleksi_reschedule(
            seleksi=seleksi, tahap=_geser(14), alasan="B", pada=HARI_INI, oleh=hr_lain
        ),
    )
    assert results == ["ok", "ok"], results
    pertama, kedua = PerubahanSeleksi.objects.order_by("pk")
    assert kedua.rincian[0]["lama"] == pertama.rincian[0]["baru"]
    akhir = seleksi.tahap.get(jenis="pendaftaran").selesai.isoformat()
    assert akhir == kedua.rincian[0]["baru"][1]


def test_a_reschedule_racing_a_cancellation_never_follows_it(jpt, hr_user, hr_lain):
    seleksi = buka(jpt, hr_user, tahap=jadwal_dari(UMUM))
    results = race(
        lambda: seleksi_cancel(seleksi=seleksi, alasan="Batal", pada=HARI_INI, oleh=hr_user),
        lambda: seleksi_reschedule(
            seleksi=seleksi, tahap=_geser(7), alasan="A", pada=HARI_INI, oleh=hr_lain
        ),
    )
    assert results[0] == "ok", results
    riwayat = list(PerubahanSeleksi.objects.order_by("pk").values_list("jenis", flat=True))
    if results[1] == "ok":
        assert riwayat == ["jadwal", "batal"]
    else:
        assert isinstance(results[1], ValidationError) and riwayat == ["batal"]
