"""`{% tautan_publik as tautan %}`: the links other apps add to the public menu
(core.tautan_publik)."""

from django import template

from core import tautan_publik as registri

register = template.Library()


@register.simple_tag
def tautan_publik() -> list[registri.Tautan]:
    return registri.daftar()
