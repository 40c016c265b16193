"""The merit-system index's public page on a phone (390 px): the total and band in the first
screen, every table readable without the page scrolling sideways, the chart drawn without a
script, and no serious accessibility violation."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import Page, expect

from sistem_merit.models import Instrumen, Kriteria
from tests.browser.alat import periksa_axe, tangkap_layar
from tests.sistem_merit.bantu_publik import buat_penilaian

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TINGGI_HP = 844  # a 390 × 844 phone screen (CSS pixels)


@pytest.fixture
def final(db):
    hr = User.objects.create_user("hr-merit", is_staff=True)
    hr.groups.add(Group.objects.get(name="Admin BKPSDM"))
    buat_penilaian(hr, tahun=2024, figur=(1, 4), level={"1.2": 1, "2.1": 1})
    penilaian = buat_penilaian(hr, tahun=2025, figur=(3, 4))
    # The shipped instruments quote their sources as long web addresses (docs/sistem-merit.md):
    # the test's instrument takes the shipped 40/2018 one's.
    asli = Instrumen.objects.get(kode="permenpanrb-40-2018")
    Instrumen.objects.filter(pk=penilaian.instrumen_id).update(sumber=asli.sumber)
    sumber = Kriteria.objects.filter(aspek__instrumen=asli).values_list("sumber", flat=True)
    for kriteria, teks in zip(
        Kriteria.objects.filter(aspek__instrumen=penilaian.instrumen_id), sumber, strict=False
    ):
        Kriteria.objects.filter(pk=kriteria.pk).update(sumber=teks)
    return penilaian


def test_on_a_phone_the_final_assessment_reads_without_sideways_scrolling(
    page: Page, live_server, final
):
    page.set_viewport_size({"width": 390, "height": TINGGI_HP})
    page.goto(live_server.url + "/sistem-merit/")
    nilai = page.locator(".kartu .angka").first
    expect(nilai).to_have_text("260")
    expect(page.get_by_text("III Baik").first).to_be_visible()
    kotak = page.locator(".kartu-baris").bounding_box()
    assert kotak["y"] + kotak["height"] <= TINGGI_HP, kotak  # total and band in the first screen
    lebar = page.evaluate("document.documentElement.scrollWidth")
    assert lebar <= 390, lebar  # nothing pushes the page sideways
    expect(page.locator("svg.grafik rect")).to_have_count(4)  # two aspects × two years
    expect(page.get_by_text("3 / 4 (75%)")).to_be_visible()
    periksa_axe(page)
    tangkap_layar(page, "sistem-merit-publik-390")


def test_the_public_menu_leads_to_it(page: Page, live_server, final):
    page.set_viewport_size({"width": 390, "height": TINGGI_HP})
    page.goto(live_server.url + "/beranda/")
    page.locator(".publik-menu").get_by_role("link", name="Indeks sistem merit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Indeks sistem merit ASN Kota Mataram"
    )
