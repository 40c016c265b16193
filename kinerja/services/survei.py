"""Writes of the public satisfaction survey (PermenPANRB 14/2017): marking service units,
recording a public response, moderating comments. The audit trail records marking and moderation
(registered in kinerja/apps.py); anonymous responses are not audited one by one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from auditlog.context import set_actor
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja import rules
from kinerja.survei import (
    PANJANG_KOMENTAR,
    JenisKelamin,
    KelompokUsia,
    KomentarSkm,
    Pekerjaan,
    Pendidikan,
    ResponSkm,
    StatusKomentar,
    UnitLayanan,
)
from pegawai.models import UnitKerja

PROFIL = {
    "jenis_kelamin": JenisKelamin,
    "usia": KelompokUsia,
    "pendidikan": Pendidikan,
    "pekerjaan": Pekerjaan,
}


def unit_layanan_tandai(
    *, unit_kerja: UnitKerja, kode: str, oleh: AbstractBaseUser, nama_layanan: str = "",
    aktif: bool = True,
) -> UnitLayanan:  # fmt: skip
    """Mark a unit of the organisation tree as a public service unit (or update its marking)."""
    if not oleh.has_perm("kinerja.add_unitlayanan"):
        raise ValidationError({"unit_kerja": _("Hanya BKPSDM yang menandai unit layanan.")})
    with set_actor(oleh), transaction.atomic():
        unit = UnitLayanan.objects.select_for_update().filter(unit_kerja=unit_kerja).first()
        unit = unit or UnitLayanan(unit_kerja=unit_kerja)
        unit.kode, unit.nama_layanan, unit.aktif = kode, nama_layanan, aktif
        unit.full_clean()
        unit.save()
    return unit


def respon_skm_create(
    *, unit: UnitLayanan, jawaban: Sequence[int], profil: Mapping[str, str] | None = None,
    komentar: str = "",
) -> ResponSkm:  # fmt: skip
    """Record one public questionnaire: nine answers 1–4, an optional profile and comment."""
    errors: dict[str, list[str]] = {}
    if not unit.aktif:
        errors["unit"] = [_("Unit ini sedang tidak menerima survei.")]
    try:
        rules.ikm([list(jawaban)])  # the one check of the nine answers
    except ValueError:
        errors["jawaban"] = [_("Jawab kesembilan unsur dengan nilai 1 sampai 4.")]
    profil = dict(profil or {})
    for field, choices in PROFIL.items():
        if profil.get(field, "") not in ("", *choices.values):
            errors[field] = [_("Pilihan tidak dikenal.")]
    komentar = (komentar or "").strip()
    if "\x00" in komentar:
        errors["komentar"] = [_("Karakter NUL (\\x00) tidak diizinkan.")]
    elif len(komentar) > PANJANG_KOMENTAR:
        errors["komentar"] = [_("Komentar paling banyak %(n)s karakter.") % {"n": PANJANG_KOMENTAR}]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        respon = ResponSkm.objects.create(
            unit=unit,
            **dict(zip(ResponSkm.KOLOM, jawaban, strict=True)),
            **{f: profil.get(f, "") for f in PROFIL},
        )
        if komentar:
            KomentarSkm.objects.create(respon=respon, unit=unit, teks=komentar)
    return respon


def komentar_moderasi(
    *, komentar: KomentarSkm, tayangkan: bool, oleh: AbstractBaseUser
) -> KomentarSkm:
    """Approve (show) or reject a comment; HR only. Audited with who decided."""
    if not oleh.has_perm("kinerja.change_komentarskm"):
        raise ValidationError({"status": _("Hanya BKPSDM yang memoderasi komentar.")})
    with set_actor(oleh), transaction.atomic():
        komentar = KomentarSkm.objects.select_for_update().get(pk=komentar.pk)
        komentar.status = StatusKomentar.TAYANG if tayangkan else StatusKomentar.DITOLAK
        komentar.dimoderasi_oleh = oleh
        komentar.dimoderasi_pada = timezone.now()
        komentar.save(update_fields=["status", "dimoderasi_oleh", "dimoderasi_pada",
                                     "updated_at"])  # fmt: skip
    return komentar
