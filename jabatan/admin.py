"""Admin for positions, posts and placements; adds the placements inline to the Pegawai admin.

Writes that carry rules go through `jabatan.services` (shared/DESIGN.md): the forms call the
read-only pre-checks for field errors, `save_model` calls the service, and a service that refuses
at save time (another HR user's write came first) becomes an error message, not a 500.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from jabatan.merit import KOMPONEN
from jabatan.models import Formasi, Jabatan, Keputusan, Penempatan, ProfilMerit, Usulan
from jabatan.services import (
    asesmen_hitung_jpm,
    formasi_set_kuota,
    penempatan_create,
    penempatan_end,
    penempatan_end_all,
    penempatan_validate,
)
from jabatan.tasks import mulai_buka_skp
from kinerja import admin as kinerja_admin
from kinerja.models import Periode
from pegawai import admin as pegawai_admin
from pegawai.admin_base import HanyaBacaMixin
from pegawai.akses import lingkup
from pegawai.kompetensi import KODE as KOMPETENSI_KODE
from pegawai.models import HasilAsesmen, Pegawai
from tugas.progres import SedangBerjalan
from tugas.progres import dicatat as progres_dicatat

admin.site.site_header = _("SIMPEG Merit — BKPSDM Kota Mataram")
admin.site.site_title = _("SIMPEG Merit")
admin.site.index_title = _("Administrasi kepegawaian")


class _ServiceRejected(Exception):
    """A service refused a write after the form had validated (a concurrent write came first)."""

    def __init__(self, error: ValidationError) -> None:
        super().__init__(error)
        self.error = error


class ServiceWriteMixin:
    """Turn `_ServiceRejected` raised by `save_model` into an error message.

    The exception leaves the admin's `transaction.atomic` block, so everything the request wrote
    is rolled back before the user sees the message.
    """

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except _ServiceRejected as exc:
            for message in exc.error.messages:
                self.message_user(request, message, level=messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


def _add_errors(form: forms.Form, error: ValidationError) -> None:
    """Add a service's field-keyed errors to the form; keys the form lacks become non-field."""
    for field, field_messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, field_messages)


# --- Jabatan -----------------------------------------------------------------------------------


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
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Blank standards are filled with the defaults for the kind and level (Jabatan.clean).
        for kode in KOMPETENSI_KODE:
            field = self.fields.get(f"std_{kode}")
            if field is not None:
                field.required = False


@admin.register(Jabatan)
class JabatanAdmin(pegawai_admin.BaseAdmin):
    lingkup_bebas = True  # the position catalogue is public knowledge
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
    ]


# --- Formasi -----------------------------------------------------------------------------------


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
        fields = ["jabatan", "unit_kerja", "kuota", "keterangan"]

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
class FormasiAdmin(ServiceWriteMixin, pegawai_admin.BaseAdmin):
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
    fields = ["jabatan", "unit_kerja", ("kuota", "jumlah_terisi"), "keterangan"]
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
                raise _ServiceRejected(exc) from exc
        # Formasi.save never writes jumlah_terisi (the triggers own it).
        super().save_model(request, obj, form, change)


# --- Penempatan --------------------------------------------------------------------------------


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
                _add_errors(self, exc)
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
                params={"t": self.instance.tmt_mulai.strftime("%d-%m-%Y")},
            )
        return value


@admin.register(Penempatan)
class PenempatanAdmin(ServiceWriteMixin, pegawai_admin.NipSearchMixin, pegawai_admin.BaseAdmin):
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
            raise _ServiceRejected(exc) from exc

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


