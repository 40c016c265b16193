"""Masa kerja golongan (SIASN mkTahun/mkBulan): the decree's figure on its TMT carried to a later
date (pegawai.golongan.masa_kerja_bulan), the database's check, and the employee's own page."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from pegawai.golongan import masa_kerja_bulan
from pegawai.models import Pegawai
from tests.akses_data import buat_organisasi


@pytest.mark.parametrize(
    ("tahun", "bulan", "tmt", "pada", "harapan"),
    [
        (12, 1, date(2022, 4, 1), date(2022, 4, 1), 12 * 12 + 1),  # on the decree's TMT
        (12, 1, date(2022, 4, 1), date(2022, 4, 30), 12 * 12 + 1),  # not a whole month yet
        (12, 1, date(2022, 4, 1), date(2022, 5, 1), 12 * 12 + 2),
        (12, 11, date(2022, 4, 1), date(2023, 4, 1), 13 * 12 + 11),
        (0, 0, date(2022, 4, 15), date(2022, 6, 14), 1),
        (None, None, date(2022, 4, 1), date(2026, 1, 1), None),  # not recorded
    ],
)
def test_masa_kerja_bulan(tahun, bulan, tmt, pada, harapan):
    assert masa_kerja_bulan(tahun, bulan, tmt, pada) == harapan


@pytest.mark.django_db
@pytest.mark.parametrize(("tahun", "bulan"), [(10, None), (10, 12), (61, 0)])
def test_the_database_refuses_a_half_or_impossible_masa_kerja(tahun, bulan):
    o = buat_organisasi()
    with pytest.raises(IntegrityError), transaction.atomic():
        Pegawai.objects.filter(pk=o.pegawai_a.pk).update(
            mk_golongan_tahun=tahun, mk_golongan_bulan=bulan
        )


@pytest.mark.django_db
def test_the_employee_sees_their_masa_kerja_golongan(client):
    o = buat_organisasi()
    client.force_login(o.users["pegawai"])
    assert "Masa kerja golongan</dt><dd>—" in client.get(reverse("saya")).content.decode()
    Pegawai.objects.filter(pk=o.pegawai_a.pk).update(
        mk_golongan_tahun=3, mk_golongan_bulan=0, tmt_golongan=date(2000, 1, 1)
    )
    page = client.get(reverse("saya")).content.decode()
    assert "Masa kerja golongan</dt><dd>" in page and " tahun " in page
    p = Pegawai.objects.get(pk=o.pegawai_a.pk)
    t, b = p.masa_kerja_golongan
    assert t >= 29 and f"{t} tahun {b} bulan" in page


@pytest.mark.django_db
def test_hr_records_it_in_the_admin_and_a_half_pair_is_refused_by_field(client):
    o = buat_organisasi()
    client.force_login(o.users["hr"])
    url = reverse("admin:pegawai_pegawai_change", args=[o.pegawai_a.pk])
    halaman = client.get(url).content.decode()
    assert 'name="mk_golongan_tahun"' in halaman and 'name="mk_golongan_bulan"' in halaman
    p = o.pegawai_a
    p.mk_golongan_tahun, p.mk_golongan_bulan = 5, None
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        p.clean()
    assert "mk_golongan_bulan" in exc.value.message_dict
    p.mk_golongan_tahun, p.mk_golongan_bulan = 61, 0
    with pytest.raises(ValidationError) as exc:
        p.clean()
    assert "mk_golongan_tahun" in exc.value.message_dict
