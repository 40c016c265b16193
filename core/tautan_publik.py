"""Links that apps beside the public side add to its menu (the public home's list of pages).

publik and sistem_merit share a layer and never name each other's URLs (docs/desain.md), so an
app whose public page belongs in the public menu adds its link here from its
AppConfig.ready(), as apps add theirs to /saya/ (pegawai.saya); publik's base template lists
them (`{% tautan_publik as tautan %}`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class Tautan:
    url_name: str
    label: str | Promise

    @property
    def url(self) -> str:
        return reverse(self.url_name)


_TAUTAN: dict[str, Tautan] = {}


def tambah(url_name: str, label: str | Promise) -> None:
    """Add a link to the public menu (once per URL name: ready() may run twice in tests)."""
    _TAUTAN[url_name] = Tautan(url_name, label)


def daftar() -> list[Tautan]:
    """Return the links, in the order the apps added them."""
    return list(_TAUTAN.values())
