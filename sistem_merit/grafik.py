"""Geometry of the year-on-year chart of the index, drawn as SVG by the template
(templates/sistem_merit/_grafik_tahunan.html; no script, no CDN), as the dashboards' charts
(kinerja/charts.py): per aspect one bar per final year, its height the aspect's score as a
share of the most the aspect can add."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from core.svg import koordinat as _k
from sistem_merit import rules
from sistem_merit.selectors import Tahun

# One colour per year, oldest first, distinguishable in grey too; cycles after six years.
WARNA = ("#9bb7d4", "#5b8fc7", "#2f6aa8", "#1e4f86", "#163a63", "#0d2540")
# Narrower than the dashboards' (640): on a 390 px phone its 11 px labels stay readable.
LEBAR, TINGGI, KIRI, BAWAH, ATAS = 400, 200, 36, 24, 10


def aspek_final(penilaian) -> dict[int, tuple[str, Decimal]]:
    """Return the aspects of a final assessment as its frozen record has them: number -> name
    and the most the aspect adds (the chart's 100%), whatever the instrument's rows say now."""
    instrumen = penilaian.instrumen
    return {
        a["nomor"]: (
            a["nama"],
            rules.aspect_max(instrumen.rumus, Decimal(a["bobot"]), instrumen.level_max),
        )
        for a in penilaian.ringkasan
    }


def per_aspek(tahun: Sequence[Tahun], aspek: Mapping[int, tuple[str, Decimal]]) -> dict:
    """Return the chart of `tahun` (year_on_year, oldest first) over `aspek` (number -> name
    and the most the aspect adds), with its table's rows."""
    tinggi_plot = TINGGI - BAWAH - ATAS
    nomor = sorted(aspek)
    lebar_grup = (LEBAR - KIRI) / max(1, len(nomor))
    lebar_batang = lebar_grup * 0.8 / max(1, len(tahun))
    warna = {t.tahun: WARNA[i % len(WARNA)] for i, t in enumerate(tahun)}
    grup = []
    for g, n in enumerate(nomor):
        nama, maks = aspek[n]
        x0 = KIRI + g * lebar_grup + lebar_grup * 0.1
        batang = []
        for i, t in enumerate(tahun):
            skor = t.skor_aspek.get(n)
            persen = (skor / maks * 100) if (skor is not None and maks) else None
            h = float(persen) / 100 * tinggi_plot if persen is not None else 0.0
            batang.append(
                {
                    "tahun": t.tahun,
                    "persen": persen,
                    "warna": warna[t.tahun],
                    "x": _k(x0 + i * lebar_batang),
                    "y": _k(ATAS + tinggi_plot - h),
                    "w": _k(lebar_batang * 0.9),
                    "h": _k(h),
                }
            )
        grup.append({"nomor": n, "nama": nama, "tx": _k(x0 + lebar_grup * 0.4), "batang": batang})
    garis = [
        {"persen": p, "y": _k(ATAS + tinggi_plot - p / 100 * tinggi_plot)} for p in (0, 50, 100)
    ]
    return {
        "grup": grup,
        "garis": garis,
        "tahun": [{"tahun": t.tahun, "nilai": t.nilai, "kategori": t.kategori} for t in tahun],
        "warna": [(t.tahun, warna[t.tahun]) for t in tahun],
        "lebar": LEBAR,
        "tinggi": TINGGI,
        "kiri": KIRI,
        "dasar": TINGGI - BAWAH,
    }
