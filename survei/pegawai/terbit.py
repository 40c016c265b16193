"""Which figures of the employees' survey may be shown: the project's disclosure rule.

The same threshold and the same reasoning as the public survey (`survei.terbit`): a mean of
fewer than `MIN_RESPONDEN` answers tells the unit head, or a colleague who knows the other
answers, what one person answered; and a minimum per cell is not enough when one published
figure can be subtracted from another (differencing; CBS Statistics Netherlands on secondary
cell suppression, cited there). Here the cells are the perangkat daerah of one period and the
agency as a whole, so the rule is:

1. Only closed periods whose pending answers have all been moved into responses
   (`PeriodeSurveiPegawai.rampung`): no figure moves after it is first read.
2. A unit is shown only with at least `MIN_RESPONDEN` responses (primary suppression).
3. Secondary suppression: the agency total minus the sum of the units shown must be 0 or at
   least `MIN_RESPONDEN`, or "agency minus shown units" would isolate the few left out. While it
   is not, the smallest shown unit is withheld too (ties: by the unit's key, so the outcome does
   not depend on the order the units come in).
4. The agency figure is shown only with at least `MIN_RESPONDEN` responses.

5. A dimension (kepuasan, keterikatan) of a shown cell is shown only when at least
   `MIN_RESPONDEN` of its respondents answered it: HR may switch a statement on or off while a
   period runs, so a dimension can have fewer respondents than its cell. A withheld dimension is
   also left out of the cell's mean (survei.pegawai.selectors._baris), or the mean minus the
   other dimension would give it back.

Responses stored without a unit (a unit with too few respondents at the close,
services.periode_survei_pegawai_finish) count only in the agency total, where rule 3 covers them.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

from survei.terbit import MIN_RESPONDEN

__all__ = ["MIN_RESPONDEN", "Terbitan", "terbitan"]


@dataclass(frozen=True)
class Terbitan:
    unit: frozenset[Hashable]  # the units whose figures may be shown
    instansi: bool  # whether the agency's figure may be shown


TIDAK_ADA = Terbitan(frozenset(), False)


def terbitan(per_unit: Mapping[Hashable | None, int], *, rampung: bool) -> Terbitan:
    """Return what may be shown of a period, given its number of responses per unit (None: the
    responses stored without a unit) and whether the period is closed and complete."""
    total = sum(per_unit.values())
    if not rampung or total < MIN_RESPONDEN:
        return TIDAK_ADA
    tampil = {u: n for u, n in per_unit.items() if u is not None and n >= MIN_RESPONDEN}
    # Smallest first; among equal counts by key, so the outcome does not depend on input order.
    urutan = sorted(tampil, key=lambda u: (tampil[u], str(u)))
    while 0 < total - sum(tampil.values()) < MIN_RESPONDEN:
        del tampil[urutan.pop(0)]
    return Terbitan(frozenset(tampil), True)
