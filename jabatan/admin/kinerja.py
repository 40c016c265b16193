"""The period admin with jabatan's action: opening every employee's SKP as a task."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.admin import TaskNoticeMixin
from jabatan.tasks import skp_open_start
from kinerja import admin as kinerja_admin
from kinerja.models import Periode
from tugas.progres import SedangBerjalan


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
            progres = skp_open_start(periode=periode, oleh=request.user)
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


class PeriodeAdmin(TaskNoticeMixin, kinerja_admin.PeriodeAdmin):
    """The period admin lives in kinerja, which cannot see positions; jabatan adds the action,
    and links to the projection refresh that a change of an annual period queues."""

    actions = [buka_skp]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        with self.announcing_tasks(request):
            super().save_model(request, obj, form, change)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        with self.announcing_tasks(request):
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        with self.announcing_tasks(request):
            super().delete_queryset(request, queryset)


admin.site.unregister(Periode)
admin.site.register(Periode, PeriodeAdmin)
