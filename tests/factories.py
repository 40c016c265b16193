"""factory_boy factories with Indonesian data and valid NIPs."""

from __future__ import annotations

import datetime as dt
import itertools
import threading

import factory
from factory.django import DjangoModelFactory

from jabatan.models import Formasi, Jabatan, Penempatan
from pegawai import projection
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import BidangStudi, Pegawai, RiwayatPangkat, UnitKerja
from pegawai.nip import compose_ni_pppk, compose_nip

_sequence = itertools.count(1)
# The employees an outermost ProjectionFactory call created rows for (None outside one).
_local = threading.local()


def _pending() -> set[int] | None:
    return getattr(_local, "pending", None)


class ProjectionFactory(DjangoModelFactory):
    """A row the merit projection reads, written raw as a test's set-up: refreshes the
    employee's projection rows after it is created, as the services that write it do
    (pegawai.projection; inside `projection.deferred()`, once at its end). One call refreshes
    once: what its sub-factories create (a placement's new employee) is refreshed with its own
    row at the end of the outermost call, which nothing reads before."""

    class Meta:
        abstract = True

    @classmethod
    def _generate(cls, strategy, params):
        if strategy != factory.enums.CREATE_STRATEGY or _pending() is not None:
            return super()._generate(strategy, params)
        _local.pending = set()
        try:
            instance = super()._generate(strategy, params)
            ids = _local.pending
        finally:
            _local.pending = None
        projection.refresh(ids)
        return instance

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None) -> None:
        super()._after_postgeneration(instance, create, results)
        if create:
            pid = instance.pk if isinstance(instance, Pegawai) else instance.pegawai_id
            pending = _pending()
            if pending is None:
                projection.refresh([pid])
            else:
                pending.add(pid)


class UnitKerjaFactory(DjangoModelFactory):
    class Meta:
        model = UnitKerja

    kode = factory.Sequence(lambda n: f"U{n:05d}")
    nama = factory.Sequence(lambda n: f"Dinas Uji {n}")
    jenis = UnitKerja.Jenis.DINAS
    parent = None


class BidangStudiFactory(DjangoModelFactory):
    class Meta:
        model = BidangStudi
        django_get_or_create = ("kode",)

    kode = factory.Sequence(lambda n: f"BS{n:03d}")
    nama = factory.Sequence(lambda n: f"Bidang Studi {n}")


class PegawaiFactory(ProjectionFactory):
    """A PNS whose NIP agrees with the birth date, gender and TMT CPNS."""

    class Meta:
        model = Pegawai

    class Params:
        pppk = factory.Trait(
            status=Pegawai.Status.PPPK,
            golongan="IX",
            tmt_cpns=None,
            tmt_pppk=dt.date(2022, 3, 1),
            nip=factory.LazyAttribute(
                lambda o: compose_ni_pppk(
                    o.tanggal_lahir, o.tmt_pppk.year, 1, o.jenis_kelamin, next(_sequence) % 999 + 1
                )
            ),
        )

    nama = factory.Faker("name", locale="id_ID")
    tanggal_lahir = factory.Faker(
        "date_between_dates",
        date_start=dt.date(1970, 1, 1),
        date_end=dt.date(1995, 12, 31),
    )
    jenis_kelamin = factory.Iterator(["L", "P"])
    status = Pegawai.Status.PNS
    golongan = "III/a"
    tmt_golongan = dt.date(2020, 4, 1)
    tmt_cpns = factory.LazyAttribute(lambda o: dt.date(o.tanggal_lahir.year + 24, 1, 1))
    pendidikan = "S1"
    unit_kerja = factory.SubFactory(UnitKerjaFactory)
    nip = factory.LazyAttribute(
        lambda o: compose_nip(
            o.tanggal_lahir, o.tmt_cpns, o.jenis_kelamin, next(_sequence) % 999 + 1
        )
    )


class RiwayatPangkatFactory(DjangoModelFactory):
    class Meta:
        model = RiwayatPangkat

    pegawai = factory.SubFactory(PegawaiFactory)
    golongan = "III/a"
    tmt_golongan = dt.date(2020, 4, 1)
    jenis_kenaikan = RiwayatPangkat.JenisKenaikan.REGULER


