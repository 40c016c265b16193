"""Admin of employees and their histories (rank, education, discipline, assessments)
and of the logins' access links."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from pegawai.admin.referensi import (
    NipSearchMixin,
    PerangkatDaerahFilter,
    TingkatHukumanFilter,
    _tanpa_putus,
    pegawai_nama,
    pegawai_nip,
)
from pegawai.admin_base import BaseAdmin
from pegawai.disiplin import TingkatHukuman
from pegawai.models import (
    Akses,
    HasilAsesmen,
    HukumanDisiplin,
    Pegawai,
    RiwayatPangkat,
    RiwayatPendidikan,
)
from pegawai.nip import normalize_nip
from pegawai.projection import RefreshAdminMixin


class RiwayatPangkatInline(admin.TabularInline):
    model = RiwayatPangkat
    extra = 0
    fields = ["golongan", "tmt_golongan", "jenis_kenaikan", "nomor_sk", "tanggal_sk"]


class RiwayatPendidikanInline(admin.TabularInline):
    model = RiwayatPendidikan
    extra = 0
    fields = [
        "tingkat",
        "bidang_studi",
        "jurusan",
        "nama_institusi",
        "tahun_lulus",
        "nomor_ijazah",
    ]
    autocomplete_fields = ["bidang_studi"]


class HukumanDisiplinInline(admin.TabularInline):
    model = HukumanDisiplin
    extra = 0
    fields = [
        "jenis",
        "tingkat",
        "nomor_sk",
        "tanggal_sk",
        "tmt_mulai",
        "tmt_selesai",
        "keterangan",
    ]
    readonly_fields = ["tingkat"]
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})}
    }

    @admin.display(description=_("tingkat"))
    def tingkat(self, obj: HukumanDisiplin) -> str:
        # Blank for the empty row the "add another" button clones.
        return TingkatHukuman(obj.tingkat).label if obj.jenis else ""


class HasilAsesmenInline(admin.StackedInline):
    model = HasilAsesmen
    extra = 0
    fields = [
        ("tanggal", "metode", "asesor"),
        ("m01", "m02", "m03", "m04", "m05"),
        ("m06", "m07", "m08", "sk01"),
        "catatan",
    ]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}


class PegawaiForm(forms.ModelForm):
    # Wider than the 18 stored digits so a NIP can be pasted grouped, as printed on the decree.
    nip = forms.CharField(
        label=_("NIP"),
        max_length=24,
        help_text=_("18 digit; boleh diketik dengan spasi seperti pada SK. NI PPPK untuk PPPK."),
    )

    class Meta:
        model = Pegawai
        fields = [
            "nip",
            "gelar_depan",
            "nama",
            "gelar_belakang",
            "tempat_lahir",
            "tanggal_lahir",
            "jenis_kelamin",
            "email",
            "no_hp",
            "status",
            "golongan",
            "tmt_golongan",
            "mk_golongan_tahun",
            "mk_golongan_bulan",
            "tmt_cpns",
            "tmt_pns",
            "tmt_pppk",
            "pendidikan",
            "bidang_studi",
            "unit_kerja",
            "kedudukan",
            "kedudukan_hukum",
            "tmt_berhenti",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial["nip"] = self.instance.nip_tercetak  # shown as printed on the decree

    def clean_nip(self) -> str:
        return normalize_nip(self.cleaned_data["nip"])


@admin.register(Pegawai)
class PegawaiAdmin(RefreshAdminMixin, NipSearchMixin, BaseAdmin):
    # The fields the merit projection reads (its sanctions and assessments are inlines);
    # tests/jabatan/test_projection_fields.py holds it to jabatan.indeks.sql.
    projection_fields = frozenset(
        {
            "nip",
            "nama",
            "gelar_depan",
            "gelar_belakang",
            "jenis_kelamin",
            "tanggal_lahir",
            "status",
            "kedudukan",
            "kedudukan_hukum",
            "golongan",
            "tmt_golongan",
            "tmt_cpns",
            "tmt_pppk",
            "pendidikan",
            "bidang_studi",
        }
    )
    lingkup_path = "unit_kerja__path"
    lingkup_pegawai = "pk"
    form = PegawaiForm
    # The unit last: its names are the longest and may wrap.
    list_display = ["nip_tercetak", "nama_lengkap", "pangkat", "status_kedudukan", "unit_kerja"]
    list_display_links = ["nip_tercetak", "nama_lengkap"]
    list_select_related = ["unit_kerja"]
    list_filter = [
        "status",
        "kedudukan",
        "kedudukan_hukum",
        PerangkatDaerahFilter,
        "golongan",
        "pendidikan",
        "jenis_kelamin",
    ]
    search_fields = ["nama", "nip"]
    search_help_text = _("Cari NIP (dengan atau tanpa spasi) atau nama.")
    autocomplete_fields = ["unit_kerja", "bidang_studi"]

    class Media:
        # The list and the change form with its history inlines fit 1280 px.
        css = {"all": ["css/admin-pegawai.css"]}

    fieldsets = [
        (
            _("Identitas"),
            {
                "fields": [
                    "nip",
                    ("gelar_depan", "nama", "gelar_belakang"),
                    ("tempat_lahir", "tanggal_lahir"),
                    "jenis_kelamin",
                    ("email", "no_hp"),
                ]
            },
        ),
        (
            _("Status kepegawaian dan pangkat"),
            {
                "fields": [
                    "status",
                    ("golongan", "tmt_golongan"),
                    ("mk_golongan_tahun", "mk_golongan_bulan"),
                    ("tmt_cpns", "tmt_pns", "tmt_pppk"),
                ]
            },
        ),
        (_("Pendidikan"), {"fields": ["pendidikan", "bidang_studi"]}),
        (
            _("Unit kerja dan kedudukan"),
            {
                "fields": ["unit_kerja", ("kedudukan", "tmt_berhenti"), "kedudukan_hukum"],
                "description": _(
                    "Pegawai tidak dihapus: pegawai yang berhenti diakhiri dengan kedudukan "
                    "diberhentikan, pensiun atau meninggal dunia beserta TMT berhenti."
                ),
            },
        ),
    ]
    inlines = [
        RiwayatPangkatInline,
        RiwayatPendidikanInline,
        HukumanDisiplinInline,
        HasilAsesmenInline,
    ]

    @admin.display(description=_("NIP"), ordering="nip")
    def nip_tercetak(self, obj: Pegawai) -> str:
        return _tanpa_putus(obj.nip_tercetak)

    @admin.display(description=_("nama"), ordering="nama")
    def nama_lengkap(self, obj: Pegawai) -> str:
        return obj.nama_lengkap

    @admin.display(description=_("pangkat/golongan"))
    def pangkat(self, obj: Pegawai) -> str:
        return obj.pangkat_label

    # One column for two short values: the list keeps every column visible at 1280 px.
    @admin.display(description=_("status, kedudukan"), ordering="status")
    def status_kedudukan(self, obj: Pegawai) -> str:
        return f"{obj.get_status_display()}, {obj.get_kedudukan_display()}"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Pegawai]:
        # The change page shows the unit read-only, which reads the related row.
        return super().get_queryset(request).select_related("unit_kerja")

    def get_readonly_fields(self, request: HttpRequest, obj: Pegawai | None = None) -> list[str]:
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            # Placements maintain the unit (jabatan.services.penempatan_create is its one writer).
            readonly.append("unit_kerja")
        return readonly


# --- Histories ---------------------------------------------------------------------------------


class RiwayatAdmin(NipSearchMixin, BaseAdmin):
    """Shared setup of the per-employee history lists."""

    lingkup_path = "pegawai__unit_kerja__path"
    lingkup_pegawai = "pegawai_id"

    nip_lookup = "pegawai__nip"
    list_select_related = ["pegawai"]
    search_fields = ["pegawai__nama", "pegawai__nip"]
    search_help_text = _("Cari NIP (dengan atau tanpa spasi) atau nama pegawai.")
    autocomplete_fields = ["pegawai"]


@admin.register(RiwayatPangkat)
class RiwayatPangkatAdmin(RiwayatAdmin):
    list_display = [
        pegawai_nip,
        pegawai_nama,
        "golongan",
        "tmt_golongan",
        "jenis_kenaikan",
        "nomor_sk",
    ]
    list_filter = ["jenis_kenaikan", "golongan"]
    search_fields = [*RiwayatAdmin.search_fields, "nomor_sk"]
    fields = ["pegawai", ("golongan", "tmt_golongan"), "jenis_kenaikan", ("nomor_sk", "tanggal_sk")]


@admin.register(RiwayatPendidikan)
class RiwayatPendidikanAdmin(RiwayatAdmin):
    list_display = [
        pegawai_nip,
        pegawai_nama,
        "tingkat",
        "bidang_studi",
        "jurusan",
        "nama_institusi",
        "lulus",
    ]
    list_select_related = ["pegawai", "bidang_studi"]
    list_filter = ["tingkat"]
    autocomplete_fields = ["pegawai", "bidang_studi"]

    @admin.display(description=_("tahun lulus"), ordering="tahun_lulus")
    def lulus(self, obj: RiwayatPendidikan) -> str:
        return str(obj.tahun_lulus)  # a year, not a quantity: no thousands separator


@admin.register(HukumanDisiplin)
class HukumanDisiplinAdmin(RefreshAdminMixin, RiwayatAdmin):
    list_display = [
        pegawai_nip,
        pegawai_nama,
        "jenis",
        "tingkat",
        "tmt_mulai",
        "tmt_selesai",
        "nomor_sk",
    ]
    list_filter = [TingkatHukumanFilter, "jenis", "tmt_mulai"]
    search_fields = [*RiwayatAdmin.search_fields, "nomor_sk"]
    fields = [
        "pegawai",
        "jenis",
        ("nomor_sk", "tanggal_sk"),
        ("tmt_mulai", "tmt_selesai"),
        "keterangan",
    ]

    @admin.display(description=_("tingkat"))
    def tingkat(self, obj: HukumanDisiplin) -> str:
        return TingkatHukuman(obj.tingkat).label


@admin.register(HasilAsesmen)
class HasilAsesmenAdmin(RefreshAdminMixin, RiwayatAdmin):
    list_display = [pegawai_nip, pegawai_nama, "tanggal", "metode", "asesor"]
    list_filter = ["metode", "tanggal"]
    fields = [
        "pegawai",
        ("tanggal", "metode", "asesor"),
        ("m01", "m02", "m03", "m04", "m05"),
        ("m06", "m07", "m08", "sk01"),
        "catatan",
    ]


@admin.register(Akses)
class AksesAdmin(BaseAdmin):
    """Link logins to the unit they lead and to their own employee record (HR only)."""

    lingkup_path = "unit_kerja__path"
    list_display = ["user", "pegawai", "unit_kerja"]
    list_select_related = ["user", "pegawai", "unit_kerja"]
    search_fields = ["user__username", "pegawai__nama", "pegawai__nip", "unit_kerja__nama"]
    autocomplete_fields = ["user", "pegawai", "unit_kerja"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Access is withdrawn by emptying the fields or deactivating the login: the audit trail
        # keeps who had which access when.
        return False
