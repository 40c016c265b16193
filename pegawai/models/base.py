"""Building blocks of every app's models: the NIP field, timestamps, CHECKs on choices."""

from __future__ import annotations

from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pegawai import golongan as gol
from pegawai.nip import normalize_nip

PNS_CODES = [kode for kode, _nama in gol.PNS]
PPPK_CODES = list(gol.PPPK)
GOLONGAN_CODES = [kode for kode, _label in gol.CHOICES]


class NipFormField(forms.CharField):
    """Accept a NIP typed as printed on decrees (`19850315 201001 1 002`); keep the digits."""

    def to_python(self, value):
        return normalize_nip(super().to_python(value))

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["maxlength"] = "24"  # 18 digits and the spaces of the printed form
        return attrs


class NipField(models.CharField):
    """An 18-digit NIP or NI PPPK, stored without spaces (docs/gaya.md)."""

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_nip(value) if value else value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": NipFormField, **kwargs})


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        abstract = True


def pilihan_sah(
    field: str, choices, *, name: str | None = None, kosong: bool = False
) -> models.CheckConstraint:
    """Return a CHECK that `field` holds one of its choices (`kosong`: or the empty string).

    `choices`: a Choices class, or values, or (value, label) pairs. Choices alone are checked by
    forms only; raw SQL, bulk writes and imports reach the column directly, and code matches the
    literal values (the quota triggers match 'definitif'). Every app's models use this one.
    """
    values = getattr(choices, "values", None) or [
        c[0] if isinstance(c, tuple | list) else c for c in choices
    ]
    return models.CheckConstraint(
        condition=Q(
            **{f"{field}__in": sorted({str(v) for v in values} | ({""} if kosong else set()))}
        ),
        name=name or f"%(class)s_{field}_pilihan",
        violation_error_message=_("Nilai %(name)s di luar pilihan yang sah."),
    )
