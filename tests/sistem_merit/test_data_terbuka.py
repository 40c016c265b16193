"""The open data of the merit-system index: a Frictionless Data Package validated by
frictionless over real HTTP (as the public side's, tests/publik/test_data_terbuka.py), typed
cells, final assessments only, and no NIP or name anywhere."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse
from frictionless import validate

from sistem_merit.data_terbuka import DATASET
from tests.factories import PegawaiFactory
from tests.sistem_merit.bantu_publik import buat_penilaian

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(hr_user):
    return [
        buat_penilaian(hr_user, tahun=2024, figur=(1, 4), level={"1.2": 1, "2.1": 1}),
        buat_penilaian(hr_user, tahun=2025, figur=(3, 4)),
    ]


def _unduh(client, kode: str, fmt: str) -> bytes:
    response = client.get(reverse("sistem_merit:data_unduh", args=[kode, fmt]))
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.content


@pytest.mark.django_db(transaction=True)
def test_frictionless_validates_the_package_as_served(live_server, settings, hr_user):
    settings.SITE_URL = live_server.url
    buat_penilaian(hr_user, tahun=2024, figur=(1, 4), level={"1.2": 1, "2.1": 1})
    buat_penilaian(hr_user, tahun=2025, figur=(3, 4))
    report = validate(f"{live_server.url}{reverse('sistem_merit:data_paket')}")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    rows = {t.name: t.stats["rows"] for t in report.tasks}
    assert rows == {
        "indeks-sistem-merit": 2,
        "indeks-sistem-merit-aspek": 4,
        "indeks-sistem-merit-kriteria": 6,
    }


def test_frictionless_rejects_a_cell_that_breaks_the_schema(client, data, tmp_path):
    """The check can fail: the same package with text where a number belongs is invalid."""
    paket = json.loads(client.get(reverse("sistem_merit:data_paket")).content)
    for d in DATASET.values():
        isi = _unduh(client, d.kode, "csv").decode()
        if d.kode == "indeks-sistem-merit":
            isi = isi.replace(",260.0,", ",dua ratus,", 1)
        (tmp_path / f"{d.kode}.csv").write_text(isi, encoding="utf-8")
    (tmp_path / "datapackage.json").write_text(json.dumps(paket), encoding="utf-8")
    report = validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert report.flatten(["fieldName", "type"]) == [["nilai", "type-error"]]


def test_only_final_assessments_are_published_with_typed_cells(client, data, hr_user):
    buat_penilaian(hr_user, tahun=2026, final=False)
    indeks = json.loads(_unduh(client, "indeks-sistem-merit", "json"))["data"]
    assert [(r["tahun"], r["nilai"], r["kategori"]) for r in indeks] == [
        (2025, 260.0, "III Baik"),
        (2024, 100.0, "I Buruk"),
    ]
    assert indeks[0]["skor_survei_pegawai"] is None
    kriteria = json.loads(_unduh(client, "indeks-sistem-merit-kriteria", "json"))["data"]
    k11 = next(r for r in kriteria if r["tahun"] == 2025 and r["kode"] == "1.1")
    assert (k11["pembilang"], k11["penyebut"], k11["persen"], k11["level"]) == (3, 4, 75.0, 3)
    assert k11["dari_data"] is True
    k12 = next(r for r in kriteria if r["tahun"] == 2025 and r["kode"] == "1.2")
    assert (k12["pembilang"], k12["persen"], k12["dari_data"]) == (None, None, False)
    for d in DATASET.values():
        sel = [
            c
            for row in csv.reader(io.StringIO(_unduh(client, d.kode, "csv").decode()))
            for c in row
        ]
        assert not {"None", "null", "True", "False", "NaN"} & set(sel), d.kode


def test_no_nip_or_name_anywhere_in_the_output(client, data, hr_user):
    pegawai = PegawaiFactory.create_batch(5)
    keluaran = [client.get(reverse("sistem_merit:data_paket")).content.decode()]
    for d in DATASET.values():
        for fmt in ("csv", "json"):
            keluaran.append(_unduh(client, d.kode, fmt).decode())
    semua = "\n".join(keluaran)
    for p in pegawai:
        assert p.nip not in semua and p.nama not in semua
    assert hr_user.get_username() not in semua  # who finalised stays with HR
    assert "Dokumen 1.2 diperiksa" not in semua  # HR's reasons too
    assert "dokumen" not in json.loads(keluaran[-1])["data"][0]


def test_an_unknown_data_set_or_format_is_404(client):
    assert (
        client.get(reverse("sistem_merit:data_unduh", args=["tidak-ada", "csv"])).status_code == 404
    )
    assert (
        client.get(
            reverse("sistem_merit:data_unduh", args=["indeks-sistem-merit", "xml"])
        ).status_code
        == 404
    )
