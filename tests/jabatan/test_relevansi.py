"""Placement by competence: a health post goes to health graduates and health-sector staff.

The seed's first example (an employee with a health education is placed in the health office),
on the demo city: the ranking for a Kepala Bidang of the Dinas Kesehatan puts mostly people with
a health field of study or experience in health units in its top ten, and says so in words.
"""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from jabatan import indeks, merit
from jabatan.models import Formasi, IndeksUrusan, Penempatan
from jabatan.peringkat import peringkat_formasi
from jabatan.selectors import Relevansi, syarat_formasi
from pegawai.jenis_jabatan import JenisJabatan
from pegawai.models import BidangStudi, UnitKerja, UrusanPemerintahan
from tests.factories import PenempatanFactory
from tests.formulir_admin import data_formulir_admin

pytestmark = pytest.mark.django_db
PADA = dt.date(2026, 11, 28)


@pytest.fixture
def demo():
    """The demo city as `./dev.sh serve` seeds it (7,000 employees, seed 2026), on a fixed date."""
    call_command("seed_demo", pegawai=7000, seed=2026, tanggal=PADA, stdout=StringIO())


@pytest.fixture
def kota():
    call_command("seed_demo", pegawai=400, seed=11, tanggal=PADA, stdout=StringIO())


def _kepala_bidang(unit: str) -> Formasi:
    return Formasi.objects.select_related("jabatan", "unit_kerja").get(
        unit_kerja__nama=unit, jabatan__jenis=JenisJabatan.ADMINISTRATOR
    )


def test_most_of_the_top_ten_for_a_health_post_are_health_people(demo):
    p = peringkat_formasi(_kepala_bidang("Bidang Pelayanan Kesehatan"), pada=PADA, teratas=10)
    assert p.syarat.nama_urusan == "Kesehatan" and p.syarat.sumber_relevansi == "urusan"
    kesehatan = [
        h
        for h in p.teratas
        if merit.relevansi.kecocokan(h.kandidat, p.syarat) != merit.relevansi.LAIN
        or merit.relevansi.hari_terkait(h.kandidat, p.syarat, PADA)
    ]
    assert len(p.teratas) == 10
    assert len(kesehatan) >= 6, [h.keterangan for h in p.teratas]
    for h in kesehatan:  # the explanation says why, in words
        assert any(
            "— sesuai (urusan Kesehatan)" in t
            or "— serumpun (urusan Kesehatan)" in t
            or ("urusan Kesehatan" in t and "— terkait" in t)
            for t in h.keterangan
        ), h.keterangan
    for h in p.teratas:
        if h not in kesehatan:
            assert any("tidak serumpun (urusan Kesehatan)" in t for t in h.keterangan)


def test_a_health_degree_outranks_an_unrelated_one_with_the_same_record(kota):
    """Two candidates alike but for the field of study: the fitting one ranks higher."""
    formasi = _kepala_bidang("Bidang Pelayanan Kesehatan")
    syarat = syarat_formasi(formasi)
    p = peringkat_formasi(formasi, pada=PADA, teratas=1)
    dasar = p.teratas[0].kandidat
    kesmas = BidangStudi.objects.get(kode="KESMAS").pk
    guru = BidangStudi.objects.get(kode="PEND").pk
    perawat = BidangStudi.objects.get(kode="KEP").pk
    bidan = BidangStudi.objects.get(kode="BID").pk
    assert {kesmas, perawat} <= syarat.bidang_sesuai and bidan in syarat.bidang_serumpun
    calon = [
        merit.Kandidat(**{**dasar.__dict__, "pegawai_id": i, "nip": str(i), "bidang_studi": b})
        for i, b in ((1, guru), (2, bidan), (3, kesmas))
    ]
    hasil = merit.peringkat(calon, syarat, pada=PADA, bobot=p.bobot)
    assert [h.kandidat.pegawai_id for h in hasil] == [3, 2, 1]
    assert [h.komponen["kualifikasi"] > 0 for h in hasil] == [True] * 3


def _pindah_urusan(client, unit: UnitKerja, urusan: UrusanPemerintahan | None) -> None:
    """HR sets the unit's affair on its admin change form, the way the page submits it: a
    change that reaches every employee is not rebuilt in the request but queued (one task,
    whose link HR is shown), which is run here as the worker would."""
    from jabatan.tasks import refresh_merit_index
    from tugas.models import Progres

    url = f"/admin/pegawai/unitkerja/{unit.pk}/change/"
    data = data_formulir_admin(client.get(url))
    data["urusan"] = str(urusan.pk) if urusan else ""
    antre = Progres.objects.filter(jenis="jabatan.tasks.refresh_merit_index", status="antre")
    before = set(antre.values_list("pk", flat=True))
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    (progres,) = antre.exclude(pk__in=before)
    assert f"/tugas/{progres.pk}/" in " ".join(str(m) for m in response.context["messages"])
    if unit.pegawai.exists() or urusan is not None:
        assert indeks.selisih() != [], "the request itself rebuilt the projection"
    refresh_merit_index.call(str(progres.pk))


def test_changing_a_units_affair_rebuilds_the_related_experience(kota, hr_client):
    """HR moves a unit to another affair (its admin form; pegawai.projection.RefreshAdminMixin):
    the days of those who served there follow, and the projection equals a rebuild from the
    live records."""
    puskesmas = UnitKerja.objects.filter(jenis="puskesmas").order_by("pk").first()
    mulai = dt.date(2015, 1, 1)
    penempatan = PenempatanFactory(
        formasi=Formasi.objects.filter(unit_kerja=puskesmas).first(),
        tmt_mulai=mulai,
        tmt_selesai=mulai + dt.timedelta(days=1000),
    )
    kesehatan = UrusanPemerintahan.objects.get(kode="KESEHATAN")
    sosial = UrusanPemerintahan.objects.get(kode="SOSIAL")
    baris = IndeksUrusan.objects.filter(pegawai=penempatan.pegawai)
    assert dict(baris.values_list("urusan_id", "hari"))[kesehatan.pk] >= 1000
    _pindah_urusan(hr_client, puskesmas, sosial)
    assert dict(baris.values_list("urusan_id", "hari")).get(sosial.pk, 0) >= 1000
    assert indeks.selisih() == []
    _pindah_urusan(hr_client, puskesmas, None)  # inherits Kesehatan from the Dinas again
    assert indeks.selisih() == []
    assert Penempatan.objects.filter(pk=penempatan.pk).exists()


def test_relevance_loads_in_a_fixed_number_of_queries(kota, django_assert_num_queries):
    # fields, affairs with their fields and families, units, the profiles requiring leadership
    # training, the leadership programs
    with django_assert_num_queries(5):
        r = Relevansi.muat()
    assert r.urusan_unit and r.nama_bidang


def test_one_posts_relevance_reads_its_own_units_and_equals_the_whole_organisations(kota):
    """Ranking one post reads its unit and those above it, not every unit: the requirements
    are those the whole organisation's relevance gives, for every post of the city."""
    semua = Relevansi.muat()
    formasi = list(Formasi.objects.select_related("jabatan", "unit_kerja"))
    assert any(
        f.unit_kerja.urusan_id is None and semua.urusan_unit[f.unit_kerja_id] for f in formasi
    )
    for f in formasi:
        assert syarat_formasi(f) == syarat_formasi(f, semua), f
