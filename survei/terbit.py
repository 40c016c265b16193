"""Which figures of the public satisfaction survey may be published (SKM, PermenPANRB 14/2017).

The regulation says how a unit's index is computed (`survei.rules.ikm`), not how small figures
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
2. A closed quarter is published only with at least `MIN_RESPONDEN` questionnaires sent from at
   least `MIN_RESPONDEN` distinct networks (below); its count is shown only then ("fewer than 5"
   otherwise, never 1 to 4).
3. The year's figure is the union of the published quarters while the year runs. Once the year
   has ended it counts every questionnaire of the year, unless the quarters left unpublished hold
   together 1 to 4 questionnaires, or questionnaires from 1 to 4 distinct networks (then "year
   minus published quarters" would isolate them, and the year stays the union of the published
   quarters). A published quarter is never withdrawn afterwards (it may already be copied), which
   is why the year, not a quarter, gives way.

Every difference of two published numbers is then a published quarter or the unpublished rest
of a year, each of at least `MIN_RESPONDEN` questionnaires from at least `MIN_RESPONDEN`
networks.

Why networks. Rules 1-3 alone leave one attack, the one the Sage entry names: someone who sends four
questionnaires to a unit during an open quarter in which exactly one other person answers, and reads
the quarter once it is published, subtracts their own four and has the fifth person's nine answers.
The rate limit (`publik.views.survei`, per network per unit per day) only made that cost four days.
So a cell also needs `MIN_RESPONDEN` distinct respondent networks, the network being the rate
limit's (`core.throttle.network_of`: an IPv4 address, an IPv6 /64), counted in
`survei.models.JaringanSkm` apart from the responses. An attacker who controls m networks and
subtracts everything they sent keeps, of any published cell, the sum of the questionnaires of at
least 5 - m other networks, each of one person or more: to isolate one person they need four
distinct networks (four households, or mobile connections that land in four /64s; one questionnaire
from each is enough, so the daily cap does not slow them), used before the quarter closes, and they
must also know that the quarter will get exactly one other respondent. That is what remains, and it
is the residual risk the threshold itself accepts: any respondent of a published cell of five learns
the mean of the four others. Many people on one network (a family, an office's Wi-Fi) count as one:
a cell they fill alone is not published, which errs on the side of keeping it back. The keys of a
year are kept only until its fourth quarter is published; then the daily clean-up keeps counts
(`survei.services.jaringan_skm_summarize`).

A counter kiosk (`survei.models.KiosSkm`) is the exception: it is the unit's own supervised
device, the usual way SKM is collected at a counter, and all its questionnaires share one
network; each of them counts as a network of its own, or a unit surveyed at its counter would
never publish. An attacker would have to stand at the counter four times under the staff's eyes.

Why not noise. Only randomness added to the published figures (differential privacy) rules out
differencing altogether; but PermenPANRB 14/2017 defines the index as an exact weighted mean of
the answers (`survei.rules.ikm`), and a unit's published IKM must be that number. The HR
dashboard sees every questionnaire (internal).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from survei.rules import JUMLAH_UNSUR

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

# A unit's respondent networks in a year: quarter pattern -> how many distinct networks sent
# questionnaires in exactly those quarters. A pattern has one bit per quarter (`bit`), so one
# network that answered in the first and third quarters counts once, under pattern 0b0101.
Sebaran = Mapping[int, int]


def bit(triwulan: int) -> int:
    return 1 << (triwulan - 1)


def jaringan_berbeda(sebaran: Sebaran, triwulan: Iterable[int]) -> int:
    """Return how many distinct networks sent questionnaires in any of these quarters."""
    pola = sum(bit(tw) for tw in set(triwulan))
    return sum(n for p, n in sebaran.items() if p & pola)


class Status:
    TERBIT = "terbit"  # closed, at least MIN_RESPONDEN: published
    KURANG = "kurang"  # closed, fewer than MIN_RESPONDEN questionnaires or networks
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


def triwulan_dari(tanggal: date) -> int:
    return (tanggal.month + 2) // 3


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
    per_triwulan: Mapping[int, Jumlah], *, jaringan: Sebaran, tahun: int, hari_ini: date
) -> TerbitanTahun:
    """Return what may be published of one unit's year, given its questionnaires per quarter and
    the distinct networks they came from."""
    sel = []
    for tw in TRIWULAN:
        jumlah = per_triwulan.get(tw, KOSONG)
        if hari_ini < awal_triwulan(tahun, tw):
            sel.append(SelTriwulan(tw, Status.BELUM, None))
        elif hari_ini < terbit_sejak(tahun, tw):
            sel.append(SelTriwulan(tw, Status.BERJALAN, None))
        elif jumlah.n >= MIN_RESPONDEN and jaringan_berbeda(jaringan, [tw]) >= MIN_RESPONDEN:
            sel.append(SelTriwulan(tw, Status.TERBIT, jumlah))
        else:
            sel.append(SelTriwulan(tw, Status.KURANG, None))
    terbit = [s for s in sel if s.status == Status.TERBIT]
    gabungan = sum((s.jumlah for s in terbit), KOSONG)
    if hari_ini >= terbit_sejak(tahun, 4):
        setahun = sum((per_triwulan.get(tw, KOSONG) for tw in TRIWULAN), KOSONG)
        sisa = setahun.n - gabungan.n
        sisa_jaringan = jaringan_berbeda(
            jaringan, [s.triwulan for s in sel if s.status != Status.TERBIT]
        )
        aman = sisa == 0 or (sisa >= MIN_RESPONDEN and sisa_jaringan >= MIN_RESPONDEN)
        if setahun.n >= MIN_RESPONDEN and aman:
            return TerbitanTahun(tahun, tuple(sel), setahun, TRIWULAN, True)
    if not terbit:
        return TerbitanTahun(tahun, tuple(sel), None, (), False)
    return TerbitanTahun(tahun, tuple(sel), gabungan, tuple(s.triwulan for s in terbit), False)
