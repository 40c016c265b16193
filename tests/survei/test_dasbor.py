"""The survey dashboard: a unit head sees their units' results, trend and comments; HR sees every
service unit ranked; anyone else is refused."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from pegawai.models import Akses
from survei.models import KomentarSkm, UnitLayanan
from survei.services import komentar_moderate
from tests.factories import UnitKerjaFactory
from tests.publik.bantu import isi_survei

pytestmark = pytest.mark.django_db


@pytest.fixture
def dua_unit(db):
    root = UnitKerjaFactory(jenis="pemda")
    a, b = (
        UnitKerjaFactory(parent=root, nama="Dinas A"),
        UnitKerjaFactory(parent=root, nama="Dinas B"),
    )
    la = UnitLayanan.objects.create(unit_kerja=UnitKerjaFactory(parent=a, nama="Loket A"), kode="a")
    lb = UnitLayanan.objects.create(unit_kerja=UnitKerjaFactory(parent=b, nama="Loket B"), kode="b")
    isi_survei(la, 5, nilai=3, komentar="Komentar A")
    isi_survei(lb, 5, nilai=4, komentar="Komentar B")
    return a, la, lb


def _kepala(unit) -> User:
    user = User.objects.create_user("kepala-a", is_staff=True)
    user.groups.add(Group.objects.get(name="Pimpinan Unit"))
    Akses.objects.create(user=user, unit_kerja=unit)
    return user


def test_a_unit_head_sees_only_their_units_with_trend_and_approved_comments(
    client, dua_unit, hr_user, django_assert_max_num_queries
):
    a, la, _lb = dua_unit
    komentar_moderate(
        komentar=KomentarSkm.objects.filter(unit=la).first(), tayangkan=True, oleh=hr_user
    )
    client.force_login(_kepala(a))
    # session, user, permissions (2), scope; units, sums; per unit: trend, comments, pending
    with django_assert_max_num_queries(10):
        response = client.get(reverse("survei:dasbor"))
    html = response.content.decode()
    assert "Loket A" in html and "Loket B" not in html
    assert "75,00" in html and "Komentar A" in html
    assert "4 komentar menunggu moderasi" in html


def test_hr_sees_every_unit_ranked(hr_client, dua_unit):
    response = hr_client.get(reverse("survei:dasbor"))
    hasil = response.context["d"].hasil
    assert [h.unit.kode for h in hasil] == ["b", "a"]


def test_an_employee_is_refused(client, dua_unit, django_user_model):
    client.force_login(django_user_model.objects.create_user("biasa"))
    assert client.get(reverse("survei:dasbor")).status_code == 403
