"""Admin of the open selections for HR: the records are read here; stages are announced and the
selection ended by actions that call publik.services (opening and results: the services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy

from core.admin import ReadOnlyMixin
from pegawai.admin_base import BaseAdmin
from publik.models import AnggotaPanitia, HasilTahap, Pelamar, PerubahanSeleksi, Seleksi, Tahap
from publik.services import seleksi_propose, tahap_announce


class PanitiaInline(admin.TabularInline):
    model = AnggotaPanitia
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class TahapInline(PanitiaInline):
    model = Tahap
    fields = ["jenis", "mulai", "selesai"]


class PerubahanInline(PanitiaInline):
    """The selection's history of changes (written by publik.services only)."""

    model = PerubahanSeleksi
    fields = ["tanggal", "jenis", "alasan", "oleh"]

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).select_related("oleh")


def _jalankan(modeladmin, request: HttpRequest, fungsi) -> None:
    try:
        fungsi()
    except ValidationError as exc:
        for m in exc.messages:
            modeladmin.message_user(request, m, level=messages.ERROR)
    else:
        modeladmin.message_user(request, gettext_lazy("Selesai."))


@admin.register(Seleksi)
class SeleksiAdmin(ReadOnlyMixin, BaseAdmin):
    lingkup_bebas = True  # public by law
    list_display = ["judul", "nomor_pengumuman", "selesai", "dibatalkan_pada", "created_at"]
    inlines = [PanitiaInline, TahapInline, PerubahanInline]
    actions = ["usulkan"]

    def has_usulkan_permission(self, request: HttpRequest) -> bool:
        # Proposing to the PPK is jabatan's proposal path: HR's right to propose.
        return request.user.has_perm("jabatan.add_usulan")

    @admin.action(
        description=gettext_lazy("Usulkan tiga nama per formasi kepada PPK"),
        permissions=["usulkan"],
    )
    def usulkan(self, request: HttpRequest, queryset) -> None:
        for s in queryset:
            _jalankan(
                self,
                request,
                lambda s=s: seleksi_propose(
                    seleksi=s, pada=timezone.localdate(), oleh=request.user
                ),
            )


@admin.register(Tahap)
class TahapAdmin(ReadOnlyMixin, BaseAdmin):
    lingkup_bebas = True
    list_display = ["seleksi", "jenis", "mulai", "selesai"]
    list_select_related = ["seleksi"]
    actions = ["umumkan"]

    def has_umumkan_permission(self, request: HttpRequest) -> bool:
        # Announcing a stage is part of running the selection, which HR does (as proposing).
        return request.user.has_perm("jabatan.add_usulan")

    @admin.action(
        description=gettext_lazy("Umumkan hasil tahap terpilih hari ini"), permissions=["umumkan"]
    )
    def umumkan(self, request: HttpRequest, queryset) -> None:
        for t in queryset.select_related("seleksi"):
            _jalankan(
                self,
                request,
                lambda t=t: tahap_announce(tahap=t, pada=timezone.localdate(), oleh=request.user),
            )


@admin.register(Pelamar)
class PelamarAdmin(ReadOnlyMixin, BaseAdmin):
    lingkup_path = "formasi__unit_kerja__path"
    list_display = ["pegawai", "formasi", "seleksi"]
    list_select_related = ["pegawai", "formasi__jabatan", "formasi__unit_kerja", "seleksi"]


@admin.register(HasilTahap)
class HasilTahapAdmin(ReadOnlyMixin, BaseAdmin):
    lingkup_path = "pelamar__formasi__unit_kerja__path"
    list_display = ["tahap", "pelamar", "lulus", "nilai"]
    list_select_related = [
        "tahap__seleksi",
        "pelamar__pegawai",
        "pelamar__formasi__jabatan",
        "pelamar__formasi__unit_kerja",
    ]
