"""The JPM of an assessment is the service's (jabatan.services.asesmen_compute_jpm) on every path
that records one: the admin's assessment form, the employee form's inline, and the bulk form the
demo's seed calls (asesmen_compute_jpm_bulk). The import records no assessment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jabatan.services import asesmen_compute_jpm, asesmen_compute_jpm_bulk
from pegawai.kompetensi import KODE, jpm
from pegawai.models import HasilAsesmen
from tests.factories import PegawaiFactory, PenempatanFactory
from tests.formulir_admin import data_formulir_admin

pytestmark = pytest.mark.django_db

LEVEL = dict.fromkeys(KODE, 2)


@pytest.fixture
def pemangku():
    """An employee in a definitive post: their JPM is against the post's standard."""
    return PenempatanFactory(tmt_mulai=date(2020, 1, 2)).pegawai


def _diharapkan(pegawai) -> Decimal:
    jabatan = pegawai.penempatan.get().formasi.jabatan
    return jpm(LEVEL, jabatan.standar_kompetensi)


def _isi(prefix: str = "") -> dict[str, str]:
    return {
        f"{prefix}tanggal": "2026-03-02",
        f"{prefix}metode": HasilAsesmen.Metode.CAT,
        f"{prefix}asesor": "UPT Penilaian Kompetensi",
        **{f"{prefix}{kode}": str(level) for kode, level in LEVEL.items()},
    }


def test_the_admins_assessment_form_stores_the_jpm(pemangku, hr_client):
    response = hr_client.post(
        "/admin/pegawai/hasilasesmen/add/", {"pegawai": pemangku.pk, **_isi()}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert HasilAsesmen.objects.get(pegawai=pemangku).jpm == _diharapkan(pemangku)


def test_the_employee_forms_inline_stores_the_jpm(pemangku, hr_client):
    url = f"/admin/pegawai/pegawai/{pemangku.pk}/change/"
    data = data_formulir_admin(hr_client.get(url))
    data["asesmen-TOTAL_FORMS"] = str(int(data["asesmen-TOTAL_FORMS"]) + 1)
    data.update(_isi(f"asesmen-{int(data['asesmen-TOTAL_FORMS']) - 1}-"))
    response = hr_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert HasilAsesmen.objects.get(pegawai=pemangku).jpm == _diharapkan(pemangku)


def test_the_bulk_form_stores_what_the_single_one_does(pemangku):
    tanpa_jabatan = PegawaiFactory()
    rows = [
        HasilAsesmen.objects.create(
            pegawai=p, tanggal=date(2026, 3, 2), metode="cat", asesor="UPT", **LEVEL
        )
        for p in (pemangku, tanpa_jabatan)
    ]
    assert asesmen_compute_jpm_bulk(HasilAsesmen.objects.all(), batch_size=1) == 2
    semua = {a.pegawai_id: a.jpm for a in HasilAsesmen.objects.all()}
    assert semua == {pemangku.pk: _diharapkan(pemangku), tanpa_jabatan.pk: None}
    for a in rows:
        assert asesmen_compute_jpm(asesmen=a).jpm == semua[a.pegawai_id]


def _rebuilds(queries) -> int:
    """How many times the merit projection's main table was rebuilt in `queries`."""
    return sum("INSERT INTO jabatan_indeksmerit" in q["sql"] for q in queries)


def test_an_admin_save_rebuilds_the_projection_once(pemangku, hr_client):
    """The employee form's save refreshes in save_model, in the JPM service of each assessment
    inline and in save_related (pegawai.projection.batched): one rebuild of the employee's
    rows per request, in the request's transaction, and the projection is current after it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from jabatan import indeks

    url = f"/admin/pegawai/pegawai/{pemangku.pk}/change/"
    data = data_formulir_admin(hr_client.get(url))
    data["asesmen-TOTAL_FORMS"] = str(int(data["asesmen-TOTAL_FORMS"]) + 2)
    for n in (1, 2):
        data.update(_isi(f"asesmen-{int(data['asesmen-TOTAL_FORMS']) - n}-"))
    data["pendidikan"] = "S2"  # a projection input of the employee record itself
    with CaptureQueriesContext(connection) as ctx:
        response = hr_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert HasilAsesmen.objects.filter(pegawai=pemangku).count() == 2
    assert _rebuilds(ctx.captured_queries) == 1
    assert indeks.selisih() == []
    with CaptureQueriesContext(connection) as ctx:
        response = hr_client.post(
            "/admin/pegawai/hasilasesmen/add/", {"pegawai": pemangku.pk, **_isi()}
        )
    assert response.status_code == 302
    assert _rebuilds(ctx.captured_queries) == 1
    assert indeks.selisih() == []
