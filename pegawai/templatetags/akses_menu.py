"""The user's scope in templates, so the menu offers only what the user can open."""

from __future__ import annotations

from django import template

from pegawai.akses import Lingkup, lingkup

register = template.Library()


@register.simple_tag(takes_context=True)
def lingkup_pengguna(context: template.Context) -> Lingkup:
    """Return the request user's scope (cached on the user object, so a view that already asked
    for it costs no query here)."""
    request = context.get("request")
    return lingkup(request.user) if request is not None else Lingkup()
