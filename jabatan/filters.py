"""Filters of the vacancy list (django-filter)."""

from __future__ import annotations

from datetime import date, timedelta

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jabatan.models import Formasi
from pegawai.akses import Lingkup
from pegawai.filters import LingkupFilterSet, UnitFilter
from pegawai.jenis_jabatan import JenisJabatan

HARI_MAKS = 36_500  # a century: more than any post has been vacant


class LowonganFilter(LingkupFilterSet):
    unit = UnitFilter(label=_("Perangkat daerah"))
    jenis = django_filters.ChoiceFilter(
        label=_("Jenis jabatan"),
        field_name="jabatan__jenis",
        choices=JenisJabatan.choices,
        empty_label=_("Semua jenis"),
    )
    # Bounded, so a huge value is a field error rather than a date overflow (a 500).
    lowong_minimal = django_filters.NumberFilter(
        label=_("Lowong minimal (hari)"),
        method="filter_hari",
        min_value=0,
        max_value=HARI_MAKS,
        step_size=1,
        error_messages={
            "invalid": _("Lowong minimal harus bilangan bulat hari."),
            "min_value": _("Lowong minimal paling kecil 0 hari."),
            "max_value": _("Lowong minimal paling besar %(limit_value)s hari."),
            "step_size": _("Lowong minimal harus bilangan bulat hari."),
        },
    )

    class Meta:
        model = Formasi
        fields = ["unit", "jenis", "lowong_minimal"]

    def __init__(self, *args, scope: Lingkup, pada: date, **kwargs) -> None:
        super().__init__(*args, scope=scope, **kwargs)
        self.pada = pada

    def filter_hari(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(lowong_sejak__lte=self.pada - timedelta(days=int(value)))
