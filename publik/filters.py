"""The filters of the public list of filled posts (django-filter): unit, period, method, kind."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jabatan.models import Keputusan
from pegawai.jenis_jabatan import JenisJabatan
from publik.selectors import perangkat_daerah

URUTAN = {
    "terbaru": ("-tanggal_sk", "-id"),
    "terlama": ("tanggal_sk", "id"),
    "jabatan": ("formasi__jabatan__nama", "-tanggal_sk"),
    "unit": ("formasi__unit_kerja__nama", "-tanggal_sk"),
}


def _tahun_pilihan():
    sekarang = timezone.localdate().year
    return [(str(t), str(t)) for t in range(sekarang, sekarang - 10, -1)]


class KeputusanPublikFilter(django_filters.FilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Perangkat daerah"),
        queryset=perangkat_daerah(),
        method="filter_unit",
        empty_label=_("Semua perangkat daerah"),
        error_messages={"invalid_choice": _("Perangkat daerah %(value)s tidak dikenal.")},
    )
    tahun = django_filters.ChoiceFilter(
        label=_("Tahun SK"),
        choices=_tahun_pilihan,
        method="filter_tahun",
        empty_label=_("Semua tahun"),
    )
    metode = django_filters.ChoiceFilter(
        label=_("Metode"),
        choices=Keputusan.Metode.choices,
        empty_label=_("Semua metode"),
    )
    jenis = django_filters.ChoiceFilter(
        label=_("Jenis jabatan"),
        field_name="formasi__jabatan__jenis",
        choices=JenisJabatan.choices,
        empty_label=_("Semua jenis"),
    )
    urut = django_filters.ChoiceFilter(
        label=_("Urutkan"),
        choices=[
            ("terbaru", _("Tanggal SK terbaru")),
            ("terlama", _("Tanggal SK terlama")),
            ("jabatan", _("Nama jabatan")),
            ("unit", _("Unit kerja")),
        ],
        method="filter_urut",
        empty_label=None,
    )

    class Meta:
        model = Keputusan
        fields = ["unit", "tahun", "metode", "jenis"]

    def filter_unit(self, qs: QuerySet, name: str, value) -> QuerySet:
        return qs.filter(formasi__unit_kerja__path__startswith=value.path) if value else qs

    def filter_tahun(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.filter(tanggal_sk__year=int(value)) if value else qs

    def filter_urut(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.order_by(*URUTAN.get(value, URUTAN["terbaru"]))
