"""Filters of the JP dashboard (django-filter): year, unit, status, meeting the rule, name/NIP,
order."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pegawai.akses import Lingkup
from pegawai.filters import LingkupFilterSet, UnitFilter
from pegawai.models import Pegawai
from pegawai.selectors import saring_nip
from pelatihan import rules
from pelatihan.models import Peserta, StatusPeserta


def pilihan_tahun() -> list[tuple[int, int]]:
    ini = timezone.localdate().year
    return [(str(t), str(t)) for t in range(ini, ini - 5, -1)]


def _cari(queryset: QuerySet, value: str, ke_pegawai: str) -> QuerySet:
    """Rows whose employee (through `ke_pegawai`, "" or "pegawai__") has this NIP, typed plain
    or grouped as printed (pegawai.selectors.saring_nip), or else this name."""
    value = value.strip()
    per_nip = saring_nip(queryset, value, lookup=f"{ke_pegawai}nip")
    if per_nip is not None:
        return per_nip
    return queryset.filter(**{f"{ke_pegawai}nama__icontains": value}) if value else queryset


class JpFilter(LingkupFilterSet):
    tahun = django_filters.ChoiceFilter(
        label=_("Tahun"),
        choices=pilihan_tahun,
        method="tanpa_saring",
        empty_label=None,
        error_messages={"invalid_choice": _("Tahun %(value)s tidak tersedia.")},
    )
    unit = UnitFilter()
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=Pegawai.Status.choices,
        empty_label=_("PNS dan PPPK"),
        error_messages={"invalid_choice": _("Status %(value)s tidak dikenal.")},
    )
    memenuhi = django_filters.ChoiceFilter(
        label=_("Ketentuan JP"),
        choices=[("ya", _("Memenuhi")), ("tidak", _("Belum memenuhi / melebihi"))],
        empty_label=_("Semua"),
        method="filter_memenuhi",
        error_messages={"invalid_choice": _("Pilihan %(value)s tidak dikenal.")},
    )
    q = django_filters.CharFilter(label=_("Nama atau NIP"), method="filter_q")
    urut = django_filters.OrderingFilter(
        label=_("Urutkan"),
        fields=(("nama", "nama"), ("jp", "jp"), ("unit_kerja__nama", "unit")),
        field_labels={"nama": _("Nama"), "jp": _("JP"), "unit_kerja__nama": _("Unit kerja")},
        empty_label=_("Nama"),
    )

    class Meta:
        model = Pegawai
        fields = ["tahun", "unit", "status", "memenuhi", "q"]

    def tanpa_saring(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset  # the year is the selector's

    def filter_memenuhi(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        ok = Q(status=Pegawai.Status.PNS, jp__gte=rules.JP_MINIMAL_PNS) | Q(
            status=Pegawai.Status.PPPK, jp__lte=rules.JP_MAKSIMAL_PPPK
        )
        return queryset.filter(ok) if value == "ya" else queryset.exclude(ok)

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _cari(queryset, value, "")


class KebutuhanFilter(LingkupFilterSet):
    """Filters of the needs page: unit and name on the employees (SQL); source and program on
    the computed needs (the selector)."""

    unit = UnitFilter()
    sumber = django_filters.ChoiceFilter(
        label=_("Sumber kebutuhan"),
        choices=list(rules.LABEL_SUMBER.items()),
        empty_label=_("Semua sumber"),
        method="tanpa_saring",
        error_messages={"invalid_choice": _("Sumber %(value)s tidak dikenal.")},
    )
    program = django_filters.ModelChoiceFilter(
        label=_("Program yang dianjurkan"),
        queryset=None,
        method="tanpa_saring",
        empty_label=_("Semua program"),
        error_messages={"invalid_choice": _("Program %(value)s tidak dikenal.")},
    )
    q = django_filters.CharFilter(label=_("Nama atau NIP"), method="filter_q")

    class Meta:
        model = Pegawai
        fields = ["unit", "sumber", "program", "q"]

    def __init__(self, *args, scope: Lingkup, **kwargs) -> None:
        from pelatihan.models import Program

        super().__init__(*args, scope=scope, **kwargs)
        self.filters["program"].queryset = Program.objects.filter(aktif=True).order_by("nama")

    filter_q = JpFilter.filter_q
    tanpa_saring = JpFilter.tanpa_saring


class PesertaFilter(LingkupFilterSet):
    """Filters of a session's participant list: status, unit, name/NIP, order."""

    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=StatusPeserta.choices,
        empty_label=_("Semua status"),
        error_messages={"invalid_choice": _("Status %(value)s tidak dikenal.")},
    )
    unit = UnitFilter(path="pegawai__unit_kerja__path")
    q = django_filters.CharFilter(label=_("Nama atau NIP"), method="filter_q")
    urut = django_filters.OrderingFilter(
        label=_("Urutkan"),
        fields=(
            ("pegawai__nama", "nama"),
            ("pegawai__unit_kerja__nama", "unit"),
            ("status", "status"),
            ("updated_at", "diubah"),
        ),
        field_labels={
            "pegawai__nama": _("Nama"),
            "pegawai__unit_kerja__nama": _("Unit kerja"),
            "status": _("Status"),
            "updated_at": _("Terakhir diubah"),
        },
        empty_label=_("Nama"),
    )

    class Meta:
        model = Peserta
        fields = ["status", "unit", "q"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return _cari(queryset, value, "pegawai__")
