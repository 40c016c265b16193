"""The main menu and the links that lead to declared pages, from the pages' own declarations
(pegawai.capability): an entry shows exactly when its page would open for the user."""

from __future__ import annotations

from django import template

from pegawai.capability import MenuEntry, may_open, menu

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context: template.Context) -> list[MenuEntry]:
    """Return the menu entries the request user may open (their scope is cached on the user
    object, so a view that already asked for it costs no query here)."""
    request = context.get("request")
    return menu(request.user) if request is not None else []


@register.simple_tag(takes_context=True, name="may_open")
def may_open_tag(context: template.Context, url_name: str) -> bool:
    """Return whether the request user may open the declared page `url_name`: a link to it
    shows only then."""
    request = context.get("request")
    return request is not None and may_open(request.user, url_name)
