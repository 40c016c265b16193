"""skp_rencana: employees whose SKP of the running year holds its planned results, indicator
and target (PermenPANRB 6/2022; kertas kerja 2026, 3.1: "70%-90%" and "> 90%")."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from kinerja.models import RencanaHasilKerja
from pegawai.models import Pegawai
from sistem_merit.bukti import BUKTI
from tests.factories import PegawaiFactory, skp_final

pytestmark = pytest.mark.django_db

PADA = dt.date(2026, 3, 31)
SESUDAH = PADA + dt.timedelta(days=1)


def _rencana(pegawai: Pegawai, *, tahun: int = 2026, ditulis: dt.date = PADA) -> None:
    skp = skp_final(pegawai, tahun=tahun, predikat="", status="direncanakan")
    rhk = RencanaHasilKerja.objects.create(
        skp=skp, hasil_kerja="Layanan terselesaikan", indikator="Persentase", target="90%"
    )
    saat = timezone.make_aware(dt.datetime.combine(ditulis, dt.time(23, 30)))
    RencanaHasilKerja.objects.filter(pk=rhk.pk).update(created_at=saat)


def _tanpa_rhk(pegawai: Pegawai) -> None:
    skp_final(pegawai, tahun=2026, predikat="", status="direncanakan")


@pytest.mark.parametrize(
    ("siapkan", "harapan"),
    [
        pytest.param([], (0, 0), id="nothing-to-measure"),
        pytest.param([_tanpa_rhk, None], (0, 2), id="none"),
        pytest.param([_rencana, _rencana, _rencana, _tanpa_rhk], (3, 4), id="three-of-four"),
        pytest.param([_rencana, _rencana], (2, 2), id="all"),
        pytest.param(
            [_rencana, lambda p: _rencana(p, ditulis=SESUDAH)], (1, 2), id="written-after-not"
        ),
        pytest.param([lambda p: _rencana(p, tahun=2025)], (0, 1), id="last-year-not"),
    ],
)
def test_it_counts_employees_with_a_planned_skp_this_year(siapkan, harapan):
    for buat in siapkan:
        p = PegawaiFactory()
        if buat:
            buat(p)
    angka = BUKTI["skp_rencana"].hitung(PADA)
    assert (angka.pembilang, angka.penyebut) == harapan
    if harapan == (3, 4):
        assert angka.rasio == Decimal("0.75")
    tanpa = harapan[1] - harapan[0]
    if tanpa:
        assert angka.kurang.startswith(f"{tanpa} pegawai belum menyusun SKP 2026")
    else:
        assert angka.kurang == ""
    _kepala, rows = BUKTI["skp_rencana"].baris(PADA)
    assert [r[-1] for r in rows].count("Ya") == harapan[0]
    assert len(rows) == harapan[1]


def test_it_counts_in_one_query_each(django_assert_num_queries):
    _rencana(PegawaiFactory())
    _tanpa_rhk(PegawaiFactory())
    with django_assert_num_queries(1):  # one aggregate with an EXISTS per employee
        BUKTI["skp_rencana"].hitung(PADA)
    with django_assert_num_queries(1):  # the same employees with the EXISTS as a column
        BUKTI["skp_rencana"].baris(PADA)
