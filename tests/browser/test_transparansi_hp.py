"""/transparansi/ on a phone: the filters fold away (a closed <details>, no script) so the first
decision shows in the first screen; on a desktop they stay open, with no summary to click."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from tests.browser.alat import periksa_axe, tangkap_layar
from tests.factories import UnitKerjaFactory
from tests.publik.bantu import buat_keputusan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TINGGI_HP = 844  # a 390 × 844 phone screen (CSS pixels)


@pytest.fixture
def keputusan(db):
    sistem = User.objects.create_user("sistem-uji")
    opd = UnitKerjaFactory(nama="Dinas Kesehatan Uji", parent=UnitKerjaFactory(jenis="pemda"))
    buat_keputusan(sistem, opd=opd, nama_jabatan="Kepala Bidang Gizi")
    buat_keputusan(sistem, opd=opd, nama_jabatan="Sekretaris Dinas", metode="seleksi_terbuka")


def test_on_a_phone_the_results_come_before_the_filters(page: Page, live_server, keputusan):
    page.set_viewport_size({"width": 390, "height": TINGGI_HP})
    page.goto(live_server.url + "/transparansi/")
    metode = page.get_by_label("Metode")
    expect(metode).to_be_hidden()
    pertama = page.locator("ul.daftar-kartu > li").first
    expect(pertama).to_be_visible()
    kotak = pertama.bounding_box()
    assert kotak["y"] + kotak["height"] <= TINGGI_HP, kotak  # wholly in the first screen
    periksa_axe(page)
    tangkap_layar(page, "transparansi-saring-390")
    # One tap opens them; the filtered page says how many filters are in force, still folded.
    page.get_by_text("Saring dan urutkan").click()
    metode.select_option(label="Seleksi terbuka")
    page.get_by_role("button", name="Saring", exact=True).click()
    expect(page.get_by_text("Saring dan urutkan (1 aktif)")).to_be_visible()
    expect(page.get_by_label("Metode")).to_be_hidden()
    expect(page.locator("ul.daftar-kartu > li")).to_have_count(1)
    tangkap_layar(page, "transparansi-saring-390-aktif")


def test_on_a_desktop_the_filters_stay_open(page: Page, live_server, keputusan):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/transparansi/")
    expect(page.get_by_label("Metode")).to_be_visible()
    expect(page.get_by_text("Saring dan urutkan")).to_be_hidden()
    periksa_axe(page)
    tangkap_layar(page, "transparansi-saring-1280")
