"""What the jabatan admins share: writes through the services, their errors on the form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("SIMPEG Merit — BKPSDM Kota Mataram")
admin.site.site_title = _("SIMPEG Merit")
admin.site.index_title = _("Administrasi kepegawaian")


class _ServiceRejected(Exception):
    """A service refused a write after the form had validated (a concurrent write came first)."""

    def __init__(self, error: ValidationError) -> None:
        super().__init__(error)
        self.error = error


class ServiceWriteMixin:
    """Turn `_ServiceRejected` raised by `save_model` into an error message.

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
        except _ServiceRejected as exc:
            for message in exc.error.messages:
                self.message_user(request, message, level=messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


def _add_errors(form: forms.Form, error: ValidationError) -> None:
    """Add a service's field-keyed errors to the form; keys the form lacks become non-field."""
    for field, field_messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, field_messages)
