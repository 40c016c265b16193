"""Where a decision by "Seleksi terbuka" learns the open selection it came from: an
inversion-of-control registry (the pattern of pelatihan.sumber).

Open selections (publik.Seleksi) live in publik, above jabatan (docs/desain.md, dependency rule),
so jabatan cannot read them. publik registers one `AsalSeleksi` here from its AppConfig.ready()
(publik.keputusan). `keputusan_create` refuses the method "Seleksi terbuka" unless a selection
is named and the registered recorder accepts it: the recorder checks that the selection
includes the post, that the appointee applied for that post, and that the selection is past its
announcement (or finished), then writes the link row (publik.KeputusanSeleksi, one per decision,
pointing at the applicant row) in the decision's own transaction. Without a registered recorder
(jabatan alone), no decision by open selection can be recorded at all.

Why not a database trigger checking that every "Seleksi terbuka" decision has its link row:
decisions recorded before this rule (and the demo's historical decisions, bulk-created without a
selection) have none, and a deferred constraint trigger across two apps' tables would have to
live in publik's migrations and be PostgreSQL-only. The link row itself is held by the
database: one per decision (OneToOne) and only to an existing applicant (PROTECT foreign key).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from jabatan.models import Formasi, Keputusan


class AsalSeleksi(Protocol):
    def pilihan(self, formasi: Formasi) -> list[tuple[int, str]]:
        """Return (id, label) of the selections a decision on this post may name."""

    def label(self, seleksi_id: int) -> str:
        """Return how a selection is named in the confirmation step ("" if unknown)."""

    def asal(self, keputusan: Keputusan) -> str:
        """Return how the selection a decision came from is named ("" if none is linked)."""

    def catat(self, *, keputusan: Keputusan, seleksi_id: int) -> None:
        """Check the selection against the decision and write the link; raise
        ValidationError keyed "seleksi" when it does not fit."""


_ASAL: list[AsalSeleksi] = []


def daftarkan(asal: AsalSeleksi) -> AsalSeleksi:
    """Register the recorder (the last registration wins: ready() may run twice in tests)."""
    _ASAL[:] = [asal]
    return asal


def asal_seleksi() -> AsalSeleksi | None:
    return _ASAL[0] if _ASAL else None
