"""Links and summaries that other apps put on the employee's own page (/saya/).

pegawai sits below every app but core and tugas, so its page cannot name the URLs or read the
data of the apps above it; such an app adds its link here from its AppConfig.ready() (jabatan:
the employee's chances for vacant posts), or a summary card (kinerja: the SKP to fill in;
jabatan: the JP of the year, which it reads from pelatihan), computed when the page is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.functional import Promise

from core.tautan import DaftarTautan, Tautan

if TYPE_CHECKING:
    from pegawai.models import Pegawai


_TAUTAN = DaftarTautan()


def tambah_tautan(url_name: str, label: str | Promise) -> None:
    """Add a link to /saya/ (once per URL name: ready() may run twice in tests)."""
    _TAUTAN.tambah(url_name, label)


def tautan() -> list[Tautan]:
    """Return the links, in the order the apps added them."""
    return _TAUTAN.semua()


@dataclass(frozen=True)
class Kartu:
    """One summary on /saya/: a title, a figure, what it means, and the action it calls for."""

    judul: str | Promise
    angka: str
    keterangan: str | Promise
    url: str = ""
    label_url: str | Promise = ""
    perlu_tindakan: bool = False  # the employee has something to do (the card stands out)
    baris: list[str] = field(default_factory=list)


_KARTU: dict[str, Callable[[Pegawai], Kartu | None]] = {}


def tambah_kartu(kunci: str, buat: Callable[[Pegawai], Kartu | None]) -> None:
    """Add a summary card to /saya/: `buat(pegawai)` returns it, or None to show nothing (once
    per key: ready() may run twice in tests). Each costs its own few queries."""
    _KARTU[kunci] = buat


def kartu(pegawai: Pegawai) -> list[Kartu]:
    """Return the cards for this employee, in the order the apps added them."""
    return [k for k in (buat(pegawai) for buat in _KARTU.values()) if k is not None]
