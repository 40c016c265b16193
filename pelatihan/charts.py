"""Geometry of pelatihan's charts, drawn as SVG by the templates (no script, no CDN)."""

from __future__ import annotations

from core.svg import koordinat as _k
from pelatihan import rules

LEBAR, KIRI, BARIS, ATAS = 640, 200, 26, 24
HIJAU, KUNING, MERAH = "#1e7b3a", "#d9a400", "#b3261e"


def bagian_memenuhi(baris: list) -> dict:
    """Horizontal bars: per unit, the share of PNS meeting 20 JP (0–100%), a line at 100%."""
    plot = LEBAR - KIRI - 60
    item = []
    for i, b in enumerate(baris):
        w = b.persen / 100 * plot
        warna = HIJAU if b.persen >= 80 else KUNING if b.persen >= 50 else MERAH
        y = ATAS + i * BARIS
        item.append(
            {
                "label": b.unit.singkatan or b.unit.nama[:30],
                "nama": b.unit.nama,
                "persen": b.persen,
                "n": b.pns,
                "ok": b.pns_memenuhi,
                "y": _k(y),
                "ty": _k(y + BARIS * 0.55),
                "w": _k(w),
                "tx": _k(KIRI + w + 4),
                "warna": warna,
            }
        )
    tinggi = ATAS + max(1, len(baris)) * BARIS + 24
    garis = [{"x": _k(KIRI + p / 100 * plot), "p": p} for p in (0, 50, 100)]
    # Sizes as text: a localised 1.100 (thousand separator) would break the viewBox.
    return {
        "batang": item,
        "lebar": str(LEBAR),
        "tinggi": str(tinggi),
        "kiri": KIRI,
        "garis": garis,
        "h": _k(BARIS * 0.7),
        "bawah": _k(tinggi - 8),
        "minimal": rules.JP_MINIMAL_PNS,
    }
