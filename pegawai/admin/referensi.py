"""Admin of the organisation tree and reference data (fields, families, affairs), and
the search and filters the employee admins share."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from pegawai.admin_base import BaseAdmin
from pegawai.akses import lingkup
from pegawai.disiplin import TINGKAT, TingkatHukuman
from pegawai.models import (
    BidangStudi,
    RumpunIlmu,
    UnitKerja,
    UrusanPemerintahan,
)
from pegawai.projection import RefreshAdminMixin
from pegawai.selectors import saring_nip


class NipSearchMixin:
    """Search a NIP typed as printed on decrees (`19850315 201001 1 002`) or plain.

    A full NIP is an exact match on the unique index; a partial one a prefix (birth date first).
    Any other term goes to `search_fields` as usual.
    """

    nip_lookup = "nip"

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        nip = saring_nip(queryset, search_term, self.nip_lookup)
        if nip is not None:
            return nip, False
        return super().get_search_results(request, queryset, search_term)


class PerangkatDaerahFilter(admin.SimpleListFilter):
    """Filter by perangkat daerah (depth-1 units, ~50) including every unit under it.

    A filter over all ~1,000 units would be the dropdown the design forbids; the materialised path
    makes "the whole subtree" one indexed prefix match.
    """

    title = _("perangkat daerah")
    parameter_name = "perangkat_daerah"
    path_lookup = "unit_kerja__path"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[Any, str]]:
        units = lingkup(request.user).filter(
            UnitKerja.objects.filter(depth=1), path="path", pegawai=None
        )
        return list(units.order_by("nama").values_list("pk", "nama"))

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if not value:
            return queryset
        try:
            path = UnitKerja.objects.values_list("path", flat=True).get(pk=int(value), depth=1)
        except (ValueError, UnitKerja.DoesNotExist) as exc:
            raise IncorrectLookupParameters(exc) from exc
        return queryset.filter(**{f"{self.path_lookup}__startswith": path})


def perangkat_daerah_filter(path_lookup: str) -> type[PerangkatDaerahFilter]:
    """Return a `PerangkatDaerahFilter` for a model reaching the unit through `path_lookup`."""
    return type("PerangkatDaerahFilter", (PerangkatDaerahFilter,), {"path_lookup": path_lookup})


class TingkatHukumanFilter(admin.SimpleListFilter):
    """Filter sanctions by level; the level is not stored, it follows from the kind (PP 94/2021)."""

    title = _("tingkat hukuman")
    parameter_name = "tingkat"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return TingkatHukuman.choices

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() in TingkatHukuman.values:
            return queryset.filter(jenis__in=[j for j, t in TINGKAT.items() if t == self.value()])
        return queryset


def _tanpa_putus(nip: str) -> str:
    """Return the grouped NIP with no-break spaces, so a narrow column never splits it."""
    return nip.replace(" ", "\N{NO-BREAK SPACE}")


@admin.display(description=_("NIP"), ordering="pegawai__nip")
def pegawai_nip(obj: Any) -> str:
    return _tanpa_putus(obj.pegawai.nip_tercetak)


@admin.display(description=_("nama"), ordering="pegawai__nama")
def pegawai_nama(obj: Any) -> str:
    return obj.pegawai.nama_lengkap


# --- Organisation and reference data -----------------------------------------------------------


@admin.register(UnitKerja)
class UnitKerjaAdmin(RefreshAdminMixin, BaseAdmin):
    lingkup_path = "path"
    # A unit's affair (or its parent, whose affair it may inherit) is the related experience of
    # everyone who held a post in it or under it: the merit projection is rebuilt whole (rare;
    # pegawai cannot see the placements to narrow it).
    projection_fields = frozenset({"urusan", "parent"})

    def projection_ids(self, queryset) -> set[int] | None:
        return None

    list_display = ["nama", "singkatan", "kode", "jenis", "urusan", "parent", "depth"]
    list_select_related = ["parent", "urusan"]
    list_filter = ["jenis", "depth", "urusan"]
    search_fields = ["nama", "kode", "singkatan"]
    autocomplete_fields = ["parent", "urusan"]
    fields = ["kode", "nama", "singkatan", "jenis", "parent", "urusan", "path", "depth"]
    readonly_fields = ["path", "depth"]


@admin.register(BidangStudi)
class BidangStudiAdmin(BaseAdmin):
    lingkup_bebas = True  # reference data, no personal data
    list_display = ["nama", "kode", "rumpun"]
    list_select_related = ["rumpun"]
    list_filter = ["rumpun"]
    search_fields = ["nama", "kode"]


@admin.register(RumpunIlmu)
class RumpunIlmuAdmin(BaseAdmin):
    """Families of fields of study (Permendikbud 154/2014; defaults written by
    pegawai/migrations/0012_urusan_rumpun_bawaan.py)."""

    lingkup_bebas = True  # reference data, no personal data
    list_display = ["nama", "kode"]
    search_fields = ["nama", "kode"]


@admin.register(UrusanPemerintahan)
class UrusanPemerintahanAdmin(BaseAdmin):
    """Government affairs (UU 23/2014) and the fields of study that fit their posts: the merit
    ranking scores a field named here as "sesuai", one of these families as "serumpun"."""

    lingkup_bebas = True  # reference data, no personal data
    list_display = ["nama", "kode"]
    search_fields = ["nama", "kode"]
    filter_horizontal = ["bidang_studi", "rumpun"]


# --- Employees ---------------------------------------------------------------------------------
