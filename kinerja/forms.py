"""Forms of the SKP pages and the SKP admin: each parses one action's input; the views pass the
cleaned data to one service and add the service's refusals back to the form."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinerja.models import RATING_CHOICES, RencanaHasilKerja, RevisiSkp, Skp
from kinerja.services import RENCANA_MAKS, skp_validate_penilai

# The note's rule, shown under the field before anyone is refused (kinerja.rules.perlu_catatan).
CATATAN_BANTUAN = gettext_lazy(
    "Wajib untuk predikat Butuh Perbaikan atau lebih rendah: tuliskan alasannya dan apa yang "
    "perlu diperbaiki; pegawai membacanya setelah SKP final."
)
RENCANA_BARIS = 5  # rows the plan form offers; the service takes up to RENCANA_MAKS


def _rating(label: str) -> forms.ChoiceField:
    """A rating among the regulation's three labels; another value names the field. Built per
    form (not at import) so the messages are in the request's language."""
    return forms.ChoiceField(
        label=label,
        choices=[("", "—"), *RATING_CHOICES],
        error_messages={
            "required": _("%(label)s wajib dipilih.") % {"label": label},
            "invalid_choice": _(
                "%(label)s harus salah satu dari: %(pilihan)s (PermenPANRB 6/2022)."
            )
            % {"label": label, "pilihan": ", ".join(v for v, _l in RATING_CHOICES)},
        },
    )


def _teks(model: type, field: str, *, required: bool = False, **kwargs: Any) -> forms.CharField:
    """A text field with the model field's label and length limit (CharField or TextField)."""
    f = model._meta.get_field(field)
    return forms.CharField(
        label=capfirst(f.verbose_name),
        max_length=f.max_length,
        required=required,
        strip=True,
        **kwargs,
    )


class RencanaBarisForm(forms.Form):
    """One row of the work plan; a row left wholly empty is skipped."""

    KOLOM = ("hasil_kerja", "indikator", "target")

    def __init__(self, *args: Any, nomor: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.nomor = nomor
        for name in self.KOLOM:
            field = _teks(RencanaHasilKerja, name)
            label = _("Indikator") if name == "indikator" else field.label
            field.widget.attrs["aria-label"] = f"{label} {nomor}"
            self.fields[name] = field

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        isi = [name for name in self.KOLOM if data.get(name)]
        if isi:
            for name in self.KOLOM:
                if name in data and not data.get(name):
                    self.add_error(
                        name,
                        _("Baris %(n)s: %(f)s wajib diisi.")
                        % {"n": self.nomor, "f": self.fields[name].label},
                    )
        return data

    @property
    def kosong(self) -> bool:
        return not any(self.cleaned_data.get(name) for name in self.KOLOM)


class BaseRencanaFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index: int) -> dict[str, Any]:
        return {**super().get_form_kwargs(index), "nomor": index + 1}

    def baris(self) -> list[dict[str, str]]:
        """Return the filled rows in order (the service numbers them)."""
        return [
            {name: f.cleaned_data[name] for name in RencanaBarisForm.KOLOM}
            for f in self.forms
            if not f.kosong
        ]

    def clean(self) -> None:
        if any(self.errors):
            return
        if not self.baris():
            raise ValidationError(_("Rencana hasil kerja minimal satu baris."), code="kosong")


RencanaFormSet = forms.formset_factory(
    RencanaBarisForm,
    formset=BaseRencanaFormSet,
    extra=0,
    max_num=RENCANA_MAKS,
    validate_max=True,
    absolute_max=RENCANA_MAKS,
)


def rencana_formset(skp: Skp, data: Any = None) -> BaseRencanaFormSet:
    """Return the plan formset: the SKP's rows, then empty ones up to RENCANA_BARIS."""
    rows = list(skp.rencana.all())
    initial = [{name: getattr(r, name) for name in RencanaBarisForm.KOLOM} for r in rows]
    initial += [{}] * max(0, RENCANA_BARIS - len(initial))
    return RencanaFormSet(data, initial=initial, prefix="rencana")


class RealisasiBarisForm(forms.Form):
    """The realisation and evidence of one planned result of this SKP."""

    def __init__(
        self,
        *args: Any,
        baris: Sequence[RencanaHasilKerja],
        rencana: RencanaHasilKerja | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.rencana = rencana  # the planned result shown beside the inputs
        # Choices from the rows already loaded: a row of another SKP, or no number at all, is
        # refused without a query.
        self.fields["id"] = forms.TypedChoiceField(
            label=_("Baris rencana"),
            choices=[(r.pk, r.pk) for r in baris],
            coerce=int,
            widget=forms.HiddenInput,
            error_messages={
                "invalid_choice": _("Baris rencana %(value)s bukan bagian dari SKP ini."),
                "required": _("Baris rencana wajib disebut."),
            },
        )
        self.fields["realisasi"] = _teks(RencanaHasilKerja, "realisasi")
        self.fields["bukti"] = _teks(RencanaHasilKerja, "bukti")
        self.fields["realisasi"].widget.attrs["aria-label"] = _("Realisasi")
        self.fields["bukti"].widget.attrs["aria-label"] = _("Bukti dukung")


class BaseRealisasiFormSet(forms.BaseFormSet):
    def __init__(self, *args: Any, baris: Sequence[RencanaHasilKerja], **kwargs: Any) -> None:
        self.baris = list(baris)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index: int) -> dict[str, Any]:
        rencana = self.baris[index] if index is not None and index < len(self.baris) else None
        return {**super().get_form_kwargs(index), "baris": self.baris, "rencana": rencana}

    def clean(self) -> None:
        if any(self.errors):
            return
        ids = [f.cleaned_data["id"] for f in self.forms]
        if len(ids) != len(set(ids)):
            raise ValidationError(_("Satu baris rencana dikirim dua kali."), code="ganda")

    def realisasi(self) -> dict[int, tuple[str, str]]:
        return {
            f.cleaned_data["id"]: (f.cleaned_data["realisasi"], f.cleaned_data["bukti"])
            for f in self.forms
        }


