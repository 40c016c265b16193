"""Filters of the vacancy list (django-filter)."""

from __future__ import annotations

from datetime import date, timedelta

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jabatan.models import Formasi
from pegawai.akses import Lingkup
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import UnitKerja


class LowonganFilter(django_filters.FilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Perangkat daerah"), queryset=UnitKerja.objects.none(), method="filter_unit",
        empty_label=_("Semua unit dalam lingkup"),
    )  # fmt: skip
    jenis = django_filters.ChoiceFilter(
        label=_("Jenis jabatan"), field_name="jabatan__jenis", choices=JenisJabatan.choices,
        empty_label=_("Semua jenis"),
    )  # fmt: skip
    lowong_minimal = django_filters.NumberFilter(
        label=_("Lowong minimal (hari)"), method="filter_hari"
    )

    class Meta:
        model = Formasi
        fields = ["unit", "jenis", "lowong_minimal"]

    def __init__(self, *args, scope: Lingkup, pada: date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pada = pada
        units = scope.filter(UnitKerja.objects.filter(depth__lte=1), path="path", pegawai=None)
        self.filters["unit"].queryset = units.order_by("nama")

    def filter_unit(self, queryset: QuerySet, name: str, value: UnitKerja) -> QuerySet:
        return queryset.filter(unit_kerja__path__startswith=value.path)

    def filter_hari(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(lowong_sejak__lte=self.pada - timedelta(days=int(value)))
