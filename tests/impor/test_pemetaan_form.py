"""The mapping of unknown SIASN units and positions is a form (impor.forms.PemetaanForm): a
value that is no unit or position of ours is a field error and nothing is saved."""

from __future__ import annotations

import pytest
from django.urls import reverse

from impor.forms import PemetaanForm
from impor.models import Impor, PemetaanJabatan, PemetaanUnit
from tests.factories import JabatanFactory, UnitKerjaFactory
from tugas.models import Progres

pytestmark = pytest.mark.django_db

ASING = {"X9": ["BAPPEDA", 3], "A1": ["DINAS A", 1]}  # sorted: A1 is unit-0, X9 unit-1


@pytest.fixture
def impor(hr_user):
    return Impor.objects.create(
        nama_berkas="pegawai.csv",
        format="csv",
        ukuran=1,
        checksum="0" * 64,
        berkas=b"x",
        oleh=hr_user,
        status=Impor.Status.PRATINJAU,
        ringkasan={
            "total": 6,
            "tolak": 6,
            "unit_asing": ASING,
            "jabatan_asing": {"J7": ["ANALIS", 2]},
        },
    )


def test_it_maps_the_chosen_ids_in_the_pages_order():
    unit, jabatan = UnitKerjaFactory(), JabatanFactory()
    form = PemetaanForm(
        {"unit-0": "", "unit-1": str(unit.pk), "jabatan-0": str(jabatan.pk)},
        unit_asing=ASING,
        jabatan_asing={"J7": ["ANALIS", 2]},
    )
    assert form.is_valid(), form.errors
    assert form.pemetaan() == {
        "unit": {"X9": ("BAPPEDA", unit.pk)},
        "jabatan": {"J7": ("ANALIS", jabatan.pk)},
    }


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        ({"unit-0": "abc"}, "Unit kerja untuk DINAS A: Pilih dari daftar."),
        ({"unit-1": "999999"}, "Unit kerja untuk BAPPEDA: Unit kerja tidak ditemukan."),
        (
            {"jabatan-0": "999999"},
            "Jabatan untuk ANALIS: Jabatan tidak ditemukan atau tidak aktif.",
        ),
    ],
)
def test_a_bad_choice_is_a_field_error_and_nothing_is_saved(hr_client, impor, data, pesan):
    response = hr_client.post(reverse("impor:petakan", args=[impor.pk]), data)
    assert response.status_code == 400
    assert pesan in response.content.decode()
    assert not PemetaanUnit.objects.exists() and not PemetaanJabatan.objects.exists()
    assert not Progres.objects.exists()  # no preview queued


def test_an_inactive_position_is_refused_on_its_row_and_nothing_is_saved(hr_client, impor):
    # The one check of the targets is the service's (the admin's path meets it too): the page
    # shows its refusal on the row it names, and the valid unit beside it is not saved either.
    data = {"unit-1": str(UnitKerjaFactory().pk), "jabatan-0": str(JabatanFactory(aktif=False).pk)}
    response = hr_client.post(reverse("impor:petakan", args=[impor.pk]), data)
    assert response.status_code == 400
    assert (
        "Jabatan untuk ANALIS: Jabatan tidak ditemukan atau tidak aktif."
        in response.content.decode()
    )
    assert not PemetaanUnit.objects.exists() and not PemetaanJabatan.objects.exists()
    assert not Progres.objects.exists()
