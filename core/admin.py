"""What every admin of the project shares and that is not about employees: the audit trail's
link and permission, read-only records, service refusals as messages, the export's cell values,
and django-axes' lockout list with its action's permission.

The scoped base of every model admin (`pegawai.admin_base.BaseAdmin`) builds on these; scoping
itself is pegawai's (units live there).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from auditlog.mixins import AuditlogHistoryAdminMixin
from axes import admin as axes_admin
from axes.models import AccessAttempt
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from tugas.progres import dicatat as progres_dicatat

PERM_AUDIT = "auditlog.view_logentry"


class AuditTrailMixin(AuditlogHistoryAdminMixin):
    """A record's audit trail (django-auditlog), for HR only: the page refuses anyone else, and
    the change form links to it only for those who may open it."""

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


def export_value(field: Any, value: Any) -> Any:
    """Return one value of an admin list as its export shows it: yes/no in words, a choice by
    its label, a related object by its name; dates and numbers stay typed (core.export writes
    them dd-mm-yyyy in CSV and as date cells in XLSX, and guards text in CSV)."""
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


class ReadOnlyMixin:
    """A record written by its own process (an export, a proposal, a decision, a revision):
    the admin only reads it; nobody adds, changes or deletes it there."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


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


class TaskNoticeMixin:
    """For a ModelAdmin whose changes may start background tasks (a period's predikat refresh, a
    whole rebuild of the merit projection): the page links to each task's progress, once per
    request (a list's inline edit saves several objects into one task)."""

    @contextmanager
    def announcing_tasks(self, request: HttpRequest) -> Iterator[None]:
        with progres_dicatat(request.user) as dimulai:
            yield
        sudah = request.__dict__.setdefault("_progres_dikabari", set())
        for progres in dimulai:
            if progres.pk in sudah:
                continue
            sudah.add(progres.pk)
            self.message_user(
                request,
                format_html(
                    _lazy('{} berjalan di latar belakang: <a href="{}">lihat progresnya</a>.'),
                    progres.label,
                    progres.get_absolute_url(),
                ),
            )


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
