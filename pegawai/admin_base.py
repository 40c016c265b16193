"""The base of every model admin in the project: scoping, 404 for out-of-scope ids, the list's
export (logged), and the export log's own admin.

Scoping is pegawai's (units live here; docs/desain.md, Scoping: no page filters by unit on its
own), so the base is here; what every admin shares and is not about employees (the audit
trail's link, read-only records, service refusals, the export's cell values) is in core.admin.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import label_for_field, lookup_field
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.admin import AuditTrailMixin, ReadOnlyMixin, export_value
from core.export import write_csv, write_xlsx
from pegawai.akses import lingkup
from pegawai.ekspor import log_request_export
from pegawai.models import CatatanEkspor
from tugas.progres import Laporan, bagian

# The export's formats: the `format` field of the export form's POST (the query string holds the
# list's filters only).
FORMAT_EKSPOR = ("csv", "xlsx")


class BaseAdmin(AuditTrailMixin, admin.ModelAdmin):
    """Defaults for every admin of the project.

    Scoping: rows reach a unit through `lingkup_path` and an employee through `lingkup_pegawai`;
    `pegawai.akses.lingkup` keeps only what the user may see. Reference data without personal
    data (the position catalogue, fields of study) sets `lingkup_bebas`. Without either, a user
    who is not HR sees nothing: the safe default for a new admin.
    """

    lingkup_path: str | None = None
    lingkup_pegawai: str | None = None
    lingkup_bebas = False

    # The unfiltered COUNT(*) next to a filtered one costs a full scan at 1,000,000 rows.
    show_full_result_count = False
    # Facets run one COUNT per filter choice: the peer's mistake (docs/gaya.md).
    show_facets = admin.ShowFacets.NEVER
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        qs = super().get_queryset(request)
        if self.lingkup_bebas:
            return qs
        return lingkup(request.user).filter(
            qs, path=self.lingkup_path, pegawai=self.lingkup_pegawai
        )

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None):
        """Return the object in scope, or 404: an id outside the scope is as good as absent.

        Django's admin would redirect with "does not exist" instead; a 404 says nothing more and
        fits every view that looks an object up (change, delete, history, audit trail).
        """
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(_("Data tidak ditemukan."))
        return obj

    # --- export ------------------------------------------------------------------------------

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "ekspor/",
                self.admin_site.admin_view(require_POST(self.ekspor_view)),
                name=f"{opts.app_label}_{opts.model_name}_ekspor",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None):
        extra_context = dict(extra_context or {})
        opts = self.model._meta
        extra_context["ekspor_url"] = reverse(f"admin:{opts.app_label}_{opts.model_name}_ekspor")
        return super().changelist_view(request, extra_context)

    def ekspor_view(self, request: HttpRequest) -> HttpResponse:
        """Export the list as filtered, searched and sorted on screen (the query string), as CSV
        or XLSX (the POSTed `format`), in a background task (`pegawai.tasks.ekspor_admin`), and
        show its progress: a whole list is too long for a web request. The file is downloaded
        from the progress page.

        POST only (the URL wraps it in `require_POST`): it queues work and logs an export in the
        user's name, which a link or an image on another site must not be able to do.
        """
        if not self.has_view_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        fmt = request.POST.get("format", "csv")
        if fmt not in FORMAT_EKSPOR:
            fmt = "csv"
        try:
            # Refuse a bad filter here, where the user can read why, not later in the worker.
            self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            messages.error(request, _("Filter ekspor tidak dikenal."))
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        from pegawai.tasks import admin_export_start

        return redirect(admin_export_start(request, self, fmt=fmt))

    def tulis_ekspor(
        self, request: HttpRequest, laporan: Laporan, fmt: str = "csv"
    ) -> tuple[bytes, int]:
        """Return the CSV or XLSX of the list for `request` and its row count; log who took it.

        The rows come from the changelist, so from `get_queryset`: the user's scope holds.
        """
        opts = self.model._meta
        cl = self.get_changelist_instance(request)
        qs = cl.get_queryset(request)
        columns = [c for c in self.get_list_display(request) if c not in ("auditlog_link",)]
        n = qs.count()
        log_request_export(request, data=f"{opts.app_label}.{opts.model_name}", jumlah_baris=n)
        header = [str(label_for_field(c, self.model, self)) for c in columns]

        def rows():
            for obj in bagian(qs.iterator(chunk_size=2000), laporan, n):
                values = []
                for name in columns:
                    field, _attr, value = lookup_field(name, obj, self)
                    values.append(export_value(field, value))
                yield values

        if fmt == "xlsx":
            return write_xlsx(header, rows(), title=str(opts.verbose_name_plural)), n
        return write_csv(header, rows()), n


class CatatanEksporAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """The export log: read-only, for HR."""

    list_display = ["waktu", "user", "data", "jumlah_baris", "alamat_ip", "filter"]
    list_filter = ["data", "waktu"]
    search_fields = ["user__username", "data", "filter"]
    list_select_related = ["user"]
    show_full_result_count = False


admin.site.register(CatatanEkspor, CatatanEksporAdmin)
