"""Two HR staff opening the same year's assessment at once: the database keeps one."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from sistem_merit import services
from sistem_merit.models import Penilaian
from tests.konkurensi import race
from tests.sistem_merit import bantu

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_officers_opening_the_same_year_one_wins(hr_user):
    instrumen = bantu.buat(bantu.data_2018())

    def buka():
        services.penilaian_create(
            instrumen=instrumen, tahun=2026, tanggal_data=date(2026, 11, 30), oleh=hr_user
        )

    hasil = race(buka, buka)
    assert sorted(map(str, hasil)).count("ok") == 1
    kalah = next(h for h in hasil if h != "ok")
    assert isinstance(kalah, ValidationError)
    assert "sudah ada" in " ".join(kalah.message_dict["tahun"])
    assert Penilaian.objects.count() == 1
    assert Penilaian.objects.get().jawaban.count() == 3