RealisasiFormSet = forms.formset_factory(
    RealisasiBarisForm,
    formset=BaseRealisasiFormSet,
    extra=0,
    max_num=RENCANA_MAKS,
    validate_max=True,
    absolute_max=RENCANA_MAKS,
)


def realisasi_formset(skp: Skp, data: Any = None) -> BaseRealisasiFormSet:
    baris = list(skp.rencana.all())
    initial = [{"id": r.pk, "realisasi": r.realisasi, "bukti": r.bukti} for r in baris]
    return RealisasiFormSet(data, initial=initial, baris=baris, prefix="realisasi")


class NilaiForm(forms.Form):
    """The evaluator's rating; the behaviour notes are carried and prefilled, so saving the
    rating keeps them.

    When plan rows have no realisation the page warns and offers the confirmation the service
    asks for (`skp_rate`'s `konfirmasi_tanpa_realisasi`).
    """

    def __init__(
        self, *args: Any, tanpa_realisasi: Sequence[RencanaHasilKerja] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.tanpa_realisasi = list(tanpa_realisasi)
        self.fields["rating_hasil"] = _rating(_("Rating hasil kerja"))
        self.fields["rating_perilaku"] = _rating(_("Rating perilaku kerja (BerAKHLAK)"))
        self.fields["catatan_perilaku"] = _teks(
            Skp, "catatan_perilaku", widget=forms.Textarea(attrs={"rows": 3})
        )
        self.fields["catatan_penilai"] = _teks(
            Skp, "catatan_penilai", widget=forms.Textarea(attrs={"rows": 3})
        )
        self.fields["catatan_penilai"].help_text = CATATAN_BANTUAN
        if self.tanpa_realisasi:
            label = _(
                "Saya tetap menilai walaupun %(n)s baris rencana belum memiliki realisasi"
            ) % {"n": len(self.tanpa_realisasi)}
            # Not required here: the service refuses an unconfirmed rating, after checking
            # that the user is the evaluator at all, and its message lands on this field.
            self.fields["konfirmasi_tanpa_realisasi"] = forms.BooleanField(
                label=label, required=False
            )

    @classmethod
    def untuk(cls, skp: Skp, data: Any = None) -> NilaiForm:
        tanpa = [r for r in skp.rencana.all() if not r.realisasi.strip()]
        return cls(
            data,
            tanpa_realisasi=tanpa,
            initial={
                "rating_hasil": skp.rating_hasil,
                "rating_perilaku": skp.rating_perilaku,
                "catatan_perilaku": skp.catatan_perilaku,
                "catatan_penilai": skp.catatan_penilai,
            },
        )


class FinalkanForm(forms.Form):
    """Finalising asks the evaluator to confirm: after it the SKP changes only by a revision
    with a reason, and its predikat feeds the merit ranking."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["konfirmasi"] = forms.BooleanField(
            label=_(
                "Saya telah memeriksa penilaian ini; setelah final, SKP hanya dapat diubah "
                "melalui revisi dengan alasan"
            ),
            error_messages={"required": _("Konfirmasi finalisasi wajib dicentang.")},
        )


class RevisiForm(forms.Form):
    """A revision of a final SKP: both ratings and the reason."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "revisi")
        super().__init__(*args, **kwargs)
        self.fields["rating_hasil"] = _rating(_("Rating hasil kerja"))
        self.fields["rating_perilaku"] = _rating(_("Rating perilaku kerja"))
        self.fields["alasan"] = _teks(
            RevisiSkp, "alasan", required=True, widget=forms.Textarea(attrs={"rows": 3})
        )
        self.fields["alasan"].error_messages["required"] = _("Alasan revisi wajib diisi.")
        # Required by the service for Butuh Perbaikan or lower (PermenPANRB 6/2022).
        self.fields["catatan_penilai"] = _teks(
            Skp, "catatan_penilai", widget=forms.Textarea(attrs={"rows": 3})
        )
        self.fields["catatan_penilai"].help_text = CATATAN_BANTUAN

    @classmethod
    def untuk(cls, skp: Skp, data: Any = None) -> RevisiForm:
        return cls(
            data,
            initial={
                "rating_hasil": skp.rating_hasil,
                "rating_perilaku": skp.rating_perilaku,
                "catatan_penilai": skp.catatan_penilai,
            },
        )


class SkpAdminForm(forms.ModelForm):
    """The SKP admin changes only the evaluator; the service's rules are field errors here."""

    class Meta:
        model = Skp
        fields = ["penilai"]

    def clean_penilai(self):
        penilai = self.cleaned_data.get("penilai")
        try:
            skp_validate_penilai(skp=self.instance, penilai=penilai)
        except ValidationError as exc:
            raise ValidationError(exc.message_dict.get("penilai") or exc.messages) from exc
        return penilai
