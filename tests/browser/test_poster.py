"""The survey poster scans where it is used: printed on A4 by Chromium, on a screen, and as the
downloaded SVG and PNG, each decoded by a real decoder (zxing-cpp, tests/qr.py) to the form's
URL under a long production SITE_URL, for the longest unit code the field allows."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from PIL import Image
from playwright.sync_api import Page, expect

from publik.qr import SVG_NS
from tests.browser.alat import periksa_axe, tangkap_layar
from tests.publik.bantu import SITUS_PRODUKSI, buat_unit_terpanjang
from tests.qr import halaman_pdf, teks_qr

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A4 in PostScript points: 210 x 297 mm.
A4 = (595.3, 841.9)


@pytest.fixture
def unit(settings):
    settings.SITE_URL = SITUS_PRODUKSI
    cache.clear()  # the live server shares this process's cache
    yield buat_unit_terpanjang()
    cache.clear()


def _url_form(unit) -> str:
    return f"{SITUS_PRODUKSI}/survei/{unit.kode}/"


def test_the_poster_printed_on_a4_scans_and_names_the_unit_and_its_office(
    page: Page, live_server, unit
):
    page.goto(f"{live_server.url}/survei/{unit.kode}/cetak/")
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True)
    halaman = halaman_pdf(pdf, dpi=150)
    assert len(halaman) == 1, "the poster takes one page"
    gambar, teks, ukuran = halaman[0]
    assert ukuran == pytest.approx(A4, abs=1.5)
    assert teks_qr(gambar) == [_url_form(unit)]
    teks = re.sub(r"\s+", " ", teks)
    assert unit.nama in teks
    assert "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU" in teks  # the letterhead
    # It may wrap after a hyphen, which PDFium's text reports as U+FFFE.
    assert _url_form(unit) in teks.replace(" ", "").replace("\ufffe", "-")
    if folder := os.environ.get("SCREENSHOT_DIR"):
        gambar.save(Path(folder) / "poster-survei-a4.png")
        (Path(folder) / "poster-survei-a4.pdf").write_bytes(pdf)


@pytest.mark.parametrize("lebar", [390, 1280])
def test_the_poster_on_a_screen_scans(page: Page, live_server, unit, lebar):
    page.set_viewport_size({"width": lebar, "height": 900})
    page.goto(f"{live_server.url}/survei/{unit.kode}/cetak/")
    qr = page.locator(".poster-qr svg")
    expect(qr).to_be_visible()
    kotak = qr.bounding_box()
    assert kotak["width"] == pytest.approx(kotak["height"], abs=1)  # square, not cropped
    assert kotak["x"] >= 0 and kotak["x"] + kotak["width"] <= lebar
    gambar = qr.screenshot()
    assert teks_qr(gambar) == [_url_form(unit)]
    periksa_axe(page)
    tangkap_layar(page, f"poster-survei-layar-{lebar}")


def test_the_downloaded_svg_opens_as_an_image_and_scans(page: Page, live_server, unit):
    url = f"{live_server.url}/survei/{unit.kode}/qr.svg"
    response = page.goto(url)
    assert response.headers["content-type"] == "image/svg+xml"
    # Chromium opened it as an SVG document, not as unknown XML.
    assert page.evaluate("document.documentElement.namespaceURI") == SVG_NS
    assert teks_qr(page.screenshot()) == [_url_form(unit)]
    # And as an image in a page (an SVG without its namespace fails to load as one).
    page.goto(f"{live_server.url}/survei/{unit.kode}/cetak/")
    ukuran = page.evaluate(
        """url => new Promise(selesai => {
            const img = new Image();
            img.onload = () => selesai([img.naturalWidth, img.naturalHeight]);
            img.onerror = () => selesai([0, 0]);
            img.src = url;
        })""",
        url,
    )
    assert ukuran[0] > 0 and ukuran[0] == ukuran[1], ukuran


def test_staff_download_the_png_from_the_poster_page_and_it_scans(page: Page, live_server, unit):
    page.goto(f"{live_server.url}/survei/{unit.kode}/cetak/")
    with page.expect_download() as unduhan:
        page.get_by_role("link", name="PNG (untuk dokumen)").click()
    assert unduhan.value.suggested_filename == f"survei-{unit.kode}.png"
    assert teks_qr(Image.open(unduhan.value.path())) == [_url_form(unit)]
    with page.expect_download() as unduhan:
        page.get_by_role("link", name="SVG (untuk dicetak besar)").click()
    assert unduhan.value.suggested_filename == f"survei-{unit.kode}.svg"
    assert Path(unduhan.value.path()).read_bytes().startswith(b"<?xml")
