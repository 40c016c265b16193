"""The managers' dashboard and the SKP pages, as unit heads, HR and employees use them."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest

from kinerja import rules
from kinerja.models import KinerjaOrganisasi, Periode
from pegawai.models import CatatanEkspor, HasilAsesmen
from tests.akses_data import buat_organisasi, klien
from tests.factories import PegawaiFactory, skp_final

pytestmark = pytest.mark.django_db
# session, user, permissions (2), access link; the period filter (the default period, the chosen
# value, its options) and the unit filter's options; distribution, trend, evaluators (a page and
# their number), one page of the low predikat list, curve counts, organisational performance,
# talent bands, talent grid; the menu's "has SKPs to see" (base.html). None of them grows with
# the employees.
QUERIES = 20


@pytest.fixture
def org():
    org = buat_organisasi()
    periode = Periode.objects.get(tahun=2025)
    # Ten more employees in A's bidang: 8 Sangat Baik, 1 Baik, 1 Butuh Perbaikan (+ the
    # fixture's Baik): Sangat Baik 8 of 11 breaks the Baik curve ("Baik at most 70%" holds,
    # but the unit is Istimewa below).
    KinerjaOrganisasi.objects.filter(unit_kerja=org.unit_a).update(predikat=rules.ISTIMEWA)
    for n in range(10):
        p = PegawaiFactory(unit_kerja=org.bidang_a)
        predikat = rules.SANGAT_BAIK if n < 8 else (rules.BAIK if n == 8 else rules.BUTUH_PERBAIKAN)
        skp_final(p, periode=periode, predikat=predikat, perangkat_daerah=org.unit_a)
        HasilAsesmen.objects.create(
            pegawai=p,
            tanggal=dt.date(2025, 3, 1),
            metode="ac",
            asesor="UPT",
            jpm=Decimal("90") if n < 4 else Decimal("70"),
            **dict.fromkeys(("m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "sk01"), 3),
        )
    Periode.objects.filter(pk=periode.pk).update(terbuka=False)
    return org


def test_a_unit_head_sees_only_their_unit_in_the_dashboard(org, django_assert_max_num_queries):
    client = klien(org.users["pimpinan"])
    with django_assert_max_num_queries(QUERIES):
        response = client.get("/kinerja/")
    assert response.status_code == 200
    d = response.context["d"]
    assert d.distribusi == {rules.SANGAT_BAIK: 8, rules.BAIK: 2, rules.BUTUH_PERBAIKAN: 1}
    body = response.content.decode()
    assert "Lalu Ahmad Zaini" not in body and "Dinas Pendidikan" not in body


def test_hr_sees_every_unit(org):
    d = klien(org.users["hr"]).get("/kinerja/").context["d"]
    assert sum(d.distribusi.values()) == 12


def test_the_query_count_does_not_grow_with_the_employees(org, django_assert_max_num_queries):
    periode = Periode.objects.get(tahun=2025)
    client = klien(org.users["hr"])
    client.get("/kinerja/")
    for _ in range(40):
        skp_final(
            PegawaiFactory(unit_kerja=org.bidang_a),
            periode=periode,
            predikat=rules.BAIK,
            perangkat_daerah=org.unit_a,
        )
    with django_assert_max_num_queries(QUERIES):
        client.get("/kinerja/")


def test_the_curve_breach_is_shown_with_the_numbers(org):
    body = klien(org.users["pimpinan"]).get("/kinerja/").content.decode()
    assert "Sangat Baik 8 dari 11 pegawai (72,73%) melebihi batas paling banyak 70%" in body


def test_the_talent_grid_counts_and_drills_down(org):
    client = klien(org.users["pimpinan"])
    d = client.get("/kinerja/").context["d"]
    # Sangat Baik (100) is Di Atas; JPM 90 is Tinggi -> box 9; JPM 70 is Menengah -> box 7.
    assert d.talenta.get(9) == 4 and d.talenta.get(7) == 4
    response = client.get("/kinerja/talenta/9/")
    assert response.status_code == 200
    assert len(response.context["halaman"]) == 4


def test_filters_narrow_the_dashboard(org):
    client = klien(org.users["hr"])
    d = client.get("/kinerja/", {"unit": org.unit_b.pk}).context["d"]
    assert sum(d.distribusi.values()) == 1
    d = client.get("/kinerja/", {"golongan": "IV/e"}).context["d"]
    assert d.distribusi == {}


@pytest.mark.parametrize(
    "tabel", ["distribusi", "tren", "penilai", "perbaikan", "kurva", "talenta"]
)
def test_every_chart_table_exports_to_csv_and_is_logged(org, tabel):
    response = klien(org.users["pimpinan"]).post(f"/kinerja/ekspor/{tabel}.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "Lalu Ahmad Zaini" not in response.content.decode("utf-8-sig")
    assert CatatanEkspor.objects.get().data == f"kinerja.{tabel}"


def test_the_distribution_exports_to_xlsx(org):
    from openpyxl import load_workbook

    response = klien(org.users["hr"]).post("/kinerja/ekspor/distribusi.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[1][:2] == (rules.SANGAT_BAIK, 8)


def test_an_employee_has_no_dashboard(org):
    assert klien(org.users["pegawai"]).get("/kinerja/").status_code == 403


@pytest.mark.parametrize(
    ("query", "pesan"),
    [
        ({"periode": "abc"}, "Periode abc tidak dikenal"),
        ({"periode": "999999"}, "Periode 999999 tidak dikenal"),
        ({"periode": "99999999999999999999999"}, "tidak dikenal"),
        ({"periode": "-1"}, "Periode -1 tidak dikenal"),
        ({"unit": "abc"}, "Unit kerja abc tidak dikenal"),
        ({"golongan": "V/z"}, "Golongan V/z tidak dikenal."),
        ({"jenis_jabatan": "RAJA"}, "Jenis jabatan RAJA tidak dikenal."),
    ],
)
def test_a_filter_value_outside_its_choices_is_a_field_error(org, query, pesan):
    response = klien(org.users["hr"]).get("/kinerja/", query)
    assert response.status_code == 400
    body = response.content.decode()
    assert pesan in body
    assert 'role="alert"' in body
    assert response.context["d"].distribusi == {}


def test_a_unit_outside_the_scope_is_a_field_error_not_an_empty_dashboard(org):
    response = klien(org.users["pimpinan"]).get("/kinerja/", {"unit": org.unit_b.pk})
    assert response.status_code == 400
    assert f"Unit kerja {org.unit_b.pk} tidak dikenal atau di luar lingkup Anda." in (
        response.content.decode()
    )
    assert "Lalu Ahmad Zaini" not in response.content.decode()


def test_the_drill_down_and_the_export_show_a_bad_filter_too(org):
    client = klien(org.users["pimpinan"])
    response = client.get("/kinerja/talenta/9/", {"periode": "abc"})
    assert response.status_code == 400
    assert "Periode abc tidak dikenal" in response.content.decode()
    response = client.post("/kinerja/ekspor/distribusi.csv?golongan=XX")
    assert response.status_code == 400
    assert "Golongan XX tidak dikenal." in response.content.decode()
    assert not CatatanEkspor.objects.exists()
