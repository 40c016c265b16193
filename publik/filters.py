"""The filters (django-filter) of the public list of filled posts (unit, period, method, kind) and
of HR's list of open selections."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jabatan.models import Keputusan
from pegawai.akses import lingkup_seluruh
from pegawai.filters import LingkupFilterSet, UnitFilter
from pegawai.jenis_jabatan import JenisJabatan
from publik.models import Seleksi

URUTAN = {
    "terbaru": ("-tanggal_sk", "-id"),
    "terlama": ("tanggal_sk", "id"),
    "jabatan": ("formasi__jabatan__nama", "-tanggal_sk"),
    "unit": ("formasi__unit_kerja__nama", "-tanggal_sk"),
}


def _tahun_pilihan():
    sekarang = timezone.localdate().year
    return [(str(t), str(t)) for t in range(sekarang, sekarang - 10, -1)]


class KeputusanPublikFilter(LingkupFilterSet):
    unit = UnitFilter(
        path="formasi__unit_kerja__path",
        label=_("Perangkat daerah"),
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

    def __init__(self, *args, **kwargs) -> None:
        # The filled posts are public: the picker offers every perangkat daerah (depth 1),
        # whoever asks; the city itself is "Semua perangkat daerah", the empty choice.
        super().__init__(*args, scope=lingkup_seluruh(), **kwargs)
        unit = self.filters["unit"]
        unit.queryset = unit.queryset.filter(depth=1)

    def filter_tahun(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.filter(tanggal_sk__year=int(value)) if value else qs

    def filter_urut(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.order_by(*URUTAN.get(value, URUTAN["terbaru"]))


URUTAN_SELEKSI = {
    "terbaru": ("-created_at", "-id"),
    "terlama": ("created_at", "id"),
    "judul": ("judul", "id"),
    "pelamar": ("-jumlah_pelamar", "-id"),
}


class SeleksiKelolaFilter(django_filters.FilterSet):
    """HR's list of open selections: search, status, year opened, order."""

    q = django_filters.CharFilter(label=_("Cari judul atau nomor"), method="filter_q")
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[
            ("berjalan", _("Berjalan")),
            ("selesai", _("Selesai")),
            ("dibatalkan", _("Dibatalkan")),
        ],
        method="filter_status",
        empty_label=_("Semua status"),
    )
    tahun = django_filters.ChoiceFilter(
        label=_("Tahun dibuka"),
        choices=_tahun_pilihan,
        method="filter_tahun",
        empty_label=_("Semua tahun"),
    )
    urut = django_filters.ChoiceFilter(
        label=_("Urutkan"),
        choices=[
            ("terbaru", _("Dibuka terbaru")),
            ("terlama", _("Dibuka terlama")),
            ("judul", _("Judul")),
            ("pelamar", _("Pelamar terbanyak")),
        ],
        method="filter_urut",
        empty_label=None,
    )

    class Meta:
        model = Seleksi
        fields = ["q", "status", "tahun"]

    def filter_q(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        if not (value := value.strip()):
            return qs
        return qs.filter(Q(judul__icontains=value) | Q(nomor_pengumuman__icontains=value))

    def filter_status(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        if value == "dibatalkan":
            return qs.filter(dibatalkan_pada__isnull=False)
        return qs.filter(selesai=value == "selesai", dibatalkan_pada__isnull=True) if value else qs

    def filter_tahun(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.filter(created_at__year=int(value)) if value else qs

    def filter_urut(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.order_by(*URUTAN_SELEKSI.get(value, URUTAN_SELEKSI["terbaru"]))
