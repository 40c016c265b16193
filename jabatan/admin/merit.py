"""The merit ranking's records in the admin: profiles (edited), proposals and decisions (read)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from core.admin import ReadOnlyMixin
from jabatan.merit import KOMPONEN
from jabatan.models import Keputusan, PengaturanPetikan, ProfilMerit, Suksesor, Usulan
from pegawai import admin as pegawai_admin
from pegawai.admin_base import BaseAdmin
from pegawai.akses import lingkup


@admin.register(ProfilMerit)
class ProfilMeritAdmin(BaseAdmin):
    """Weights of the merit score per position kind: HR edits them; every change is audited."""

    lingkup_bebas = True
    list_display = [
        "jenis_jabatan",
        *[f"bobot_{k}" for k in KOMPONEN],
        "hanya_talent_pool",
        "wajib_kepemimpinan",
    ]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class _CatatanAdmin(ReadOnlyMixin, BaseAdmin):
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
    """Decisions, read here; corrected and annulled on HR's page of the decision ("Lihat di
    situs", Keputusan.get_absolute_url) through jabatan.services.koreksi."""

    list_display = [
        "nomor_sk",
        "tanggal_sk",
        "formasi",
        "pegawai",
        "metode",
        "peringkat_terpilih",
        "dibatalkan_pada",
    ]
    list_select_related = ["formasi__jabatan", "formasi__unit_kerja", "pegawai"]
    list_filter = ["metode", "tanggal_sk"]
    search_fields = ["nomor_sk", "pegawai__nama", "pegawai__nip"]
    exclude = ["snapshot"]


@admin.register(Suksesor)
class SuksesorAdmin(pegawai_admin.NipSearchMixin, _CatatanAdmin):
    """Succession plans: named, reordered and removed on the post's page through
    jabatan.services (the slot rules and the talent-pool check), read here."""

    nip_lookup = "pegawai__nip"
    list_display = [
        "formasi",
        "urutan",
        pegawai_admin.pegawai_nip,
        pegawai_admin.pegawai_nama,
        "kesiapan",
        "aktif",
        "tanggal_penetapan",
        "ditetapkan_oleh",
    ]
    list_select_related = ["formasi__jabatan", "formasi__unit_kerja", "pegawai", "ditetapkan_oleh"]
    list_filter = [
        "aktif",
        "kesiapan",
        "formasi__jabatan__jenis",
        pegawai_admin.perangkat_daerah_filter("formasi__unit_kerja__path"),
    ]
    search_fields = [
        "pegawai__nama",
        "pegawai__nip",
        "formasi__jabatan__nama",
        "formasi__unit_kerja__nama",
    ]
    search_help_text = _("Cari NIP (dengan atau tanpa spasi), nama pegawai, jabatan atau unit.")


@admin.register(PengaturanPetikan)
class PengaturanPetikanAdmin(BaseAdmin):
    """Who signs the printed decree extracts: HR edits the one row (made by a migration)."""

    lingkup_bebas = True
    list_display = ["__str__", "nama_kepala_daerah", "pengesah", "jabatan_pengesah"]
    list_select_related = ["pengesah"]
    autocomplete_fields = ["pengesah"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # No query here: the admin asks this on every page for its menu.
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
