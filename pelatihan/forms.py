"""Forms of pelatihan's pages (the services check the rules again)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pelatihan.models import KelompokKompetensi, PelatihanWajib

BUKTI_MAKS = 5 * 1024 * 1024
BUKTI_JENIS = (".pdf", ".jpg", ".jpeg", ".png")


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
        f = self.cleaned_data["bukti"]
        if f.size > BUKTI_MAKS:
            raise forms.ValidationError(_("Berkas bukti paling besar 5 MB."))
        if not f.name.lower().endswith(BUKTI_JENIS):
            raise forms.ValidationError(_("Bukti harus berupa PDF, JPG atau PNG."))
        return f
