"""Geometry of the employees' survey chart, drawn as SVG by the template (no script, no CDN),
as pelatihan.charts draws the JP dashboard's."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.svg import koordinat as _k
from survei.pegawai.selectors import BarisHasil

LEBAR, KIRI, BARIS, ATAS = 640, 200, 34, 24
WARNA = {"kepuasan": "#1f5f99", "keterikatan": "#d9a400"}


def skor_per_unit(baris: list[BarisHasil]) -> dict:
    """Horizontal bars: per unit shown (the agency first), the score 0–100 of each dimension."""
    plot = LEBAR - KIRI - 50
    item = []
    for i, b in enumerate(baris):
        y = ATAS + i * BARIS
        batang = []
        for j, (dimensi, skor) in enumerate(b.skor_dimensi.items()):
            if skor is None:
                continue
            persen = round(float(skor) * 100, 1)
            w = persen / 100 * plot
            by = y + j * BARIS * 0.4
            batang.append(
                {
                    "dimensi": dimensi,
                    "persen": persen,
                    "y": _k(by),
                    "ty": _k(by + BARIS * 0.2),
                    "w": _k(w),
                    "tx": _k(KIRI + w + 4),
                    "warna": WARNA.get(dimensi, "#555"),
                }
            )
        nama = b.unit.nama if b.unit else _("Seluruh instansi")
        label = (b.unit.singkatan or b.unit.nama[:30]) if b.unit else nama
        item.append({"nama": nama, "label": label, "ty": _k(y + BARIS * 0.4), "batang": batang})
    tinggi = ATAS + max(1, len(baris)) * BARIS + 24
    garis = [{"x": _k(KIRI + p / 100 * plot), "p": p} for p in (0, 50, 100)]
    # Sizes as text: a localised 1.100 (thousand separator) would break the viewBox.
    return {
        "unit": item,
        "lebar": str(LEBAR),
        "tinggi": str(tinggi),
        "kiri": KIRI,
        "garis": garis,
        "h": _k(BARIS * 0.35),
        "bawah": _k(tinggi - 8),
        "warna": WARNA,
    }
