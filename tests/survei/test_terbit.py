"""The survey's disclosure rule (survei.terbit): closed quarters only, at least five
questionnaires per published cell, and no difference of published figures that isolates fewer
than five people (primary and secondary cell suppression: CBS, "A general formulation of the
secondary cell suppression problem", 2010; Sage Encyclopedia of Survey Research Methods, "Cell
suppression")."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from survei.terbit import (
    MIN_RESPONDEN,
    TRIWULAN,
    Jumlah,
    Status,
    bit,
    jaringan_berbeda,
    terbit_sejak,
    terbitan_tahun,
)

TAHUN = 2025


def _j(n: int) -> Jumlah:
    return Jumlah(n, (3 * n,) * 9)


def _per(*ns: int) -> dict[int, Jumlah]:
    return {tw: _j(n) for tw, n in zip(TRIWULAN, ns, strict=True)}


def _sendiri(*ns: int) -> dict[int, int]:
    """Networks when every questionnaire came from a network of its own."""
    return {bit(tw): n for tw, n in zip(TRIWULAN, ns, strict=True) if n}


def _terbitan(*ns: int, hari_ini: date, jaringan: dict[int, int] | None = None):
    jaringan = _sendiri(*ns) if jaringan is None else jaringan
    return terbitan_tahun(_per(*ns), jaringan=jaringan, tahun=TAHUN, hari_ini=hari_ini)


@pytest.mark.parametrize(
    ("hari_ini", "status"),
    [
        (date(2024, 12, 31), [Status.BELUM] * 4),
        (date(2025, 1, 1), [Status.BERJALAN, Status.BELUM, Status.BELUM, Status.BELUM]),
        # The quarter ended on 31 March; published from 2 April (a day's grace).
        (date(2025, 4, 1), [Status.BERJALAN, Status.BERJALAN, Status.BELUM, Status.BELUM]),
        (date(2025, 4, 2), [Status.TERBIT, Status.BERJALAN, Status.BELUM, Status.BELUM]),
        (date(2026, 1, 1), [Status.TERBIT, Status.TERBIT, Status.TERBIT, Status.BERJALAN]),
        (date(2026, 1, 2), [Status.TERBIT] * 4),
    ],
)
def test_it_publishes_a_quarter_only_once_it_has_closed(hari_ini, status):
    t = _terbitan(5, 5, 5, 5, hari_ini=hari_ini)
    assert [s.status for s in t.triwulan] == status


@pytest.mark.parametrize(
    ("n", "status"),
    [(0, Status.KURANG), (1, Status.KURANG), (4, Status.KURANG), (5, Status.TERBIT)],
)
def test_a_closed_quarter_needs_exactly_five_at_least(n, status):
    t = _terbitan(n, 0, 0, 0, hari_ini=date(2025, 6, 1))
    assert t.triwulan[0].status == status
    assert (t.triwulan[0].jumlah is not None) == (status == Status.TERBIT)


@pytest.mark.parametrize(
    ("ns", "hari_ini", "n_tahun", "cakupan", "setahun"),
    [
        # While the year runs: the union of the published quarters.
        ((5, 7, 3, 0), date(2025, 8, 1), 12, (1, 2), False),
        ((4, 7, 3, 0), date(2025, 8, 1), 7, (2,), False),
        ((4, 4, 3, 0), date(2025, 8, 1), None, (), False),
        # The year ended: every questionnaire when the unpublished rest is 0 or at least 5 ...
        ((5, 5, 5, 5), date(2026, 1, 2), 20, TRIWULAN, True),
        ((5, 5, 3, 2), date(2026, 1, 2), 15, TRIWULAN, True),
        ((2, 1, 1, 1), date(2026, 1, 2), 5, TRIWULAN, True),
        # ... otherwise still the published quarters: year minus them would isolate 1 to 4.
        ((5, 5, 4, 0), date(2026, 1, 2), 10, (1, 2), False),
        ((5, 0, 0, 1), date(2026, 1, 2), 5, (1,), False),
        ((1, 1, 1, 1), date(2026, 1, 2), None, (), False),
        # The year ended a day ago: the fourth quarter is still in its day of grace.
        ((5, 5, 3, 2), date(2026, 1, 1), 10, (1, 2), False),
    ],
)
def test_the_year_is_the_published_quarters_or_a_safe_whole(
    ns, hari_ini, n_tahun, cakupan, setahun
):
    t = _terbitan(*ns, hari_ini=hari_ini)
    assert (t.jumlah.n if t.jumlah else None) == n_tahun
    assert t.cakupan == cakupan and t.setahun is setahun


def _hari_terbit() -> list[date]:
    """Every day on which what is published of TAHUN can change, and the days before them."""
    hari = [date(TAHUN, 1, 1)]
    for tw in TRIWULAN:
        sejak = terbit_sejak(TAHUN, tw)
        hari += [sejak - timedelta(days=1), sejak]
    return hari


def test_no_difference_of_published_figures_ever_isolates_fewer_than_five():
    """Every count from 0 to 6 in every quarter (2,401 years), read on every day the published
    figures can change: any published year minus any published quarters it holds leaves 0 or at
    least five questionnaires, and a published quarter never changes once out."""
    for ns in itertools.product(range(7), repeat=4):
        per = _per(*ns)
        kuartal: dict[int, int] = {}  # quarter -> its published count, once out
        tahun: set[frozenset[int]] = set()  # every composition the year was published with
        for hari in _hari_terbit():
            t = terbitan_tahun(per, jaringan=_sendiri(*ns), tahun=TAHUN, hari_ini=hari)
            for s in t.triwulan:
                if s.jumlah is not None:
                    assert kuartal.setdefault(s.triwulan, s.jumlah.n) == s.jumlah.n
                    assert s.jumlah.n >= MIN_RESPONDEN
            if t.jumlah is not None:
                assert t.jumlah.n >= MIN_RESPONDEN
                assert t.jumlah.n == sum(ns[tw - 1] for tw in t.cakupan)
                tahun.add(frozenset(t.cakupan))
        for cakupan in tahun:
            dalam = [tw for tw in kuartal if tw in cakupan]
            for k in range(len(dalam) + 1):
                for dikurangi in itertools.combinations(dalam, k):
                    sisa = sum(ns[tw - 1] for tw in cakupan if tw not in dikurangi)
                    assert sisa == 0 or sisa >= MIN_RESPONDEN, (ns, cakupan, dikurangi)
        # Two published years: the larger minus the smaller is published quarters or a safe rest.
        for a, b in itertools.permutations(tahun, 2):
            if a < b:
                sisa = sum(ns[tw - 1] for tw in b - a if tw not in kuartal)
                assert sisa == 0 or sisa >= MIN_RESPONDEN, (ns, a, b)


# --- Distinct respondent networks (the attack of one network padding a quarter) ---------------


def test_distinct_networks_of_quarters_count_a_network_once():
    # 3 networks only in Q1, 2 in Q1 and Q3, 1 only in Q3, 4 only in Q4.
    sebaran = {0b0001: 3, 0b0101: 2, 0b0100: 1, 0b1000: 4}
    assert [jaringan_berbeda(sebaran, [tw]) for tw in TRIWULAN] == [5, 0, 3, 4]
    assert jaringan_berbeda(sebaran, [1, 3]) == 6
    assert jaringan_berbeda(sebaran, TRIWULAN) == 10
    assert jaringan_berbeda(sebaran, []) == 0


@pytest.mark.parametrize(
    ("jaringan", "status"),
    [
        # The attack: four questionnaires from the attacker's network, one from the victim's.
        ({bit(1): 2}, Status.KURANG),
        ({bit(1): 4}, Status.KURANG),
        ({bit(1): 5}, Status.TERBIT),
        # Networks that also answered in another quarter count in this one too.
        ({bit(1): 3, bit(1) | bit(2): 2}, Status.TERBIT),
    ],
)
def test_a_closed_quarter_needs_five_distinct_networks(jaringan, status):
    t = _terbitan(5, 0, 0, 0, hari_ini=date(2025, 6, 1), jaringan=jaringan)
    assert t.triwulan[0].status == status
    assert (t.jumlah is not None) == (status == Status.TERBIT)


@pytest.mark.parametrize(
    ("jaringan_sisa", "n_tahun", "setahun"),
    [
        # Q1 published (5 networks); Q2-Q4 hold 5 questionnaires together ...
        # ... from 5 networks: the whole year is safe;
        ({bit(2): 2, bit(3): 2, bit(4): 1}, 10, True),
        # ... from one network in each quarter: it counts once, the rest is one network;
        ({bit(2) | bit(3) | bit(4): 1}, 5, False),
        # ... from 4 networks: "year minus Q1" would leave 4 networks' answers.
        ({bit(2): 2, bit(3): 1, bit(4): 1}, 5, False),
        # A Q1 network that also answered later counts in the rest.
        ({bit(1) | bit(2): 1, bit(2): 1, bit(3): 2, bit(4): 1}, 10, True),
    ],
)
def test_the_years_rest_needs_five_distinct_networks(jaringan_sisa, n_tahun, setahun):
    jaringan = {bit(1): 5, **jaringan_sisa}
    if bit(1) | bit(2) in jaringan_sisa:
        jaringan[bit(1)] = 4  # one of Q1's five networks is the one that came back
    t = _terbitan(5, 2, 2, 1, hari_ini=date(2026, 1, 2), jaringan=jaringan)
    assert [s.status for s in t.triwulan] == [Status.TERBIT] + [Status.KURANG] * 3
    assert t.jumlah.n == n_tahun and t.setahun is setahun
