"""The admin of jabatan: pages and their query counts, search, filters, permissions, and the
placements, quotas and positions written through the services."""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from jabatan.models import Formasi, IndeksJp, IndeksMerit, IndeksUrusan, Jabatan, Penempatan
from pegawai.models import Pegawai
from pegawai.roles import ADMIN_BKPSDM
from peran.grup import deklarasi
from tests.admin_data import AUTH, CONTENT_TYPE, admin_bound_tests, admin_url
from tests.factories import FormasiFactory, JabatanFactory, PegawaiFactory, PenempatanFactory

APP = "jabatan"

# Changelist: AUTH + the page's COUNT + the rows (every printed foreign key joined) + one query
# per filter that reads the database. No bound grows with the 30 rows: one query per row would
# exceed it many times over.
CHANGELIST_QUERIES = {
    "jabatan.jabatan": AUTH + 2 + 1,  # filter "kelas jabatan": SELECT DISTINCT kelas_jabatan
    "jabatan.formasi": AUTH + 2 + 1,  # filter perangkat daerah
    "jabatan.penempatan": AUTH + 2 + 1,  # filter perangkat daerah
    "jabatan.profilmerit": AUTH + 2,
    "jabatan.usulan": AUTH + 2,
    "jabatan.keputusan": AUTH + 2,
    "jabatan.suksesor": AUTH + 2 + 1,  # filter perangkat daerah
    "jabatan.pengaturanpetikan": AUTH + 2,  # the signatory joined
}

# Add page: AUTH + CONTENT_TYPE. No foreign key renders its choices (autocomplete widgets start
# empty) and the inline formsets of a new object load nothing.
# Proposals and decisions are written by their pages only, successors by the post's page, and
# the extract's settings are one row: no add page (403).
TANPA_TAMBAH = {
    "jabatan.usulan",
    "jabatan.keputusan",
    "jabatan.suksesor",
    "jabatan.pengaturanpetikan",
}
# Add page: the queries of a select that lists its choices, on top of AUTH + CONTENT_TYPE.
TAMBAH_LEBIH = {
    "jabatan.jabatan": 1,  # the choices of the required families (Jabatan.rumpun_wajib)
}

# Change page: AUTH + CONTENT_TYPE + the object (joined to what its page prints) + the label of
# each selected value in an autocomplete widget (one query per foreign key; a many-to-many costs
# two: its current values and their labels) + one query per inline.
CHANGE_QUERIES = {
    # bidang studi (many-to-many autocomplete), the required families' select (a small table)
    "jabatan.jabatan": AUTH + CONTENT_TYPE + 1 + 2 + 1,
    "jabatan.formasi": AUTH + CONTENT_TYPE + 1 + 2,  # jabatan, unit kerja
    "jabatan.penempatan": AUTH + CONTENT_TYPE + 1,  # all read-only, joined
    "jabatan.profilmerit": AUTH + CONTENT_TYPE + 1,
    "jabatan.usulan": AUTH + CONTENT_TYPE + 1 + 3,  # read-only: post, employee, proposer
    "jabatan.keputusan": AUTH + CONTENT_TYPE + 1 + 5,  # read-only: post, employee, placement, ...
    "jabatan.suksesor": AUTH + CONTENT_TYPE + 1 + 3,  # read-only: post, employee, who set it
    "jabatan.pengaturanpetikan": AUTH + CONTENT_TYPE + 1,  # no signatory chosen yet
}


# --- Every page, bounded ---------------------------------------------------------------------


test_it_has_a_query_bound_for_every_registered_admin, TestAdminPages = admin_bound_tests(
    APP, CHANGELIST_QUERIES, CHANGE_QUERIES, tanpa_tambah=TANPA_TAMBAH, tambah_lebih=TAMBAH_LEBIH
)


def test_it_labels_formasi_autocomplete_results_in_bounded_queries(
    dataset, hr_client, django_assert_max_num_queries
) -> None:
    url = reverse("admin:autocomplete")
    params = {
        "app_label": "jabatan",
        "model_name": "penempatan",
        "field_name": "formasi",
        "term": "Analis",
    }
    # AUTH + COUNT (paginator) + the page of posts joined to position and unit.
    with django_assert_max_num_queries(AUTH + 2):
        response = hr_client.get(url, params)
    assert response.status_code == 200
    assert len(response.json()["results"]) == 20  # a full page: per-row queries would show


