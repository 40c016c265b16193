"""Factories of pelatihan (kept beside its tests, so tests/factories.py stays others')."""

from __future__ import annotations

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from pelatihan.models import PelatihanEksternal, Peserta, Program, ProgramKompetensi, Sesi
from tests.factories import PegawaiFactory, ProjectionFactory


class ProgramFactory(DjangoModelFactory):
    class Meta:
        model = Program

    kode = factory.Sequence(lambda n: f"P{n:04d}")
    nama = factory.Sequence(lambda n: f"Pelatihan Uji {n}")
    jenis = Program.Jenis.KLASIKAL
    bentuk = Program.Bentuk.PELATIHAN
    kelompok = Program.Kelompok.MANAJERIAL
    sifat = Program.Sifat.SOFT
    jumlah_jp = 24
    biaya_per_peserta = 1_500_000


class ProgramKompetensiFactory(DjangoModelFactory):
    class Meta:
        model = ProgramKompetensi

    program = factory.SubFactory(ProgramFactory)
    kode = "m03"
    level = 3


class SesiFactory(DjangoModelFactory):
    class Meta:
        model = Sesi

    program = factory.SubFactory(ProgramFactory)
    nama = factory.Sequence(lambda n: f"Angkatan {n}")
    tanggal_mulai = dt.date(2026, 3, 2)
    tanggal_selesai = dt.date(2026, 3, 6)
    moda = Sesi._meta.get_field("moda").choices[0][0]
    tempat = "Aula BKPSDM"
    kapasitas = 30
    penyelenggara = "bkpsdm"


class PesertaFactory(ProjectionFactory):
    """A raw enrolment row (bypasses the services): for fixtures and for testing the database."""

    class Meta:
        model = Peserta

    sesi = factory.SubFactory(SesiFactory)
    pegawai = factory.SubFactory(PegawaiFactory)
    status = Peserta.Status.TERDAFTAR

    class Params:
        lulus = factory.Trait(
            status=Peserta.Status.LULUS,
            nomor_sertifikat=factory.Sequence(lambda n: f"SERT/{n:05d}"),
            tanggal_sertifikat=factory.LazyAttribute(lambda o: o.sesi.tanggal_selesai),
            jp_diakui=factory.LazyAttribute(lambda o: o.sesi.program.jumlah_jp),
            tahun_jp=factory.LazyAttribute(lambda o: o.sesi.tanggal_selesai.year),
        )


class EksternalFactory(ProjectionFactory):
    class Meta:
        model = PelatihanEksternal

    pegawai = factory.SubFactory(PegawaiFactory)
    nama = "Webinar Keamanan Siber"
    penyelenggara = "BSSN"
    kelompok = "teknis"
    tanggal_mulai = dt.date(2026, 2, 2)
    tanggal_selesai = dt.date(2026, 2, 3)
    jumlah_jp = 8
    nomor_sertifikat = factory.Sequence(lambda n: f"EXT/{n:05d}")
    bukti = factory.django.FileField(filename="sertifikat.pdf", data=b"%PDF-1.4 uji")
    tahun_jp = 2026
