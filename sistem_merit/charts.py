"""Geometry of the merit-system index's year-on-year chart, drawn as SVG by the template (no
script, no CDN), as kinerja/charts.py and pelatihan/charts.py draw theirs."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sistem_merit import rules
from sistem_merit.models import Aspek, Instrumen
from sistem_merit.selectors import Tahun

LEBAR, TINGGI, KIRI, BAWAH, ATAS = 640, 240, 36, 36, 16
# One colour per year, oldest lightest: the latest year reads first.
WARNA = ("#b9cde5", "#8fb0d8", "#5f8fc7", "#3f7fbf", "#1f4e8c", "#0f2f5c")


def _k(value: float) -> str:
    """Return an SVG coordinate as text, so template localisation never adds a decimal comma."""
    return f"{value:.1f}"


def mean_level(instrumen: Instrumen, bobot: Decimal, skor: Decimal) -> Decimal:
    """Return an aspect's mean level (on the instrument's scale) from its score.

    40/2018 scores an aspect bobot × mean level; 19/2025 bobot/100 × mean level / top level
    (`rules.aspect_scores`). A mean level reads the same for every aspect, whatever its weight.
    """
    if not bobot:
        return Decimal(0)
    if instrumen.rumus == rules.JUMLAH_2018:
        return skor / bobot
    return skor * rules.SERATUS / bobot * instrumen.level_max


def year_on_year(instrumen: Instrumen, aspek: Sequence[Aspek], tahun: Sequence[Tahun]) -> dict:
    """Grouped bars: per aspect, one bar per final year, the height its mean level (0 to the
    top level); with the table's rows (the frozen scores)."""
    tahun = list(tahun)[-len(WARNA) :]
    tinggi_plot = TINGGI - BAWAH - ATAS
    atas = instrumen.level_max or 1
    lebar_grup = (LEBAR - KIRI) / max(1, len(aspek))
    lebar_batang = lebar_grup * 0.8 / max(1, len(tahun))
    warna = {t.tahun: WARNA[i + len(WARNA) - len(tahun)] for i, t in enumerate(tahun)}
    grup = []
    for i, a in enumerate(aspek):
        x0 = KIRI + i * lebar_grup + lebar_grup * 0.1
        batang = []
        for j, t in enumerate(tahun):
            skor = t.skor_aspek.get(a.nomor)
            if skor is None:
                continue
            level = mean_level(instrumen, a.bobot, skor)
            h = float(min(level, atas)) / atas * tinggi_plot
            batang.append(
                {
                    "tahun": t.tahun,
                    "level": level.quantize(Decimal("0.01")),
                    "x": _k(x0 + j * lebar_batang),
                    "y": _k(ATAS + tinggi_plot - h),
                    "w": _k(lebar_batang * 0.9),
                    "h": _k(h),
                    "warna": warna[t.tahun],
                }
            )
        grup.append(
            {"nomor": a.nomor, "nama": a.nama, "tx": _k(x0 + lebar_grup * 0.4), "batang": batang}
        )
    garis = [
        {"level": lv, "y": _k(ATAS + tinggi_plot - lv / atas * tinggi_plot)}
        for lv in range(0, atas + 1)
    ]
    return {
        "grup": grup,
        "garis": garis,
        "warna": [(t.tahun, warna[t.tahun]) for t in tahun],
        "lebar": str(LEBAR),
        "tinggi": str(TINGGI),
        "kiri": str(KIRI),
        "kanan": str(LEBAR),
        "tx_sumbu": str(KIRI - 6),
        "dasar": _k(TINGGI - BAWAH + 16),
    }
