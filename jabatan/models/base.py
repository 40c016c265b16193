"""Helpers of jabatan's models: the eselon choices and CHECKs used in their Meta."""

from __future__ import annotations

from django.db.models import Q, Value
from django.db.models.functions import Trim
from django.db.models.lookups import Exact

ESELON_CHOICES = [
    (e, e) for e in ("I.a", "I.b", "II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b", "V.a")
]


def tidak_kosong(field: str) -> Q:
    """The field holds more than spaces (TRIM, the same on PostgreSQL and SQLite)."""
    return ~Q(Exact(Trim(field), Value("")))
