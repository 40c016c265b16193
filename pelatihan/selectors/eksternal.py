"""External training as each user may see it."""

from __future__ import annotations

from django.db.models import QuerySet

from pegawai.akses import Lingkup
from pelatihan.models import PelatihanEksternal


def eksternal_terlihat(scope: Lingkup) -> QuerySet[PelatihanEksternal]:
    """Return the external training the scope may see: HR every record, a unit head their
    units' employees', an employee their own (the same reach as the admin's list)."""
    return scope.filter(
        PelatihanEksternal.objects.all(), path="pegawai__unit_kerja__path", pegawai="pegawai_id"
    )
