"""Forms of the import pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pegawai.forms import tambah_galat


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


class PemetaanForm(forms.Form):
    """HR's choice of our unit or position for each SIASN one the preview did not know: fields
    `unit-<n>` and `jabatan-<n>` (an id, or empty to leave it unmapped), numbered in the order
    the page lists them (the SIASN ids sorted)."""

    def __init__(
        self, data: Any = None, *, unit_asing: dict, jabatan_asing: dict, **kwargs: Any
    ) -> None:
        super().__init__(data, **kwargs)
        # field name -> (kind, SIASN id, SIASN name)
        self.asing: dict[str, tuple[str, str, str]] = {}
        for jenis, asing, label in (
            ("unit", unit_asing, _("Unit kerja untuk %(k)s")),
            ("jabatan", jabatan_asing, _("Jabatan untuk %(k)s")),
        ):
            for n, (kode, (nama, _jumlah)) in enumerate(sorted(asing.items())):
                name = f"{jenis}-{n}"
                self.fields[name] = forms.IntegerField(
                    label=label % {"k": nama or kode},
                    required=False,
                    min_value=1,
                    error_messages={
                        "invalid": _("Pilih dari daftar."),
                        "min_value": _("Pilih dari daftar."),
                    },
                )
                self.asing[name] = (jenis, kode, nama)

    def add_service_error(self, error: ValidationError) -> None:
        """Put impor.services.pemetaan_save's refusal on the rows it names (each error's `kode`
        param is a SIASN id of this form); the service holds the one check of the targets."""
        baris = {(jenis, kode): name for name, (jenis, kode, _nama) in self.asing.items()}
        if not hasattr(error, "error_dict"):
            tambah_galat(self, error)
            return
        per_baris: dict[str, list[ValidationError]] = {}
        for jenis, errors in error.error_dict.items():
            for e in errors:
                name = baris.get((jenis, (e.params or {}).get("kode")), jenis)
                per_baris.setdefault(name, []).append(e)
        tambah_galat(self, ValidationError(per_baris))

    def pemetaan(self) -> dict[str, dict[str, tuple[str, int]]]:
        """Return the chosen mappings by kind: SIASN id -> (SIASN name, our id), as
        impor.services.pemetaan_save takes them."""
        hasil: dict[str, dict[str, tuple[str, int]]] = {"unit": {}, "jabatan": {}}
        for name, (jenis, kode, nama) in self.asing.items():
            if pk := self.cleaned_data.get(name):
                hasil[jenis][kode] = (nama, pk)
        return hasil

    def galat(self) -> list[str]:
        """Every error, each named by its field's label (the page lists them above the table)."""
        return [
            f"{self.fields[name].label}: {e}" if name in self.fields else str(e)
            for name, errors in self.errors.items()
            for e in errors
        ]
