"""Landing pages by role in Chromium at phone width: a unit head lands on their unit, filters the
SKPs waiting for their rating and rates one Butuh Perbaikan (refused without the note, accepted
with it); an employee lands on their own page and fills in their realisation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from kinerja.models import Periode, Skp
from tests.akses_data import buat_organisasi
from tests.browser.alat import login, tangkap_layar
from tests.factories import FormasiFactory, JabatanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HP = {"width": 390, "height": 844}
LEBAR = {"width": 1280, "height": 900}


@pytest.fixture
def org():
    org = buat_organisasi()
    periode = Periode.objects.create(tahun=2026, jenis="tahunan")
    penilai = org.users["pimpinan"].akses.pegawai
    org.skp_a = Skp.objects.create(
        pegawai=org.pegawai_a,
        periode=periode,
        penilai=penilai,
        unit_kerja=org.bidang_a,
        perangkat_daerah=org.unit_a,
        golongan="III/a",
        status=Skp.Status.DIRENCANAKAN,
    )
    org.skp_a.rencana.create(
        urutan=1,
        hasil_kerja="Layanan imunisasi dasar lengkap",
        indikator="Cakupan imunisasi",
        target="95%",
    )
    FormasiFactory(unit_kerja=org.bidang_a, jabatan=JabatanFactory(nama="Epidemiolog Kesehatan"))
    return org


def test_a_unit_head_lands_on_their_unit_and_rates_butuh_perbaikan_with_a_note(
    page: Page, live_server, org
):
    base = live_server.url
    page.set_viewport_size(HP)
    login(page, base, "pimpinan")
    expect(page).to_have_url(f"{base}/jabatan/unit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dinas Kesehatan")
    expect(page.locator("#skp-menunggu")).to_be_visible()
    expect(page.get_by_text("Epidemiolog Kesehatan")).to_be_visible()
    tangkap_layar(page, "unit-pimpinan-390")
    page.set_viewport_size(LEBAR)
    tangkap_layar(page, "unit-pimpinan-1280")
    page.set_viewport_size(HP)

    # The SKP list, filtered to what waits for this head's rating.
    page.get_by_role("link", name="Daftar SKP yang saya nilai").click()
    expect(page.get_by_label("Keadaan")).to_have_value("menunggu")
    page.get_by_label("Keadaan").select_option("rencana")
    page.get_by_role("button", name="Terapkan").click()
    expect(page.locator("#skp-dinilai")).not_to_contain_text("Baiq Nurul Aini")
    page.get_by_label("Keadaan").select_option("menunggu")
    page.get_by_role("button", name="Terapkan").click()
    tangkap_layar(page, "skp-menunggu-390")
    page.locator("#skp-dinilai").get_by_role("link", name=re.compile("Baiq Nurul Aini")).click()

    page.get_by_label("Rating hasil kerja").select_option("Di Bawah Ekspektasi")
    page.get_by_label("Rating perilaku kerja (BerAKHLAK)").select_option("Sesuai Ekspektasi")
    page.get_by_label("Saya tetap menilai").check()
    page.get_by_role("button", name="Simpan penilaian").click()
    expect(
        page.get_by_text(re.compile("Catatan penilai wajib diisi untuk predikat Butuh"))
    ).to_be_visible()
    expect(page.locator("#status-skp")).to_have_text("Direncanakan")
    tangkap_layar(page, "skp-bp-tanpa-catatan-390")
    page.get_by_label("Catatan penilai").fill(
        "Cakupan imunisasi hanya 70% dari target 95%; susun rencana aksi bulanan bersama saya."
    )
    page.get_by_label("Saya tetap menilai").check()
    page.get_by_role("button", name="Simpan penilaian").click()
    expect(page.locator("#predikat-skp")).to_have_text("Butuh Perbaikan")
    tangkap_layar(page, "skp-bp-dengan-catatan-390")
    skp = Skp.objects.get(pk=org.skp_a.pk)
    assert (skp.status, skp.predikat) == (Skp.Status.DIEVALUASI, "Butuh Perbaikan")
    assert skp.catatan_penilai.startswith("Cakupan imunisasi hanya 70%")


def test_an_employee_lands_on_their_page_and_fills_in_the_realisation(page: Page, live_server, org):
    base = live_server.url
    page.set_viewport_size(HP)
    login(page, base, "pegawai")
    expect(page).to_have_url(f"{base}/saya/")
    expect(page.get_by_role("heading", name=re.compile("Baiq Nurul Aini"))).to_be_visible()
    kartu = page.locator("#ringkasan-saya")
    expect(kartu).to_contain_text("SKP Tahunan 2026")
    expect(kartu).to_contain_text("Kurang 20 JP dari 20 JP")
    expect(kartu.get_by_role("link", name="Lihat peluang saya")).to_be_visible()
    tangkap_layar(page, "saya-pegawai-390")
    page.set_viewport_size(LEBAR)
    tangkap_layar(page, "saya-pegawai-1280")
    page.set_viewport_size(HP)

    kartu.get_by_role("link", name="Isi realisasi").click()
    page.get_by_label("Realisasi", exact=True).fill("96%")
    page.get_by_label("Bukti dukung").fill("Laporan PWS imunisasi Desember")
    page.get_by_role("button", name="Simpan realisasi").click()
    expect(page.get_by_text("Realisasi disimpan.")).to_be_visible()
    tangkap_layar(page, "skp-realisasi-390")
    assert org.skp_a.rencana.get().realisasi == "96%"

    page.goto(f"{base}/")  # the site's home takes the employee back to their page
    expect(page).to_have_url(f"{base}/saya/")
    expect(page.locator("#ringkasan-saya")).to_contain_text("Realisasi lengkap")
