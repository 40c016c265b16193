"""The open data as machines read it: the Frictionless Data Package validated by frictionless
over real HTTP, typed cells (JSON numbers and booleans, one way to write empty), reference codes
of the unit and its perangkat daerah on every unit row, the DCAT-US catalogue (data.json) with
what CKAN and Satu Data Indonesia portals expect and every distribution answering 200, and
bounded queries however many rows.

Sources: Frictionless Data Package / Table Schema v1 (https://specs.frictionlessdata.io/);
DCAT-US, Project Open Data metadata schema v1.1 (https://project-open-data.cio.gov/v1.1/schema);
Perpres 39/2019 Satu Data Indonesia (metadata, kode referensi, walidata)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import urllib.request

import pytest
from django.urls import reverse
from frictionless import validate

from jabatan.models import Penempatan
from publik.data_terbuka import DATASET
from tests.factories import FormasiFactory, JabatanFactory, PenempatanFactory, UnitKerjaFactory
from tests.publik.bantu import TERTUTUP, buat_keputusan, isi_survei

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(sistem, opd, unit_layanan):
    keputusan = [
        buat_keputusan(sistem, opd=opd, nama_jabatan="Kepala Bidang Gizi"),
        buat_keputusan(
            sistem,
            opd=opd,
            nama_jabatan="Sekretaris Dinas",
            peringkat=2,
            tanggal=dt.date(2025, 6, 2),
            ringkasan_publik="Pengalaman memimpin.",
        ),
    ]
    subbagian = UnitKerjaFactory(
        nama="Subbagian Umum dan Kepegawaian", jenis="subbagian", parent=opd, kode="5271.07.01"
    )
    kosong = FormasiFactory(
        jabatan=JabatanFactory(nama="Kepala Subbagian Umum dan Kepegawaian"), unit_kerja=subbagian
    )
    PenempatanFactory(formasi=kosong, jenis=Penempatan.Jenis.PLT, tmt_mulai=dt.date(2026, 1, 5))
    FormasiFactory(jabatan=JabatanFactory(nama="Analis Gizi"), unit_kerja=opd)  # no Plt
    # In a closed quarter of last year: published (survei.terbit); this year has none.
    isi_survei(unit_layanan, 6, tanggal=TERTUTUP)
    return {"keputusan": keputusan, "opd": opd}


def _ambil(url: str) -> tuple[int, bytes, str]:
    with urllib.request.urlopen(url, timeout=20) as r:  # real HTTP to the live server
        return r.status, r.read(), r.headers.get("Content-Type", "")


@pytest.mark.django_db(transaction=True)
def test_frictionless_validates_the_package_as_served(live_server, settings, data):
    settings.SITE_URL = live_server.url
    report = validate(f"{live_server.url}{reverse('publik:paket_data')}")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = {t.name: t.stats["rows"] for t in report.tasks}
    assert rows == {"jabatan-terisi": 2, "jabatan-lowong": 2, "ikm": 2}  # ikm: this year, last


def test_frictionless_rejects_a_cell_that_breaks_the_schema(client, data, tmp_path):
    """The check can fail: the same package with a number where a date belongs is invalid."""
    paket = json.loads(client.get(reverse("publik:paket_data")).content)
    for d in DATASET.values():
        isi = client.get(reverse("publik:unduh", args=[d.kode, "csv"])).content.decode()
        if d.kode == "jabatan-terisi":
            isi = isi.replace("2025-06-02", "42", 1)
        (tmp_path / f"{d.kode}.csv").write_text(isi, encoding="utf-8")
    (tmp_path / "datapackage.json").write_text(json.dumps(paket), encoding="utf-8")
    report = validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    salah = report.flatten(["fieldName", "type"])
    assert salah == [["tanggal_sk", "type-error"]]


def test_cells_are_typed_and_empty_is_written_one_way(client, data):
    ikm = json.loads(client.get(reverse("publik:unduh", args=["ikm", "json"])).content)["data"]
    terbit = next(r for r in ikm if r["responden"] == 6)
    assert isinstance(terbit["ikm"], float) and terbit["ikm"] == 100.0  # all answers 4
    assert all(isinstance(terbit[f"nrr_u{i}"], float) for i in range(1, 10))
    assert terbit["triwulan"] == "1,2,3,4"  # last year has ended: the whole year
    belum = next(r for r in ikm if r["responden"] is None)
    assert belum["ikm"] is None and belum["mutu"] is None and belum["nrr_u1"] is None
    assert belum["triwulan"] is None
    lowong = json.loads(
        client.get(reverse("publik:unduh", args=["jabatan-lowong", "json"])).content
    )
    assert sorted(r["ada_plt_plh"] for r in lowong["data"]) == [False, True]
    assert all(isinstance(r["kursi_lowong"], int) for r in lowong["data"])
    for d in DATASET.values():
        isi = client.get(reverse("publik:unduh", args=[d.kode, "csv"])).content.decode()
        sel = [c for row in csv.reader(io.StringIO(isi)) for c in row]
        assert not {"None", "null", "True", "False", "NaN"} & set(sel), d.kode
    csv_lowong = client.get(reverse("publik:unduh", args=["jabatan-lowong", "csv"])).content
    assert {r["ada_plt_plh"] for r in csv.DictReader(io.StringIO(csv_lowong.decode()))} == {
        "true",
        "false",
    }


def test_every_unit_row_names_its_unit_and_perangkat_daerah_by_code(client, data):
    opd = data["opd"]
    for d in DATASET.values():
        baris = json.loads(client.get(reverse("publik:unduh", args=[d.kode, "json"])).content)
        assert baris["data"], d.kode
        for row in baris["data"]:
            assert row["kode_unit"] and row["unit_kerja"], (d.kode, row)
            assert (row["perangkat_daerah"], row["kode_perangkat_daerah"]) == (opd.nama, opd.kode)
    lowong = json.loads(
        client.get(reverse("publik:unduh", args=["jabatan-lowong", "json"])).content
    )
    subbagian = next(r for r in lowong["data"] if r["unit_kerja"].startswith("Subbagian"))
    assert subbagian["kode_unit"] == "5271.07.01"


def test_the_pages_name_the_perangkat_daerah_with_codes(client, data):
    opd = data["opd"]
    k = data["keputusan"][0]
    halaman = [
        reverse("beranda"),
        reverse("publik:transparansi"),
        reverse("publik:keputusan_detail", args=[k.pk]),
        reverse("publik:lowong"),
    ]
    for url in halaman:
        html = client.get(url).content.decode()
        assert opd.nama in html and opd.kode in html, url
        assert k.formasi.unit_kerja.kode in html or url == reverse("publik:lowong"), url
    assert "5271.07.01" in client.get(reverse("publik:lowong")).content.decode()


@pytest.mark.parametrize("kode", list(DATASET))
def test_a_data_set_takes_the_same_queries_for_two_rows_or_twelve(
    client, data, sistem, opd, kode, django_assert_max_num_queries
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("publik:unduh", args=[kode, "csv"])
    with CaptureQueriesContext(connection) as sedikit:
        client.get(url)
    for i in range(10):
        lain = UnitKerjaFactory(parent=opd.parent, nama=f"Dinas Lain {i}")
        buat_keputusan(sistem, opd=lain, nama_jabatan=f"Jabatan {i}")
        FormasiFactory(unit_kerja=lain)
    cache.clear()
    # terisi: decisions, their perangkat daerah; lowong: vacant posts, perangkat daerah;
    # ikm: per year the units and the responses' sums, and the perangkat daerah
    with django_assert_max_num_queries(len(sedikit)):
        client.get(url)


@pytest.mark.django_db(transaction=True)
def test_the_dcat_catalogue_has_what_portals_expect_and_every_link_answers(
    live_server, settings, data
):
    settings.SITE_URL = live_server.url
    settings.WALIDATA_EMAIL = "walidata@mataramkota.example"
    status, isi, jenis = _ambil(f"{live_server.url}/data.json")
    assert status == 200 and jenis.startswith("application/json")
    katalog = json.loads(isi)
    assert katalog["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema"
    assert katalog["@type"] == "dcat:Catalog" and katalog["@id"] == f"{live_server.url}/data.json"
    assert {d["identifier"] for d in katalog["dataset"]} == {
        f"{live_server.url}/data-terbuka/#{kode}" for kode in DATASET
    }
    for d in katalog["dataset"]:
        # Required by DCAT-US v1.1 (and what CKAN's data.json harvester maps).
        for kunci in (
            "title",
            "description",
            "keyword",
            "modified",
            "publisher",
            "contactPoint",
            "identifier",
            "accessLevel",
            "license",
            "spatial",
            "temporal",
            "accrualPeriodicity",
            "distribution",
        ):
            assert d[kunci], (d["identifier"], kunci)
        assert d["publisher"]["name"] == "BKPSDM Kota Mataram"
        assert d["contactPoint"] == {
            "@type": "vcard:Contact",
            "fn": "Dinas Komunikasi dan Informatika Kota Mataram",
            "hasEmail": "mailto:walidata@mataramkota.example",
        }
        assert d["license"] == "https://creativecommons.org/licenses/by/4.0/"
        assert "52.71" in d["spatial"] and "Kota Mataram" in d["spatial"]
        awal, akhir = d["temporal"].split("/")
        assert dt.date.fromisoformat(awal) <= dt.date.fromisoformat(akhir)
        assert d["accrualPeriodicity"] == "irregular"
        dt.datetime.fromisoformat(d["modified"])
        tautan = [d["landingPage"], d["describedBy"]]
        for dist in d["distribution"]:
            assert dist["mediaType"] in ("text/csv", "application/json")
            assert dist["downloadURL"].startswith(live_server.url + "/")
            tautan.append(dist["downloadURL"])
        for url in tautan:
            status, _isi, jenis = _ambil(url)
            assert status == 200, url
            if url.endswith(".csv"):
                assert jenis.startswith("text/csv"), url
    terisi = next(d for d in katalog["dataset"] if d["identifier"].endswith("#jabatan-terisi"))
    assert terisi["temporal"].startswith("2025-06-02/")


def test_without_a_walidata_address_the_contact_point_has_no_invented_one(client, data, settings):
    settings.WALIDATA_EMAIL = ""
    katalog = json.loads(client.get(reverse("publik:katalog")).content)
    assert "hasEmail" not in katalog["dataset"][0]["contactPoint"]
