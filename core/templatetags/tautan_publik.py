"""`{% tautan_publik as tautan %}`: the links other apps add to the public menu
(core.tautan.PUBLIK)."""

from django import template

from core.tautan import PUBLIK, Tautan

register = template.Library()


@register.simple_tag
def tautan_publik() -> list[Tautan]:
    return PUBLIK.semua()
