"""Links that other apps put on the employee's own page (/saya/).

pegawai sits below every app, so its page cannot name their URLs; an app above adds its link
here from its AppConfig.ready() (jabatan: the employee's chances for vacant posts).
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


def tambah_tautan(url_name: str, label: str | Promise) -> None:
    """Add a link to /saya/ (once per URL name: ready() may run twice in tests)."""
    _TAUTAN[url_name] = Tautan(url_name, label)


def tautan() -> list[Tautan]:
    """Return the links, in the order the apps added them."""
    return list(_TAUTAN.values())
