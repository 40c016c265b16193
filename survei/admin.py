"""Admin of the public satisfaction survey (PermenPANRB 14/2017) for HR: marking service units,
registering counter kiosks, moderating comments, reading responses. Every write goes through
survei.services."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.admin import ReadOnlyMixin, ServiceRefused, ServiceWriteMixin
from pegawai.admin_base import BaseAdmin
from survei.models import KiosSkm, KomentarSkm, ResponSkm, UnitLayanan
from survei.services import (
    kios_skm_register,
    kios_skm_update,
    komentar_moderate,
    unit_layanan_mark,
)


@admin.register(UnitLayanan)
class UnitLayananAdmin(ServiceWriteMixin, BaseAdmin):
    lingkup_path = "unit_kerja__path"
    list_display = ["__str__", "unit_kerja", "kode", "aktif"]
    list_select_related = ["unit_kerja"]
    list_filter = ["aktif"]
    search_fields = ["unit_kerja__nama", "nama_layanan", "kode"]
    autocomplete_fields = ["unit_kerja"]
    fields = ["unit_kerja", "kode", "nama_layanan", "aktif"]

    def save_model(self, request: HttpRequest, obj: UnitLayanan, form: Any, change: bool) -> None:
        try:
            saved = unit_layanan_mark(
                unit_kerja=form.cleaned_data["unit_kerja"],
                kode=form.cleaned_data["kode"],
                nama_layanan=form.cleaned_data["nama_layanan"],
                aktif=form.cleaned_data["aktif"],
                oleh=request.user,
            )
        except ValidationError as exc:
            raise ServiceRefused(exc) from exc
        obj.pk = saved.pk

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # responses point at it: unmark with "menerima survei" instead


@admin.register(KiosSkm)
class KiosSkmAdmin(ServiceWriteMixin, BaseAdmin):
    """Counter kiosks (survei.terbit): HR registers a unit's supervised device and is
    shown, once, the address that installs it; switching one off is a change, not a delete."""

    lingkup_path = "unit__unit_kerja__path"
    list_display = ["nama", "unit", "aktif", "created_at"]
    list_select_related = ["unit__unit_kerja"]
    list_filter = ["aktif"]
    search_fields = ["nama", "unit__kode"]
    autocomplete_fields = ["unit"]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["unit", "nama", "aktif"] if obj else ["unit", "nama"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["unit"] if obj else []

    def save_model(self, request: HttpRequest, obj: KiosSkm, form: Any, change: bool) -> None:
        data = form.cleaned_data
        try:
            if change:
                saved = kios_skm_update(
                    kios=obj, nama=data["nama"], aktif=data["aktif"], oleh=request.user
                )
            else:
                saved, token = kios_skm_register(
                    unit=data["unit"], nama=data["nama"], oleh=request.user
                )
                self.message_user(
                    request,
                    _(
                        "Buka alamat ini di perangkat loket untuk memasangnya (hanya ditampilkan "
                        "sekali): %(alamat)s"
                    )
                    % {"alamat": KiosSkm.alamat_pasang(saved, token)},
                    level=messages.WARNING,
                )
        except ValidationError as exc:
            raise ServiceRefused(exc) from exc
        obj.pk = saved.pk

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # switch it off instead: the audit trail keeps who registered it


class UnitLayananFilter(admin.SimpleListFilter):
    """The service units, named in one query (the default filter names each in its own)."""

    title = gettext_lazy("unit layanan")
    parameter_name = "unit"

    def lookups(self, request: HttpRequest, model_admin) -> list[tuple[int, str]]:
        return [(u.pk, u.nama) for u in UnitLayanan.objects.select_related("unit_kerja")]

    def queryset(self, request: HttpRequest, queryset):
        return queryset.filter(unit_id=self.value()) if self.value() else queryset


@admin.register(KomentarSkm)
class KomentarSkmAdmin(BaseAdmin):
    """Moderation: HR approves or rejects each comment (through the service, audited)."""

    lingkup_path = "unit__unit_kerja__path"
    list_display = ["teks", "unit", "status", "created_at", "dimoderasi_oleh"]
    list_select_related = ["unit__unit_kerja", "dimoderasi_oleh"]
    list_filter = ["status", UnitLayananFilter]
    search_fields = ["teks"]
    actions = ["tayangkan", "tolak"]
    readonly_fields = ["teks", "unit", "status", "dimoderasi_oleh", "dimoderasi_pada"]
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # the text is the respondent's: only moderated, by the actions below

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_moderasi_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("survei.change_komentarskm")

    def _moderasi(self, request: HttpRequest, queryset, tayangkan: bool) -> None:
        n = 0
        for komentar in queryset:
            try:
                komentar_moderate(komentar=komentar, tayangkan=tayangkan, oleh=request.user)
                n += 1
            except ValidationError as exc:
                for m in exc.messages:
                    self.message_user(request, m, level=messages.ERROR)
                return
        self.message_user(request, _("%(n)s komentar dimoderasi.") % {"n": n})

    @admin.action(description=gettext_lazy("Tayangkan komentar terpilih"), permissions=["moderasi"])
    def tayangkan(self, request: HttpRequest, queryset) -> None:
        self._moderasi(request, queryset, True)

    @admin.action(description=gettext_lazy("Tolak komentar terpilih"), permissions=["moderasi"])
    def tolak(self, request: HttpRequest, queryset) -> None:
        self._moderasi(request, queryset, False)


@admin.register(ResponSkm)
class ResponSkmAdmin(ReadOnlyMixin, BaseAdmin):
    lingkup_path = "unit__unit_kerja__path"
    list_display = ["unit", "tanggal", *ResponSkm.KOLOM]
    list_select_related = ["unit__unit_kerja"]
    list_filter = [UnitLayananFilter, "tanggal"]


# The employees' survey registers its own admin.
import survei.pegawai.admin  # noqa: E402, F401