class JabatanFactory(DjangoModelFactory):
    class Meta:
        model = Jabatan

    kode = factory.Sequence(lambda n: f"J{n:05d}")
    nama = factory.Sequence(lambda n: f"Analis Uji {n}")
    jenis = JenisJabatan.PELAKSANA
    jenjang = ""
    kelas_jabatan = 7
    pendidikan_minimal = "SLTA"
    golongan_minimal = ""


class FormasiFactory(DjangoModelFactory):
    class Meta:
        model = Formasi

    jabatan = factory.SubFactory(JabatanFactory)
    unit_kerja = factory.SubFactory(UnitKerjaFactory)
    kuota = 1


class PenempatanFactory(ProjectionFactory):
    """A raw placement row (bypasses the service): for fixtures and for testing the database."""

    class Meta:
        model = Penempatan

    pegawai = factory.SubFactory(PegawaiFactory)
    formasi = factory.SubFactory(FormasiFactory)
    jenis = Penempatan.Jenis.DEFINITIF
    tmt_mulai = dt.date(2024, 1, 2)


class PeriodeFactory(DjangoModelFactory):
    class Meta:
        model = "kinerja.Periode"
        django_get_or_create = ("tahun", "jenis", "triwulan")

    tahun = 2026
    jenis = "tahunan"
    triwulan = 0


def tutup_periode() -> None:
    """Close every open period with a plain save(), which queues nothing (only PeriodeAdmin
    calls projection.periods_changed), and refresh the merit projection's predikat here, as the
    task the admin queues (jabatan.tasks.segarkan_predikat) would."""
    from jabatan import indeks
    from kinerja.models import Periode

    for periode in Periode.objects.filter(terbuka=True):
        periode.terbuka = False
        periode.save()
    indeks.index_refresh_predikat()


# The ratings that give each predikat (PermenPANRB 6/2022 Lampiran: the curve of hasil and
# perilaku); an SKP not rated yet has none.
RATING_PREDIKAT = {
    "Sangat Baik": ("Di Atas Ekspektasi", "Di Atas Ekspektasi"),
    "Baik": ("Sesuai Ekspektasi", "Sesuai Ekspektasi"),
    "Butuh Perbaikan": ("Di Bawah Ekspektasi", "Sesuai Ekspektasi"),
    "Kurang/Misconduct": ("Sesuai Ekspektasi", "Di Bawah Ekspektasi"),
    "Sangat Kurang": ("Di Bawah Ekspektasi", "Di Bawah Ekspektasi"),
    "": ("", ""),
}


def skp_final(
    pegawai,
    *,
    predikat: str,
    tahun: int | None = None,
    periode=None,
    unit=None,
    perangkat_daerah=None,
    golongan: str | None = None,
    penilai=None,
    status: str = "final",
):
    """An annual SKP rated `predikat`, written as a raw row: in `periode`, or else the closed
    annual period of `tahun`; in `unit` (the employee's by default) and `perangkat_daerah`
    (`unit` by default), at `golongan` (the employee's by default), final unless `status` says
    otherwise (a planned one has no rating: predikat ""). The caller refreshes the merit
    projection, as the SKP services do."""
    from django.utils import timezone

    from kinerja.models import Periode, Skp

    if periode is None:
        periode = Periode.objects.get_or_create(
            tahun=tahun, jenis="tahunan", triwulan=0, defaults={"terbuka": False}
        )[0]
    unit = unit or pegawai.unit_kerja
    hasil, perilaku = RATING_PREDIKAT[predikat]
    return Skp.objects.create(
        pegawai=pegawai,
        periode=periode,
        unit_kerja=unit,
        perangkat_daerah=perangkat_daerah or unit,
        golongan=golongan or pegawai.golongan,
        penilai=penilai,
        status=status,
        difinalkan_pada=timezone.now() if status == "final" else None,
        rating_hasil=hasil,
        rating_perilaku=perilaku,
        predikat=predikat,
        catatan_penilai="Catatan penilai.",
    )
