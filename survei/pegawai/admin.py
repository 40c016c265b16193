"""Admin of the employees' survey: HR edits the statements of the questionnaire (data, not code:
the seeded ones are a project draft until checked against BKN's official form). Responses and
marks have no admin: nobody browses them one by one."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from pegawai.admin_base import BaseAdmin
from survei.pegawai.models import ButirSurveiPegawai


@admin.register(ButirSurveiPegawai)
class ButirSurveiPegawaiAdmin(BaseAdmin):
    lingkup_bebas = True  # the questionnaire is no personal data
    list_display = ["nomor", "pertanyaan", "dimensi", "aktif", "terverifikasi"]
    list_filter = ["dimensi", "aktif", "terverifikasi"]
    search_fields = ["pertanyaan"]
    fields = ["nomor", "pertanyaan", "dimensi", "aktif", "terverifikasi", "sumber"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # answers point at it: switch it off ("aktif") instead
