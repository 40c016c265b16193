"""Which figures of the public satisfaction survey may be published (SKM, PermenPANRB 14/2017).

The regulation says how a unit's index is computed (`kinerja.rules.ikm`), not how small figures
are protected; this module is the project's disclosure rule. A published mean of fewer than
`MIN_RESPONDEN` questionnaires tells the unit's staff, or anyone who knows the other answers,
what one person answered. A minimum per cell is not enough on its own: whoever can subtract one
published figure from another learns the cell in between (differencing), e.g. "the year minus the
published quarters" or "the page before and after I submitted one questionnaire". Statistical
offices answer with primary suppression (a cell under the threshold is not published) and
secondary suppression (a cell that would let a suppressed one be recomputed is not published
either): CBS Statistics Netherlands, "A general formulation of the secondary cell suppression
problem" (2010, cbs.nl), and the Sage Encyclopedia of Survey Research Methods, "Cell
suppression", which names the case of a respondent who subtracts their own contribution.

The rule, per unit and year, in quarters (triwulan) and the year:

1. Only closed periods. A quarter is published from the second day after it ends (the extra day
   lets a questionnaire sent in the last minutes land before anyone reads the quarter), and never
   changes after: no published number moves when one new questionnaire arrives, so comparing the
   page before and after a submission shows nothing.
2. A closed quarter is published only with at least `MIN_RESPONDEN` questionnaires; its count is
   shown only then ("fewer than 5" otherwise, never 1 to 4).
3. The year's figure is the union of the published quarters while the year runs. Once the year
   has ended it counts every questionnaire of the year, unless the quarters left unpublished hold
   together 1 to 4 questionnaires (then "year minus published quarters" would isolate them, and
   the year stays the union of the published quarters). A published quarter is never withdrawn
   afterwards (it may already be copied), which is why the year, not a quarter, gives way.

Every difference of two published numbers is then a published quarter or the unpublished rest
of a year, each of at least `MIN_RESPONDEN` questionnaires.

What this does not stop: someone who, during an open quarter, sends four questionnaires to a unit
that gets exactly one other that quarter, and reads the quarter once it is published, can
subtract their own answers. The rate limit (`publik.views.survei`) makes that cost several
networks and days, but only noise added to the figures would rule it out, and the regulation's
index is exact; the HR dashboard sees everything (internal).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from kinerja.rules import JUMLAH_UNSUR

MIN_RESPONDEN = 5
TRIWULAN = (1, 2, 3, 4)


@dataclass(frozen=True)
class Jumlah:
    """The questionnaires of one cell: how many, and the sum of each element's answers."""

    n: int = 0
    total: tuple[int, ...] = (0,) * JUMLAH_UNSUR

    def __add__(self, other: Jumlah) -> Jumlah:
        return Jumlah(
            self.n + other.n, tuple(a + b for a, b in zip(self.total, other.total, strict=True))
        )


KOSONG = Jumlah()


class Status:
    TERBIT = "terbit"  # closed, at least MIN_RESPONDEN: published
    KURANG = "kurang"  # closed, fewer than MIN_RESPONDEN: not published
    BERJALAN = "berjalan"  # running, or closed less than a day ago
    BELUM = "belum"  # not begun


@dataclass(frozen=True)
class SelTriwulan:
    triwulan: int
    status: str
    jumlah: Jumlah | None  # only when published


@dataclass(frozen=True)
class TerbitanTahun:
    tahun: int
    triwulan: tuple[SelTriwulan, ...]
    jumlah: Jumlah | None  # the year's published figure, None when nothing may be published
    cakupan: tuple[int, ...]  # the quarters it counts
    setahun: bool  # the year has ended and the figure counts every questionnaire of it


def awal_triwulan(tahun: int, triwulan: int) -> date:
    return date(tahun, 3 * triwulan - 2, 1)


def akhir_triwulan(tahun: int, triwulan: int) -> date:
    if triwulan == 4:
        return date(tahun, 12, 31)
    return awal_triwulan(tahun, triwulan + 1) - timedelta(days=1)


def terbit_sejak(tahun: int, triwulan: int) -> date:
    """Return the first day a quarter's figures may be read: the second day after it ends."""
    return akhir_triwulan(tahun, triwulan) + timedelta(days=2)


def terbitan_tahun(
    per_triwulan: Mapping[int, Jumlah], *, tahun: int, hari_ini: date
) -> TerbitanTahun:
    """Return what may be published of one unit's year, given its questionnaires per quarter."""
    sel = []
    for tw in TRIWULAN:
        jumlah = per_triwulan.get(tw, KOSONG)
        if hari_ini < awal_triwulan(tahun, tw):
            sel.append(SelTriwulan(tw, Status.BELUM, None))
        elif hari_ini < terbit_sejak(tahun, tw):
            sel.append(SelTriwulan(tw, Status.BERJALAN, None))
        elif jumlah.n >= MIN_RESPONDEN:
            sel.append(SelTriwulan(tw, Status.TERBIT, jumlah))
        else:
            sel.append(SelTriwulan(tw, Status.KURANG, None))
    terbit = [s for s in sel if s.status == Status.TERBIT]
    gabungan = sum((s.jumlah for s in terbit), KOSONG)
    if hari_ini >= terbit_sejak(tahun, 4):
        setahun = sum((per_triwulan.get(tw, KOSONG) for tw in TRIWULAN), KOSONG)
        sisa = setahun.n - gabungan.n
        if setahun.n >= MIN_RESPONDEN and (sisa == 0 or sisa >= MIN_RESPONDEN):
            return TerbitanTahun(tahun, tuple(sel), setahun, TRIWULAN, True)
    if not terbit:
        return TerbitanTahun(tahun, tuple(sel), None, (), False)
    return TerbitanTahun(tahun, tuple(sel), gabungan, tuple(s.triwulan for s in terbit), False)
