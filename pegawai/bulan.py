"""Month arithmetic, one way for every rule that counts in months (dateutil.relativedelta).

Adding months keeps the day of the month, clamped to the target month's last day (31 January +
1 month is 28 or 29 February). Whole months between two dates count as relativedelta does: a
month is whole when the same day of the month (clamped the same way) is reached, so a month from
31 January is whole on 28 February, and one born on 29 February turns a year older on 28
February of a common year (docs/aturan.md, §2). Calendar months between two dates count the
months' numbers only (the retirement rule's "months left").
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta


def add_months(d: date, bulan: int) -> date:
    """Return `d` plus `bulan` months (negative: minus), the day clamped to the month's end."""
    return d + relativedelta(months=bulan)


def whole_months(dari: date, pada: date) -> int:
    """Return the whole months from `dari` to `pada` (negative when `pada` is earlier)."""
    selisih = relativedelta(pada, dari)
    return selisih.years * 12 + selisih.months


def calendar_months(dari: date, pada: date) -> int:
    """Return the calendar months from the month of `dari` to the month of `pada` (the days
    ignored: 31 May to 1 June is one)."""
    return (pada.year - dari.year) * 12 + pada.month - dari.month
