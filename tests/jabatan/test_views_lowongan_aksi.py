"""The ranking page's actions and parameters: each bad value is a field error on the page.

Proposing and deciding are POST-only views with a form each; the ranking page reads its
query string (why-not NIP, export format, what-if weights) through a form. A non-numeric id,
an employee outside the scope or not eligible, an out-of-range weight or filter value, a bad
date: status 400 with the form's Indonesian message, nothing written, never a 500.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from jabatan.models import Keputusan, Penempatan, Usulan
from pegawai.models import Pegawai
from tests.akses_data import klien
from tests.factories import FormasiFactory
from tests.jabatan.bantu import buat_calon, putus_halaman, usulkan

pytestmark = pytest.mark.django_db

BOBOT = {
    "w_kinerja": 0,
    "w_kompetensi": 0,
    "w_kualifikasi": 0,
    "w_pengembangan": 0,
    "w_pengalaman": 100,
    "w_integritas": 0,
}


def _galat(response, pesan: str) -> None:
    assert response.status_code == 400
    assert pesan in response.content.decode()


@pytest.mark.parametrize(
    ("nilai", "pesan"),
    [
        (["abc"], "“abc” bukan nomor pegawai."),
        (["999999"], "Pegawai itu tidak ada dalam lingkup Anda atau tidak aktif."),
        ([], "Pilih kandidat."),
    ],
)
def test_it_rejects_a_bad_candidate_id_with_a_field_error(org, lowongan_halaman, nilai, pesan):
    formasi, _terbaik, _kedua = lowongan_halaman
    _galat(usulkan(klien(org.users["hr"]), formasi, nilai), pesan)
    assert not Usulan.objects.filter(formasi=formasi).exists()


def test_it_rejects_an_employee_who_left_as_outside_the_scope(org, lowongan_halaman):
    formasi, terbaik, _kedua = lowongan_halaman
    Pegawai.objects.filter(pk=terbaik.pk).update(
        kedudukan="pensiun", tmt_berhenti=timezone.localdate()
    )
    response = usulkan(klien(org.users["hr"]), formasi, [terbaik.pk])
    _galat(response, "Pegawai itu tidak ada dalam lingkup Anda atau tidak aktif.")


def test_it_rejects_an_ineligible_candidate_with_the_services_message(org, lowongan_halaman):
    formasi, terbaik, _kedua = lowongan_halaman
    response = usulkan(klien(org.users["hr"]), formasi, [terbaik.pk, org.pegawai_b.pk])
    _galat(response, "Hanya kandidat yang memenuhi syarat dapat diusulkan")
    assert not Usulan.objects.filter(formasi=formasi).exists()


def test_it_rejects_more_than_three_candidates(org, lowongan_halaman):
    formasi, terbaik, kedua = lowongan_halaman
    ids = [terbaik.pk, kedua.pk, buat_calon(org.bidang_a).pk, buat_calon(org.bidang_a).pk]
    _galat(usulkan(klien(org.users["hr"]), formasi, ids), "Usulkan satu sampai tiga kandidat")
    assert not Usulan.objects.filter(formasi=formasi).exists()


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        ({"pegawai": "x1"}, "Pegawai itu tidak ada dalam lingkup Anda atau tidak aktif."),
        ({"tanggal_sk": "besok"}, "Tanggal harus berformat TTTT-BB-HH."),
        ({"tmt": "2026-02-30"}, "Tanggal harus berformat TTTT-BB-HH."),
        ({"tanggal_sk": ""}, "Tanggal SK wajib diisi."),
        ({"nomor_sk": "   "}, "Nomor SK wajib diisi."),
        ({"metode": "undian"}, "Metode pengisian tidak dikenal."),
        ({"metode": ""}, "Metode pengisian: Pilih metode pengisian: tidak ada metode bawaan."),
        ({"metode": "seleksi_terbuka"}, "pilih seleksi terbuka asal keputusan ini"),
        ({"seleksi": "7"}, "Seleksi itu tidak memuat formasi ini."),
    ],
)
def test_it_rejects_a_bad_decision_with_a_field_error(org, lowongan_halaman, data, pesan):
    formasi, terbaik, kedua = lowongan_halaman
    hr = klien(org.users["hr"])
    assert usulkan(hr, formasi, [terbaik.pk, kedua.pk]).status_code == 302
    _galat(putus_halaman(hr, formasi, **{"pegawai": terbaik.pk, **data}), pesan)
    assert not Keputusan.objects.exists()
    assert not Penempatan.objects.filter(formasi=formasi).exists()


def test_it_rejects_a_decision_for_someone_not_proposed(org, lowongan_halaman):
    formasi, terbaik, kedua = lowongan_halaman
    hr = klien(org.users["hr"])
    usulkan(hr, formasi, [terbaik.pk])
    response = putus_halaman(hr, formasi, pegawai=kedua.pk)
    _galat(response, "Yang diangkat harus salah satu kandidat yang diusulkan kepada PPK.")
    assert not Keputusan.objects.exists()


def test_the_actions_are_post_only_and_hrs(org, lowongan_halaman):
    formasi, terbaik, _kedua = lowongan_halaman
    hr = klien(org.users["hr"])
    assert hr.get(f"/jabatan/lowongan/{formasi.pk}/usulan/").status_code == 405
    assert hr.get(f"/jabatan/lowongan/{formasi.pk}/keputusan/").status_code == 405
    pimpinan = klien(org.users["pimpinan"])
    assert usulkan(pimpinan, formasi, [terbaik.pk]).status_code == 403
    assert putus_halaman(pimpinan, formasi, pegawai=terbaik.pk).status_code == 403
    assert not Usulan.objects.exists()


@pytest.mark.parametrize(
    ("query", "pesan"),
    [
        ({**BOBOT, "w_kinerja": "abc"}, "Bobot harus bilangan bulat."),
        ({**BOBOT, "w_kinerja": 150, "w_pengalaman": -50}, "Bobot paling besar 100."),
        ({**BOBOT, "w_pengalaman": -1}, "Bobot paling kecil 0."),
        ({"w_kinerja": 100}, "Isi keenam bobot simulasi."),
        ({**BOBOT, "w_pengalaman": 90}, "Jumlah bobot simulasi harus 100 (sekarang 90)."),
        ({"nip": "1985abc"}, "NIP harus 18 digit angka"),
        ({"nip": "1" * 19}, "NIP harus 18 digit angka"),
    ],
)
def test_the_ranking_page_shows_a_bad_parameter_as_a_field_error(
    org, lowongan_halaman, query, pesan
):
    formasi, _terbaik, _kedua = lowongan_halaman
    response = klien(org.users["hr"]).get(f"/jabatan/lowongan/{formasi.pk}/", query)
    _galat(response, pesan)
    # Ranked with the profile's weights, not a silently corrected simulation.
    assert not response.context["simulasi"]
    assert response["Content-Type"].startswith("text/html")


def test_the_ranking_page_accepts_a_grouped_nip_and_valid_weights(org, lowongan_halaman):
    formasi, _terbaik, _kedua = lowongan_halaman
    hr = klien(org.users["hr"])
    response = hr.get(f"/jabatan/lowongan/{formasi.pk}/", {"nip": org.pegawai_b.nip_tercetak})
    assert response.status_code == 200 and response.context["cari"] is not None
    response = hr.get(f"/jabatan/lowongan/{formasi.pk}/", BOBOT)
    assert response.status_code == 200 and response.context["simulasi"]


def test_another_post_id_than_a_number_is_404(org):
    assert klien(org.users["hr"]).get("/jabatan/lowongan/999999/").status_code == 404


@pytest.mark.parametrize(
    ("nilai", "pesan"),
    [
        ("-1", "Lowong minimal paling kecil 0 hari."),
        ("99999999999", "Lowong minimal paling besar 36500 hari."),
        ("abc", "Lowong minimal harus bilangan bulat hari."),
        ("1.5", "Lowong minimal harus bilangan bulat hari."),
    ],
)
def test_the_vacancy_lists_show_a_bad_filter_value_as_a_field_error(org, nilai, pesan):
    FormasiFactory(unit_kerja=org.bidang_a)
    response = klien(org.users["hr"]).get("/jabatan/lowongan/", {"lowong_minimal": nilai})
    _galat(response, pesan)
    response = klien(org.users["pegawai"]).get("/jabatan/peluang/", {"lowong_minimal": nilai})
    _galat(response, pesan)


def test_a_decision_without_any_proposal_shows_why(org, lowongan_halaman):
    formasi, terbaik, _kedua = lowongan_halaman
    response = putus_halaman(klien(org.users["hr"]), formasi, pegawai=terbaik.pk)
    _galat(response, "Yang diangkat harus salah satu kandidat yang diusulkan kepada PPK.")
