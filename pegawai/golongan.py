"""Ranks: PNS golongan/ruang with their pangkat, and PPPK golongan I–XVII.

PNS ranks per PP 99/2000 jo. PP 12/2002 (docs/aturan.md §2); PPPK golongan per
Perpres 98/2020, ordered like the 17 PNS ruang (golongan IX ≈ III/a), so both share one ``urutan``
scale.
"""

from datetime import date

from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop

from pegawai.bulan import whole_months

PNS: tuple[tuple[str, str], ...] = (
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
)

PPPK: tuple[str, ...] = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
)

_PANGKAT: dict[str, str] = dict(PNS)
_URUTAN_PNS: dict[str, int] = {kode: n for n, (kode, _pangkat) in enumerate(PNS, start=1)}
_URUTAN_PPPK: dict[str, int] = {kode: n for n, kode in enumerate(PPPK, start=1)}

# Marked for makemessages; translated when a label is rendered, never at import time.
_TEMPLATE_PPPK = gettext_noop("Golongan %(kode)s")


def is_pns(kode: str) -> bool:
    return kode in _URUTAN_PNS


def is_pppk(kode: str) -> bool:
    return kode in _URUTAN_PPPK


def pangkat(kode: str) -> str:
    """Return the pangkat of a PNS golongan/ruang, e.g. "Penata Muda" for "III/a"."""
    try:
        return _PANGKAT[kode]
    except KeyError:
        raise ValueError(f"Unknown PNS golongan/ruang: {kode!r}") from None


def urutan(kode: str) -> int:
    """Return the rank order 1..17 of a PNS ruang (I/a=1 … IV/e=17) or PPPK golongan (I … XVII)."""
    n = _URUTAN_PNS.get(kode) or _URUTAN_PPPK.get(kode)
    if n is None:
        raise ValueError(f"Unknown golongan: {kode!r}")
    return n


def kode_dari_urutan(n: int, *, pppk: bool = False) -> str:
    """Return the golongan code at rank order ``n`` (the inverse of ``urutan``)."""
    if not 1 <= n <= 17:
        raise ValueError(f"Golongan order must be 1..17, got {n!r}")
    return PPPK[n - 1] if pppk else PNS[n - 1][0]


def label(kode: str) -> str:
    """Return the display label: "Penata Muda (III/a)" for PNS, "Golongan IX" for PPPK."""
    if is_pns(kode):
        return f"{_PANGKAT[kode]} ({kode})"
    if is_pppk(kode):
        return gettext(_TEMPLATE_PPPK) % {"kode": kode}
    raise ValueError(f"Unknown golongan: {kode!r}")


_label_lazy = lazy(label, str)

# PNS first, then PPPK. Pangkat names are legal titles (not translated); only the PPPK template is
# translated, lazily, so the list can be built at import time for ``CharField(choices=...)``.
CHOICES: list[tuple[str, str]] = [(kode, label(kode)) for kode, _pangkat in PNS] + [
    (kode, _label_lazy(kode)) for kode in PPPK
]


def masa_kerja_bulan(
    mk_tahun: int | None, mk_bulan: int | None, tmt_golongan: date, pada: date
) -> int | None:
    """Return the masa kerja golongan in months on `pada`: the decree's years and months on its
    TMT plus the whole months since (None when the decree's figure is unknown): the figure the
    pay table reads beside the golongan (PP 7/1977 as last amended by PP 15/2019)."""
    if mk_tahun is None or mk_bulan is None:
        return None
    return mk_tahun * 12 + mk_bulan + max(0, whole_months(tmt_golongan, pada))
