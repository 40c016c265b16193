"""Who may see what: the one scoping mechanism every view, admin list, filter and export uses.

HR (permission `pegawai.lihat_semua_unit`, held by the "Admin BKPSDM" group) see every unit. A
unit head sees the unit they lead and everything under it; an employee sees their own record.
Anyone else sees nothing. Selectors and admins declare how their rows reach a unit path and an
employee; `Lingkup.filter` does the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from pegawai.models import Akses

PERM_SEMUA_UNIT = "pegawai.lihat_semua_unit"


@dataclass(frozen=True)
class Lingkup:
    """The part of the organisation a user may see."""

    semua: bool = False
    unit_path: str | None = None  # the led unit's materialised path: its whole subtree
    pegawai_id: int | None = None  # the user's own employee record

    @property
    def memimpin(self) -> bool:
        """Whether the scope covers units: HR (all) or a unit head (a subtree)."""
        return self.semua or bool(self.unit_path)

    @property
    def pimpinan_unit(self) -> bool:
        """Whether the user heads a unit (and is not HR, whose scope is every unit)."""
        return bool(self.unit_path) and not self.semua

    @property
    def kosong(self) -> bool:
        return not (self.semua or self.unit_path or self.pegawai_id)

    def filter(self, qs: QuerySet, *, path: str | None, pegawai: str | None) -> QuerySet:
        """Return the rows of `qs` in scope.

        `path` is the lookup from the rows to a unit's `path` (e.g. `"unit_kerja__path"`),
        `pegawai` the lookup to an employee id (e.g. `"pegawai_id"`); either may be None when
        the rows have no such link.
        """
        if self.semua:
            return qs
        q = Q()
        allowed = False
        if self.unit_path and path:
            q |= Q(**{f"{path}__startswith": self.unit_path})
            allowed = True
        if self.pegawai_id and pegawai:
            q |= Q(**{pegawai: self.pegawai_id})
            allowed = True
        return qs.filter(q) if allowed else qs.none()


def lingkup(user: User | AnonymousUser) -> Lingkup:
    """Return the user's scope, computed once per user object (one query at most)."""
    cached = getattr(user, "_lingkup", None)
    if cached is not None:
        return cached
    if not user.is_authenticated or not user.is_active:
        result = Lingkup()
    elif user.has_perm(PERM_SEMUA_UNIT):
        result = Lingkup(semua=True)
    else:
        akses = Akses.objects.select_related("unit_kerja").filter(user=user).first()
        result = Lingkup(
            unit_path=akses.unit_kerja.path if akses and akses.unit_kerja else None,
            pegawai_id=akses.pegawai_id if akses else None,
        )
    user._lingkup = result
    return result


def pegawai_id_sendiri(user: User | AnonymousUser) -> int:
    """Return the id of the user's own employee record; PermissionDenied when there is none."""
    pegawai_id = lingkup(user).pegawai_id
    if pegawai_id is None:
        raise PermissionDenied(_("Akun ini tidak terhubung dengan data pegawai."))
    return pegawai_id


def lingkup_seluruh() -> Lingkup:
    """Return the scope of every unit, for what is public within the government whoever asks
    (the open posts of a seleksi terbuka): a name, so no page builds a scope by hand."""
    return Lingkup(semua=True)
