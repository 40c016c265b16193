"""HR's saved mappings of SIASN units and positions onto ours: see, correct, remove.

Every later import reuses a mapping (impor.proses.pemeta), so a wrong one misplaces every row
that names that SIASN id: HR corrects it here. Writes go through the import's own service
(`pemetaan_save`, which records who mapped), and the audit trail keeps each change.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from core.admin import ServiceRefused, ServiceWriteMixin
from impor.models import PemetaanJabatan, PemetaanUnit
from impor.services import pemetaan_save
from pegawai.admin_base import BaseAdmin


class _PemetaanAdmin(ServiceWriteMixin, BaseAdmin):
    """Shared by both mappings: HR only (by permission; no unit scope: a mapping serves every
    unit), the SIASN id fixed once saved (a corrected id is another mapping), the target chosen
    by autocomplete."""

    target = ""  # the field naming our unit or position
    lingkup_bebas = True  # reference data, no personal data; the permissions keep it HR's
    list_display_links = ["kode_siasn"]
    readonly_fields = ["oleh", "created_at", "updated_at"]

    def get_list_display(self, request: HttpRequest) -> list[str]:
        return ["kode_siasn", "nama_siasn", self.target, "oleh", "updated_at"]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["kode_siasn", "nama_siasn", self.target, *self.readonly_fields]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["kode_siasn", *self.readonly_fields] if obj else list(self.readonly_fields)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        target = form.cleaned_data.get(self.target) or getattr(obj, self.target)
        mapping = {obj.kode_siasn: (obj.nama_siasn, target.pk)}
        try:
            pemetaan_save(
                unit=mapping if self.target == "unit_kerja" else {},
                jabatan=mapping if self.target == "jabatan" else {},
                oleh=request.user,
            )
        except ValidationError as exc:
            raise ServiceRefused(exc) from exc
        obj.pk = type(obj).objects.get(kode_siasn=obj.kode_siasn).pk


@admin.register(PemetaanUnit)
class PemetaanUnitAdmin(_PemetaanAdmin):
    target = "unit_kerja"
    list_select_related = ["unit_kerja", "oleh"]
    search_fields = ["kode_siasn", "nama_siasn", "unit_kerja__nama", "unit_kerja__kode"]
    autocomplete_fields = ["unit_kerja"]


@admin.register(PemetaanJabatan)
class PemetaanJabatanAdmin(_PemetaanAdmin):
    target = "jabatan"
    list_select_related = ["jabatan", "oleh"]
    search_fields = ["kode_siasn", "nama_siasn", "jabatan__nama", "jabatan__kode"]
    autocomplete_fields = ["jabatan"]
