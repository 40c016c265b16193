"""Writes of the public satisfaction survey (PermenPANRB 14/2017): marking service units,
registering counter kiosks, recording a public response with its network's count, moderating
comments, and replacing a closed year's network keys by counts. The audit trail records marking,
kiosks and moderation (registered in survei/apps.py); anonymous responses are not audited one
by one."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from datetime import date

from auditlog.context import set_actor
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from pegawai.models import UnitKerja
from survei import rules
from survei.models import (
    PANJANG_KOMENTAR,
    JaringanSkm,
    JenisKelamin,
    KelompokUsia,
    KiosSkm,
    KomentarSkm,
    Pekerjaan,
    Pendidikan,
    RekapJaringanSkm,
    ResponSkm,
    StatusKomentar,
    UnitLayanan,
)
from survei.selectors import sql_pola_kunci
from survei.terbit import terbit_sejak, triwulan_dari

PROFIL = {
    "jenis_kelamin": JenisKelamin,
    "usia": KelompokUsia,
    "pendidikan": Pendidikan,
    "pekerjaan": Pekerjaan,
}


def unit_layanan_mark(
    *,
    unit_kerja: UnitKerja,
    kode: str,
    oleh: AbstractBaseUser,
    nama_layanan: str = "",
    aktif: bool = True,
) -> UnitLayanan:
    """Mark a unit of the organisation tree as a public service unit (or update its marking)."""
    if not oleh.has_perm("survei.add_unitlayanan"):
        raise ValidationError({"unit_kerja": _("Hanya BKPSDM yang menandai unit layanan.")})
    with set_actor(oleh), transaction.atomic():
        unit = UnitLayanan.objects.select_for_update().filter(unit_kerja=unit_kerja).first()
        unit = unit or UnitLayanan(unit_kerja=unit_kerja)
        unit.kode, unit.nama_layanan, unit.aktif = kode, nama_layanan, aktif
        unit.full_clean()
        unit.save()
    return unit


def kios_skm_register(
    *, unit: UnitLayanan, nama: str, oleh: AbstractBaseUser
) -> tuple[KiosSkm, str]:
    """Register a counter device of a unit; return it with its token, shown to HR only now
    (only its hash is kept). Each questionnaire sent from it counts as a network of its own
    (`survei.terbit`)."""
    if not oleh.has_perm("survei.add_kiosskm"):
        raise ValidationError({"unit": _("Hanya BKPSDM yang mendaftarkan kios survei.")})
    token = secrets.token_urlsafe(32)
    with set_actor(oleh), transaction.atomic():
        kios = KiosSkm(unit=unit, nama=nama, token_hash=KiosSkm.sidik(token))
        kios.full_clean()
        kios.save()
    return kios, token


def kios_skm_update(*, kios: KiosSkm, nama: str, aktif: bool, oleh: AbstractBaseUser) -> KiosSkm:
    """Rename a kiosk, or switch it off (its token then counts as an ordinary network)."""
    if not oleh.has_perm("survei.change_kiosskm"):
        raise ValidationError({"aktif": _("Hanya BKPSDM yang mengubah kios survei.")})
    with set_actor(oleh), transaction.atomic():
        kios = KiosSkm.objects.select_for_update().get(pk=kios.pk)
        kios.nama, kios.aktif = nama, aktif
        kios.full_clean()
        kios.save(update_fields=["nama", "aktif", "updated_at"])
    return kios


def kunci_jaringan(*, unit_id: int, tahun: int, jaringan: str) -> str:
    """Return the key a respondent network is counted under for a unit and a year: an HMAC of
    the unit and the network with a secret derived from SECRET_KEY and the year. The same in
    every quarter of the year (the year's unpublished rest counts a network once), another for
    another unit or year; without SECRET_KEY it names no network. (Rotating SECRET_KEY within a
    year counts a network twice: the rule errs towards publishing only in that year.)"""
    # A stored constant, not a module path: the keys already written this year were made with
    # it (it named the survey's old home, kinerja.survei); changing it counts every network
    # that answered before the change twice.
    salt = f"kinerja.survei.jaringan.{tahun}"
    return salted_hmac(salt, f"{unit_id}:{jaringan}", algorithm="sha256").hexdigest()


def respon_skm_create(
    *,
    unit: UnitLayanan,
    jawaban: Sequence[int],
    jaringan: str,
    kios: KiosSkm | None = None,
    profil: Mapping[str, str] | None = None,
    komentar: str = "",
) -> ResponSkm:
    """Record one public questionnaire: nine answers 1–4, an optional profile and comment.

    `jaringan` is the sender's network (`core.throttle.network_of`); it is counted, in the same
    transaction, as one `JaringanSkm` row of the unit's quarter, and not stored with the
    response. From a registered `kios` of the unit the questionnaire counts as its own network.
    """
    errors: dict[str, list[str]] = {}
    if not unit.aktif:
        errors["unit"] = [_("Unit ini sedang tidak menerima survei.")]
    if kios is not None and (kios.unit_id != unit.pk or not kios.aktif):
        errors["kios"] = [_("Perangkat ini bukan kios aktif unit ini.")]
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
    tanggal = timezone.localdate()
    if kios is not None:
        kunci = secrets.token_hex(32)  # supervised: every questionnaire counts by itself
    else:
        kunci = kunci_jaringan(unit_id=unit.pk, tahun=tanggal.year, jaringan=jaringan)
    with transaction.atomic():
        respon = ResponSkm.objects.create(
            unit=unit,
            tanggal=tanggal,
            **dict(zip(ResponSkm.KOLOM, jawaban, strict=True)),
            **{f: profil.get(f, "") for f in PROFIL},
        )
        # INSERT ... ON CONFLICT DO NOTHING: a second questionnaire from the network this
        # quarter (even one committing at the same moment) leaves the one row as it is.
        JaringanSkm.objects.bulk_create(
            [
                JaringanSkm(
                    unit=unit, tahun=tanggal.year, triwulan=triwulan_dari(tanggal), kunci=kunci
                )
            ],
            ignore_conflicts=True,
        )
        if komentar:
            KomentarSkm.objects.create(respon=respon, unit=unit, teks=komentar)
    return respon


def jaringan_skm_summarize(*, hari_ini: date | None = None) -> int:
    """Replace the network keys of every year whose published figures can no longer change
    (from the day its fourth quarter is published, `survei_terbit.terbit_sejak`) by their
    counts per quarter pattern (`RekapJaringanSkm`), and delete the keys. Return how many keys
    were deleted. Run by the periodic clean-up (`manage.py prune_jaringan_skm`)."""
    hari_ini = hari_ini or timezone.localdate()
    tahun = (
        hari_ini.year - 1 if hari_ini >= terbit_sejak(hari_ini.year - 1, 4) else hari_ini.year - 2
    )
    rekap = RekapJaringanSkm._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {rekap} (unit_id, tahun, pola, jumlah) {sql_pola_kunci('tahun <= %s')}",
            [tahun],
        )
        dihapus, _per_model = JaringanSkm.objects.filter(tahun__lte=tahun).delete()
    return dihapus


def komentar_moderate(
    *, komentar: KomentarSkm, tayangkan: bool, oleh: AbstractBaseUser
) -> KomentarSkm:
    """Approve (show) or reject a comment; HR only. Audited with who decided."""
    if not oleh.has_perm("survei.change_komentarskm"):
        raise ValidationError({"status": _("Hanya BKPSDM yang memoderasi komentar.")})
    with set_actor(oleh), transaction.atomic():
        komentar = KomentarSkm.objects.select_for_update().get(pk=komentar.pk)
        komentar.status = StatusKomentar.TAYANG if tayangkan else StatusKomentar.DITOLAK
        komentar.dimoderasi_oleh = oleh
        komentar.dimoderasi_pada = timezone.now()
        komentar.save(update_fields=["status", "dimoderasi_oleh", "dimoderasi_pada", "updated_at"])
    return komentar
