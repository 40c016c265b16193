"""The position catalogue and the posts in the admin."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import F, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from core.admin import ServiceRefused, ServiceWriteMixin
from jabatan.models import Formasi, Jabatan, Penempatan
from jabatan.services import (
    formasi_set_kuota,
)
from pegawai import admin as pegawai_admin
from pegawai.admin_base import BaseAdmin
from pegawai.kompetensi import KODE as KOMPETENSI_KODE
from pegawai.projection import RefreshAdminMixin


class JabatanForm(forms.ModelForm):
    class Meta:
        model = Jabatan
        fields = [
            "kode",
            "nama",
            "jenis",
            "jenjang",
            "kelas_jabatan",
            "eselon",
            "aktif",
            "golongan_minimal",
            "pendidikan_minimal",
            "bidang_studi",
            "bup_khusus",
            *(f"std_{kode}" for kode in KOMPETENSI_KODE),
            "skj_nomor",
            "skj_tanggal",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Blank standards are filled with the defaults for the kind and level (Jabatan.clean).
        for kode in KOMPETENSI_KODE:
            field = self.fields.get(f"std_{kode}")
            if field is not None:
                field.required = False


@admin.register(Jabatan)
class JabatanAdmin(RefreshAdminMixin, BaseAdmin):
    lingkup_bebas = True  # the position catalogue is public knowledge
    # A position's kind and level are its holders' experience in the merit projection.
    projection_fields = frozenset({"jenis", "jenjang"})

    def projection_ids(self, queryset) -> set[int]:
        return set(
            Penempatan.objects.filter(formasi__jabatan__in=queryset).values_list(
                "pegawai_id", flat=True
            )
        )

    form = JabatanForm
    list_display = [
        "nama",
        "kode",
        "jenis",
        "jenjang",
        "kelas_jabatan",
        "golongan_minimal",
        "pendidikan_minimal",
        "batas_usia_pensiun",
        "aktif",
    ]
    list_filter = ["jenis", "jenjang", "kelas_jabatan", "pendidikan_minimal", "aktif"]
    search_fields = ["nama", "kode"]
    autocomplete_fields = ["bidang_studi"]
    readonly_fields = ["batas_usia_pensiun"]
    fieldsets = [
        (
            _("Jabatan"),
            {
                "fields": [
                    "kode",
                    "nama",
                    ("jenis", "jenjang"),
                    ("kelas_jabatan", "eselon"),
                    "aktif",
                ]
            },
        ),
        (
            _("Persyaratan"),
            {
                "fields": [
                    ("golongan_minimal", "pendidikan_minimal"),
                    "bidang_studi",
                    "rumpun_wajib",
                    "dasar_bidang_studi",
                    ("bup_khusus", "batas_usia_pensiun"),
                ]
            },
        ),
        (
            _("Standar kompetensi manajerial"),
            {
                "fields": [
                    ("std_m01", "std_m02", "std_m03", "std_m04"),
                    ("std_m05", "std_m06", "std_m07", "std_m08"),
                ],
                "description": _(
                    "Level 1–5 (PermenPANRB 38/2017). Kosongkan untuk memakai standar bawaan "
                    "jenis dan jenjang jabatan."
                ),
            },
        ),
        (_("Standar kompetensi sosial kultural"), {"fields": ["std_sk01"]}),
        (
            _("Penetapan standar kompetensi jabatan"),
            {
                "fields": [("skj_nomor", "skj_tanggal")],
                "description": _(
                    "Keputusan PPK yang menetapkan standar kompetensi jabatan ini "
                    "(PermenPANRB 38/2017); dibaca indeks sistem merit."
                ),
            },
        ),
    ]


class LowongFilter(admin.SimpleListFilter):
    title = _("lowong")
    parameter_name = "lowong"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("ya", _("Ya")), ("tidak", _("Tidak (terisi penuh)"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "ya":
            return queryset.lowong()
        if self.value() == "tidak":
            return queryset.filter(jumlah_terisi__gte=F("kuota"))
        return queryset


class FormasiForm(forms.ModelForm):
    class Meta:
        model = Formasi
        fields = [
            "jabatan",
            "unit_kerja",
            "kuota",
            "keterangan",
            "anjab_abk_nomor",
            "anjab_abk_tanggal",
        ]

    def clean_kuota(self) -> int:
        kuota = self.cleaned_data["kuota"]
        # Early feedback with the service's wording; formasi_set_kuota checks again under a lock.
        terisi = self.instance.jumlah_terisi
        if self.instance.pk is not None and kuota is not None and kuota < terisi:
            raise ValidationError(
                _("Kuota %(k)s lebih kecil dari jumlah pemangku definitif aktif (%(t)s)."),
                code="kuota_di_bawah_terisi",
                params={"k": kuota, "t": terisi},
            )
        return kuota


@admin.register(Formasi)
class FormasiAdmin(ServiceWriteMixin, BaseAdmin):
    lingkup_path = "unit_kerja__path"
    form = FormasiForm
    list_display = ["jabatan", "unit_kerja", "kuota", "jumlah_terisi", "sisa"]
    list_select_related = ["jabatan", "unit_kerja"]
    list_filter = [
        LowongFilter,
        "jabatan__jenis",
        pegawai_admin.perangkat_daerah_filter("unit_kerja__path"),
    ]
    search_fields = ["jabatan__nama", "unit_kerja__nama"]
    autocomplete_fields = ["jabatan", "unit_kerja"]
    fields = [
        "jabatan",
        "unit_kerja",
        ("kuota", "jumlah_terisi"),
        "keterangan",
        ("anjab_abk_nomor", "anjab_abk_tanggal"),
    ]
    readonly_fields = ["jumlah_terisi"]

    @admin.display(description=_("sisa"))
    def sisa(self, obj: Formasi) -> int:
        return obj.sisa

    def get_queryset(self, request: HttpRequest) -> QuerySet[Formasi]:
        # str(formasi) prints the position and the unit: the autocomplete and the change page
        # would otherwise run two queries per post.
        return super().get_queryset(request).select_related("jabatan", "unit_kerja")

    def save_model(
        self, request: HttpRequest, obj: Formasi, form: forms.ModelForm, change: bool
    ) -> None:
        if change and "kuota" in form.changed_data:
            try:
                formasi_set_kuota(formasi=obj, kuota=obj.kuota)
            except ValidationError as exc:
                raise ServiceRefused(exc) from exc
        # Formasi.save never writes jumlah_terisi (the triggers own it).
        super().save_model(request, obj, form, change)
