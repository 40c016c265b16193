"""The dashboard's filters (django-filter): period, sub-unit, rank, position kind."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kinerja.models import Periode, Skp
from pegawai import golongan as gol
from pegawai.akses import Lingkup
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import UnitKerja


class DasborFilter(django_filters.FilterSet):
    periode = django_filters.ModelChoiceFilter(
        label=_("Periode"),
        queryset=Periode.objects.filter(jenis=Periode.Jenis.TAHUNAN),
        method="filter_tidak_langsung",
        empty_label=None,
        error_messages={
            "invalid_choice": _("Periode %(value)s tidak dikenal: pilih periode tahunan.")
        },
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit kerja"),
        queryset=UnitKerja.objects.none(),
        method="filter_unit",
        empty_label=_("Semua unit dalam lingkup"),
        error_messages={
            "invalid_choice": _("Unit kerja %(value)s tidak dikenal atau di luar lingkup Anda.")
        },
    )
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

    def __init__(self, *args, scope: Lingkup, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Units offered: the scope's top unit and one level below it, never a thousand options.
        units = scope.filter(UnitKerja.objects.all(), path="path", pegawai=None)
        if scope.semua:
            units = units.filter(depth__lte=1)
        elif scope.unit_path:
            depth = scope.unit_path.count("/") - 1
            units = units.filter(depth__lte=depth + 1)
        # The scope's own unit (the shallowest) heads the list; the units under it follow by
        # name, the order a reader scans for, not the order of their codes in the tree.
        self.filters["unit"].queryset = units.order_by("depth", "nama", "pk")

    def filter_tidak_langsung(self, queryset: QuerySet, name: str, value) -> QuerySet:
        # The period is applied by the selectors: the trend spans every period.
        return queryset

    def filter_unit(self, queryset: QuerySet, name: str, value: UnitKerja) -> QuerySet:
        return queryset.filter(unit_kerja__path__startswith=value.path)


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
