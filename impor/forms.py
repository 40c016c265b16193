"""Forms of the import pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class UnggahForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas"),
        help_text=_("XLSX, CSV (UTF-8) atau JSON SIASN; judul kolom sesuai templat."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,.json"}),
    )


class TerapkanForm(forms.Form):
    sebagian = forms.TypedChoiceField(
        label=_("Jika ada baris yang ditolak"),
        choices=[
            ("0", _("Batalkan semuanya (semua atau tidak sama sekali)")),
            ("1", _("Impor baris yang sah saja dan beri saya berkas baris yang ditolak")),
        ],
        coerce=lambda v: v == "1",
        initial="0",
        widget=forms.RadioSelect,
    )
