"""An evaluator rates an SKP to final in Chromium, and the dashboard shows it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from kinerja.models import Periode, Skp
from tests.akses_data import buat_organisasi
from tests.browser.alat import login, tangkap_layar

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_evaluator_rates_an_skp_to_final_and_the_dashboard_updates(page: Page, live_server):
    org = buat_organisasi()
    periode = Periode.objects.create(tahun=2026, jenis="tahunan")
    skp = Skp.objects.create(
        pegawai=org.pegawai_a,
        periode=periode,
        penilai=org.users["pimpinan"].akses.pegawai,
        unit_kerja=org.bidang_a,
        perangkat_daerah=org.unit_a,
        golongan="III/a",
    )
    base = live_server.url
    login(page, base, "pimpinan")

    page.goto(f"{base}/kinerja/?periode={periode.pk}")
    expect(page.get_by_role("heading", name=re.compile("Dasbor kinerja"))).to_be_visible()
    assert page.locator(".kartu .angka").nth(1).inner_text() == "0"  # nothing rated yet

    page.get_by_role("link", name="SKP", exact=True).click()
    page.get_by_role("row", name=re.compile("Tahunan 2026")).get_by_role("link").click()
    page.get_by_label("Rencana hasil kerja 1").fill("Layanan imunisasi dasar lengkap")
    page.get_by_label("Indikator 1").fill("Cakupan imunisasi")
    page.get_by_label("Target 1").fill("95%")
    page.get_by_role("button", name="Simpan rencana").click()
    expect(page.locator("#status-skp")).to_have_text("Direncanakan")

    page.get_by_label("Rating hasil kerja").select_option("Di Atas Ekspektasi")
    page.get_by_label("Rating perilaku kerja (BerAKHLAK)").select_option("Di Atas Ekspektasi")
    expect(page.locator("#peringatan-realisasi")).to_contain_text("belum memiliki realisasi")
    page.get_by_label("Saya tetap menilai").check()
    page.get_by_role("button", name="Simpan penilaian").click()
    expect(page.locator("#predikat-skp")).to_have_text("Sangat Baik")
    tangkap_layar(page, "skp-dinilai")
    page.get_by_label("Saya telah memeriksa penilaian ini").check()
    page.get_by_role("button", name="Finalkan SKP").click()
    expect(page.locator("#status-skp")).to_have_text("Final")
    assert Skp.objects.get(pk=skp.pk).status == Skp.Status.FINAL

    page.goto(f"{base}/kinerja/?periode={periode.pk}")
    assert page.locator(".kartu .angka").nth(1).inner_text() == "1"
    row = page.locator("table", has_text="Sebaran predikat").locator("tr", has_text="Sangat Baik")
    expect(row).to_contain_text("1")
    tangkap_layar(page, "dasbor-pimpinan")