# --- Pegawai, with placements ------------------------------------------------------------------


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

    def save_model(
        self, request: HttpRequest, obj: Pegawai, form: forms.ModelForm, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        if obj.kedudukan not in Pegawai.KEDUDUKAN_AKTIF and obj.tmt_berhenti:
            # An employee who leaves frees their posts, in the same transaction as the save.
            n = penempatan_end_all(pegawai=obj, tmt_berhenti=obj.tmt_berhenti)
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
                asesmen_hitung_jpm(asesmen=asesmen)


class HasilAsesmenJpmAdmin(pegawai_admin.HasilAsesmenAdmin):
    """Assessments with their Job Person Match against the position held (jabatan knows it)."""

    list_display = [*pegawai_admin.HasilAsesmenAdmin.list_display, "jpm"]
    fields = [*pegawai_admin.HasilAsesmenAdmin.fields, "jpm"]
    readonly_fields = ["jpm"]

    def save_model(self, request: HttpRequest, obj: HasilAsesmen, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        asesmen_hitung_jpm(asesmen=obj)


# Creates SKPs across every unit: only for who may add SKPs (PeriodeAdmin.has_buka_skp_permission).
@admin.action(
    permissions=["buka_skp"],
    description=_("Buka SKP untuk semua pegawai aktif (penilai: atasan langsung)"),
)
def buka_skp(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> HttpResponse | None:
    """Queue the opening of each selected period's SKPs as a background task (jabatan.tasks):
    one period goes straight to its progress page, several get a message with each link."""
    dimulai = []
    for periode in queryset:
        try:
            progres = mulai_buka_skp(periode=periode, oleh=request.user)
        except ValidationError as exc:
            modeladmin.message_user(request, " ".join(exc.messages), level=messages.ERROR)
            continue
        except SedangBerjalan as exc:
            modeladmin.message_user(
                request,
                format_html(
                    _('SKP {} sedang dibuka oleh tugas lain: <a href="{}">lihat progresnya</a>.'),
                    periode,
                    exc.progres.get_absolute_url(),
                ),
                level=messages.WARNING,
            )
            continue
        dimulai.append((periode, progres))
    if len(dimulai) == 1 and len(queryset) == 1:
        return HttpResponseRedirect(dimulai[0][1].get_absolute_url())
    for periode, progres in dimulai:
        modeladmin.message_user(
            request,
            format_html(
                _(
                    "Pembukaan SKP {} berjalan di latar belakang: "
                    '<a href="{}">lihat progresnya</a>.'
                ),
                periode,
                progres.get_absolute_url(),
            ),
        )
    return None


class PeriodeAdmin(kinerja_admin.PeriodeAdmin):
    """The period admin lives in kinerja, which cannot see positions; jabatan adds the action,
    and links to the projection refresh that a change of an annual period queues."""

    actions = [buka_skp]

    def _kabari(self, request: HttpRequest, dimulai: list) -> None:
        # Once per request: the list's inline edit saves several periods into one refresh.
        sudah = request.__dict__.setdefault("_progres_dikabari", set())
        for progres in dimulai:
            if progres.pk in sudah:
                continue
            sudah.add(progres.pk)
            self.message_user(
                request,
                format_html(
                    _('{} berjalan di latar belakang: <a href="{}">lihat progresnya</a>.'),
                    progres.label,
                    progres.get_absolute_url(),
                ),
            )

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        with progres_dicatat(request.user) as dimulai:
            super().save_model(request, obj, form, change)
        self._kabari(request, dimulai)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with progres_dicatat(request.user) as dimulai:
            super().delete_model(request, obj)
        self._kabari(request, dimulai)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        with progres_dicatat(request.user) as dimulai:
            super().delete_queryset(request, queryset)
        self._kabari(request, dimulai)


admin.site.unregister(Periode)
admin.site.register(Periode, PeriodeAdmin)
admin.site.unregister(Pegawai)
admin.site.register(Pegawai, PegawaiWithPenempatanAdmin)
admin.site.unregister(HasilAsesmen)
admin.site.register(HasilAsesmen, HasilAsesmenJpmAdmin)


# --- Merit ------------------------------------------------------------------------------------


@admin.register(ProfilMerit)
class ProfilMeritAdmin(pegawai_admin.BaseAdmin):
    """Weights of the merit score per position kind: HR edits them; every change is audited."""

    lingkup_bebas = True
    list_display = ["jenis_jabatan", *[f"bobot_{k}" for k in KOMPONEN], "hanya_talent_pool"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class _CatatanAdmin(HanyaBacaMixin, pegawai_admin.BaseAdmin):
    """Proposals and decisions are recorded by the vacancy page's services, never typed here.

    A row names a candidate with their score and rank: a unit head sees it only when both the
    post and the candidate are in their scope (BaseAdmin scopes by the post; the candidate's
    own unit is the second condition), so candidates from other units stay with HR.
    """

    lingkup_path = "formasi__unit_kerja__path"
    lingkup_pegawai = "pegawai_id"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        qs = lingkup(request.user).filter(
            super().get_queryset(request), path="pegawai__unit_kerja__path", pegawai="pegawai_id"
        )
        # The read-only page prints what the list prints (the post, the employee, ...); a
        # select_related here replaces the list's own, so it names the same relations.
        return qs.select_related(*self.list_select_related)


@admin.register(Usulan)
class UsulanAdmin(_CatatanAdmin):
    list_display = ["formasi", "pegawai", "peringkat", "skor", "aktif", "diusulkan_oleh"]
    list_select_related = ["formasi__jabatan", "formasi__unit_kerja", "pegawai", "diusulkan_oleh"]
    list_filter = ["aktif"]


@admin.register(Keputusan)
class KeputusanAdmin(_CatatanAdmin):
    list_display = ["nomor_sk", "tanggal_sk", "formasi", "pegawai", "metode", "peringkat_terpilih"]
    list_select_related = ["formasi__jabatan", "formasi__unit_kerja", "pegawai"]
    list_filter = ["metode", "tanggal_sk"]
    search_fields = ["nomor_sk", "pegawai__nama", "pegawai__nip"]
    exclude = ["snapshot"]
