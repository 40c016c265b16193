"""The public forms: the satisfaction questionnaire (PermenPANRB 14/2017)."""
# ruff: noqa: E501  (the regulation's questions are long sentences)

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja import rules
from kinerja.survei import PANJANG_KOMENTAR, JenisKelamin, KelompokUsia, Pekerjaan, Pendidikan

# The questions and answer labels of the regulation's sample questionnaire (PermenPANRB 14/2017,
# lampiran), one per element of `rules.UNSUR_SKM`, answers 1 (worst) to 4 (best).
PERTANYAAN = {
    "persyaratan": (
        _("Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?"),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    "prosedur": (
        _("Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?"),
        (_("Tidak mudah"), _("Kurang mudah"), _("Mudah"), _("Sangat mudah")),
    ),
    "waktu": (
        _("Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?"),
        (_("Tidak cepat"), _("Kurang cepat"), _("Cepat"), _("Sangat cepat")),
    ),
    "biaya": (
        _("Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?"),
        (_("Sangat mahal"), _("Cukup mahal"), _("Murah"), _("Gratis")),
    ),
    "produk": (
        _("Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?"),
        (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai")),
    ),
    "kompetensi": (
        _("Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?"),
        (_("Tidak kompeten"), _("Kurang kompeten"), _("Kompeten"), _("Sangat kompeten")),
    ),
    "perilaku": (
        _("Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?"),
        (_("Tidak sopan dan ramah"), _("Kurang sopan dan ramah"), _("Sopan dan ramah"),
         _("Sangat sopan dan ramah")),
    ),
    "pengaduan": (
        _("Bagaimana pendapat Saudara tentang kualitas penanganan pengaduan, saran dan masukan?"),
        (_("Tidak ada"), _("Ada tetapi tidak berfungsi"), _("Berfungsi kurang maksimal"),
         _("Dikelola dengan baik")),
    ),
    "sarana": (
        _("Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?"),
        (_("Buruk"), _("Cukup"), _("Baik"), _("Sangat baik")),
    ),
}  # fmt: skip

KOSONG = [("", _("— tidak diisi —"))]


class SurveiForm(forms.Form):
    """The nine elements (required), the optional profile, an optional comment, a honeypot."""

    jenis_kelamin = forms.ChoiceField(
        label=_("Jenis kelamin"), choices=KOSONG + JenisKelamin.choices, required=False
    )
    usia = forms.ChoiceField(label=_("Usia"), choices=KOSONG + KelompokUsia.choices, required=False)
    pendidikan = forms.ChoiceField(
        label=_("Pendidikan terakhir"), choices=KOSONG + Pendidikan.choices, required=False
    )
    pekerjaan = forms.ChoiceField(
        label=_("Pekerjaan"), choices=KOSONG + Pekerjaan.choices, required=False
    )
    komentar = forms.CharField(
        label=_("Saran atau komentar (tidak wajib)"),
        required=False,
        max_length=PANJANG_KOMENTAR,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Jangan tulis nama, nomor telepon atau alamat. Komentar tampil setelah diperiksa BKPSDM."
        ),
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled by bots that fill every field.
    situs_web = forms.CharField(
        label=_("Jangan diisi"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        unsur = {}
        for nomor, (kode, nama) in enumerate(rules.UNSUR_SKM, 1):
            pertanyaan, label = PERTANYAAN[kode]
            unsur[kode] = forms.TypedChoiceField(
                label=pertanyaan,
                choices=[(str(i), f"{i}. {label[i - 1]}") for i in rules.NILAI_SKM],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Pilih salah satu jawaban.")},
            )
            unsur[kode].unsur = f"{nomor}. {nama}"
        # The nine elements first, in the regulation's order.
        self.fields = {**unsur, **self.fields}

    @property
    def unsur_fields(self):
        return [self[kode] for kode, _nama in rules.UNSUR_SKM]

    @property
    def profil_fields(self):
        return [self[f] for f in ("jenis_kelamin", "usia", "pendidikan", "pekerjaan")]

    @property
    def jebakan_terisi(self) -> bool:
        return bool(self.data.get("situs_web"))

    def jawaban(self) -> list[int]:
        return [self.cleaned_data[kode] for kode, _nama in rules.UNSUR_SKM]

    def profil(self) -> dict[str, str]:
        return {
            f: self.cleaned_data.get(f, "")
            for f in ("jenis_kelamin", "usia", "pendidikan", "pekerjaan")
        }
