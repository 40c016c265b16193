"""What every app's forms share."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


def tambah_galat(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's field-keyed errors on the form; keys the form lacks become non-field."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
