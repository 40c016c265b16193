"""Admin of kinerja for HR: periods, SKPs (evaluator reassignment), organisational performance,
talent bands. Ratings are given on the SKP pages, through the services, never typed here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.forms import SkpAdminForm
from kinerja.models import (
    KinerjaOrganisasi,
    KiosSkm,
    KomentarSkm,
    PengaturanTalenta,
    Periode,
    ResponSkm,
    RevisiSkp,
    Skp,
    UnitLayanan,
)
from kinerja.services import skp_ganti_penilai
from kinerja.services.survei import (
    kios_skm_daftar,
    kios_skm_ubah,
    komentar_moderasi,
    unit_layanan_tandai,
)
from pegawai import projection
from pegawai.admin import NipSearchMixin, PerangkatDaerahFilter, pegawai_nama, pegawai_nip
from pegawai.admin_base import BaseAdmin, HanyaBacaMixin, LayananMenolak, ServiceWriteMixin


@admin.register(Periode)
class PeriodeAdmin(BaseAdmin):
    lingkup_bebas = True  # the calendar of evaluations is no personal data
    list_display = ["__str__", "tahun", "jenis", "triwulan", "terbuka"]
    list_filter = ["jenis", "terbuka"]
    list_editable = ["terbuka"]

    # An annual period opened, closed, added or removed: the merit projection's predikat
    # columns change (pegawai.projection.periods_changed queues their refresh).
    def save_model(self, request: HttpRequest, obj: Periode, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if obj.jenis == Periode.Jenis.TAHUNAN and (not change or form.has_changed()):
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
                skp_ganti_penilai(skp=obj, penilai=form.cleaned_data["penilai"], oleh=request.user)
            except ValidationError as exc:
                raise LayananMenolak(exc) from exc


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
class RevisiSkpAdmin(HanyaBacaMixin, BaseAdmin):
    lingkup_path = "skp__unit_kerja__path"
    lingkup_pegawai = "skp__pegawai_id"
    list_display = ["skp", "predikat_lama", "predikat_baru", "oleh", "waktu"]
    list_select_related = ["skp__pegawai", "skp__periode", "oleh"]
    search_fields = ["skp__pegawai__nama", "skp__pegawai__nip", "alasan"]


# --- The public satisfaction survey (PermenPANRB 14/2017) ------------------------------------


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
            saved = unit_layanan_tandai(
                unit_kerja=form.cleaned_data["unit_kerja"],
                kode=form.cleaned_data["kode"],
                nama_layanan=form.cleaned_data["nama_layanan"],
                aktif=form.cleaned_data["aktif"],
                oleh=request.user,
            )
        except ValidationError as exc:
            raise LayananMenolak(exc) from exc
        obj.pk = saved.pk

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # responses point at it: unmark with "menerima survei" instead


@admin.register(KiosSkm)
class KiosSkmAdmin(ServiceWriteMixin, BaseAdmin):
    """Counter kiosks (kinerja.survei_terbit): HR registers a unit's supervised device and is
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
                saved = kios_skm_ubah(
                    kios=obj, nama=data["nama"], aktif=data["aktif"], oleh=request.user
                )
            else:
                saved, token = kios_skm_daftar(
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
            raise LayananMenolak(exc) from exc
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
        return request.user.has_perm("kinerja.change_komentarskm")

    def _moderasi(self, request: HttpRequest, queryset, tayangkan: bool) -> None:
        n = 0
        for komentar in queryset:
            try:
                komentar_moderasi(komentar=komentar, tayangkan=tayangkan, oleh=request.user)
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
class ResponSkmAdmin(HanyaBacaMixin, BaseAdmin):
    lingkup_path = "unit__unit_kerja__path"
    list_display = ["unit", "tanggal", *ResponSkm.KOLOM]
    list_select_related = ["unit__unit_kerja"]
    list_filter = [UnitLayananFilter, "tanggal"]
