"""Shared set-up of the employees' survey tests: a questionnaire of two statements, an open
period, employees with a self-service login in a perangkat daerah, answering."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from django.contrib.auth.models import Group, User
from django.utils import timezone

from pegawai.models import Akses, UnitKerja
from pegawai.roles import PEGAWAI
from survei.pegawai.models import ButirSurveiPegawai, PeriodeSurveiPegawai
from survei.pegawai.services import respon_survei_pegawai_submit
from tests.factories import PegawaiFactory, UnitKerjaFactory

_nomor = itertools.count(901)


@dataclass
class Kuesioner:
    kepuasan: ButirSurveiPegawai
    keterikatan: ButirSurveiPegawai


def kuesioner() -> Kuesioner:
    """Switch off whatever statements exist (the seeded draft) and add one per dimension."""
    ButirSurveiPegawai.objects.update(aktif=False)
    buat = ButirSurveiPegawai.objects.create
    return Kuesioner(
        buat(nomor=next(_nomor), pertanyaan="Saya puas.", dimensi="kepuasan", sumber="Uji"),
        buat(nomor=next(_nomor), pertanyaan="Saya terikat.", dimensi="keterikatan", sumber="Uji"),
    )


def periode_terbuka(tahun: int = 2026) -> PeriodeSurveiPegawai:
    hari_ini = timezone.localdate()
    return PeriodeSurveiPegawai.objects.create(
        tahun=tahun,
        dibuka=hari_ini - dt.timedelta(days=1),
        ditutup=hari_ini + dt.timedelta(days=30),
    )


def tutup(periode: PeriodeSurveiPegawai) -> None:
    """End the period yesterday's evening: it is closed today."""
    PeriodeSurveiPegawai.objects.filter(pk=periode.pk).update(ditutup=timezone.localdate())
    periode.refresh_from_db()


def kota() -> UnitKerja:
    return UnitKerjaFactory(nama="Pemerintah Kota Uji", jenis=UnitKerja.Jenis.PEMERINTAH_DAERAH)


def opd(root: UnitKerja, nama: str = "") -> UnitKerja:
    return UnitKerjaFactory(parent=root, **({"nama": nama} if nama else {}))


def pegawai_login(unit: UnitKerja) -> User:
    """An employee of a bidang under `unit`, with a self-service login."""
    bidang = UnitKerjaFactory(parent=unit, jenis=UnitKerja.Jenis.BIDANG)
    p = PegawaiFactory(unit_kerja=bidang)
    user = User.objects.create_user(f"p{p.pk}", password="sandi-uji-panjang-2026")
    user.groups.add(Group.objects.get(name=PEGAWAI))
    Akses.objects.create(user=user, pegawai=p)
    return user


def isi(
    periode: PeriodeSurveiPegawai, user: User, k: Kuesioner, kepuasan: int = 4, keterikatan: int = 4
) -> None:
    respon_survei_pegawai_submit(
        periode=periode,
        jawaban={k.kepuasan.pk: kepuasan, k.keterikatan.pk: keterikatan},
        oleh=user,
    )
