"""Admin of kinerja for HR: periods, SKPs (evaluator reassignment), organisational performance,
talent bands. Ratings are given on the SKP pages, through the services, never typed here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest

from core.admin import ReadOnlyMixin, ServiceRefused, ServiceWriteMixin
from kinerja.forms import SkpAdminForm
from kinerja.models import (
    KinerjaOrganisasi,
    PengaturanTalenta,
    Periode,
    RevisiSkp,
    Skp,
)
from kinerja.services import skp_change_penilai
from pegawai import projection
from pegawai.admin import NipSearchMixin, PerangkatDaerahFilter, pegawai_nama, pegawai_nip
from pegawai.admin_base import BaseAdmin


@admin.register(Periode)
class PeriodeAdmin(BaseAdmin):
    lingkup_bebas = True  # the calendar of evaluations is no personal data
    list_display = ["__str__", "tahun", "jenis", "triwulan", "terbuka"]
    list_filter = ["jenis", "terbuka"]
    list_editable = ["terbuka"]

    # An annual period opened, closed, added or removed: the merit projection's predikat
    # columns change (pegawai.projection.periods_changed queues their refresh). A change of
    # `jenis` (tahunan or triwulan, so one side is annual) adds or removes one as surely.
    def save_model(self, request: HttpRequest, obj: Periode, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        tahunan = obj.jenis == Periode.Jenis.TAHUNAN or "jenis" in form.changed_data
        if tahunan and (not change or form.has_changed()):
            projection.periods_changed()

    def delete_model(self, request: HttpRequest, obj: Periode) -> None:
        super().delete_model(request, obj)
        if obj.jenis == Periode.Jenis.TAHUNAN:
            projection.periods_changed()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Periode]) -> None:
        tahunan = queryset.filter(jenis=Periode.Jenis.TAHUNAN).exists()
        super().delete_queryset(request, queryset)
        if tahunan:
            projection.periods_changed()

    def has_buka_skp_permission(self, request: HttpRequest) -> bool:
        """Opening a period's SKPs creates SKPs for every unit: whoever may add SKPs."""
        return request.user.has_perm("kinerja.add_skp")


class SkpUnitFilter(PerangkatDaerahFilter):
    path_lookup = "unit_kerja__path"


@admin.register(Skp)
class SkpAdmin(ServiceWriteMixin, NipSearchMixin, BaseAdmin):
    lingkup_path = "unit_kerja__path"
    lingkup_pegawai = "pegawai_id"
    nip_lookup = "pegawai__nip"
    list_display = [pegawai_nip, pegawai_nama, "periode", "status", "predikat", "penilai"]
    list_select_related = ["pegawai", "periode", "penilai"]
    list_filter = ["periode", "status", "predikat", SkpUnitFilter]
    search_fields = ["pegawai__nama", "pegawai__nip", "penilai__nama"]
    autocomplete_fields = ["penilai"]
    form = SkpAdminForm
    fields = [
        "pegawai",
        "periode",
        "penilai",
        "unit_kerja",
        "golongan",
        "jenis_jabatan",
        "status",
        "rating_hasil",
        "rating_perilaku",
        "predikat",
        "catatan_penilai",
    ]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # HR may reassign the evaluator (PermenPANRB 6/2022); everything else comes from the
        # SKP pages and their services.
        return [f for f in self.fields if f != "penilai"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Skp, form: Any, change: bool) -> None:
        if "penilai" in form.changed_data:
            try:
                skp_change_penilai(skp=obj, penilai=form.cleaned_data["penilai"], oleh=request.user)
            except ValidationError as exc:
                raise ServiceRefused(exc) from exc


@admin.register(KinerjaOrganisasi)
class KinerjaOrganisasiAdmin(BaseAdmin):
    lingkup_path = "unit_kerja__path"
    list_display = ["unit_kerja", "tahun", "predikat"]
    list_select_related = ["unit_kerja"]
    list_filter = ["tahun", "predikat"]
    search_fields = ["unit_kerja__nama"]
    autocomplete_fields = ["unit_kerja"]


@admin.register(PengaturanTalenta)
class PengaturanTalentaAdmin(BaseAdmin):
    lingkup_bebas = True
    list_display = [
        "__str__",
        "kinerja_batas_rendah",
        "kinerja_batas_menengah",
        "potensial_batas_rendah",
        "potensial_batas_menengah",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # One row, made by a data migration; HR edits it. (No query here: the admin asks this
        # on every page for its menu.)
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(RevisiSkp)
class RevisiSkpAdmin(ReadOnlyMixin, BaseAdmin):
    lingkup_path = "skp__unit_kerja__path"
    lingkup_pegawai = "skp__pegawai_id"
    list_display = ["skp", "predikat_lama", "predikat_baru", "oleh", "waktu"]
    list_select_related = ["skp__pegawai", "skp__periode", "oleh"]
    search_fields = ["skp__pegawai__nama", "skp__pegawai__nip", "alasan"]
