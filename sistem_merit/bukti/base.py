"""The shape of an evidence function and its registry."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.functional import Promise


@dataclass(frozen=True)
class Angka:
    """The figure one evidence function found: `pembilang` of `penyebut` rows meet the criterion.

    `uraian` says the figure in words ("812 dari 1.041 jabatan memiliki standar kompetensi");
    `kurang` says what is missing ("229 jabatan Administrator dan Pengawas tanpa standar
    kompetensi"), empty when nothing is. Both are Indonesian, through gettext.
    """

    pembilang: int
    penyebut: int
    uraian: str
    kurang: str = ""

    @property
    def rasio(self) -> Decimal | None:
        """Return pembilang / penyebut, or None when there is nothing to measure."""
        if self.penyebut <= 0:
            return None
        return Decimal(self.pembilang) / Decimal(self.penyebut)


@dataclass(frozen=True)
class Bukti:
    """One evidence function.

    `hitung(tanggal)` returns the figure as of that date, in a fixed number of queries.
    `baris(tanggal)` returns the column headers and the rows behind the figure, for the
    evidence pack (one file per criterion); rows may name employees, so they never go public.
    `tautan` is the URL name of the page that shows or fixes those rows.
    """

    kode: str
    judul: str | Promise
    hitung: Callable[[date], Angka]
    baris: Callable[[date], tuple[Sequence[str], Iterable[Sequence[object]]]]
    tautan: str
    sumber: str  # the rule the figure evidences (regulation and article)


BUKTI: dict[str, Bukti] = {}


def daftar(bukti: Bukti) -> Bukti:
    """Register an evidence function under its key; a key may be registered once."""
    if bukti.kode in BUKTI:
        raise ValueError(f"bukti {bukti.kode!r} sudah terdaftar")
    BUKTI[bukti.kode] = bukti
    return bukti
