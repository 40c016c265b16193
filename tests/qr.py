"""Read QR codes as a phone would: zxing-cpp (PyPI `zxing-cpp`, the C++ port of ZXing) on an
image, and pypdfium2 (PDFium, Chromium's own PDF renderer) to turn a printed page into one."""

from __future__ import annotations

import io

import pypdfium2
import zxingcpp
from PIL import Image


def teks_qr(gambar: bytes | Image.Image) -> list[str]:
    """Return the text of every QR code found in a PNG (bytes) or an image."""
    if isinstance(gambar, bytes):
        gambar = Image.open(io.BytesIO(gambar))
    hasil = zxingcpp.read_barcodes(gambar.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)
    return [r.text for r in hasil]


def halaman_pdf(
    pdf: bytes, *, dpi: int = 150
) -> list[tuple[Image.Image, str, tuple[float, float]]]:
    """Return each page of a PDF as (image at `dpi`, its text, its size in points)."""
    dokumen = pypdfium2.PdfDocument(pdf)
    try:
        return [
            (h.render(scale=dpi / 72).to_pil(), h.get_textpage().get_text_range(), h.get_size())
            for h in dokumen
        ]
    finally:
        dokumen.close()
