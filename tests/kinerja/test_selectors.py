"""Which SKPs each role sees: the selectors every SKP page goes through (pegawai.akses)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from kinerja.models import Periode, Skp
from kinerja.selectors import (
    peran_skp,
    skp_halaman,
    skp_saya,
    skp_saya_nilai,
    skp_terlihat,
)
from pegawai.akses import lingkup
from pegawai.capability import LEADER, demand
from tests.akses_data import buat_organisasi

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    org = buat_organisasi()
    # B's unit head evaluates an employee of A (a superior in another unit), in an open year.
    org.skp_lintas = Skp.objects.create(
        pegawai=org.pegawai_a,
        periode=Periode.objects.create(tahun=2026, jenis="tahunan"),
        penilai=org.users["pimpinan_lain"].akses.pegawai,
        unit_kerja=org.bidang_a,
        perangkat_daerah=org.unit_a,
        golongan="III/a",
    )
    org.skp_a = Skp.objects.get(pegawai=org.pegawai_a, periode__tahun=2025)
    org.skp_b = Skp.objects.get(pegawai=org.pegawai_b)
    return org


@pytest.mark.parametrize(
    ("role", "terlihat"),
    [
        ("pegawai", {"skp_a", "skp_lintas"}),  # their own
        ("pimpinan", {"skp_a", "skp_lintas"}),  # their unit's
        ("pimpinan_lain", {"skp_b", "skp_lintas"}),  # their unit's and the one they evaluate
        ("hr", {"skp_a", "skp_b", "skp_lintas"}),
    ],
)
def test_each_role_sees_its_scope_and_what_it_evaluates(
    org, role, terlihat, django_assert_num_queries
):
    user = org.users[role]
    lingkup(user)  # once per request (the access row); then the SKPs in one query, an OR
    with django_assert_num_queries(1):
        pks = set(skp_terlihat(user).values_list("pk", flat=True))
    assert pks == {getattr(org, name).pk for name in terlihat}


def test_nobody_and_an_anonymous_user_see_nothing(org):
    assert not skp_terlihat(AnonymousUser()).exists()
    assert skp_halaman(AnonymousUser(), org.skp_a.pk) is None
    assert not skp_saya(AnonymousUser()).exists() and not skp_saya_nilai(AnonymousUser()).exists()


def test_the_lists_the_evaluator_and_the_owner(org):
    assert set(skp_saya_nilai(org.users["pimpinan_lain"])) == {org.skp_b, org.skp_lintas}
    Periode.objects.filter(tahun=2025).update(terbuka=False)  # a closed year leaves the list
    assert list(skp_saya_nilai(org.users["pimpinan_lain"])) == [org.skp_lintas]
    assert set(skp_saya(org.users["pegawai"])) == {org.skp_a, org.skp_lintas}
    assert not skp_saya_nilai(org.users["hr"]).exists()  # HR has no employee record


def test_the_roles_on_one_skp(org):
    assert skp_halaman(org.users["pimpinan_lain"], org.skp_lintas.pk) == org.skp_lintas
    assert skp_halaman(org.users["pimpinan_lain"], org.skp_a.pk) is None
    assert peran_skp(org.users["pimpinan_lain"], org.skp_lintas).penilai
    assert not peran_skp(org.users["pimpinan"], org.skp_lintas).penilai
    assert peran_skp(org.users["pegawai"], org.skp_lintas).pemilik
    assert not peran_skp(org.users["hr"], org.skp_lintas).pemilik
    assert peran_skp(org.users["hr"], org.skp_lintas).penilai  # HR may act for the evaluator


def test_only_unit_heads_and_hr_have_the_dashboards(org):
    assert demand(org.users["pimpinan"], LEADER).unit_path == org.unit_a.path
    assert demand(org.users["hr"], LEADER).semua
    with pytest.raises(PermissionDenied):
        demand(org.users["pegawai"], LEADER)
