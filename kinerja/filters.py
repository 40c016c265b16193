"""The dashboard's filters (django-filter): period, sub-unit, rank, position kind."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kinerja.models import Periode, Skp
from pegawai import golongan as gol
from pegawai.filters import LingkupFilterSet, UnitFilter
from pegawai.jenis_jabatan import JenisJabatan


class DasborFilter(LingkupFilterSet):
    periode = django_filters.ModelChoiceFilter(
        label=_("Periode"),
        queryset=Periode.objects.filter(jenis=Periode.Jenis.TAHUNAN),
        method="filter_tidak_langsung",
        empty_label=None,
        error_messages={
            "invalid_choice": _("Periode %(value)s tidak dikenal: pilih periode tahunan.")
        },
    )
    unit = UnitFilter()
    golongan = django_filters.ChoiceFilter(
        label=_("Golongan"),
        choices=gol.CHOICES,
        empty_label=_("Semua golongan"),
        error_messages={"invalid_choice": _("Golongan %(value)s tidak dikenal.")},
    )
    jenis_jabatan = django_filters.ChoiceFilter(
        label=_("Jenis jabatan"),
        choices=JenisJabatan.choices,
        empty_label=_("Semua jenis"),
        error_messages={"invalid_choice": _("Jenis jabatan %(value)s tidak dikenal.")},
    )

    class Meta:
        model = Skp
        fields = ["periode", "unit", "golongan", "jenis_jabatan"]

    def filter_tidak_langsung(self, queryset: QuerySet, name: str, value) -> QuerySet:
        # The period is applied by the selectors: the trend spans every period.
        return queryset


class SkpPenilaiFilter(django_filters.FilterSet):
    """The evaluator's SKP list: by where each SKP stands, "waiting for my rating" first."""

    MENUNGGU = "menunggu"
    KEADAAN = {
        MENUNGGU: (_("Menunggu penilaian saya"), None),  # SkpQuerySet.menunggu_penilaian
        "rencana": (_("Belum ada rencana"), Q(status=Skp.Status.DRAFT)),
        "dinilai": (_("Dinilai, belum final"), Q(status=Skp.Status.DIEVALUASI)),
        "final": (_("Final"), Q(status=Skp.Status.FINAL)),
    }

    keadaan = django_filters.ChoiceFilter(
        label=_("Keadaan"),
        choices=[(k, label) for k, (label, _q) in KEADAAN.items()],
        empty_label=_("Semua"),
        method="filter_keadaan",
        error_messages={"invalid_choice": _("Keadaan %(value)s tidak dikenal.")},
    )

    class Meta:
        model = Skp
        fields = ["keadaan"]

    def filter_keadaan(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == self.MENUNGGU:
            return queryset.menunggu_penilaian()  # the one definition (SkpQuerySet)
        return queryset.filter(self.KEADAAN[value][1])
