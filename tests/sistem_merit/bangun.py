"""Builders of the rows the evidence functions count (tests/sistem_merit)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import User
from django.utils import timezone

from pegawai.models import HasilAsesmen, Pegawai, UnitKerja
from pelatihan.models import Peserta, RencanaPengembangan

LEVEL = {kode: 3 for kode in ("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "sk01")}


def asesmen(pegawai: Pegawai, tanggal: dt.date, jpm: Decimal | None = None) -> HasilAsesmen:
    """A competency assessment of `pegawai` held on `tanggal`, levels 3."""
    return HasilAsesmen.objects.create(
        pegawai=pegawai, tanggal=tanggal, metode="ac", asesor="UPT Asesmen", jpm=jpm, **LEVEL
    )


def rencana(
    tahun: int,
    unit: UnitKerja | None,
    *,
    disetujui: dt.date | None,
) -> RencanaPengembangan:
    """A development plan of `tahun` for `unit` (None: the city's), approved on `disetujui`
    (None: a draft)."""
    if disetujui is None:
        return RencanaPengembangan.objects.create(tahun=tahun, unit_kerja=unit)
    user, _ = User.objects.get_or_create(username="penyetuju_rencana")
    waktu = timezone.make_aware(dt.datetime.combine(disetujui, dt.time(10)))
    return RencanaPengembangan.objects.create(
        tahun=tahun,
        unit_kerja=unit,
        status=RencanaPengembangan.Status.DISETUJUI,
        disetujui_oleh=user,
        disetujui_pada=waktu,
    )


def lulus(pegawai: Pegawai, tanggal: dt.date, jp: int) -> Peserta:
    """A completed catalogue training of `jp` JP whose certificate is dated `tanggal`."""
    from tests.pelatihan.factories import PesertaFactory, ProgramFactory, SesiFactory

    sesi = SesiFactory(
        program=ProgramFactory(jumlah_jp=jp), tanggal_mulai=tanggal, tanggal_selesai=tanggal
    )
    return PesertaFactory(pegawai=pegawai, sesi=sesi, lulus=True)


def eksternal(pegawai: Pegawai, tanggal: dt.date, jp: int, *, diverifikasi: bool = True):
    """External training of `jp` JP ending on `tanggal`, verified by HR (or still asked)."""
    from tests.pelatihan.factories import EksternalFactory

    if not diverifikasi:
        return EksternalFactory(pegawai=pegawai, tanggal_selesai=tanggal, jumlah_jp=jp)
    user, _ = User.objects.get_or_create(username="pemeriksa_eksternal")
    return EksternalFactory(
        pegawai=pegawai,
        tanggal_selesai=tanggal,
        jumlah_jp=jp,
        status="diverifikasi",
        diverifikasi_oleh=user,
        diverifikasi_pada=timezone.now(),
    )
