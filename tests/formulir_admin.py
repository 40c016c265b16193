"""Submitting a Django admin change form as its page shows it, in tests."""

from __future__ import annotations


def data_formulir_admin(response) -> dict:
    """The admin change form's data as the page shows it, inlines included."""
    data: dict = {}

    def isi(form) -> None:
        for name in form.fields:
            value = form[name].value()
            if value is None:
                continue
            if isinstance(value, list | tuple):
                data[form.add_prefix(name)] = [str(v) for v in value]
            elif isinstance(value, bool):
                if value:
                    data[form.add_prefix(name)] = "on"
            else:
                data[form.add_prefix(name)] = str(value)

    isi(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        isi(formset.management_form)
        for form in formset.forms:
            isi(form)
    return data
