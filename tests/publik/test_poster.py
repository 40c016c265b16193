"""The survey's QR code files and poster page, read as files and markup (the printed poster and
the SVG as a browser draws them: tests/browser/test_poster.py).

The code holds the longest form URL there can be: a long production SITE_URL and a unit code of
the field's full length. Decoded with zxing-cpp (tests/qr.py)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from PIL import Image

from publik.qr import SKALA_PNG, SVG_NS, TEPI
from tests.publik.bantu import SITUS_PRODUKSI, buat_unit_terpanjang
from tests.qr import teks_qr


@pytest.fixture
def unit(db, settings):
    settings.SITE_URL = SITUS_PRODUKSI
    return buat_unit_terpanjang()


def _url_form(unit) -> str:
    return SITUS_PRODUKSI + f"/survei/{unit.kode}/"


def test_it_serves_the_png_that_decodes_to_the_form_url(client, unit):
    response = client.get(reverse("publik:survei_png", kwargs={"kode": unit.kode}))
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == f'inline; filename="survei-{unit.kode}.png"'
    gambar = Image.open(io.BytesIO(response.content))
    assert gambar.format == "PNG"
    assert teks_qr(gambar) == [_url_form(unit)]
    # A white quiet zone four modules wide (ISO/IEC 18004), then the finder pattern's black.
    abu = gambar.convert("L")
    tepi = TEPI * SKALA_PNG
    assert abu.crop((0, 0, gambar.width, tepi)).getextrema() == (255, 255)
    assert abu.getpixel((tepi, tepi)) == 0


def test_it_serves_the_svg_as_a_standalone_document(client, unit):
    response = client.get(reverse("publik:survei_qr", kwargs={"kode": unit.kode}))
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"] == f'inline; filename="survei-{unit.kode}.svg"'
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    akar = ET.fromstring(response.content)  # a real XML parser: namespaced, well formed
    assert akar.tag == f"{{{SVG_NS}}}svg"
    sisi = int(akar.get("width"))
    assert akar.get("height") == str(sisi)
    _x, _y, lebar, tinggi = (int(n) for n in akar.get("viewBox").split())
    assert lebar == tinggi and sisi == 8 * lebar  # scales from its nominal size, quiet zone in
    assert akar.find(f"{{{SVG_NS}}}title").text == f"QR survei {unit.nama}"


def test_the_poster_names_the_unit_and_its_office_and_scales_its_code(client, unit):
    response = client.get(reverse("publik:survei_cetak", kwargs={"kode": unit.kode}))
    html = response.content.decode()
    assert unit.nama in html
    assert "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu" in html  # the OPD
    assert _url_form(unit) in html
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    akar = ET.fromstring(svg)
    # A viewBox and no fixed size: CSS sizes the whole code, it never crops it.
    assert akar.get("viewBox") and akar.get("width") is None and akar.get("height") is None
    # The staff's downloads.
    assert reverse("publik:survei_qr", kwargs={"kode": unit.kode}) in html
    assert reverse("publik:survei_png", kwargs={"kode": unit.kode}) in html


def test_a_unit_that_is_itself_an_office_heads_its_poster_with_its_own_name(client, db, opd):
    from survei.models import UnitLayanan

    unit = UnitLayanan.objects.create(unit_kerja=opd, kode="dinas-uji")
    html = client.get(reverse("publik:survei_cetak", kwargs={"kode": unit.kode})).content.decode()
    assert '<p class="kop-instansi">Dinas Kesehatan Uji</p>' in html


@pytest.mark.parametrize("nama", ["survei_qr", "survei_png", "survei_cetak"])
def test_an_unknown_unit_is_not_found(client, db, nama):
    assert client.get(reverse(f"publik:{nama}", kwargs={"kode": "tidak-ada"})).status_code == 404


def test_a_hostile_unit_name_stays_text_in_the_svg_and_the_poster(client, unit):
    unit.nama_layanan = 'Koperasi & UKM <script>alert("x")</script>'
    unit.save()
    svg = client.get(reverse("publik:survei_qr", kwargs={"kode": unit.kode})).content
    judul = ET.fromstring(svg).find(f"{{{SVG_NS}}}title").text
    assert judul == f"QR survei {unit.nama_layanan}"
    html = client.get(reverse("publik:survei_cetak", kwargs={"kode": unit.kode})).content.decode()
    assert "<script>" not in html
    sebaris = ET.fromstring(html[html.index("<svg") : html.index("</svg>") + 6])
    assert sebaris.find("title").text == unit.nama_layanan
