"""Forms of the merit-system index's HR pages: each parses one action's input; the views pass
the cleaned data to one service and put the service's field-named refusals back on the form
(`pegawai.forms.tambah_galat`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sistem_merit.models import DokumenBukti, Instrumen, JawabanKriteria, Penilaian


def _label(model: type, field: str) -> str:
    return capfirst(model._meta.get_field(field).verbose_name)


class PenilaianForm(forms.Form):
    """Open a year's assessment against one instrument (`services.penilaian_create`)."""

    instrumen = forms.ModelChoiceField(
        queryset=Instrumen.objects.order_by("kode"), label=gettext_lazy("Instrumen")
    )
    tahun = forms.IntegerField(label=gettext_lazy("Tahun penilaian"))
    tanggal_data = forms.DateField(
        label=gettext_lazy("Data per tanggal"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("Angka bukti dihitung dari data pada tanggal ini."),
    )


class LevelForm(forms.Form):
    """Set one criterion's level: accept the proposal (`aksi` "terima") or set another with
    a reason (`aksi` "ubah"). Prefixed by the answer, so a page holds one per criterion."""

    TERIMA, UBAH = "terima", "ubah"

    level = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    alasan = forms.CharField(
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )

    def __init__(self, *args: Any, jawaban: JawabanKriteria, penilaian: Penilaian, **kwargs):
        kwargs.setdefault("prefix", f"j{jawaban.pk}")
        super().__init__(*args, **kwargs)
        self.jawaban = jawaban
        instrumen = penilaian.instrumen
        kode = jawaban.kriteria.kode
        level = self.fields["level"]
        level.label = _label(JawabanKriteria, "level")
        level.choices = [("", "—")] + [
            (lv, str(lv)) for lv in range(instrumen.level_min, instrumen.level_max + 1)
        ]
        level.initial = jawaban.level if jawaban.level is not None else jawaban.level_usulan
        # The visible labels are short; the accessible names say which criterion they set.
        level.widget.attrs["aria-label"] = _("Level kriteria %(k)s") % {"k": kode}
        alasan = self.fields["alasan"]
        alasan.label = _("Alasan (wajib bila berbeda dari usulan)")
        alasan.initial = jawaban.alasan
        alasan.widget.attrs["aria-label"] = _("Alasan level kriteria %(k)s") % {"k": kode}

    def level_for(self, aksi: str) -> int | None:
        """Return the level the POST asks for: the proposal when accepting, else the chosen one."""
        if aksi == self.TERIMA:
            return self.jawaban.level_usulan
        return self.cleaned_data.get("level")


class DokumenForm(forms.Form):
    """Keep a document with a criterion's answer (`services.dokumen_add`)."""

    berkas = forms.FileField(label=_label(DokumenBukti, "berkas"))
    nama = forms.CharField(
        label=_label(DokumenBukti, "nama"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Kosong: nama berkasnya."),
    )

    def __init__(self, *args: Any, jawaban: JawabanKriteria, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"d{jawaban.pk}")
        super().__init__(*args, **kwargs)
        self.jawaban = jawaban
        kode = jawaban.kriteria.kode
        self.fields["berkas"].widget.attrs.update(
            {
                "accept": ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg",
                "aria-label": _("Dokumen kriteria %(k)s") % {"k": kode},
            }
        )
        self.fields["nama"].widget.attrs["aria-label"] = _("Nama dokumen kriteria %(k)s") % {
            "k": kode
        }


class FinalForm(forms.Form):
    """Finalising asks HR to confirm: a final assessment is frozen with its figures."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["konfirmasi"] = forms.BooleanField(
            label=_(
                "Saya telah memeriksa setiap kriteria; setelah final, penilaian ini dibekukan "
                "dan tidak dapat diubah"
            ),
            error_messages={"required": _("Konfirmasi finalisasi wajib dicentang.")},
        )
