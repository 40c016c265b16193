"""Geometry of the dashboard's charts, drawn as SVG by the templates (no script, no CDN)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from core.svg import koordinat as _k
from kinerja import rules

WARNA = {
    rules.SANGAT_BAIK: "#1e7b3a",
    rules.BAIK: "#3f7fbf",
    rules.BUTUH_PERBAIKAN: "#d9a400",
    rules.KURANG: "#d9661f",
    rules.SANGAT_KURANG: "#b3261e",
}
LEBAR, TINGGI, KIRI, BAWAH, ATAS = 640, 260, 44, 40, 16


def _persen(n: int, total: int) -> Decimal:
    if not total:
        return Decimal(0)
    return (Decimal(100 * n) / total).quantize(Decimal("0.1"), ROUND_HALF_UP)


def distribusi(jumlah: dict[str, int], predikat_organisasi: str | None = None) -> dict:
    """Bars of the predikat shares (0–100%), with the curve's limits when one unit is shown."""
    total = sum(jumlah.values())
    tinggi_plot = TINGGI - BAWAH - ATAS
    lebar_batang = (LEBAR - KIRI) / len(rules.PREDIKAT)
    batas = {}
    if predikat_organisasi:
        for label, aturan, persen, _jumlah in rules.batas_kurva(predikat_organisasi):
            if persen is not None and label in rules.PREDIKAT:
                batas[label] = (aturan, persen)
    batang = []
    for i, label in enumerate(rules.PREDIKAT):
        n = jumlah.get(label, 0)
        persen = _persen(n, total)
        h = float(persen) / 100 * tinggi_plot
        x = KIRI + i * lebar_batang + lebar_batang * 0.15
        item = {
            "label": label,
            "n": n,
            "persen": persen,
            "warna": WARNA[label],
            "x": _k(x, 1),
            "y": _k(ATAS + tinggi_plot - h, 1),
            "w": _k(lebar_batang * 0.7, 1),
            "h": _k(h, 1),
            "tx": _k(x + lebar_batang * 0.35, 1),
            "ty": _k(ATAS + tinggi_plot - h - 4, 1),
        }
        if label in batas:
            aturan, limit = batas[label]
            item["batas"] = {
                "aturan": aturan,
                "persen": limit,
                "y": _k(ATAS + tinggi_plot - float(limit) / 100 * tinggi_plot, 1),
                "x1": _k(x - 4, 1),
                "x2": _k(x + lebar_batang * 0.7 + 4, 1),
            }
        batang.append(item)
    garis = [
        {"persen": p, "y": _k(ATAS + tinggi_plot - p / 100 * tinggi_plot, 1)}
        for p in (0, 25, 50, 75, 100)
    ]
    return {
        "batang": batang,
        "garis": garis,
        "total": total,
        "lebar": LEBAR,
        "tinggi": TINGGI,
        "kiri": KIRI,
        "dasar": TINGGI - BAWAH,
    }


def tren(baris: list[tuple[int, dict[str, int]]]) -> dict:
    """Stacked 100% bars, one per year, best predikat at the bottom."""
    tinggi_plot = TINGGI - BAWAH - ATAS
    lebar_batang = (LEBAR - KIRI) / max(1, len(baris))
    kolom = []
    for i, (tahun, jumlah) in enumerate(baris):
        total = sum(jumlah.values())
        x = KIRI + i * lebar_batang + lebar_batang * 0.2
        dasar = ATAS + tinggi_plot
        segmen = []
        for label in rules.PREDIKAT:
            n = jumlah.get(label, 0)
            h = (n / total * tinggi_plot) if total else 0
            dasar -= h
            segmen.append(
                {
                    "label": label,
                    "n": n,
                    "persen": _persen(n, total),
                    "y": _k(dasar, 1),
                    "h": _k(h, 1),
                    "warna": WARNA[label],
                }
            )
        kolom.append(
            {
                "tahun": tahun,
                "total": total,
                "x": _k(x, 1),
                "w": _k(lebar_batang * 0.6, 1),
                "tx": _k(x + lebar_batang * 0.3, 1),
                "segmen": segmen,
            }
        )
    return {
        "kolom": kolom,
        "lebar": LEBAR,
        "tinggi": TINGGI,
        "dasar": TINGGI - BAWAH,
        "warna": [(label, WARNA[label]) for label in rules.PREDIKAT],
    }


def grid_talenta(jumlah: dict[int, int]) -> list[list[dict]]:
    """The 9-box grid as rows (potensial high to low) of cells (kinerja low to high)."""
    rows = []
    for potensial in rules.POTENSIAL:
        row = []
        for kinerja in reversed(rules.RATING):  # Di Bawah, Sesuai, Di Atas
            kotak = rules.kotak_talenta(kinerja, potensial)
            row.append(
                {
                    "kotak": kotak,
                    "n": jumlah.get(kotak, 0),
                    "kinerja": kinerja,
                    "potensial": potensial,
                    "pool": kotak in rules.TALENT_POOL,
                    "rekomendasi": rules.rekomendasi_kotak(kotak),
                }
            )
        rows.append(row)
    return rows
