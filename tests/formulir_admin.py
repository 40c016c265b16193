"""Submitting a Django admin change form as its page shows it, in tests."""

from __future__ import annotations

from django import forms


def data_formulir_admin(response) -> dict:
    """The admin change form's data (`response` is its GET) as a browser would post it back,
    inlines included: a checkbox only when ticked, every value of a multiple choice, an empty
    string for an empty field."""
    data: dict = {}

    def isi(form: forms.BaseForm) -> None:
        for name, field in form.fields.items():
            value = form[name].value()
            key = form.add_prefix(name)
            if isinstance(field, forms.BooleanField):
                if value:
                    data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            else:
                data[key] = "" if value is None else str(value)

    isi(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        isi(formset.management_form)
        for form in formset.forms:
            isi(form)
    return data
