"""The public page of the merit-system index: the latest final assessment from its frozen
record (never a draft, never the live answers), each criterion's figure, the method, the
year-on-year chart, a clear message while nothing is final, and a link in the public menu."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from sistem_merit.models import JawabanKriteria, Kriteria
from tests.factories import PegawaiFactory
from tests.sistem_merit.bantu_publik import buat_penilaian

pytestmark = pytest.mark.django_db


def _teks(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_it_says_so_while_no_assessment_is_final(client, hr_user):
    buat_penilaian(hr_user, final=False)
    response = client.get(reverse("sistem_merit:publik"))
    assert response.status_code == 200
    teks = _teks(response)
    assert "Belum ada penilaian mandiri sistem merit yang final" in teks
    assert "Aspek satu" not in teks  # nothing of the draft


def test_it_shows_the_latest_final_total_band_aspects_and_figures(client, hr_user):
    buat_penilaian(hr_user, tahun=2024, figur=(1, 4), level={"1.2": 1, "2.1": 1})
    buat_penilaian(hr_user, tahun=2025, figur=(3, 4))
    teks = _teks(client.get(reverse("sistem_merit:publik")))
    # 2025: aspect 1 = 60 × (3 + 3) / 2 = 180, aspect 2 = 40 × 2 = 80; total 260, III Baik.
    assert "260" in teks and "III Baik" in teks
    assert "180 / 240" in teks and "80 / 160" in teks
    assert "3 / 4 (75%)" in teks  # the figure of 1.1, Indonesian decimals
    assert "3 dari 4 baris uji" in teks
    assert "ditetapkan dengan dokumen" in teks  # 1.2 and 2.1: no figure
    assert "2024" in teks  # the chart's table and the link to the other year
    assert "Kriteria 1.1 — sumber: uji" in teks  # unverified rows, with their source
    assert "rata-rata level kriterianya dikali bobot aspek" in teks  # the formula in words


def test_it_reads_the_frozen_record_not_the_live_rows(client, hr_user):
    penilaian = buat_penilaian(hr_user, tahun=2025, figur=(3, 4))
    Kriteria.objects.filter(kode="1.1").update(uraian="Diubah sesudah final")
    teks = _teks(client.get(reverse("sistem_merit:publik")))
    assert "Kriteria 1.1" in teks and "Diubah sesudah final" not in teks
    assert JawabanKriteria.objects.filter(penilaian=penilaian).count() == 3


def test_a_year_has_its_own_address_and_a_year_without_a_final_assessment_is_404(client, hr_user):
    buat_penilaian(hr_user, tahun=2024, figur=(1, 4), level={"1.2": 1, "2.1": 1})
    buat_penilaian(hr_user, tahun=2025, figur=(3, 4))
    teks = _teks(client.get(reverse("sistem_merit:publik_tahun", args=[2024])))
    assert "tahun 2024" in teks and "I Buruk" in teks
    assert client.get(reverse("sistem_merit:publik_tahun", args=[2019])).status_code == 404


def test_nothing_about_any_one_person_is_shown(client, hr_user):
    pegawai = PegawaiFactory()
    buat_penilaian(hr_user)
    html = client.get(reverse("sistem_merit:publik")).content.decode()
    assert pegawai.nip not in html and pegawai.nama not in html
    assert hr_user.get_username() not in _teks(client.get(reverse("sistem_merit:publik")))
    assert "Dokumen 1.2 diperiksa" not in html  # HR's reasons stay with HR


def test_the_public_menu_links_to_it(client):
    html = client.get(reverse("publik:beranda")).content.decode()
    assert f'href="{reverse("sistem_merit:publik")}"' in html


def test_it_takes_a_fixed_number_of_queries(client, hr_user, django_assert_num_queries):
    buat_penilaian(hr_user, tahun=2024, figur=(1, 4))
    buat_penilaian(hr_user, tahun=2025)
    # The assessment with its instrument, bands, aspects, criteria, the years' chart, the
    # years that have a final assessment.
    with django_assert_num_queries(6):
        client.get(reverse("sistem_merit:publik"))


def test_the_formula_of_19_2025_is_told_with_the_survey_weight():
    from sistem_merit.models import Penilaian
    from sistem_merit.terbuka import formula_in_words
    from tests.sistem_merit import bantu

    instrumen = bantu.buat(bantu.data_2025())
    teks = formula_in_words(Penilaian(instrumen=instrumen, tahun=2026))
    assert "level 0 sampai 4" in teks
    assert "Indeks = (1 − 0,25) × kematangan + 0,25 × skor survei" in teks
