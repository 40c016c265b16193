"""The SKP admin: HR reassigns the evaluator; the rules of the service are field errors."""

from __future__ import annotations

import pytest
from django.test import Client

from kinerja.models import Periode, Skp
from tests.akses_data import buat_organisasi

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return buat_organisasi()


def _hr(org) -> Client:
    client = Client()
    client.force_login(org.users["hr"])
    return client


def test_the_employee_as_their_own_evaluator_is_a_field_error(org):
    periode = Periode.objects.create(tahun=2026, jenis="tahunan")
    kepala = org.users["pimpinan"].akses.pegawai
    skp = Skp.objects.create(
        pegawai=org.pegawai_a,
        periode=periode,
        penilai=kepala,
        unit_kerja=org.bidang_a,
        perangkat_daerah=org.unit_a,
        golongan="III/a",
    )
    url = f"/admin/kinerja/skp/{skp.pk}/change/"
    response = _hr(org).post(url, {"penilai": org.pegawai_a.pk})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "penilai": ["Pejabat penilai tidak boleh pegawai itu sendiri."]
    }
    assert Skp.objects.get(pk=skp.pk).penilai == kepala
    response = _hr(org).post(url, {"penilai": org.pegawai_b.pk})
    assert response.status_code == 302
    assert Skp.objects.get(pk=skp.pk).penilai == org.pegawai_b


def test_a_final_skp_keeps_its_evaluator_and_saves_unchanged(org):
    skp = Skp.objects.get(pegawai=org.pegawai_a)  # final
    url = f"/admin/kinerja/skp/{skp.pk}/change/"
    response = _hr(org).post(url, {"penilai": org.pegawai_b.pk})
    assert response.status_code == 200
    assert "SKP final tidak dapat diubah" in response.context["adminform"].form.errors["penilai"][0]
    response = _hr(org).post(url, {"penilai": skp.penilai_id})
    assert response.status_code == 302
