"""Forms of pelatihan's pages (the services check the rules again)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pegawai.models import UnitKerja
from pelatihan.bukti import validate_bukti
from pelatihan.models import KelompokKompetensi, PelatihanWajib


class EksternalForm(forms.Form):
    nama = forms.CharField(label=_("Nama pelatihan"), max_length=200)
    penyelenggara = forms.CharField(label=_("Penyelenggara"), max_length=150)
    kelompok = forms.ChoiceField(label=_("Kelompok kompetensi"), choices=KelompokKompetensi.choices)
    pelatihan_wajib = forms.ChoiceField(
        label=_("Pelatihan kepemimpinan wajib"),
        choices=[("", _("Bukan")), *PelatihanWajib.choices],
        required=False,
    )
    tanggal_mulai = forms.DateField(
        label=_("Tanggal mulai"), widget=forms.DateInput(attrs={"type": "date"})
    )
    tanggal_selesai = forms.DateField(
        label=_("Tanggal selesai"), widget=forms.DateInput(attrs={"type": "date"})
    )
    jumlah_jp = forms.IntegerField(label=_("Jumlah JP"), min_value=1, max_value=1000)
    nomor_sertifikat = forms.CharField(label=_("Nomor sertifikat"), max_length=100)
    bukti = forms.FileField(label=_("Bukti (sertifikat, PDF/JPG/PNG, maks. 5 MB)"))

    def clean_bukti(self):
        """Refuse a file too large or not a PDF, PNG or JPEG by its bytes (pelatihan.bukti)."""
        f = self.cleaned_data["bukti"]
        try:
            validate_bukti(f)
        except ValidationError as exc:
            raise forms.ValidationError(exc.message_dict["bukti"]) from exc
        return f


class AjukanForm(forms.Form):
    """An employee's request to join a session; a PPPK the session takes past 24 JP confirms
    knowing it (PP 49/2018 Pasal 40; pelatihan.services.peserta_submit decides)."""

    sadar_batas_pppk = forms.BooleanField(required=False)


class _DaftarId(forms.Field):
    """The ticked employee ids, as the checkboxes send them (one value each)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> list[str]:
        return [str(v) for v in value or []]


class DaftarMassalForm(forms.Form):
    """HR's bulk enrolment: the ticked employees, each one of the proposal `usulan_ids` (the
    criterion and scope HR reviewed), and whether to enrol the valid ones only."""

    pegawai = _DaftarId(label=_("Pegawai"), required=False)
    hanya_yang_sah = forms.BooleanField(required=False)

    def __init__(self, data: Any = None, *, usulan_ids: set[int], **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        self.usulan_ids = usulan_ids
        # What the page ticks again when the form is refused: the ids as sent.
        self.dipilih: set[int] = set()

    def clean_pegawai(self) -> set[int]:
        try:
            self.dipilih = {int(v) for v in self.cleaned_data["pegawai"]}
        except ValueError:
            raise forms.ValidationError(
                _("Pilihan harus berupa nomor pegawai dari daftar usulan."), code="bukan_nomor"
            ) from None
        luar = self.dipilih - self.usulan_ids
        if luar:
            raise forms.ValidationError(
                _(
                    "%(n)s pilihan tidak termasuk usulan untuk sesi ini (di luar saringan atau "
                    "lingkup Anda); tidak ada yang didaftarkan."
                ),
                code="di_luar_usulan",
                params={"n": len(luar)},
            )
        if not self.dipilih:
            raise forms.ValidationError(
                _("Centang minimal satu pegawai untuk didaftarkan."), code="kosong"
            )
        return self.dipilih

    def galat(self) -> list[str]:
        """Every error, named by its field's label (the page lists them above the table)."""
        return [
            f"{self.fields[name].label}: {e}" if name in self.fields else str(e)
            for name, errors in self.errors.items()
            for e in errors
        ]


class RencanaAksiForm(forms.Form):
    """HR's action on the development plans: draft ("susun") or approve ("setujui") the plan of
    one perangkat daerah, or of the whole city (no unit)."""

    aksi = forms.ChoiceField(
        label=_("Aksi"), choices=[("susun", _("Susun")), ("setujui", _("Setujui"))]
    )
    unit = forms.ModelChoiceField(
        label=_("Perangkat daerah"), queryset=UnitKerja.objects.all(), required=False
    )
