"""The base of every admin in the project: scoping, export, 404 for out-of-scope ids, audit link.

Kept apart from the model admins so `pegawai/admin.py` and `jabatan/admin.py` share one
mechanism (docs/desain.md, Scoping: no page filters by unit on its own).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal
from typing import Any

from auditlog.mixins import AuditlogHistoryAdminMixin
from axes import admin as axes_admin
from axes.models import AccessAttempt
from core.export import safe_cell, write_xlsx
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import label_for_field, lookup_field
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from pegawai.akses import lingkup
from pegawai.ekspor import catat_ekspor
from pegawai.models import CatatanEkspor
from tugas.progres import Laporan, bagian

PERM_AUDIT = "auditlog.view_logentry"


def _csv_value(field: Any, value: Any) -> str:
    """Format one exported value: dates `dd-mm-yyyy` (docs/gaya.md), choices by label."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, int | float | Decimal):
        return str(value)
    choices = getattr(field, "flatchoices", None)
    if choices:
        return safe_cell(str(dict(choices).get(value, value)))
    if isinstance(value, Model):
        return safe_cell(str(value))
    return safe_cell(str(value).replace("\N{NO-BREAK SPACE}", " "))


def _xlsx_value(field: Any, value: Any) -> Any:
    """Format one value for an XLSX cell: dates, times and numbers stay typed (shown
    dd-mm-yyyy, core.export.write_xlsx); text is typed as text there, so it needs no
    formula guard (`safe_cell`)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, dt.date | int | float | Decimal):
        return value
    choices = getattr(field, "flatchoices", None)
    if choices:
        return str(dict(choices).get(value, value))
    return str(value).replace("\N{NO-BREAK SPACE}", " ")


# The export's formats: the `format` field of the export form's POST (the query string holds the
# list's filters only).
FORMAT_EKSPOR = ("csv", "xlsx")


class BaseAdmin(AuditlogHistoryAdminMixin, admin.ModelAdmin):
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

    # --- audit trail: HR only ----------------------------------------------------------------

    def auditlog_history_view(self, request: HttpRequest, object_id: str, extra_context=None):
        if not request.user.has_perm(PERM_AUDIT):
            raise PermissionDenied
        return super().auditlog_history_view(request, object_id, extra_context)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        extra_context = dict(extra_context or {})
        if request.user.has_perm(PERM_AUDIT):
            opts = self.model._meta
            extra_context["auditlog_url"] = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_auditlog", args=[object_id]
            )
        return super().change_view(request, object_id, form_url, extra_context)

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
        from pegawai.tasks import mulai_ekspor_admin

        return redirect(mulai_ekspor_admin(request, self, fmt=fmt))

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
        catat_ekspor(request, data=f"{opts.app_label}.{opts.model_name}", jumlah_baris=n)
        header = [str(label_for_field(c, self.model, self)) for c in columns]

        def rows(nilai):
            for obj in bagian(qs.iterator(chunk_size=2000), laporan, n):
                values = []
                for name in columns:
                    field, _attr, value = lookup_field(name, obj, self)
                    values.append(nilai(field, value))
                yield values

        if fmt == "xlsx":
            return write_xlsx(header, rows(_xlsx_value), judul=str(opts.verbose_name_plural)), n
        buffer = io.StringIO()
        # A BOM so spreadsheet programs read UTF-8; ";" because Indonesian locales use the
        # comma as the decimal separator.
        buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=";")
        writer.writerow([safe_cell(h) for h in header])
        writer.writerows(rows(_csv_value))
        return buffer.getvalue().encode("utf-8"), n


class ReadOnlyMixin:
    """A record written by its own process (an export, a proposal, a decision, a revision):
    the admin only reads it; nobody adds, changes or deletes it there."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class CatatanEksporAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """The export log: read-only, for HR."""

    list_display = ["waktu", "user", "data", "jumlah_baris", "alamat_ip", "filter"]
    list_filter = ["data", "waktu"]
    search_fields = ["user__username", "data", "filter"]
    list_select_related = ["user"]
    show_full_result_count = False


admin.site.register(CatatanEkspor, CatatanEksporAdmin)


class AccessAttemptAdmin(axes_admin.AccessAttemptAdmin):
    """django-axes' lockouts, with its one action limited to who may delete attempts.

    Axes declares no permission on "clean up expired attempts", so anyone who can see the list
    could run it; every action of the project declares its permissions (tests/test_aksi_admin.py).
    """

    @admin.action(permissions=["delete"], description=_lazy("Hapus percobaan yang kedaluwarsa"))
    def cleanup_expired_attempts(self, request: HttpRequest, queryset: QuerySet) -> None:
        super().cleanup_expired_attempts(request, queryset)


if admin.site.is_registered(AccessAttempt):  # unless AXES_ENABLE_ADMIN is off
    admin.site.unregister(AccessAttempt)
    admin.site.register(AccessAttempt, AccessAttemptAdmin)


class ServiceRefused(Exception):
    """A service refused a write after the form had validated (a concurrent write came first);
    raised by `save_model`, turned into a message by `ServiceWriteMixin`."""

    def __init__(self, error: ValidationError) -> None:
        super().__init__(error)
        self.error = error


class ServiceWriteMixin:
    """Turn `ServiceRefused` raised by `save_model` into an error message.

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
        except ServiceRefused as exc:
            for message in exc.error.messages:
                self.message_user(request, message, level=messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
