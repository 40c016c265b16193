"""The QR code of a service unit's survey form: one code, drawn three ways (poster, SVG, PNG).

The code holds the form's absolute URL under settings.SITE_URL (core.alamat), never the
request's Host. It is drawn by segno with error correction level M (about 15% of the code may be
damaged and still read: a poster at a counter gets scuffed) and a quiet zone of four modules on
every side, which the QR Code standard requires around a symbol (ISO/IEC 18004; the maker,
DENSO WAVE: "QR Code requires a four-module wide margin at all sides of a symbol",
http://www.denso-wave.com/qrcode/qrgene4-e.html).

- In a page (the printed poster) the SVG carries a viewBox and no fixed size, so CSS may size it
  and the whole code, quiet zone included, scales with it; without a viewBox the browser crops
  the drawing to whatever box CSS gives it (segno's `omitsize`, docs/svg-options.rst of
  heuer/segno).
- As a file the SVG is a standalone document: XML declaration and the SVG namespace (the
  stand-alone example of SVG 2, "Defining an SVG document fragment",
  https://www.w3.org/TR/SVG2/struct.html; without the namespace a file is unusable as an image
  or in <img>, as svgo's removeXMLNS plugin documentation warns), with a size and a viewBox so
  it opens at a sensible size and still scales when placed in a document.
- As a PNG for word processors and printers' shops.
"""

from __future__ import annotations

import io

import segno
from django.urls import reverse

from core.alamat import absolut
from survei.models import UnitLayanan

TEPI = 4  # quiet zone, in modules (ISO/IEC 18004)
SKALA_PNG = 16  # pixels per module: a 53-module code (quiet zone in) is 848 px, 10.8 cm at 200 dpi
SKALA_SVG = 8  # the standalone SVG's nominal size, pixels per module
SVG_NS = "http://www.w3.org/2000/svg"


def alamat_pasang_kios(kios, token: str) -> str:
    """Return the absolute address that installs a counter kiosk (survei.models.KiosSkm)."""
    return absolut(reverse("publik:survei_kios", kwargs={"kode": kios.unit.kode, "token": token}))


def url_form(unit: UnitLayanan) -> str:
    """Return the absolute URL of the unit's survey form, as the code and the poster print it."""
    return absolut(reverse("publik:survei_form", kwargs={"kode": unit.kode}))


def kode_qr(unit: UnitLayanan) -> segno.QRCode:
    """Return the unit's QR code (never a Micro QR: phone cameras do not read those)."""
    return segno.make(url_form(unit), error="m", micro=False)


def svg_sebaris(qr: segno.QRCode, *, judul: str) -> str:
    """Return the code as an SVG element for an HTML page: a viewBox, no width or height."""
    return qr.svg_inline(border=TEPI, omitsize=True, title=judul, svgclass=None)


def svg_berkas(qr: segno.QRCode, *, judul: str) -> bytes:
    """Return the code as a standalone SVG document (declaration, namespace, size, viewBox)."""
    buf = io.BytesIO()
    qr.save(buf, kind="svg", border=TEPI, omitsize=True, title=judul, svgclass=None)
    sisi = qr.symbol_size(scale=SKALA_SVG, border=TEPI)[0]
    # segno writes either a size or a viewBox; a file wants both (it opens at this size and
    # still scales when placed in a document).
    return buf.getvalue().replace(b"<svg ", f'<svg width="{sisi}" height="{sisi}" '.encode(), 1)


def png_berkas(qr: segno.QRCode) -> bytes:
    """Return the code as a PNG image, black on white."""
    buf = io.BytesIO()
    qr.save(buf, kind="png", scale=SKALA_PNG, border=TEPI)
    return buf.getvalue()
