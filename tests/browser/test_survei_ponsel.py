"""The survey on a phone (390 px), as a citizen meets it: the ranking shows each unit's "Isi"
link without sideways scrolling, and the form reached by scanning a poster opens on the unit's
name under a slim public header, not on the HR system's name and a login link."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect

from survei.models import UnitLayanan
from tests.browser.alat import periksa_axe, tangkap_layar
from tests.factories import UnitKerjaFactory
from tests.publik.bantu import buat_unit_terpanjang, isi_survei

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
HP = {"width": 390, "height": 844}


@pytest.fixture
def unit_layanan():
    """Units with long names, some with enough respondents for an index and a quality letter."""
    cache.clear()  # the live server shares this process's cache
    panjang = buat_unit_terpanjang()
    opd = panjang.unit_kerja.parent
    lain = [
        UnitLayanan.objects.create(
            unit_kerja=UnitKerjaFactory(nama=nama, jenis="kelurahan", parent=opd), kode=kode
        )
        for nama, kode in [
            ("Kelurahan Pejarakan Karya", "kelurahan-pejarakan-karya"),
            ("Puskesmas Cakranegara", "puskesmas-cakranegara"),
        ]
    ]
    isi_survei(panjang, 6, nilai=4)
    isi_survei(lain[0], 5, nilai=2)
    yield [panjang, *lain]
    cache.clear()


def test_the_ranking_shows_every_isi_link_without_sideways_scrolling(
    page: Page, live_server, unit_layanan
):
    page.set_viewport_size(HP)
    page.goto(f"{live_server.url}/survei/")
    lebar = page.evaluate("document.documentElement.scrollWidth")
    assert lebar <= HP["width"], f"the page scrolls sideways: {lebar} px"
    tabel = page.locator(".tabel-gulir")
    assert tabel.evaluate("el => el.scrollWidth <= el.clientWidth"), "the table scrolls sideways"
    tautan = page.get_by_role("link", name="Isi", exact=True)
    expect(tautan).to_have_count(len(unit_layanan))
    for link in tautan.all():
        expect(link).to_be_visible()
        kotak = link.bounding_box()
        assert kotak["x"] >= 0 and kotak["x"] + kotak["width"] <= HP["width"], kotak
    tujuan = {link.get_attribute("href"): link for link in tautan.all()}
    assert set(tujuan) == {f"/survei/{u.kode}/" for u in unit_layanan}
    periksa_axe(page)
    tangkap_layar(page, "survei-daftar-hp")
    # The longest-named unit's link leads to its form.
    tujuan[f"/survei/{unit_layanan[0].kode}/"].click()
    expect(page.get_by_role("heading", level=1)).to_have_text(unit_layanan[0].nama)


def test_a_citizen_who_scans_a_poster_sees_the_unit_first(page: Page, live_server, unit_layanan):
    unit = unit_layanan[0]
    page.set_viewport_size(HP)
    page.goto(f"{live_server.url}/survei/{unit.kode}/")
    judul = page.get_by_role("heading", level=1)
    expect(judul).to_have_text(unit.nama)
    expect(judul).to_be_in_viewport()
    # The first heading of the page is the unit's; above it only the slim public header.
    assert page.locator("h1, h2, h3").first.inner_text() == unit.nama
    expect(page.locator("header")).to_contain_text("Pemerintah Kota Mataram")
    expect(page.get_by_text("SIMPEG Merit")).to_have_count(0)
    expect(page.get_by_role("link", name="Masuk")).to_have_count(0)
    expect(page.get_by_role("navigation", name="Menu publik")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= HP["width"]
    periksa_axe(page)
    tangkap_layar(page, "survei-form-hp")
    for fieldset in (
        page.locator("fieldset.skala").filter(has=page.locator("input[type=radio]")).all()
    ):
        fieldset.locator("label").nth(2).click()
    page.get_by_role("button", name="Kirim survei").click()
    expect(page.get_by_role("status")).to_contain_text("sudah kami terima")
    expect(page.get_by_role("link", name="Masuk")).to_have_count(0)
    periksa_axe(page)
