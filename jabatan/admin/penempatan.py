"""Placements in the admin, and the employee and assessment admins that show them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import ServiceRefused, ServiceWriteMixin
from jabatan.models import Formasi, Penempatan
from jabatan.services import (
    asesmen_compute_jpm,
    pegawai_release_posts,
    penempatan_create,
    penempatan_end,
    penempatan_validate,
)
from pegawai import admin as pegawai_admin
from pegawai import projection
from pegawai.admin_base import BaseAdmin
from pegawai.forms import tambah_galat
from pegawai.models import HasilAsesmen, Pegawai


class PenempatanAktifFilter(admin.SimpleListFilter):
    title = _("status penempatan")
    parameter_name = "aktif"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("ya", _("Aktif")), ("tidak", _("Berakhir"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "ya":
            return queryset.filter(tmt_selesai__isnull=True)
        if self.value() == "tidak":
            return queryset.filter(tmt_selesai__isnull=False)
        return queryset


class PenempatanAddForm(forms.ModelForm):
    """A new placement, checked by `penempatan_validate` and written by `penempatan_create`."""

    class Meta:
        model = Penempatan
        fields = [
            "pegawai",
            "formasi",
            "jenis",
            "tmt_mulai",
            "nomor_sk",
            "tanggal_sk",
            "keterangan",
        ]

    def _get_validation_exclusions(self) -> set[str]:
        # The service decides, not the model's conditional unique constraints: a definitive
        # placement of an employee who already holds one is a transfer that ends the old one,
        # which the "one active definitive placement" constraint alone would reject.
        return super()._get_validation_exclusions() | {"pegawai", "formasi"}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        values = {k: cleaned.get(k) for k in ("pegawai", "formasi", "jenis", "tmt_mulai")}
        if all(v is not None for v in values.values()):
            try:
                penempatan_validate(**values)
            except ValidationError as exc:
                tambah_galat(self, exc)
        return cleaned


class PenempatanChangeForm(forms.ModelForm):
    """An existing placement: only its end and its decree details change."""

    class Meta:
        model = Penempatan
        fields = ["tmt_selesai", "nomor_sk", "tanggal_sk", "keterangan"]

    def clean_tmt_selesai(self) -> Any:
        value = self.cleaned_data["tmt_selesai"]
        lama = self.instance.tmt_selesai  # construct_instance has not run yet
        if lama is not None and value is None:
            # Re-opening would bypass the quota and the one-active-placement rules.
            raise ValidationError(
                _(
                    "Penempatan yang sudah berakhir tidak dapat dibuka kembali; "
                    "buat penempatan baru."
                ),
                code="tidak_dapat_dibuka",
            )
        if value is not None and value < self.instance.tmt_mulai:
            raise ValidationError(
                _("TMT selesai tidak boleh sebelum TMT mulai (%(t)s)."),
                code="selesai_sebelum_mulai",
                params={"t": date_format(self.instance.tmt_mulai)},
            )
        return value


@admin.register(Penempatan)
class PenempatanAdmin(ServiceWriteMixin, pegawai_admin.NipSearchMixin, BaseAdmin):
    lingkup_path = "formasi__unit_kerja__path"
    lingkup_pegawai = "pegawai_id"
    nip_lookup = "pegawai__nip"
    list_display = [
        pegawai_admin.pegawai_nip,
        pegawai_admin.pegawai_nama,
        "jabatan",
        "unit_kerja",
        "jenis",
        "tmt_mulai",
        "tmt_selesai",
    ]
    list_select_related = ["pegawai", "formasi__jabatan", "formasi__unit_kerja"]
    list_filter = [
        "jenis",
        PenempatanAktifFilter,
        "formasi__jabatan__jenis",
        pegawai_admin.perangkat_daerah_filter("formasi__unit_kerja__path"),
    ]
    search_fields = ["pegawai__nama", "pegawai__nip", "formasi__jabatan__nama"]
    search_help_text = _("Cari NIP (dengan atau tanpa spasi), nama pegawai atau nama jabatan.")
    autocomplete_fields = ["pegawai", "formasi"]

    @admin.display(description=_("jabatan"), ordering="formasi__jabatan__nama")
    def jabatan(self, obj: Penempatan) -> str:
        return obj.formasi.jabatan.nama

    @admin.display(description=_("unit kerja"), ordering="formasi__unit_kerja__path")
    def unit_kerja(self, obj: Penempatan) -> str:
        return obj.formasi.unit_kerja.nama

    def get_queryset(self, request: HttpRequest) -> QuerySet[Penempatan]:
        # The change page prints the employee and the post (position and unit) read-only.
        return (
            super()
            .get_queryset(request)
            .select_related("pegawai", "formasi__jabatan", "formasi__unit_kerja")
        )

    def get_fields(self, request: HttpRequest, obj: Penempatan | None = None) -> list[Any]:
        fields: list[Any] = ["pegawai", "formasi", "jenis", "tmt_mulai"]
        if obj is not None:
            fields.append("tmt_selesai")
        return [*fields, ("nomor_sk", "tanggal_sk"), "keterangan"]

    def get_readonly_fields(self, request: HttpRequest, obj: Penempatan | None = None) -> list[str]:
        if obj is None:
            return []
        return ["pegawai", "formasi", "jenis", "tmt_mulai"]

    def get_form(
        self,
        request: HttpRequest,
        obj: Penempatan | None = None,
        change: bool = False,
        **kwargs: Any,
    ) -> type[forms.ModelForm]:
        kwargs["form"] = PenempatanChangeForm if obj is not None else PenempatanAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "formasi":
            # The pre-check reads the post's position; the widget prints position and unit.
            kwargs["queryset"] = Formasi.objects.select_related("jabatan", "unit_kerja")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(
        self, request: HttpRequest, obj: Penempatan, form: forms.ModelForm, change: bool
    ) -> None:
        try:
            if change:
                self._save_change(obj, form)
            else:
                self._create(obj)
        except ValidationError as exc:
            raise ServiceRefused(exc) from exc

    def _create(self, obj: Penempatan) -> None:
        created = penempatan_create(
            pegawai=obj.pegawai,
            formasi=obj.formasi,
            jenis=obj.jenis,
            tmt_mulai=obj.tmt_mulai,
            nomor_sk=obj.nomor_sk,
            tanggal_sk=obj.tanggal_sk,
            keterangan=obj.keterangan,
        )
        # The admin logs and redirects with this instance: make it the saved row.
        obj.pk = created.pk
        obj.created_at, obj.updated_at = created.created_at, created.updated_at
        obj._state.adding = False
        obj._state.db = created._state.db

    def _save_change(self, obj: Penempatan, form: forms.ModelForm) -> None:
        changed = set(form.changed_data)
        if "tmt_selesai" in changed and form.initial.get("tmt_selesai") is None:
            # Ending a placement frees its seat in the post: that is the service's job.
            penempatan_end(penempatan=obj, tmt_selesai=obj.tmt_selesai, keterangan=obj.keterangan)
            changed.discard("tmt_selesai")
        if changed:
            # Only the fields of the form, so a stale instance never writes anything else.
            obj.save(update_fields=[*sorted(changed), "updated_at"])
            # The merit projection reads the placements (the employee's, and a former one's).
            projection.refresh({obj.pegawai_id, form.initial.get("pegawai")})


class PenempatanInline(admin.TabularInline):
    """The employee's current and past posts, read-only: placements change through their admin."""

    model = Penempatan
    fk_name = "pegawai"
    extra = 0
    fields = ["formasi", "jenis", "tmt_mulai", "tmt_selesai", "nomor_sk", "tanggal_sk"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False
    verbose_name_plural = _("penempatan (jabatan saat ini dan riwayat)")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Penempatan]:
        # Each row prints its post (position and unit), and its title, str(), the employee.
        return (
            super()
            .get_queryset(request)
            .select_related("pegawai", "formasi__jabatan", "formasi__unit_kerja")
        )

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class PegawaiWithPenempatanAdmin(pegawai_admin.PegawaiAdmin):
    inlines = [PenempatanInline, *pegawai_admin.PegawaiAdmin.inlines]

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # Back to the employee's page outside the admin (jabatan.views_pegawai), which its
        # edit links lead here from; a button in the object tools.
        extra_context = dict(extra_context or {})
        if object_id.isdigit():
            extra_context["halaman_pegawai_url"] = reverse(
                "jabatan:pegawai_detail", args=[int(object_id)]
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(
        self, request: HttpRequest, obj: Pegawai, form: forms.ModelForm, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        # An employee who leaves, or whose kedudukan hukum frees the post, loses their posts in
        # the same transaction as the save: the one service every path calls.
        n = pegawai_release_posts(pegawai=obj)
        if n:
            self.message_user(
                request,
                ngettext(
                    "%(n)d penempatan aktif diakhiri; formasinya kini lowong.",
                    "%(n)d penempatan aktif diakhiri; formasinya kini lowong.",
                    n,
                )
                % {"n": n},
                level=messages.WARNING,
            )

    def get_inlines(self, request: HttpRequest, obj: Pegawai | None) -> list[type]:
        inlines = list(super().get_inlines(request, obj))
        if obj is None:
            # A new employee has no placements yet; they are added afterwards through Penempatan.
            inlines.remove(PenempatanInline)
        return inlines

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        if formset.model is HasilAsesmen:
            for asesmen in [*formset.new_objects, *(o for o, _f in formset.changed_objects)]:
                asesmen_compute_jpm(asesmen=asesmen)


class HasilAsesmenJpmAdmin(pegawai_admin.HasilAsesmenAdmin):
    """Assessments with their Job Person Match against the position held (jabatan knows it)."""

    list_display = [*pegawai_admin.HasilAsesmenAdmin.list_display, "jpm"]
    fields = [*pegawai_admin.HasilAsesmenAdmin.fields, "jpm"]
    readonly_fields = ["jpm"]

    def save_model(self, request: HttpRequest, obj: HasilAsesmen, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        asesmen_compute_jpm(asesmen=obj)


# The employee and assessment admins live in pegawai, which cannot see placements.
admin.site.unregister(Pegawai)
admin.site.register(Pegawai, PegawaiWithPenempatanAdmin)
admin.site.unregister(HasilAsesmen)
admin.site.register(HasilAsesmen, HasilAsesmenJpmAdmin)
