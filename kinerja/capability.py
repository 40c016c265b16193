"""The capability of the SKP list: what kinerja adds to pegawai.capability."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kinerja.models import Skp
from pegawai.akses import Lingkup
from pegawai.capability import Capability


def _punya_skp(user: User | AnonymousUser, scope: Lingkup) -> bool:
    """Whether the user's SKP list shows anything: SKPs of their own or SKPs they evaluate in an
    open period. HR without an employee record reach SKPs through the dashboard and the admin,
    so the list would be an empty page for them. One EXISTS query, cached on the user object
    for the rest of the request (the view and the menu both ask)."""
    cached = getattr(user, "_punya_skp", None)
    if cached is None:
        cached = scope.pegawai_id is not None and (
            Skp.objects.filter(
                Q(pegawai_id=scope.pegawai_id)
                | Q(penilai_id=scope.pegawai_id, periode__terbuka=True)
            ).exists()
        )
        user._punya_skp = cached
    return cached


# An employee with an SKP, or an evaluator with one to rate.
SKP = Capability("skp", _punya_skp, _("Belum ada SKP."))
