"""Dates as SIASN and spreadsheets write them: `dd-mm-yyyy` (SIASN's exports and data utama),
`yyyy-mm-dd`, and ISO date-times such as `2022-04-01T00:00:00Z` (web services serialising a date
as a UTC instant), read as the calendar date in WITA, the app's time zone (settings.TIME_ZONE,
Asia/Makassar): `2022-03-31T16:00:00Z` is 1 April in Mataram. A date-time without a zone is read as
written. A date that does not exist says so; anything else is "not recognised".
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, timedelta, timezone

from django.utils.timezone import get_default_timezone
from django.utils.translation import gettext as _

_TGL_ID = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_TGL_ISO = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$"
)


class TanggalSalah(ValueError):
    """The text is not a date; `pesan` says why, in Indonesian, for the row's fault."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


def _buat(teks: str, y: int, m: int, d: int) -> date:
    try:
        return date(y, m, d)  # the hot path: 100,000 rows hold 600,000 dates
    except ValueError:
        pass
    # Say what is wrong with the day, not "wrong format": the text was read, the day is not in
    # the calendar ("31-02-1990 tidak ada (bulan 2 tahun 1990 hanya 28 hari)").
    if not 1 <= m <= 12:
        raise TanggalSalah(
            _('Tanggal "%(v)s" tidak ada (bulan %(m)d tidak ada; bulan 1 sampai 12).')
            % {"v": teks, "m": m}
        )
    if 1 <= y <= 9999:
        if d < 1:
            raise TanggalSalah(
                _('Tanggal "%(v)s" tidak ada (tanggal %(d)d tidak ada).') % {"v": teks, "d": d}
            )
        raise TanggalSalah(
            _('Tanggal "%(v)s" tidak ada (bulan %(m)d tahun %(y)d hanya %(a)d hari).')
            % {"v": teks, "m": m, "y": y, "a": calendar.monthrange(y, m)[1]}
        )
    raise TanggalSalah(_('Tanggal "%(v)s" tidak ada (tahun %(y)d).') % {"v": teks, "y": y})


def _zona(teks: str) -> timezone:
    if teks == "Z":
        return UTC
    tanda = -1 if teks[0] == "-" else 1
    jam, menit = int(teks[1:3]), int(teks[-2:])
    return timezone(tanda * timedelta(hours=jam, minutes=menit))


def tanggal(teks: str) -> date:
    """Return the calendar date of `teks`; TanggalSalah with the reason otherwise."""
    teks = teks.strip()
    m = _TGL_ID.match(teks)
    if m:
        return _buat(teks, int(m[3]), int(m[2]), int(m[1]))
    m = _TGL_ISO.match(teks)
    if m:
        hari = _buat(teks, int(m[1]), int(m[2]), int(m[3]))
        jam, menit, detik = int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
        if jam > 23 or menit > 59 or detik > 59:
            raise TanggalSalah(_('Waktu pada "%(v)s" tidak ada.') % {"v": teks})
        if m[7] is None:
            return hari
        saat = datetime(hari.year, hari.month, hari.day, jam, menit, detik, tzinfo=_zona(m[7]))
        return saat.astimezone(get_default_timezone()).date()
    raise TanggalSalah(
        _(
            'Tanggal "%(v)s" tidak dikenali: tulis dd-mm-yyyy (31-12-1985) atau yyyy-mm-dd '
            "(1985-12-31)."
        )
        % {"v": teks}
    )