# --- Search and filters ----------------------------------------------------------------------


def test_it_finds_placements_by_grouped_nip(dataset, hr_client) -> None:
    pegawai = dataset.pegawai[3]
    response = hr_client.get(
        admin_url("jabatan.penempatan", "changelist"), {"q": pegawai.nip_tercetak}
    )
    assert [p.pegawai_id for p in response.context["cl"].result_list] == [pegawai.pk]


def test_it_filters_vacant_posts(dataset, hr_client) -> None:
    kosong = FormasiFactory(kuota=2)
    response = hr_client.get(admin_url("jabatan.formasi", "changelist"), {"lowong": "ya"})
    assert list(response.context["cl"].result_list) == [kosong]


# --- Permissions -----------------------------------------------------------------------------


def test_it_lets_hr_view_every_model_but_not_delete_legal_records() -> None:
    perms = set(deklarasi()[ADMIN_BKPSDM])
    for model in apps.get_app_config(APP).get_models():
        if model in (IndeksMerit, IndeksUrusan, IndeksJp):  # the merit projection
            continue
        for action in ("view", "add", "change"):
            assert f"{APP}.{action}_{model._meta.model_name}" in perms
    assert "jabatan.delete_penempatan" not in perms


# --- Placements through the service ----------------------------------------------------------


def _penempatan_post(pegawai: Pegawai, formasi: Formasi, **extra: str) -> dict[str, object]:
    return {
        "pegawai": pegawai.pk,
        "formasi": formasi.pk,
        "jenis": Penempatan.Jenis.DEFINITIF,
        "tmt_mulai": "2025-01-02",
        "nomor_sk": "821.2/15/BKPSDM/2025",
        "tanggal_sk": "2024-12-20",
        "keterangan": "",
        **extra,
    }


