"""Admin of pelatihan for HR: the catalogue, sessions, enrolments, external training, plans.

Writes that carry rules go through `pelatihan.services`: enrolling, completing with a
certificate, verifying external training and approving a plan; a refusal at save time becomes
an error message (`ServiceWriteMixin`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.admin import ServiceRefused, ServiceWriteMixin
from pegawai.admin import NipSearchMixin, pegawai_nama, pegawai_nip, perangkat_daerah_filter
from pegawai.admin_base import BaseAdmin
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.projection import RefreshAdminMixin
from pelatihan import services
from pelatihan.models import (
    PelatihanEksternal,
    Peserta,
    Program,
    ProgramKompetensi,
    RencanaBaris,
    RencanaPengembangan,
    Sesi,
)


class ProgramForm(forms.ModelForm):
    jenis_jabatan_sasaran = forms.MultipleChoiceField(
        label=_lazy("Jenis jabatan sasaran"),
        choices=JenisJabatan.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_lazy("Kosongkan bila cocok untuk semua jenis jabatan."),
    )

    class Meta:
        model = Program
        fields = [
            "kode",
            "nama",
            "jenis",
            "bentuk",
            "kelompok",
            "sifat",
            "jumlah_jp",
            "biaya_per_peserta",
            "pelatihan_wajib",
            "jenis_jabatan_sasaran",
            "bidang_sasaran",
            "deskripsi",
            "aktif",
        ]


class ProgramKompetensiInline(admin.TabularInline):
    model = ProgramKompetensi
    extra = 0


@admin.register(Program)
class ProgramAdmin(RefreshAdminMixin, BaseAdmin):
    lingkup_bebas = True  # the catalogue is no personal data
    # A program that becomes (or stops being) a leadership training changes its graduates'
    # level in the merit projection.
    projection_fields = frozenset({"pelatihan_wajib"})

    def projection_ids(self, queryset) -> set[int]:
        return set(
            Peserta.objects.filter(
                sesi__program__in=queryset, status=Peserta.Status.LULUS
            ).values_list("pegawai_id", flat=True)
        )

    form = ProgramForm
    inlines = [ProgramKompetensiInline]
    list_display = [
        "kode",
        "nama",
        "jenis",
        "bentuk",
        "kelompok",
        "sifat",
        "jumlah_jp",
        "biaya_per_peserta",
        "pelatihan_wajib",
        "aktif",
    ]
    list_filter = ["jenis", "kelompok", "sifat", "pelatihan_wajib", "aktif"]
    search_fields = ["kode", "nama", "bidang_sasaran"]


@admin.register(Sesi)
class SesiAdmin(RefreshAdminMixin, BaseAdmin):
    lingkup_bebas = True  # the calendar of sessions is public within the government
    projection_fields = frozenset({"program"})  # its graduates' training may change

    def projection_ids(self, queryset) -> set[int]:
        return set(
            Peserta.objects.filter(sesi__in=queryset, status=Peserta.Status.LULUS).values_list(
                "pegawai_id", flat=True
            )
        )

    list_display = [
        "program",
        "nama",
        "tanggal_mulai",
        "tanggal_selesai",
        "moda",
        "penyelenggara",
        "kapasitas",
        "jumlah_peserta",
        "pendaftaran_dibuka",
    ]
    list_select_related = ["program"]
    list_filter = ["moda", "penyelenggara", "pendaftaran_dibuka", "program__kelompok"]
    search_fields = ["nama", "program__nama", "tempat"]
    autocomplete_fields = ["program"]
    readonly_fields = ["jumlah_peserta"]
    date_hierarchy = "tanggal_mulai"


class PesertaForm(forms.ModelForm):
    class Meta:
        model = Peserta
        fields = ["sesi", "pegawai", "nomor_sertifikat", "tanggal_sertifikat"]


@admin.register(Peserta)
class PesertaAdmin(ServiceWriteMixin, NipSearchMixin, BaseAdmin):
    """Adding enrols through `peserta_enrol`; filling the certificate of an attended
    participant completes the enrolment through `peserta_pass`; the actions mark attendance
    or cancel."""

    lingkup_path = "pegawai__unit_kerja__path"
    lingkup_pegawai = "pegawai_id"
    nip_lookup = "pegawai__nip"
    form = PesertaForm
    list_display = [pegawai_nip, pegawai_nama, "sesi", "status", "jp_diakui", "tahun_jp"]
    list_select_related = ["pegawai", "sesi__program"]
    list_filter = ["status", "tahun_jp", perangkat_daerah_filter("pegawai__unit_kerja__path")]
    search_fields = ["pegawai__nama", "pegawai__nip", "sesi__program__nama", "nomor_sertifikat"]
    autocomplete_fields = ["sesi", "pegawai"]
    actions = ["tandai_hadir", "batalkan"]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Only an attended enrolment has something to fill in here (its certificate); the
        # other transitions are the list's actions.
        if obj is not None and obj.status != Peserta.Status.HADIR:
            return False
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        base = ["status", "jp_diakui", "tahun_jp", "keterangan"]
        if obj is None:
            return base
        if obj.status != Peserta.Status.HADIR:
            return ["sesi", "pegawai", "nomor_sertifikat", "tanggal_sertifikat", *base]
        return ["sesi", "pegawai", *base]

    def save_model(self, request: HttpRequest, obj: Peserta, form: Any, change: bool) -> None:
        try:
            if not change:
                hasil = services.peserta_enrol(
                    sesi=obj.sesi, pegawai=obj.pegawai, oleh=request.user
                )
                obj.pk = hasil.pk
            elif {"nomor_sertifikat", "tanggal_sertifikat"} & set(form.changed_data):
                services.peserta_pass(
                    peserta=obj,
                    nomor_sertifikat=form.cleaned_data["nomor_sertifikat"],
                    tanggal_sertifikat=form.cleaned_data["tanggal_sertifikat"],
                    oleh=request.user,
                )
        except ValidationError as exc:
            raise ServiceRefused(exc) from exc

    def _aksi(self, request: HttpRequest, queryset, fungsi, pesan: str) -> None:
        n, gagal = 0, []
        for p in queryset.select_related("pegawai"):
            try:
                fungsi(peserta=p, oleh=request.user)
                n += 1
            except ValidationError as exc:
                gagal.append(f"{p.pegawai.nama}: {' '.join(exc.messages)}")
        if n:
            self.message_user(request, pesan % {"n": n}, messages.SUCCESS)
        for g in gagal:
            self.message_user(request, g, messages.ERROR)

    @admin.action(description=_lazy("Tandai hadir"), permissions=["change"])
    def tandai_hadir(self, request: HttpRequest, queryset) -> None:
        self._aksi(request, queryset, services.peserta_attend, _("%(n)s peserta ditandai hadir."))

    @admin.action(description=_lazy("Batalkan pendaftaran"), permissions=["change"])
    def batalkan(self, request: HttpRequest, queryset) -> None:
        self._aksi(request, queryset, services.peserta_cancel, _("%(n)s pendaftaran dibatalkan."))


class EksternalForm(forms.ModelForm):
    keputusan = forms.ChoiceField(
        label=_lazy("Keputusan verifikasi"),
        choices=[
            ("", "—"),
            ("setuju", _lazy("Verifikasi (JP diakui)")),
            ("tolak", _lazy("Tolak")),
        ],
        required=False,
    )

    class Meta:
        model = PelatihanEksternal
        fields = ["alasan_penolakan"]


@admin.register(PelatihanEksternal)
class PelatihanEksternalAdmin(ServiceWriteMixin, NipSearchMixin, BaseAdmin):
    """Employees record external training on /saya/; HR verifies or rejects it here."""

    lingkup_path = "pegawai__unit_kerja__path"
    lingkup_pegawai = "pegawai_id"
    nip_lookup = "pegawai__nip"
    form = EksternalForm
    list_display = [pegawai_nip, pegawai_nama, "nama", "jumlah_jp", "tanggal_selesai", "status"]
    list_select_related = ["pegawai"]
    list_filter = ["status", "kelompok", "tahun_jp"]
    search_fields = ["pegawai__nama", "pegawai__nip", "nama", "penyelenggara"]
    readonly_fields = [
        "pegawai",
        "nama",
        "penyelenggara",
        "kelompok",
        "pelatihan_wajib",
        "tanggal_mulai",
        "tanggal_selesai",
        "jumlah_jp",
        "nomor_sertifikat",
        "bukti_unduh",
        "status",
        "diverifikasi_oleh",
        "diverifikasi_pada",
    ]

    def get_fields(self, request: HttpRequest, obj: Any = None):
        return [*self.readonly_fields, "keputusan", "alasan_penolakan"]

    @admin.display(description=_lazy("bukti (sertifikat)"))
    def bukti_unduh(self, obj: PelatihanEksternal) -> str:
        """Link to the permission-checked download, never to the file's storage URL."""
        if not obj.bukti:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("pelatihan:eksternal_bukti", args=[obj.pk]),
            _("Unduh bukti"),
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # recorded by the employee, with evidence

    def save_model(self, request: HttpRequest, obj, form: Any, change: bool) -> None:
        keputusan = form.cleaned_data.get("keputusan")
        if not keputusan:
            return
        try:
            services.eksternal_verify(
                eksternal=obj,
                setuju=keputusan == "setuju",
                alasan=form.cleaned_data.get("alasan_penolakan", ""),
                oleh=request.user,
            )
        except ValidationError as exc:
            raise ServiceRefused(exc) from exc


class RencanaBarisInline(admin.TabularInline):
    model = RencanaBaris
    extra = 0
    autocomplete_fields = ["program"]


@admin.register(RencanaPengembangan)
class RencanaPengembanganAdmin(ServiceWriteMixin, BaseAdmin):
    lingkup_path = "unit_kerja__path"
    list_display = ["__str__", "tahun", "unit_kerja", "status", "disetujui_pada"]
    list_select_related = ["unit_kerja"]
    list_filter = ["tahun", "status"]
    autocomplete_fields = ["unit_kerja"]
    inlines = [RencanaBarisInline]
    readonly_fields = ["status", "disetujui_oleh", "disetujui_pada"]
    actions = ["setujui"]

    @admin.action(description=_lazy("Setujui rencana"), permissions=["change"])
    def setujui(self, request: HttpRequest, queryset) -> None:
        for r in queryset:
            try:
                services.rencana_approve(rencana=r, oleh=request.user)
                self.message_user(request, _("%(r)s disetujui.") % {"r": r}, messages.SUCCESS)
            except ValidationError as exc:
                self.message_user(request, f"{r}: {' '.join(exc.messages)}", messages.ERROR)
