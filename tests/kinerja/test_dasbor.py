"""The dashboard's long tables: worst first, counted, paged; its unit filter and default period."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from kinerja import rules
from kinerja.models import Periode
from pegawai import projection
from tests.akses_data import klien
from tests.factories import PegawaiFactory, skp_final

pytestmark = pytest.mark.django_db


@pytest.fixture
def banyak_perbaikan(org):
    """105 Butuh Perbaikan named "A…" (they sort first by name), 2 Kurang, 3 Sangat Kurang
    named "Z…" (last by name): only a severity order shows the worst on the first page."""
    periode = Periode.objects.get(tahun=2025)
    with projection.deferred():  # bulk set-up: one rebuild of the merit projection, not per save
        for n in range(105):
            p = PegawaiFactory(nama=f"Ahmad {n:03d}", unit_kerja=org.bidang_a)
            skp_final(
                p, periode=periode, predikat=rules.BUTUH_PERBAIKAN, perangkat_daerah=org.unit_a
            )
        for n in range(2):
            skp_final(
                PegawaiFactory(nama=f"Yusuf {n}", unit_kerja=org.bidang_a),
                periode=periode,
                predikat=rules.KURANG,
                perangkat_daerah=org.unit_a,
            )
        for n in range(3):
            p = PegawaiFactory(nama=f"Zainab {n}", unit_kerja=org.bidang_a)
            skp_final(p, periode=periode, predikat=rules.SANGAT_KURANG, perangkat_daerah=org.unit_a)
    return org


def test_it_lists_the_worst_predikat_first_and_says_how_many_of_how_many(banyak_perbaikan):
    response = klien(banyak_perbaikan.users["hr"]).get("/kinerja/")
    page = response.context["d"].perbaikan
    predikat = [s.predikat for s in page]
    assert predikat[:5] == [rules.SANGAT_KURANG] * 3 + [rules.KURANG] * 2
    assert set(predikat[5:]) == {rules.BUTUH_PERBAIKAN}
    assert [s.pegawai.nama for s in page][:3] == ["Zainab 0", "Zainab 1", "Zainab 2"]
    body = response.content.decode()
    assert "Menampilkan 50 dari 110 pegawai" in body
    assert body.index("Zainab 0") < body.index("Yusuf 0") < body.index("Ahmad 000")
    assert "hal_perbaikan=2#h-perbaikan" in body


def test_it_pages_the_rest_of_the_list(banyak_perbaikan, django_assert_max_num_queries):
    client = klien(banyak_perbaikan.users["hr"])
    seen = []
    for nomor in (1, 2, 3):
        response = client.get("/kinerja/", {"hal_perbaikan": nomor})
        seen += [s.pk for s in response.context["d"].perbaikan]
    assert len(seen) == len(set(seen)) == 110
    assert "Menampilkan 10 dari 110 pegawai" in response.content.decode()
    # Out of range or not a number: the nearest page, never a 500.
    assert client.get("/kinerja/", {"hal_perbaikan": "99"}).context["d"].perbaikan.number == 3
    assert client.get("/kinerja/", {"hal_perbaikan": "x"}).status_code == 200


def test_the_export_holds_the_whole_list_worst_first(banyak_perbaikan):
    response = klien(banyak_perbaikan.users["hr"]).post("/kinerja/ekspor/perbaikan.csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + 110
    assert rules.SANGAT_KURANG in lines[1]


@pytest.fixture
def banyak_penilai(org):
    """26 evaluators who rated their 2 SKPs, 2 who rated none of theirs: ordered by the number
    of SKPs, the two who lag behind would be cut off (the fixture adds 2 evaluators of 1 SKP)."""
    periode = Periode.objects.get(tahun=2025)
    with projection.deferred():  # bulk set-up: one rebuild of the merit projection, not per save
        for nama, predikat, status in (
            *((f"Penilai Rajin {n:02d}", rules.BAIK, "final") for n in range(26)),
            *((f"Penilai Lalai {n}", "", "direncanakan") for n in range(2)),
        ):
            penilai = PegawaiFactory(nama=nama, unit_kerja=org.unit_a)
            for _ in range(2):
                skp_final(
                    PegawaiFactory(unit_kerja=org.bidang_a),
                    periode=periode,
                    predikat=predikat,
                    perangkat_daerah=org.unit_a,
                    penilai=penilai,
                    status=status,
                )
    return org


def test_it_lists_the_evaluators_with_most_left_to_rate_first(banyak_penilai):
    response = klien(banyak_penilai.users["hr"]).get("/kinerja/")
    page = response.context["d"].penilai
    assert [r["penilai__nama"] for r in page][:2] == ["Penilai Lalai 0", "Penilai Lalai 1"]
    assert [r["belum"] for r in page][:2] == [2, 2]
    belum = [r["belum"] for r in page]
    assert belum == sorted(belum, reverse=True)
    body = response.content.decode()
    assert "Menampilkan 25 dari 30 pejabat penilai" in body
    assert "hal_penilai=2#h-penilai" in body


def test_it_pages_the_evaluators_and_exports_them_all(banyak_penilai):
    client = klien(banyak_penilai.users["hr"])
    pertama = {r["penilai_id"] for r in client.get("/kinerja/").context["d"].penilai}
    response = client.get("/kinerja/", {"hal_penilai": 2})
    kedua = {r["penilai_id"] for r in response.context["d"].penilai}
    assert len(pertama) == 25 and len(kedua) == 5 and not pertama & kedua
    assert "Menampilkan 5 dari 30 pejabat penilai" in response.content.decode()
    lines = client.post("/kinerja/ekspor/penilai.csv").content.decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + 30
    assert lines[1].startswith("Penilai Lalai 0")


def test_the_unit_filter_lists_the_scope_first_then_its_units_by_name(org):
    from tests.factories import UnitKerjaFactory

    for nama in ("Bidang Zakat", "Bidang Anggaran", "Bidang Mutasi"):
        UnitKerjaFactory(nama=nama, parent=org.unit_a, jenis="bidang")
    form = klien(org.users["pimpinan"]).get("/kinerja/").context["d"].filterset.form
    nama = [u.nama for u in form.fields["unit"].queryset]
    assert nama[0] == "Dinas Kesehatan"
    assert nama[1:] == sorted(nama[1:])
    assert len(nama) == 5  # the fixture's Bidang Pelayanan Kesehatan and the three above
    hr = [
        u.nama
        for u in klien(org.users["hr"])
        .get("/kinerja/")
        .context["d"]
        .filterset.form.fields["unit"]
        .queryset
    ]
    assert hr[1:] == sorted(hr[1:]) and "Dinas Pendidikan" in hr


def test_it_opens_on_the_period_of_the_current_year_even_while_it_is_open(org):
    tahun = timezone.localdate().year
    Periode.objects.filter(tahun=2025).update(terbuka=False)
    kini = Periode.objects.get_or_create(tahun=tahun, jenis="tahunan", triwulan=0)[0]
    # Next year's period opened ahead for planning is not the current one.
    Periode.objects.get_or_create(tahun=tahun + 1, jenis="tahunan", triwulan=0)
    response = klien(org.users["pimpinan"]).get("/kinerja/")
    assert response.context["d"].periode == kini
    assert "Periode ini masih berjalan" in response.content.decode()
    # The closed year stays one choice away.
    lalu = Periode.objects.get(tahun=2025)
    response = klien(org.users["pimpinan"]).get("/kinerja/", {"periode": lalu.pk})
    assert response.context["d"].periode == lalu
    assert "Periode ini masih berjalan" not in response.content.decode()


def test_without_a_period_this_year_it_opens_on_the_newest_before(org):
    from kinerja.selectors import periode_bawaan

    Periode.objects.get_or_create(tahun=2024, jenis="tahunan", triwulan=0)
    Periode.objects.get_or_create(tahun=2031, jenis="tahunan", triwulan=0)
    assert periode_bawaan(dt.date(2030, 12, 15)).tahun == 2025
    assert periode_bawaan(dt.date(2031, 12, 15)).tahun == 2031
    assert periode_bawaan(dt.date(2020, 1, 1)).tahun == 2031  # none before: the newest of all


def test_the_long_tables_are_folded_with_their_totals_in_view(banyak_perbaikan):
    client = klien(banyak_perbaikan.users["hr"])
    body = client.get("/kinerja/").content.decode()
    assert body.count('<details class="bagian"') == 3
    assert body.count('<details class="bagian" open>') == 1  # the curve of a few units
    assert "Sangat Kurang 3 · Kurang/Misconduct 2 · Butuh Perbaikan 105" in body
    # A page asked for opens its table.
    body = client.get("/kinerja/", {"hal_perbaikan": 2}).content.decode()
    assert body.count('<details class="bagian" open>') == 2


def test_an_unassigned_evaluator_reads_as_such(org):
    periode = Periode.objects.get(tahun=2025)
    skp_final(
        PegawaiFactory(unit_kerja=org.bidang_a),
        periode=periode,
        predikat="",
        perangkat_daerah=org.unit_a,
        status="direncanakan",
    )
    body = klien(org.users["hr"]).get("/kinerja/").content.decode()
    assert "<td>(belum ditetapkan)</td>" in body
    assert "None" not in body
