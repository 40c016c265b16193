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
from django.db import transaction
from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from jabatan import merit
from jabatan.asal_seleksi import asal_seleksi
from jabatan.models import MAKS_SUKSESOR, MAKS_USULAN, Formasi, Keputusan, Suksesor, Usulan
from jabatan.services import (
    keputusan_cancel,
    keputusan_correct,
    keputusan_create,
    suksesor_add,
    suksesor_end,
    suksesor_update,
    usulan_set,
)
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

    def __init__(
        self,
        *args: Any,
        formasi: Formasi,
        pegawai: QuerySet[Pegawai],
        oleh,
        pada: date,
        **kwargs: Any,
    ) -> None:
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
    # No default: HR chooses the method knowingly (issue 21); the blank choice is refused.
    metode = forms.ChoiceField(
        label=_("Metode pengisian"),
        choices=[("", _("— pilih metode —")), *Keputusan.Metode.choices],
        error_messages={
            "required": _("Pilih metode pengisian: tidak ada metode bawaan."),
            "invalid_choice": _("Metode pengisian tidak dikenal."),
        },
    )
    seleksi = forms.TypedChoiceField(
        label=_("Seleksi terbuka asal (wajib untuk metode Seleksi terbuka)"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Seleksi itu tidak memuat formasi ini.")},
    )
    justifikasi = forms.CharField(
        label=_("Justifikasi (wajib bila bukan peringkat pertama)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    ringkasan_publik = forms.CharField(
        label=_("Ringkasan justifikasi untuk publik"),
        required=False,
        max_length=280,
        help_text=_(
            "Tampil di halaman transparansi, umpan Atom dan data terbuka; justifikasi di atas "
            "tidak pernah diumumkan. Tanpa data pribadi."
        ),
        error_messages={
            "max_length": _("Ringkasan untuk publik paling panjang %(limit_value)d karakter.")
        },
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        asal = asal_seleksi()
        # Callable: the selections are read only when the form is rendered or validated.
        self.fields["seleksi"].choices = lambda: [
            ("", _("— bukan dari seleksi terbuka —")),
            *(asal.pilihan(self.formasi) if asal else []),
        ]

    def _simpan(self) -> Keputusan:
        data = dict(self.cleaned_data)
        return keputusan_create(
            formasi=self.formasi, oleh=self.oleh, seleksi_id=data.pop("seleksi"), **data
        )

    def uji(self) -> Keputusan | None:
        """Run the service and roll it back: return the decision it would record (unsaved,
        for the confirmation step), or None with the service's errors on the form."""
        try:
            with transaction.atomic():
                keputusan = self._simpan()
                raise _Uji(keputusan)
        except _Uji as uji:
            return uji.keputusan
        except ValidationError as exc:
            tambah_galat(self, exc)
            return None

    def ke_data(self) -> dict[str, str]:
        """The cleaned values as form data, for the signed confirmation."""
        c = self.cleaned_data
        return {
            "pegawai": str(c["pegawai"].pk),
            "nomor_sk": c["nomor_sk"],
            "tanggal_sk": c["tanggal_sk"].isoformat(),
            "tmt": c["tmt"].isoformat(),
            "metode": c["metode"],
            "seleksi": str(c["seleksi"]) if c["seleksi"] is not None else "",
            "justifikasi": c["justifikasi"],
            "ringkasan_publik": c["ringkasan_publik"],
        }


class _Uji(Exception):
    """Carry the decision out of the rolled-back transaction (a signal, not an error)."""

    def __init__(self, keputusan: Keputusan) -> None:
        self.keputusan = keputusan


# --- Correcting and annulling a recorded decision (jabatan.services.koreksi) -------------------

# The browser's date picker, as on the ranking page's decision form (ISO dates both ways).
TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class _KeputusanForm(forms.Form):
    """A form on one recorded decision, for one acting user."""

    id_awalan = "id_%s"

    def __init__(self, *args: Any, keputusan: Keputusan, oleh, **kwargs: Any) -> None:
        # Both forms share one page and the field name "alasan": ids apart, labels right.
        kwargs.setdefault("auto_id", self.id_awalan)
        super().__init__(*args, **kwargs)
        self.keputusan, self.oleh = keputusan, oleh

    def simpan(self) -> Any:
        try:
            return self._simpan()
        except ValidationError as exc:
            tambah_galat(self, exc)
            return None


class KoreksiForm(_KeputusanForm):
    """Correct a decision's particulars; the fields start with the recorded values."""

    id_awalan = "koreksi_%s"

    nomor_sk = forms.CharField(
        label=_("Nomor SK"), max_length=100, error_messages={"required": _("Nomor SK wajib diisi.")}
    )
    tanggal_sk = forms.DateField(
        label=_("Tanggal SK"),
        widget=TANGGAL,
        error_messages={"required": _("Tanggal SK wajib diisi."), "invalid": GALAT_TANGGAL},
    )
    tmt = forms.DateField(
        label=_("TMT jabatan"),
        widget=TANGGAL,
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
    ringkasan_publik = forms.CharField(
        label=_("Ringkasan justifikasi untuk publik"),
        required=False,
        max_length=280,
        error_messages={
            "max_length": _("Ringkasan untuk publik paling panjang %(limit_value)d karakter.")
        },
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    alasan = forms.CharField(
        label=_("Alasan koreksi (tidak diumumkan)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Alasan koreksi wajib diisi.")},
    )

    @classmethod
    def awal(cls, keputusan: Keputusan) -> dict[str, Any]:
        return {
            f: getattr(keputusan, f)
            for f in ("nomor_sk", "tanggal_sk", "tmt", "metode", "ringkasan_publik")
        }

    def _simpan(self) -> Any:
        return keputusan_correct(keputusan=self.keputusan, oleh=self.oleh, **self.cleaned_data)


class PembatalanForm(_KeputusanForm):
    """Annul a decision with a reason, today."""

    id_awalan = "batal_%s"

    alasan = forms.CharField(
        label=_("Alasan pembatalan (diumumkan di halaman transparansi)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Alasan pembatalan wajib diisi.")},
    )

    def _simpan(self) -> Any:
        return keputusan_cancel(
            keputusan=self.keputusan, oleh=self.oleh, alasan=self.cleaned_data["alasan"]
        )


# --- Succession plans (rencana suksesi) ---------------------------------------------------------

URUTAN_CHOICES = [("", _("urutan kosong pertama"))] + [
    (str(n), str(n)) for n in range(1, MAKS_SUKSESOR + 1)
]
GALAT_KESIAPAN = {
    "required": _("Pilih kesiapan calon suksesor."),
    "invalid_choice": _("Kesiapan tidak dikenal: pilih salah satu dari daftar."),
}
GALAT_URUTAN = {
    "invalid_choice": format_lazy(
        _("Urutan prioritas “%(value)s” tidak sah: pilih 1 sampai {m}."), m=MAKS_SUKSESOR
    ),
    "required": _("Pilih urutan prioritas."),
}


def _nip_sah(nilai: str) -> str:
    """A NIP typed into a search box: spaces dropped, 18 digits or empty."""
    nip = normalize_nip(nilai)
    if nip and not (nip.isascii() and nip.isdigit() and len(nip) == PANJANG):
        raise ValidationError(
            _("NIP harus 18 digit angka (boleh dengan spasi)."), code="nip_format"
        )
    return nip


def _kesiapan(required: bool = True) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Kesiapan"),
        choices=Suksesor.Kesiapan.choices,
        required=required,
        error_messages=GALAT_KESIAPAN,
    )


def _catatan() -> forms.CharField:
    return forms.CharField(
        label=_("Catatan"),
        required=False,
        max_length=300,
        error_messages={"max_length": _("Catatan paling panjang 300 karakter.")},
    )


class SuksesorForm(_AksiForm):
    """Name a successor of the key post (jabatan.services.suksesor_add): one of the ranked
    talent-pool candidates the page lists, or anyone in scope by NIP."""

    pegawai = forms.ModelChoiceField(
        label=_("Kandidat dari talent pool"),
        queryset=Pegawai.objects.none(),
        required=False,
        error_messages=GALAT_PEGAWAI,
    )
    nip = forms.CharField(label=_("atau NIP"), required=False, max_length=40)
    kesiapan = _kesiapan()
    urutan = forms.TypedChoiceField(
        label=_("Urutan prioritas"),
        choices=URUTAN_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        error_messages=GALAT_URUTAN,
    )
    catatan = _catatan()

    def clean_nip(self) -> str:
        return _nip_sah(self.cleaned_data["nip"])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "pegawai" in self.errors or "nip" in self.errors:
            return cleaned
        pegawai, nip = cleaned.get("pegawai"), cleaned.get("nip")
        if pegawai and nip and pegawai.nip != nip:
            self.add_error("nip", _("Pilih kandidat dari daftar atau isi NIP, bukan keduanya."))
        elif not pegawai and not nip:
            self.add_error("pegawai", _("Pilih kandidat dari daftar atau isi NIP-nya."))
        elif not pegawai:
            cleaned["pegawai"] = self.fields["pegawai"].queryset.filter(nip=nip).first()
            if cleaned["pegawai"] is None:
                self.add_error(
                    "nip", _("NIP %(n)s bukan pegawai aktif dalam lingkup Anda.") % {"n": nip}
                )
        return cleaned

    def _simpan(self) -> Suksesor:
        d = self.cleaned_data
        return suksesor_add(
            formasi=self.formasi,
            pegawai=d["pegawai"],
            kesiapan=d["kesiapan"],
            urutan=d["urutan"],
            catatan=d["catatan"],
            pada=self.pada,
            oleh=self.oleh,
        )


class _SuksesorAksiForm(forms.Form):
    """A change to one successor of the post, by one acting user."""

    def __init__(self, *args: Any, suksesor: Suksesor, oleh, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.suksesor, self.oleh = suksesor, oleh

    simpan = _AksiForm.simpan


class SuksesorUbahForm(_SuksesorAksiForm):
    """Change a successor's readiness, priority or note (jabatan.services.suksesor_update)."""

    kesiapan = _kesiapan()
    urutan = forms.TypedChoiceField(
        label=_("Urutan prioritas"),
        choices=URUTAN_CHOICES[1:],
        coerce=int,
        error_messages=GALAT_URUTAN,
    )
    catatan = _catatan()

    def _simpan(self) -> Suksesor:
        return suksesor_update(suksesor=self.suksesor, oleh=self.oleh, **self.cleaned_data)


class SuksesorHapusForm(_SuksesorAksiForm):
    """Remove a successor from the plan with the reason (jabatan.services.suksesor_end)."""

    alasan_berakhir = forms.CharField(
        label=_("Alasan dihapus"),
        max_length=300,
        error_messages={
            "required": _("Tuliskan alasan calon suksesor dihapus."),
            "max_length": _("Alasan paling panjang 300 karakter."),
        },
    )

    def _simpan(self) -> Suksesor:
        return suksesor_end(
            suksesor=self.suksesor, alasan=self.cleaned_data["alasan_berakhir"], oleh=self.oleh
        )


class PeringkatForm(forms.Form):
    """The ranking page's query string: the why-not NIP and what-if weights.

    Weights are all six or none: a what-if with some left out would silently take the profile's
    value for them.
    """

    nip = forms.CharField(label=_("NIP"), required=False, max_length=40)

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
        return _nip_sah(self.cleaned_data["nip"])

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


class EksporPeringkatForm(forms.Form):
    """The ranking export's POST: the file format (the weights stay in the query string)."""

    format = forms.ChoiceField(
        label=_("Format unduhan"),
        choices=[("csv", "CSV"), ("xlsx", "XLSX")],
        error_messages={
            "required": _("Format unduhan harus CSV atau XLSX."),
            "invalid_choice": _("Format unduhan harus CSV atau XLSX."),
        },
    )
