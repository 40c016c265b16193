"""The merit-system index in the admin: the instrument's rows HR edits when the regulation
changes (an instrument with its bands and aspects; a criterion with its levels), each showing
its source and whether it was matched with the official text; and the assessments, their
answers and documents, read only (they change through the assessment pages' services, which
audit each level and freeze a final assessment)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin import ReadOnlyMixin
from pegawai.admin_base import BaseAdmin
from sistem_merit.models import (
    Aspek,
    DokumenBukti,
    Instrumen,
    JawabanKriteria,
    Kategori,
    Kriteria,
    LevelKriteria,
    Penilaian,
)


class KategoriInline(admin.TabularInline):
    model = Kategori
    extra = 0
    fields = ["nama", "batas_bawah", "batas_atas", "terverifikasi", "sumber"]


class AspekInline(admin.StackedInline):
    model = Aspek
    extra = 0
    fields = [("nomor", "nama", "bobot"), "uraian", ("terverifikasi", "sumber")]


@admin.register(Instrumen)
class InstrumenAdmin(BaseAdmin):
    lingkup_bebas = True  # a regulation's instrument: no personal data
    list_display = ["nama", "kode", "rumus", "level_min", "level_max", "bobot_survei"]
    search_fields = ["nama", "kode"]
    inlines = [KategoriInline, AspekInline]
    fieldsets = [
        (None, {"fields": ["kode", "nama", "dasar_hukum", "sumber", "rumus"]}),
        (_("Skala"), {"fields": [("level_min", "level_max")]}),
        (
            _("Survei pegawai"),
            {"fields": ["bobot_survei", "sumber_bobot_survei", "bobot_survei_terverifikasi"]},
        ),
    ]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # an assessment may point at it; a replaced regulation is a new instrument


class LevelKriteriaInline(admin.TabularInline):
    model = LevelKriteria
    extra = 0
    fields = ["level", "uraian"]


@admin.register(Kriteria)
class KriteriaAdmin(BaseAdmin):
    lingkup_bebas = True
    list_display = ["kode", "uraian_singkat", "aspek", "bukti", "terverifikasi"]
    list_select_related = ["aspek__instrumen"]
    list_filter = ["aspek__instrumen", "terverifikasi"]
    search_fields = ["kode", "uraian", "sub_aspek"]
    autocomplete_fields = ["aspek"]
    inlines = [LevelKriteriaInline]
    fields = [
        "aspek",
        ("kode", "sub_aspek"),
        "uraian",
        ("terverifikasi", "sumber"),
        "bukti",
        "ambang",
        "ambang_sumber",
    ]

    @admin.display(description=_("kriteria"), ordering="uraian")
    def uraian_singkat(self, obj: Kriteria) -> str:
        return obj.uraian[:100]


@admin.register(Aspek)
class AspekAdmin(BaseAdmin):
    """Aspects are edited with their instrument; this list is what a criterion's aspect field
    searches (autocomplete)."""

    lingkup_bebas = True
    list_display = ["__str__", "instrumen", "bobot", "terverifikasi"]
    list_select_related = ["instrumen"]
    search_fields = ["nama", "instrumen__nama"]
    fields = ["instrumen", ("nomor", "nama", "bobot"), "uraian", ("terverifikasi", "sumber")]
    autocomplete_fields = ["instrumen"]


class DokumenInline(admin.TabularInline):
    """The answer's documents, read only (kept and sent by the assessment page)."""

    model = DokumenBukti
    extra = 0
    can_delete = False
    fields = ["nama", "jenis_berkas", "diunggah_oleh", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Penilaian)
class PenilaianAdmin(ReadOnlyMixin, BaseAdmin):
    lingkup_bebas = True  # the agency's own assessment: no one unit's rows
    list_display = ["__str__", "tahun", "status", "nilai", "kategori", "halaman"]
    list_select_related = ["instrumen"]
    list_filter = ["status", "instrumen"]
    exclude = ["ringkasan"]

    @admin.display(description=_("halaman"))
    def halaman(self, obj: Penilaian) -> str:
        return format_html(
            '<a href="{}">{}</a>',
            reverse("sistem_merit:penilaian_detail", args=[obj.pk]),
            _("Buka halaman penilaian"),
        )


@admin.register(JawabanKriteria)
class JawabanKriteriaAdmin(ReadOnlyMixin, BaseAdmin):
    lingkup_bebas = True
    list_display = ["penilaian", "kriteria", "level_usulan", "level", "ditinjau_oleh"]
    list_select_related = ["penilaian__instrumen", "kriteria", "ditinjau_oleh"]
    # By instrument and year: a filter of assessments would print each one's instrument.
    list_filter = ["penilaian__instrumen", "penilaian__tahun"]
    search_fields = ["kriteria__kode", "kriteria__uraian"]
    inlines = [DokumenInline]


@admin.register(DokumenBukti)
class DokumenBuktiAdmin(ReadOnlyMixin, BaseAdmin):
    lingkup_bebas = True
    list_display = ["nama", "jawaban", "jenis_berkas", "diunggah_oleh", "created_at"]
    list_select_related = ["jawaban__penilaian__instrumen", "jawaban__kriteria", "diunggah_oleh"]
    exclude = ["berkas"]  # sent by the assessment page, to HR only, as a download