def test_it_adds_a_placement_through_the_service(hr_client) -> None:
    pegawai = PegawaiFactory()
    formasi = FormasiFactory()
    response = hr_client.post(
        admin_url("jabatan.penempatan", "add"), _penempatan_post(pegawai, formasi)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    penempatan = Penempatan.objects.get(pegawai=pegawai)
    assert penempatan.formasi == formasi
    assert penempatan.nomor_sk == "821.2/15/BKPSDM/2025"
    formasi.refresh_from_db()
    assert formasi.jumlah_terisi == 1
    pegawai.refresh_from_db()
    assert pegawai.unit_kerja_id == formasi.unit_kerja_id  # only the service moves the unit


def test_it_transfers_an_employee_ending_the_previous_placement(hr_client) -> None:
    lama = PenempatanFactory(tmt_mulai=dt.date(2020, 1, 2))
    baru = FormasiFactory()
    response = hr_client.post(
        admin_url("jabatan.penempatan", "add"), _penempatan_post(lama.pegawai, baru)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    lama.refresh_from_db()
    assert lama.tmt_selesai == dt.date(2025, 1, 1)
    assert Penempatan.objects.get(pegawai=lama.pegawai, tmt_selesai__isnull=True).formasi == baru


def test_it_rejects_a_placement_into_a_full_post(hr_client) -> None:
    terisi = PenempatanFactory()
    formasi = terisi.formasi
    pegawai = PegawaiFactory()
    response = hr_client.post(
        admin_url("jabatan.penempatan", "add"), _penempatan_post(pegawai, formasi)
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert f"Formasi {formasi} sudah penuh" in " ".join(errors["formasi"])
    assert not Penempatan.objects.filter(pegawai=pegawai).exists()
    formasi.refresh_from_db()
    assert formasi.jumlah_terisi == 1


def test_it_rejects_a_definitive_placement_below_the_minimum_rank(hr_client) -> None:
    formasi = FormasiFactory(jabatan=JabatanFactory(golongan_minimal="III/c"))
    pegawai = PegawaiFactory(golongan="III/a")
    response = hr_client.post(
        admin_url("jabatan.penempatan", "add"), _penempatan_post(pegawai, formasi)
    )
    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors["pegawai"])
    assert "Penata Muda (III/a) di bawah golongan minimal" in errors
    assert not Penempatan.objects.exists()


def test_it_turns_a_refusal_at_save_time_into_a_message(hr_client, monkeypatch) -> None:
    pegawai = PegawaiFactory()
    formasi = FormasiFactory()

    def refuse(**kwargs: object) -> None:
        # What penempatan_create raises when another HR user filled the post a moment earlier.
        raise ValidationError({"formasi": "Formasi sudah penuh: baru saja disimpan."})

    monkeypatch.setattr("jabatan.admin.penempatan.penempatan_create", refuse)
    url = admin_url("jabatan.penempatan", "add")
    response = hr_client.post(url, _penempatan_post(pegawai, formasi), follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert "Formasi sudah penuh: baru saja disimpan." in [
        str(m) for m in response.context["messages"]
    ]
    assert not Penempatan.objects.exists()


def test_it_ends_a_placement_through_the_service(hr_client) -> None:
    penempatan = PenempatanFactory()
    url = admin_url("jabatan.penempatan", "change", penempatan.pk)
    response = hr_client.post(
        url, {"tmt_selesai": "2025-06-30", "nomor_sk": "", "tanggal_sk": "", "keterangan": "Mutasi"}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    penempatan.refresh_from_db()
    assert penempatan.tmt_selesai == dt.date(2025, 6, 30)
    assert penempatan.keterangan == "Mutasi"
    penempatan.formasi.refresh_from_db()
    assert penempatan.formasi.jumlah_terisi == 0


def test_it_refuses_to_reopen_an_ended_placement(hr_client) -> None:
    penempatan = PenempatanFactory(tmt_selesai=dt.date(2024, 6, 30))
    url = admin_url("jabatan.penempatan", "change", penempatan.pk)
    response = hr_client.post(
        url, {"tmt_selesai": "", "nomor_sk": "", "tanggal_sk": "", "keterangan": ""}
    )
    assert response.status_code == 200
    assert "tmt_selesai" in response.context["adminform"].form.errors
    penempatan.refresh_from_db()
    assert penempatan.tmt_selesai == dt.date(2024, 6, 30)


def test_it_rejects_a_quota_below_the_holders(hr_client) -> None:
    formasi = FormasiFactory(kuota=2)
    PenempatanFactory(formasi=formasi)
    PenempatanFactory(formasi=formasi)
    response = hr_client.post(
        admin_url("jabatan.formasi", "change", formasi.pk),
        {
            "jabatan": formasi.jabatan_id,
            "unit_kerja": formasi.unit_kerja_id,
            "kuota": 1,
            "keterangan": "",
        },
    )
    assert response.status_code == 200
    assert "lebih kecil dari jumlah pemangku" in " ".join(
        response.context["adminform"].form.errors["kuota"]
    )
    formasi.refresh_from_db()
    assert (formasi.kuota, formasi.jumlah_terisi) == (2, 2)


def test_it_changes_a_quota_through_the_service(hr_client) -> None:
    formasi = FormasiFactory(kuota=1)
    PenempatanFactory(formasi=formasi)
    response = hr_client.post(
        admin_url("jabatan.formasi", "change", formasi.pk),
        {
            "jabatan": formasi.jabatan_id,
            "unit_kerja": formasi.unit_kerja_id,
            "kuota": 3,
            "keterangan": "Analisis beban kerja 2025",
        },
    )
    assert response.status_code == 302
    formasi.refresh_from_db()
    assert (formasi.kuota, formasi.jumlah_terisi, formasi.keterangan) == (
        3,
        1,
        "Analisis beban kerja 2025",
    )


def test_it_fills_blank_competency_standards_when_adding_a_position(hr_client) -> None:
    response = hr_client.post(
        admin_url("jabatan.jabatan", "add"),
        {
            "kode": "JF-ASDMA-1",
            "nama": "Analis SDM Aparatur Ahli Pertama",
            "jenis": "FUNGSIONAL",
            "jenjang": "AHLI_PERTAMA",
            "kelas_jabatan": 8,
            "eselon": "",
            "aktif": "on",
            "golongan_minimal": "III/a",
            "pendidikan_minimal": "S1",
            "bup_khusus": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    jabatan = Jabatan.objects.get(kode="JF-ASDMA-1")
    assert all(1 <= level <= 5 for level in jabatan.standar_kompetensi.values())
    assert jabatan.batas_usia_pensiun == 58
