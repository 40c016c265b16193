"""Forms of the vacancy pages: every parameter a page reads or an action posts goes through one.

A bad value (a non-numeric id, an employee outside the scope, a weight out of range, a bad date)
is a field error the page shows, never a 500 and never a silent default. The state-changing
forms call exactly one service in `simpan()`; the service's field-keyed errors land on the form.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jabatan import merit
from jabatan.models import MAKS_USULAN, Formasi, Keputusan, Usulan
from jabatan.services import keputusan_create, usulan_set
from pegawai.forms import tambah_galat
from pegawai.models import Pegawai
from pegawai.nip import PANJANG, normalize_nip

GALAT_TANGGAL = _("Tanggal harus berformat TTTT-BB-HH.")
GALAT_PEGAWAI = {
    "invalid_pk_value": _("“%(pk)s” bukan nomor pegawai."),
    "invalid_choice": _("Pegawai itu tidak ada dalam lingkup Anda atau tidak aktif."),
    "invalid_list": _("Pilih pegawai dari daftar."),
    "required": _("Pilih kandidat."),
}


class _AksiForm(forms.Form):
    """A state-changing form about one post, for one acting user."""

    def __init__(self, *args: Any, formasi: Formasi, pegawai: QuerySet[Pegawai], oleh,
                 pada: date, **kwargs: Any) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.formasi, self.oleh, self.pada = formasi, oleh, pada
        self.fields["pegawai"].queryset = pegawai

    def simpan(self) -> Any:
        """Call the service; return its result, or None with its errors on the form."""
        try:
            return self._simpan()
        except ValidationError as exc:
            tambah_galat(self, exc)
            return None

    def _simpan(self) -> Any:
        raise NotImplementedError


class UsulanForm(_AksiForm):
    """Propose one to three eligible candidates to the PPK (jabatan.services.usulan_set)."""

    pegawai = forms.ModelMultipleChoiceField(
        label=_("Kandidat yang diusulkan"),
        queryset=Pegawai.objects.none(),
        error_messages=GALAT_PEGAWAI,
    )

    def clean_pegawai(self) -> list[Pegawai]:
        pegawai = list(self.cleaned_data["pegawai"])
        if len(pegawai) > MAKS_USULAN:
            raise ValidationError(
                _("Usulkan satu sampai tiga kandidat (dipilih %(n)s)."),
                code="terlalu_banyak",
                params={"n": len(pegawai)},
            )
        return pegawai

    def _simpan(self) -> list[Usulan]:
        return usulan_set(
            formasi=self.formasi,
            pegawai_ids=[p.pk for p in self.cleaned_data["pegawai"]],
            pada=self.pada,
            oleh=self.oleh,
        )


class KeputusanForm(_AksiForm):
    """Record the PPK's decision on the post (jabatan.services.keputusan_create)."""

    pegawai = forms.ModelChoiceField(
        label=_("Yang diangkat"), queryset=Pegawai.objects.none(), error_messages=GALAT_PEGAWAI
    )
    nomor_sk = forms.CharField(
        label=_("Nomor SK"),
        max_length=100,
        error_messages={"required": _("Nomor SK wajib diisi.")},
    )
    tanggal_sk = forms.DateField(
        label=_("Tanggal SK"),
        error_messages={"required": _("Tanggal SK wajib diisi."), "invalid": GALAT_TANGGAL},
    )
    tmt = forms.DateField(
        label=_("TMT jabatan"),
        error_messages={"required": _("TMT jabatan wajib diisi."), "invalid": GALAT_TANGGAL},
    )
    metode = forms.ChoiceField(
        label=_("Metode pengisian"),
        choices=Keputusan.Metode.choices,
        error_messages={
            "required": _("Pilih metode pengisian."),
            "invalid_choice": _("Metode pengisian tidak dikenal."),
        },
    )
    justifikasi = forms.CharField(
        label=_("Justifikasi (wajib bila bukan peringkat pertama)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def _simpan(self) -> Keputusan:
        return keputusan_create(formasi=self.formasi, oleh=self.oleh, **self.cleaned_data)


class PeringkatForm(forms.Form):
    """The ranking page's query string: the why-not NIP, the export format, what-if weights.

    Weights are all six or none: a what-if with some left out would silently take the profile's
    value for them.
    """

    nip = forms.CharField(label=_("NIP"), required=False, max_length=40)
    ekspor = forms.ChoiceField(
        label=_("Format unduhan"),
        required=False,
        choices=[("", "—"), ("csv", "CSV"), ("xlsx", "XLSX")],
        error_messages={"invalid_choice": _("Format unduhan harus CSV atau XLSX.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for k in merit.KOMPONEN:
            self.fields[f"w_{k}"] = forms.IntegerField(
                label=merit.LABEL_KOMPONEN[k],
                required=False,
                min_value=0,
                max_value=100,
                error_messages={
                    "invalid": _("Bobot harus bilangan bulat."),
                    "min_value": _("Bobot paling kecil 0."),
                    "max_value": _("Bobot paling besar 100."),
                },
            )

    def clean_nip(self) -> str:
        nip = normalize_nip(self.cleaned_data["nip"])
        if nip and not (nip.isascii() and nip.isdigit() and len(nip) == PANJANG):
            raise ValidationError(
                _("NIP harus 18 digit angka (boleh dengan spasi)."), code="nip_format"
            )
        return nip

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        nama = [f"w_{k}" for k in merit.KOMPONEN]
        if any(n in self.errors for n in nama):
            return cleaned
        diisi = [n for n in nama if cleaned.get(n) is not None]
        cleaned["bobot"] = None
        if not diisi:
            return cleaned
        kosong = [n for n in nama if n not in diisi]
        for n in kosong:
            self.add_error(n, _("Isi keenam bobot simulasi."))
        if kosong:
            return cleaned
        total = sum(cleaned[n] for n in nama)
        if total != 100:
            self.add_error(
                None,
                ValidationError(
                    _("Jumlah bobot simulasi harus 100 (sekarang %(n)s)."),
                    code="bobot_jumlah",
                    params={"n": total},
                ),
            )
            return cleaned
        cleaned["bobot"] = merit.Bobot(**{k: cleaned[f"w_{k}"] for k in merit.KOMPONEN})
        return cleaned
