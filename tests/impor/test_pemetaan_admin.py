"""HR sees and corrects the saved SIASN mappings in the admin; the preview links there."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from impor.models import Impor, PemetaanJabatan, PemetaanUnit
from tests.factories import JabatanFactory, UnitKerjaFactory

pytestmark = pytest.mark.django_db


def test_hr_adds_a_mapping_prefilled_from_the_preview_link(hr_client, hr_user):
    unit = UnitKerjaFactory(kode="U-1")
    url = reverse("admin:impor_pemetaanunit_add")
    page = hr_client.get(url, {"kode_siasn": "A8F1", "nama_siasn": "DINAS KOMINFO"})
    assert 'value="A8F1"' in page.content.decode()  # the admin's initial from the query
    response = hr_client.post(
        url, {"kode_siasn": "A8F1", "nama_siasn": "DINAS KOMINFO", "unit_kerja": unit.pk}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    pemetaan = PemetaanUnit.objects.get()
    assert (pemetaan.unit_kerja, pemetaan.oleh) == (unit, hr_user)  # through the service
    entry = LogEntry.objects.get_for_object(pemetaan).get()
    assert entry.actor == hr_user


def test_the_siasn_id_is_fixed_once_saved_and_the_target_can_be_corrected(hr_client, hr_user):
    lama, baru = UnitKerjaFactory(), UnitKerjaFactory()
    pemetaan = PemetaanUnit.objects.create(kode_siasn="A8F1", nama_siasn="X", unit_kerja=lama)
    url = reverse("admin:impor_pemetaanunit_change", args=[pemetaan.pk])
    response = hr_client.post(url, {"kode_siasn": "LAIN", "nama_siasn": "X", "unit_kerja": baru.pk})
    assert response.status_code == 302
    pemetaan.refresh_from_db()
    assert (pemetaan.kode_siasn, pemetaan.unit_kerja, PemetaanUnit.objects.count()) == (
        "A8F1",
        baru,
        1,
    )


def test_the_admin_refuses_a_mapping_onto_an_inactive_position_as_the_import_page_does(hr_client):
    # The one check is the service's (impor.services.pemetaan_save), on either path.
    jabatan = JabatanFactory(aktif=False)
    url = reverse("admin:impor_pemetaanjabatan_add")
    response = hr_client.post(
        url, {"kode_siasn": "J7", "nama_siasn": "ANALIS", "jabatan": jabatan.pk}, follow=True
    )
    assert "Jabatan tidak ditemukan atau tidak aktif." in [
        str(m) for m in response.context["messages"]
    ]
    assert not PemetaanJabatan.objects.exists()


def test_the_preview_links_each_unknown_unit_to_the_mapping_page(hr_client):
    impor = Impor.objects.create(
        nama_berkas="a.csv",
        format="csv",
        ukuran=1,
        checksum="0" * 64,
        berkas=b"x",
        status="pratinjau",
        ringkasan={
            "total": 1,
            "baru": 0,
            "ubah": 0,
            "sama": 0,
            "tolak": 1,
            "unit_asing": {"A8F1": ["DINAS KOMINFO & PERSANDIAN", 1]},
        },
    )
    page = hr_client.get(impor.get_absolute_url()).content.decode()
    assert (
        "/admin/impor/pemetaanunit/add/?kode_siasn=A8F1&amp;nama_siasn=DINAS%20KOMINFO%20%26%20"
        "PERSANDIAN" in page
    )
    assert reverse("admin:impor_pemetaanjabatan_changelist") in page
