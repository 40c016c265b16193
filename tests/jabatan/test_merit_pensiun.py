"""The retirement reason names the target post's retirement age (UU 20/2023 Pasal 55), says when
that limit is already passed, and writes dates in the app's long Indonesian form."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from jabatan import merit
from tests.jabatan.bantu import PADA
from tests.jabatan.kandidat import ADM, kandidat


def _pesan(k, s=ADM) -> str:
    [alasan] = [a for a in merit.kelayakan(k, s, PADA) if a.kode == "MASA_PENSIUN"]
    return alasan.pesan


def test_it_names_the_posts_retirement_age_and_the_date_in_long_form():
    # Born June 1968: 58 (the Administrator post's age) in June 2026 → retires 1 July 2026,
    # before the ranking day 28 November 2026: the limit is already passed.
    pesan = _pesan(kandidat(tanggal_lahir=date(1968, 6, 1)))
    assert "Batas usia pensiun jabatan yang dituju 58 tahun" in pesan
    assert "sudah terlampaui" in pesan
    assert "1 Juli 2026" in pesan
    assert "01-07-2026" not in pesan


def test_a_retirement_within_the_year_says_how_long_is_left_not_passed():
    # Born March 1969: 58 in March 2027 → retires 1 April 2027, less than 12 months away.
    pesan = _pesan(kandidat(tanggal_lahir=date(1969, 3, 10)))
    assert "1 April 2027" in pesan
    assert "kurang dari 12 bulan lagi" in pesan
    assert "terlampaui" not in pesan


def test_the_age_follows_the_target_post_not_the_current_one():
    # Someone born January 1967 retires at 60 in February 2027 (e.g. a JF Ahli Madya today);
    # for a post whose age is 58 the limit passed in February 2025, and the reason says so.
    k = kandidat(tanggal_lahir=date(1967, 1, 15))
    pesan = _pesan(k)
    assert "58 tahun" in pesan and "sudah terlampaui" in pesan and "1 Februari 2025" in pesan
    enam_puluh = replace(ADM, batas_usia_pensiun=60)
    pesan = _pesan(k, enam_puluh)
    assert "60 tahun" in pesan and "1 Februari 2027" in pesan and "terlampaui" not in pesan


@pytest.mark.parametrize("lahir", [date(1968, 6, 1), date(1969, 3, 10), date(1967, 1, 15)])
def test_the_explanation_does_not_change_eligibility(lahir):
    assert [a.kode for a in merit.kelayakan(kandidat(tanggal_lahir=lahir), ADM, PADA)] == [
        "MASA_PENSIUN"
    ]
