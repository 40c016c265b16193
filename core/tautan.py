"""Links an app adds to a page it may not name URLs on: a registry of (URL name, label).

The layers let a page list only what sits below its app; an app above adds its link from its
AppConfig.ready() instead. Two such lists: the employee's own page /saya/ (pegawai.saya: the
apps above pegawai add theirs) and the public menu (`PUBLIK`: publik and sistem_merit share a
layer and never name each other's URLs; publik's base template lists them with
`{% tautan_publik as tautan %}`).
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


class DaftarTautan:
    """The links added to one page, in the order the apps added them."""

    def __init__(self) -> None:
        self._tautan: dict[str, Tautan] = {}

    def tambah(self, url_name: str, label: str | Promise) -> None:
        """Add a link (once per URL name: ready() may run twice in tests)."""
        self._tautan[url_name] = Tautan(url_name, label)

    def semua(self) -> list[Tautan]:
        return list(self._tautan.values())


PUBLIK = DaftarTautan()
