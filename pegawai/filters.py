"""The unit picker every list's filters use (django-filter): one rule for which units are offered,
one way a chosen unit narrows the rows (its whole subtree)."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from pegawai.akses import Lingkup
from pegawai.models import UnitKerja


def unit_choices(scope: Lingkup) -> QuerySet[UnitKerja]:
    """Return the units a picker offers `scope`: the scope's top unit and one level below it
    (for HR the city and its perangkat daerah, for a unit head at any depth their own unit and
    the units right under it), never a thousand options. The top unit heads the list; the units
    under it follow by name, the order a reader scans for."""
    units = scope.filter(UnitKerja.objects.all(), path="path", pegawai=None)
    if scope.semua:
        units = units.filter(depth__lte=1)
    elif scope.unit_path:
        depth = scope.unit_path.count("/") - 1  # "1/7/42/" is at depth 2
        units = units.filter(depth__lte=depth + 1)
    return units.only("pk", "nama", "path", "depth").order_by("depth", "nama", "pk")


class UnitFilter(django_filters.ModelChoiceFilter):
    """A unit in the user's scope; the rows kept are those whose unit (reached through `path`,
    the lookup to a unit's materialised path) is the chosen unit or under it. The filter set
    gives it its scope (`LingkupFilterSet`); until then it offers nothing."""

    def __init__(self, *, path: str = "unit_kerja__path", **kwargs) -> None:
        kwargs.setdefault("label", _("Unit kerja"))
        kwargs.setdefault("empty_label", _("Semua unit dalam lingkup"))
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("Unit kerja %(value)s tidak dikenal atau di luar lingkup Anda.")},
        )
        kwargs["queryset"] = UnitKerja.objects.none()
        super().__init__(**kwargs)
        self.path = path

    def filter(self, qs: QuerySet, value: UnitKerja | None) -> QuerySet:
        if not value:
            return qs
        return qs.filter(**{f"{self.path}__startswith": value.path})


class LingkupFilterSet(django_filters.FilterSet):
    """A filter set whose unit pickers offer the units of `scope` (`unit_choices`)."""

    def __init__(self, *args, scope: Lingkup, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.scope = scope
        for f in self.filters.values():
            if isinstance(f, UnitFilter):
                f.queryset = unit_choices(scope)
