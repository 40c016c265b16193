"""The admin of pegawai: pages and their query counts, search, filters, permissions, and the
employee's NIP and retirement written through the forms."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from jabatan.models import Formasi
from pegawai.disiplin import JenisHukuman
from pegawai.models import CatatanEkspor, Pegawai
from pegawai.roles import ADMIN_BKPSDM
from peran.grup import deklarasi
from tests.admin_data import (
    AUTH,
    CONTENT_TYPE,
    JUMLAH_PEGAWAI,
    admin_bound_tests,
    admin_url,
    inline_kosong,
)
from tests.factories import PenempatanFactory, UnitKerjaFactory
from tests.formulir_admin import data_formulir_admin

APP = "pegawai"

# Changelist: AUTH + the page's COUNT + the rows (every printed foreign key joined) + one query
# per filter that reads the database. No bound grows with the 30 rows: one query per row would
# exceed it many times over.
CHANGELIST_QUERIES = {
    "pegawai.unitkerja": AUTH + 2 + 1 + 1,  # filters "depth" (SELECT DISTINCT) and "urusan"
    "pegawai.bidangstudi": AUTH + 2 + 1,  # filter "rumpun"
    "pegawai.rumpunilmu": AUTH + 2,
    "pegawai.urusanpemerintahan": AUTH + 2,
    "pegawai.pegawai": AUTH + 2 + 1,  # filter perangkat daerah: depth-1 units
    "pegawai.riwayatpangkat": AUTH + 2,
    "pegawai.riwayatpendidikan": AUTH + 2,
    "pegawai.hukumandisiplin": AUTH + 2,
    "pegawai.hasilasesmen": AUTH + 2,
    "pegawai.akses": AUTH + 2,
    "pegawai.catatanekspor": AUTH + 2 + 1,  # filter "data": SELECT DISTINCT data
}

# Add page: AUTH + CONTENT_TYPE. No foreign key renders its choices (autocomplete widgets start
# empty) and the inline formsets of a new object load nothing.
# The export log is written by the export pages only: no add page (403).
TANPA_TAMBAH = {"pegawai.catatanekspor"}

# Add page: the queries of a select that lists its choices, on top of AUTH + CONTENT_TYPE.
TAMBAH_LEBIH = {
    "pegawai.urusanpemerintahan": 2,  # the choices of its two many-to-many widgets
}

# Change page: AUTH + CONTENT_TYPE + the object (joined to what its page prints) + the label of
# each selected value in an autocomplete widget (one query per foreign key; a many-to-many costs
# two: its current values and their labels) + one query per inline.
PEGAWAI_CHANGE_QUERIES = (
    AUTH
    + CONTENT_TYPE
    + 1  # the employee with its unit (shown read-only)
    + 5  # inlines: penempatan (with employee, post, position, unit), riwayat pangkat,
    #      riwayat pendidikan, hukuman disiplin, hasil asesmen
    + 1  # the main form's bidang studi label
    + 1  # the bidang studi label of each education row: grows with the employee's own education
    #      rows (a handful), never with the data set
)
CHANGE_QUERIES = {
    "pegawai.unitkerja": AUTH + CONTENT_TYPE + 1 + 1,  # parent
    "pegawai.bidangstudi": AUTH + CONTENT_TYPE + 1 + 1,  # the families to choose from
    "pegawai.rumpunilmu": AUTH + CONTENT_TYPE + 1,
    # two many-to-many widgets (fields, families): the choices and the current values of each
    "pegawai.urusanpemerintahan": AUTH + CONTENT_TYPE + 1 + 4,
    "pegawai.pegawai": PEGAWAI_CHANGE_QUERIES,
    "pegawai.riwayatpangkat": AUTH + CONTENT_TYPE + 1 + 1,  # pegawai
    "pegawai.riwayatpendidikan": AUTH + CONTENT_TYPE + 1 + 2,  # pegawai, bidang studi
    "pegawai.hukumandisiplin": AUTH + CONTENT_TYPE + 1 + 1,  # pegawai
    "pegawai.hasilasesmen": AUTH + CONTENT_TYPE + 1 + 1,  # pegawai
    "pegawai.akses": AUTH + CONTENT_TYPE + 1 + 3,  # user, pegawai, unit kerja
    "pegawai.catatanekspor": AUTH + CONTENT_TYPE + 1 + 1,  # read-only, the user
}


# --- Every page, bounded ---------------------------------------------------------------------


test_it_has_a_query_bound_for_every_registered_admin, TestAdminPages = admin_bound_tests(
    APP, CHANGELIST_QUERIES, CHANGE_QUERIES, tanpa_tambah=TANPA_TAMBAH, tambah_lebih=TAMBAH_LEBIH
)


def test_it_renders_the_pegawai_change_page_with_histories_in_bounded_queries(
    dataset, hr_client, django_assert_max_num_queries
) -> None:
    pegawai = dataset.pegawai[0]
    with django_assert_max_num_queries(PEGAWAI_CHANGE_QUERIES):
        response = hr_client.get(admin_url("pegawai.pegawai", "change", pegawai.pk))
    assert response.status_code == 200
    content = response.content.decode()
    assert pegawai.nip_tercetak in content
    assert "Penata Muda (III/a)" in content
    assert "821/0/2024" in content  # the placement, read-only


# --- Search and filters ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        lambda p: p.nip_tercetak,  # as printed on a decree: 19850315 201001 1 002
        lambda p: p.nip,  # plain
        lambda p: p.nip_tercetak.replace(" ", "\N{NO-BREAK SPACE}"),  # copied from the list
        lambda p: p.nip[:8],  # the birth date: a prefix
    ],
    ids=["grouped", "plain", "copied", "prefix"],
)
def test_it_finds_an_employee_by_nip(dataset, hr_client, typed) -> None:
    pegawai = dataset.pegawai[7]
    response = hr_client.get(
        admin_url("pegawai.pegawai", "changelist"), {"q": f" {typed(pegawai)} "}
    )
    result = list(response.context["cl"].result_list)
    if len("".join(typed(pegawai).split())) == 18:
        assert result == [pegawai]
    else:
        assert pegawai in result
        assert all(p.nip.startswith(pegawai.nip[:8]) for p in result)


def test_it_finds_an_employee_by_name(dataset, hr_client) -> None:
    pegawai = dataset.pegawai[5]
    response = hr_client.get(admin_url("pegawai.pegawai", "changelist"), {"q": pegawai.nama})
    assert pegawai in response.context["cl"].result_list


def test_it_filters_employees_by_perangkat_daerah_with_its_subtree(dataset, hr_client) -> None:
    opd = dataset.opd[1]
    response = hr_client.get(
        admin_url("pegawai.pegawai", "changelist"), {"perangkat_daerah": opd.pk}
    )
    result = list(response.context["cl"].result_list)
    assert len(result) == JUMLAH_PEGAWAI // 3
    # Employees sit one level below the perangkat daerah.
    assert all(p.unit_kerja.parent_id == opd.pk for p in result)
    # Only depth-1 units are offered, never the whole tree.
    spec = next(
        f
        for f in response.context["cl"].filter_specs
        if getattr(f, "parameter_name", None) == "perangkat_daerah"
    )
    assert sorted(pk for pk, _nama in spec.lookup_choices) == sorted(o.pk for o in dataset.opd)


def test_it_filters_sanctions_by_tingkat(dataset, hr_client) -> None:
    response = hr_client.get(
        admin_url("pegawai.hukumandisiplin", "changelist"), {"tingkat": "berat"}
    )
    result = list(response.context["cl"].result_list)
    assert len(result) == JUMLAH_PEGAWAI // 2
    assert {h.jenis for h in result} == {JenisHukuman.PENURUNAN_JABATAN}


# --- Permissions and deletion ----------------------------------------------------------------


def test_it_gives_the_hr_group_exactly_the_role_permissions(db) -> None:
    group = Group.objects.get(name=ADMIN_BKPSDM)
    granted = {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }
    assert granted == set(deklarasi()[ADMIN_BKPSDM])


def test_it_lets_hr_view_every_model_but_not_delete_legal_records() -> None:
    perms = set(deklarasi()[ADMIN_BKPSDM])
    for model in apps.get_app_config(APP).get_models():
        if model is CatatanEkspor:  # exports
            continue
        for action in ("view", "add", "change"):
            assert f"{APP}.{action}_{model._meta.model_name}" in perms
    for legal in (
        "pegawai.delete_pegawai",
        "pegawai.delete_riwayatpangkat",
        "pegawai.delete_hukumandisiplin",
    ):
        assert legal not in perms


def test_it_forbids_hr_to_delete_an_employee(dataset, hr_client) -> None:
    pegawai = dataset.pegawai[0]
    url = admin_url("pegawai.pegawai", "delete", pegawai.pk)
    assert hr_client.get(url).status_code == 403
    assert hr_client.post(url, {"post": "yes"}).status_code == 403
    assert Pegawai.objects.filter(pk=pegawai.pk).exists()


def test_it_shows_the_protected_page_when_a_superuser_deletes_an_employee_with_history(
    dataset, superuser_client
) -> None:
    pegawai = dataset.pegawai[0]
    url = admin_url("pegawai.pegawai", "delete", pegawai.pk)
    response = superuser_client.get(url)
    assert response.status_code == 200
    assert response.context["protected"]
    # The page says why and how to end an employee instead (templates/admin/pegawai/pegawai/).
    assert "Data pegawai tidak dapat dihapus" in response.content.decode()
    response = superuser_client.post(url, {"post": "yes"})
    assert response.status_code == 200
    assert response.context["protected"]
    assert Pegawai.objects.filter(pk=pegawai.pk).exists()


def test_it_makes_the_unit_read_only_on_an_employee_change_page(dataset, hr_client) -> None:
    pegawai = dataset.pegawai[0]
    add_form = hr_client.get(admin_url("pegawai.pegawai", "add")).context["adminform"].form
    change_form = (
        hr_client.get(admin_url("pegawai.pegawai", "change", pegawai.pk)).context["adminform"].form
    )
    assert "unit_kerja" in add_form.fields
    assert "unit_kerja" not in change_form.fields


# --- The employee's form ---------------------------------------------------------------------


def test_it_adds_an_employee_with_a_nip_typed_as_printed(hr_client) -> None:
    unit = UnitKerjaFactory()
    response = hr_client.post(
        admin_url("pegawai.pegawai", "add"),
        {
            "nip": "19850315 201001 1 002",
            "nama": "Ahmad Fauzi",
            "gelar_depan": "Dr.",
            "gelar_belakang": "S.T., M.T.",
            "status": "PNS",
            "golongan": "III/a",
            "tmt_golongan": "2014-04-01",
            "tmt_cpns": "2010-01-01",
            "pendidikan": "S3",
            "unit_kerja": unit.pk,
            "kedudukan": "aktif",
            **inline_kosong("riwayat_pangkat", "riwayat_pendidikan", "hukuman_disiplin", "asesmen"),
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    pegawai = Pegawai.objects.get(nip="198503152010011002")
    # Birth date and gender come from the NIP (Pegawai.clean).
    assert (pegawai.tanggal_lahir, pegawai.jenis_kelamin) == (dt.date(1985, 3, 15), "L")
    assert pegawai.nama_lengkap == "Dr. Ahmad Fauzi, S.T., M.T."


def test_it_shows_the_nip_grouped_and_saves_it_plain(dataset, hr_client) -> None:
    pegawai = dataset.pegawai[2]
    url = admin_url("pegawai.pegawai", "change", pegawai.pk)
    page = hr_client.get(url)
    assert page.context["adminform"].form.initial["nip"] == pegawai.nip_tercetak
    data = data_formulir_admin(page)
    assert data["nip"] == pegawai.nip_tercetak
    data["nama"] = "Nama Baru"
    response = hr_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    pegawai.refresh_from_db()
    assert (pegawai.nama, len(pegawai.nip)) == ("Nama Baru", 18)


def test_it_frees_the_posts_of_an_employee_who_retires(hr_client) -> None:
    penempatan = PenempatanFactory(tmt_mulai=dt.date(2020, 1, 2))
    pegawai = penempatan.pegawai
    url = admin_url("pegawai.pegawai", "change", pegawai.pk)
    data = data_formulir_admin(hr_client.get(url))
    data |= {"kedudukan": "pensiun", "tmt_berhenti": "2026-12-01"}
    response = hr_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    penempatan.refresh_from_db()
    assert penempatan.tmt_selesai == dt.date(2026, 11, 30)
    assert Formasi.objects.get(pk=penempatan.formasi_id).jumlah_terisi == 0
