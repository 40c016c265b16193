"""Display helpers of the import pages."""

from __future__ import annotations

from datetime import date

from django import template

from pegawai.nip import format_nip, reads_as_pppk

register = template.Library()


@register.filter
def nip_cetak(value: str) -> str:
    """The NIP grouped as printed on decrees (`19850315 201001 1 002`)."""
    if not value:
        return ""
    return format_nip(value, pppk=reads_as_pppk(value))


@register.filter
def tanggal_iso(value: str) -> date | None:
    """A date kept as ISO text in the preview's summary (JSON), back as a date for `|date`."""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
