"""Whether the menu's "SKP" entry leads anywhere for this user."""

from __future__ import annotations

from django import template
from django.db.models import Q

from kinerja.models import Skp
from pegawai.akses import lingkup

register = template.Library()


@register.simple_tag(takes_context=True)
def punya_skp(context: template.Context) -> bool:
    """Return whether the user's SKP page lists anything: SKPs of their own or SKPs they evaluate
    in an open period (what `kinerja:skp_list` shows). HR without an employee record reach SKPs
    through the dashboard and the admin, so the entry would be an empty page for them. One
    EXISTS query, cached on the user object for the rest of the request."""
    request = context.get("request")
    if request is None:
        return False
    user = request.user
    cached = getattr(user, "_punya_skp", None)
    if cached is None:
        pegawai_id = lingkup(user).pegawai_id
        cached = pegawai_id is not None and (
            Skp.objects.filter(
                Q(pegawai_id=pegawai_id) | Q(penilai_id=pegawai_id, periode__terbuka=True)
            ).exists()
        )
        user._punya_skp = cached
    return cached
