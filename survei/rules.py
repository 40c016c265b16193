"""Pure rules of the public satisfaction survey (Survei Kepuasan Masyarakat, PermenPANRB
14/2017): the nine elements, the converted index (IKM) and its quality letter.

No ORM, no request: plain values in, plain values out. The labels are the regulation's exact
strings; they are data, not interface text, and are never translated here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

# The nine elements (unsur) in the regulation's order and wording; each answered 1 to 4.
UNSUR_SKM = (
    ("persyaratan", "Persyaratan"),
    ("prosedur", "Sistem, Mekanisme, dan Prosedur"),
    ("waktu", "Waktu Penyelesaian"),
    ("biaya", "Biaya/Tarif"),
    ("produk", "Produk Spesifikasi Jenis Pelayanan"),
    ("kompetensi", "Kompetensi Pelaksana"),
    ("perilaku", "Perilaku Pelaksana"),
    ("pengaduan", "Penanganan Pengaduan, Saran dan Masukan"),
    ("sarana", "Sarana dan Prasarana"),
)
JUMLAH_UNSUR = len(UNSUR_SKM)
NILAI_SKM = (1, 2, 3, 4)

# Mutu pelayanan by the converted index (nilai interval konversi), best first: the lower bound of
# each letter. The regulation's intervals (88,31–100,00; 76,61–88,30; 65,00–76,60; 25,00–64,99)
# leave no gap once the index is rounded to two decimals.
MUTU_IKM = (
    (Decimal("88.31"), "A", "Sangat Baik"),
    (Decimal("76.61"), "B", "Baik"),
    (Decimal("65.00"), "C", "Kurang Baik"),
    (Decimal("25.00"), "D", "Tidak Baik"),
)
KINERJA_MUTU = {huruf: label for _, huruf, label in MUTU_IKM}
_SERATUS = Decimal("0.01")


def mutu_ikm(indeks: Decimal) -> str:
    """Return the quality letter (A–D) of a converted index 25–100 (PermenPANRB 14/2017)."""
    if not Decimal("25") <= indeks <= Decimal("100"):
        raise ValueError(f"indeks IKM di luar 25–100: {indeks}")
    for batas, huruf, _label in MUTU_IKM:
        if indeks >= batas:
            return huruf
    raise AssertionError("unreachable")  # pragma: no cover


def _cek_jawaban(jawaban: Sequence[int]) -> Sequence[int]:
    if len(jawaban) != JUMLAH_UNSUR:
        raise ValueError(f"satu kuesioner berisi {JUMLAH_UNSUR} jawaban, bukan {len(jawaban)}")
    for nilai in jawaban:
        # bool is an int; True is not an answer.
        if isinstance(nilai, bool) or not isinstance(nilai, int) or nilai not in NILAI_SKM:
            raise ValueError(f"jawaban harus 1–4, bukan {nilai!r}")
    return jawaban


def nrr_unsur(jawaban: Iterable[Sequence[int]]) -> list[Decimal]:
    """Return the average (NRR) of each of the nine elements over the questionnaires, exact."""
    jumlah = [0] * JUMLAH_UNSUR
    n = 0
    for satu in jawaban:
        for i, nilai in enumerate(_cek_jawaban(satu)):
            jumlah[i] += nilai
        n += 1
    if not n:
        raise ValueError("tidak ada kuesioner")
    return [Decimal(s) / Decimal(n) for s in jumlah]


def indeks_dari_jumlah(total: int, responden: int) -> Decimal:
    """Return the converted index from the sum of all answers of `responden` questionnaires.

    IKM = Σ (NRR_i × 1/9); the unit's index = IKM × 25, which is total × 25 / (9 × n). Rounded
    half up to two decimals, as the regulation publishes it. Lets SQL sum and Python convert.
    """
    if responden <= 0:
        raise ValueError("tidak ada kuesioner")
    if not responden * JUMLAH_UNSUR <= total <= responden * JUMLAH_UNSUR * 4:
        raise ValueError("jumlah jawaban di luar 1–4")
    nilai = Decimal(total) * 25 / (Decimal(JUMLAH_UNSUR) * responden)
    return nilai.quantize(_SERATUS, rounding=ROUND_HALF_UP)


def ikm(jawaban: Iterable[Sequence[int]]) -> tuple[Decimal, str]:
    """Return the converted IKM index (25,00–100,00) and its quality letter A–D.

    Each response is the nine answers 1–4 in the order of `UNSUR_SKM` (PermenPANRB 14/2017: NRR
    per element over the filled questionnaires, weighted 1/9 each, summed, × 25). Raise ValueError
    when there is no response or an answer is outside 1–4.
    """
    total = 0
    n = 0
    for satu in jawaban:
        total += sum(_cek_jawaban(satu))
        n += 1
    if not n:
        raise ValueError("tidak ada kuesioner")
    indeks = indeks_dari_jumlah(total, n)
    return indeks, mutu_ikm(indeks)
