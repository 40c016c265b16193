"""The employee page outside the admin (jabatan.views_pegawai): HR sees everyone, a unit head
only their unit; every section from one fixed number of queries; edit links only with the
permission to edit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jabatan.models import Suksesor, Usulan
from kinerja.models import Skp
from pegawai.models import HasilAsesmen, HukumanDisiplin, RiwayatPendidikan
from pelatihan.models import Peserta, Program, Sesi
from tests.akses_data import hr_tanpa, klien
from tests.factories import FormasiFactory, RiwayatPangkatFactory, skp_final

pytestmark = pytest.mark.django_db


def _url(pegawai) -> str:
    return f"/jabatan/pegawai/{pegawai.pk}/"


def test_it_shows_hr_every_section(org):
    response = klien(org.users["hr"]).get(_url(org.pegawai_a))
    assert response.status_code == 200
    body = response.content.decode()
    for teks in (
        "Baiq Nurul Aini",
        org.pegawai_a.nip_tercetak,
        "Riwayat jabatan",
        org.formasi_a.jabatan.nama,
        "Riwayat pangkat",
        "Universitas Mataram",  # education
        "Teguran lisan",  # discipline
        "SKP per tahun",
        "Baik",  # the 2025 SKP's predikat
        "Pelatihan dan JP",
        "Asesmen kompetensi dan JPM",
        "Manajemen talenta dan suksesi",
        "Kelayakan untuk formasi tempat ia diperingkat",
    ):
        assert teks in body, teks
    # HR may edit: the links to the admin are there.
    assert f"/admin/pegawai/pegawai/{org.pegawai_a.pk}/change/" in body
    assert f"/admin/kinerja/skp/{Skp.objects.get(pegawai=org.pegawai_a).pk}/change/" in body


@pytest.mark.parametrize(
    ("role", "pegawai", "status"),
    [
        ("hr", "pegawai_a", 200),
        ("hr", "pegawai_b", 200),
        ("pimpinan", "pegawai_a", 200),  # head of A, employee in a bidang under A
        ("pimpinan", "pegawai_b", 404),  # only your unit: B is not theirs, and nothing leaks
        ("pimpinan_lain", "pegawai_a", 404),
        ("pegawai", "pegawai_a", 403),  # an employee has /saya/, not this page
        ("anonim", "pegawai_a", 302),
    ],
)
def test_it_shows_each_role_only_their_scope(org, role, pegawai, status):
    assert klien(org.users[role]).get(_url(getattr(org, pegawai))).status_code == status


def test_a_unit_head_reads_without_edit_links(org):
    body = klien(org.users["pimpinan"]).get(_url(org.pegawai_a)).content.decode()
    assert "Baiq Nurul Aini" in body
    assert "/admin/" not in body.split("<main>")[1]


def test_the_search_finds_by_name_or_nip_within_scope(org):
    hr, pimpinan = klien(org.users["hr"]), klien(org.users["pimpinan"])
    nama = lambda r: [p.nama for p in r.context["halaman"]]  # noqa: E731
    assert nama(hr.get("/jabatan/pegawai/", {"q": "lalu zaini"})) == ["Lalu Ahmad Zaini"]
    assert nama(pimpinan.get("/jabatan/pegawai/", {"q": "lalu"})) == []
    # NIP grouped as printed, or its first digits.
    grouped = org.pegawai_a.nip_tercetak
    assert nama(pimpinan.get("/jabatan/pegawai/", {"q": grouped})) == ["Baiq Nurul Aini"]
    assert nama(hr.get("/jabatan/pegawai/", {"q": org.pegawai_b.nip[:8]})) == ["Lalu Ahmad Zaini"]
    body = pimpinan.get("/jabatan/pegawai/").content.decode()
    assert f'href="{_url(org.pegawai_a)}"' in body
    assert f'href="{_url(org.pegawai_b)}"' not in body


def test_it_shows_the_posts_the_employee_is_ranked_for(org):
    pos = FormasiFactory(unit_kerja=org.unit_b, jabatan__nama="Kepala Seksi Uji")
    Usulan.objects.create(
        formasi=pos, pegawai=org.pegawai_a, diusulkan_oleh=org.users["hr"], urutan=1, peringkat=2
    )
    response = klien(org.users["hr"]).get(_url(org.pegawai_a))
    (baris,) = response.context["p"].peluang
    assert baris.formasi == pos and baris.usulan.peringkat == 2
    assert baris.hasil is not None  # explained by the merit rules
    body = response.content.decode()
    assert "Kepala Seksi Uji" in body and "Diusulkan (peringkat 2)" in body
    assert f"/jabatan/lowongan/{pos.pk}/?nip={org.pegawai_a.nip}" in body
    # The link shows to whom the ranking page's declaration lets in (jabatan.views.PERINGKAT).
    tanpa = klien(hr_tanpa("jabatan.add_keputusan"))
    body = tanpa.get(_url(org.pegawai_a)).content.decode()
    assert "Kepala Seksi Uji" in body and f"/jabatan/lowongan/{pos.pk}/" not in body
    assert tanpa.get(f"/jabatan/lowongan/{pos.pk}/").status_code == 403


def _sejarah_panjang(org, dari: int, sampai: int) -> None:
    """More rows of every history of employee A, and more posts they are ranked for."""
    p = org.pegawai_a
    program = Program.objects.get_or_create(
        kode="UJI",
        defaults={
            "nama": "Pelatihan Uji",
            "jenis": "klasikal",
            "bentuk": "pelatihan",
            "kelompok": "teknis",
            "sifat": "hard",
            "jumlah_jp": 20,
        },
    )[0]
    for i in range(dari, sampai):
        RiwayatPangkatFactory(pegawai=p, golongan="II/a", tmt_golongan=dt.date(1990 + i, 4, 1))
        RiwayatPendidikan.objects.create(
            pegawai=p, tingkat="SLTA", nama_institusi=f"SMA {i}", tahun_lulus=1980 + i
        )
        HukumanDisiplin.objects.create(
            pegawai=p,
            jenis="teguran_lisan",
            nomor_sk=f"800/{i}",
            tanggal_sk=dt.date(2000 + i, 1, 2),
            tmt_mulai=dt.date(2000 + i, 1, 2),
        )
        HasilAsesmen.objects.create(
            pegawai=p,
            tanggal=dt.date(2000 + i, 5, 1),
            metode="ac",
            asesor="UPT",
            **dict.fromkeys(("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "sk01"), 2),
        )
        skp_final(p, tahun=2000 + i, predikat="Baik", perangkat_daerah=org.unit_a)
        sesi = Sesi.objects.create(
            program=program,
            nama=f"Angkatan {i}",
            tanggal_mulai=dt.date(2026, 3, 2),
            tanggal_selesai=dt.date(2026, 3, 6),
            moda="daring",
            kapasitas=10,
            penyelenggara="bkpsdm",
        )
        Peserta.objects.create(sesi=sesi, pegawai=p)
        pos = FormasiFactory(unit_kerja=org.unit_b)
        Usulan.objects.create(formasi=pos, pegawai=p, diusulkan_oleh=org.users["hr"], urutan=1)
        Suksesor.objects.create(
            formasi=FormasiFactory(unit_kerja=org.unit_b),
            pegawai=p,
            kesiapan="sekarang",
            urutan=1,
            tanggal_penetapan=dt.date(2026, 1, 5),
            ditetapkan_oleh=org.users["hr"],
        )


def test_the_query_count_does_not_grow_with_the_history(org, django_assert_max_num_queries):
    client = klien(org.users["hr"])
    _sejarah_panjang(org, 0, 1)
    client.get(_url(org.pegawai_a))
    with CaptureQueriesContext(connection) as sedikit:
        client.get(_url(org.pegawai_a))
    _sejarah_panjang(org, 1, 12)
    # session, user, permissions (2); the employee with placements, ranks, education,
    # discipline, assessments (6); SKPs; the projection row, its sanctions, affair days and JP
    # years (4); talent bands; proposals; succession entries; the posts explained (posts,
    # fields of study, required families, profiles, bands, holdings, relevance: fields,
    # affairs, units, profiles requiring leadership, leadership programs); training
    # (enrolments, external, JP of the year twice) and JP of five years (2); the menu.
    with django_assert_max_num_queries(35), CaptureQueriesContext(connection) as banyak:
        response = client.get(_url(org.pegawai_a))
    assert len(banyak) == len(sedikit)
    p = response.context["p"]
    assert len(p.skp) == 13 and len(p.peluang) == 24
    assert len(p.pegawai.riwayat_pangkat.all()) == 13  # prefetched


def test_the_search_query_count_is_bounded(org, django_assert_max_num_queries):
    client = klien(org.users["hr"])
    client.get("/jabatan/pegawai/")
    # session, user, permissions (2), count, rows with their units, the menu (2).
    with django_assert_max_num_queries(9):
        client.get("/jabatan/pegawai/", {"q": "a"})


def test_the_admin_change_form_links_back_to_the_page(org):
    body = klien(org.users["hr"]).get(f"/admin/pegawai/pegawai/{org.pegawai_a.pk}/change/")
    assert f'href="{_url(org.pegawai_a)}"' in body.content.decode()
