"""Selectors jabatan may call (JP per employee over years, completed leadership training) and
the JP aggregates of the dashboard."""

from __future__ import annotations

import datetime as dt

import pytest

from pegawai.akses import Lingkup
from pelatihan import selectors as sel
from tests.factories import PegawaiFactory, UnitKerjaFactory
from tests.pelatihan.factories import EksternalFactory, PesertaFactory, ProgramFactory, SesiFactory

pytestmark = pytest.mark.django_db


def _sesi(tahun: int, jp: int = 24, wajib: str = ""):
    program = ProgramFactory(jumlah_jp=jp, pelatihan_wajib=wajib)
    return SesiFactory(
        program=program, tanggal_mulai=dt.date(tahun, 3, 2), tanggal_selesai=dt.date(tahun, 3, 6)
    )


def test_jp_per_tahun_sums_completions_and_verified_external_only(django_assert_num_queries):
    a, b = PegawaiFactory(), PegawaiFactory()
    PesertaFactory(pegawai=a, sesi=_sesi(2025, 10), lulus=True)
    PesertaFactory(pegawai=a, sesi=_sesi(2025, 8), lulus=True)
    PesertaFactory(pegawai=a, sesi=_sesi(2026, 24), lulus=True)
    PesertaFactory(pegawai=a, sesi=_sesi(2026, 40), status="hadir")  # not completed
    PesertaFactory(pegawai=a, sesi=_sesi(2022, 40), lulus=True)  # outside the range
    from django.contrib.auth.models import User

    hr = User.objects.create(username="v")
    EksternalFactory(
        pegawai=a,
        status="diverifikasi",
        diverifikasi_oleh=hr,
        diverifikasi_pada=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        jumlah_jp=6,
    )
    EksternalFactory(pegawai=a, jumlah_jp=50)  # awaiting verification
    EksternalFactory(
        pegawai=b,
        status="ditolak",
        alasan_penolakan="x",
        diverifikasi_oleh=hr,
        diverifikasi_pada=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
    )
    with django_assert_num_queries(2):
        jp = sel.jp_per_tahun([a.pk, b.pk], 2024, 2026)
    assert jp == {a.pk: {2025: 18, 2026: 30}}
    assert sel.jp_per_tahun(None, 2022, 2022) == {a.pk: {2022: 40}}


def test_kepemimpinan_selesai_lists_completed_required_programs(django_assert_num_queries):
    a, b = PegawaiFactory(), PegawaiFactory()
    PesertaFactory(pegawai=a, sesi=_sesi(2019, 286, "latsar_cpns"), lulus=True)
    PesertaFactory(pegawai=a, sesi=_sesi(2024, 270, "pkp"), lulus=True)
    PesertaFactory(pegawai=b, sesi=_sesi(2024, 270, "pkp"), status="tidak_lulus")
    PesertaFactory(pegawai=b, sesi=_sesi(2024, 20), lulus=True)
    from django.contrib.auth.models import User

    hr = User.objects.create(username="v")
    EksternalFactory(
        pegawai=b,
        pelatihan_wajib="pka",
        status="diverifikasi",
        diverifikasi_oleh=hr,
        diverifikasi_pada=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
    )
    with django_assert_num_queries(2):
        hasil = sel.kepemimpinan_selesai([a.pk, b.pk])
    assert hasil == {a.pk: frozenset({"latsar_cpns", "pkp"}), b.pk: frozenset({"pka"})}


def test_jp_per_unit_counts_pns_meeting_20_jp_and_pppk_above_24():
    root = UnitKerjaFactory()
    dinas, badan = (
        UnitKerjaFactory(parent=root, nama="Dinas"),
        UnitKerjaFactory(parent=root, nama="Badan"),
    )
    bidang = UnitKerjaFactory(parent=dinas)
    ok = PegawaiFactory(unit_kerja=bidang)
    PesertaFactory(pegawai=ok, sesi=_sesi(2026, 20), lulus=True)
    PegawaiFactory(unit_kerja=dinas)  # 0 JP
    pppk = PegawaiFactory(unit_kerja=badan, pppk=True)
    PesertaFactory(pegawai=pppk, sesi=_sesi(2026, 30), lulus=True)
    qs = sel.pegawai_dengan_jp(Lingkup(semua=True), 2026)
    rows = {b.unit.nama: b for b in sel.jp_per_unit(qs, 2026, [dinas, badan])}
    assert (rows["Dinas"].pns, rows["Dinas"].pns_memenuhi, rows["Dinas"].persen) == (2, 1, 50.0)
    assert (rows["Badan"].pppk, rows["Badan"].pppk_lebih, rows["Badan"].jp_total) == (1, 1, 30)
    assert {p.pk: p.jp for p in qs}[ok.pk] == 20
