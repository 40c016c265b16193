"""The admin of kinerja: every page within its query bound; HR reassigns an SKP's evaluator, and
the rules of the service are field errors."""

from __future__ import annotations

import pytest

from kinerja.models import Periode, Skp
from tests.admin_data import AUTH, CONTENT_TYPE, admin_bound_tests
from tests.akses_data import klien

pytestmark = pytest.mark.django_db

APP = "kinerja"

# Changelist: AUTH + the page's COUNT + the rows (every printed foreign key joined) + one query
# per filter that reads the database. No bound grows with the 30 rows: one query per row would
# exceed it many times over.
CHANGELIST_QUERIES = {
    "kinerja.periode": AUTH + 2,
    "kinerja.skp": AUTH + 2 + 1 + 1,  # filters: the periods, and the depth-1 units
    "kinerja.kinerjaorganisasi": AUTH + 2 + 1,  # filter "tahun": SELECT DISTINCT tahun
    "kinerja.pengaturantalenta": AUTH + 2,
    "kinerja.revisiskp": AUTH + 2,
}

# Add page: AUTH + CONTENT_TYPE. No foreign key renders its choices (autocomplete widgets start
# empty) and the inline formsets of a new object load nothing.
# SKPs are opened per period, revisions written by the SKP page, and the talent settings are one
# row made by a migration: no add page.
TANPA_TAMBAH = {
    "kinerja.skp",
    "kinerja.pengaturantalenta",
    "kinerja.revisiskp",
}

# Change page: AUTH + CONTENT_TYPE + the object (joined to what its page prints) + the label of
# each selected value in an autocomplete widget (one query per foreign key; a many-to-many costs
# two: its current values and their labels) + one query per inline.
CHANGE_QUERIES = {
    "kinerja.periode": AUTH + CONTENT_TYPE + 1,
    "kinerja.skp": AUTH + CONTENT_TYPE + 1 + 5,  # read-only: employee, period, unit, ...; penilai
    "kinerja.kinerjaorganisasi": AUTH + CONTENT_TYPE + 1 + 1,  # unit kerja
    "kinerja.pengaturantalenta": AUTH + CONTENT_TYPE + 1,
    # Read-only: the SKP with, for its title, its period and employee (one query each: the admin
    # does not join them), and the user. Fixed per page.
    "kinerja.revisiskp": AUTH + CONTENT_TYPE + 1 + 4,
}


# --- Every page, bounded ---------------------------------------------------------------------


test_it_has_a_query_bound_for_every_registered_admin, TestAdminPages = admin_bound_tests(
    APP, CHANGELIST_QUERIES, CHANGE_QUERIES, tanpa_tambah=TANPA_TAMBAH
)


# --- The SKP's evaluator ---------------------------------------------------------------------


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
    response = klien(org.users["hr"]).post(url, {"penilai": org.pegawai_a.pk})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "penilai": ["Pejabat penilai tidak boleh pegawai itu sendiri."]
    }
    assert Skp.objects.get(pk=skp.pk).penilai == kepala
    response = klien(org.users["hr"]).post(url, {"penilai": org.pegawai_b.pk})
    assert response.status_code == 302
    assert Skp.objects.get(pk=skp.pk).penilai == org.pegawai_b


def test_a_final_skp_keeps_its_evaluator_and_saves_unchanged(org):
    skp = Skp.objects.get(pegawai=org.pegawai_a)  # final
    url = f"/admin/kinerja/skp/{skp.pk}/change/"
    response = klien(org.users["hr"]).post(url, {"penilai": org.pegawai_b.pk})
    assert response.status_code == 200
    assert "SKP final tidak dapat diubah" in response.context["adminform"].form.errors["penilai"][0]
    response = klien(org.users["hr"]).post(url, {"penilai": skp.penilai_id})
    assert response.status_code == 302


# --- The periods -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jenis", "triwulan", "data", "berubah"),
    [
        # An annual period edited into a quarter: one annual period fewer.
        ("tahunan", 0, {"jenis": "triwulan", "triwulan": 2}, True),
        # A quarter edited into an annual period: one more.
        ("triwulan", 2, {"jenis": "tahunan", "triwulan": 0}, True),
        # A quarter edited as a quarter: the annual periods stay as they were.
        ("triwulan", 2, {"jenis": "triwulan", "triwulan": 3}, False),
    ],
)
def test_a_period_edited_to_or_from_annual_refreshes_the_projections_periods(
    hr_client, monkeypatch, jenis, triwulan, data, berubah
):
    from kinerja import admin as kinerja_admin

    dipanggil = []
    monkeypatch.setattr(kinerja_admin.projection, "periods_changed", lambda: dipanggil.append(True))
    periode = Periode.objects.create(tahun=2026, jenis=jenis, triwulan=triwulan)
    response = hr_client.post(
        f"/admin/kinerja/periode/{periode.pk}/change/", {"tahun": 2026, "terbuka": "", **data}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    periode.refresh_from_db()
    assert (periode.jenis, periode.triwulan) == (data["jenis"], data["triwulan"])
    assert dipanggil == ([True] if berubah else [])
