"""The open data of the merit-system index: a Frictionless Data Package validated by
frictionless over real HTTP (as the public side's, tests/publik/test_data_terbuka.py), typed
cells, final assessments only, and no NIP or name anywhere."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from frictionless import validate

from sistem_merit import muat, services
from sistem_merit.bukti import BUKTI
from sistem_merit.data_terbuka import DATASET
from sistem_merit.models import Instrumen
from tests.factories import PegawaiFactory, skp_final
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


def test_every_real_evidence_text_of_a_final_assessment_reaches_the_public_without_a_person(
    client, hr_user
):
    """The frozen record publishes each evidence function's own sentences (`uraian`, `kurang`).
    An instrument whose criteria read every registered evidence function is computed over
    named employees and finalised; neither the page nor any data set holds a name or NIP."""
    orang = [PegawaiFactory(nama=f"Baiq Saptarini Uji {i}") for i in range(3)]
    for p in orang[:2]:
        skp_final(p, predikat="Butuh Perbaikan", tahun=2025)
    kunci = sorted(k for k in BUKTI if not k.startswith("uji."))
    data = {
        "kode": "uji-semua-bukti",
        "nama": "Semua fungsi bukti",
        "dasar_hukum": "uji",
        "rumus": "jumlah_2018",
        "level_min": 1,
        "level_max": 4,
        "kategori": [{"nama": "I", "batas_bawah": "100", "batas_atas": "400"}],
        "aspek": [
            {
                "nomor": 1,
                "nama": "Semua",
                "bobot": "100",
                "kriteria": [
                    {
                        "kode": str(i),
                        "uraian": k,
                        "bukti": k,
                        "ambang": {"2": ">0", "4": "1"},
                        "level": [{"level": lv, "uraian": "x"} for lv in range(1, 5)],
                    }
                    for i, k in enumerate(kunci, 1)
                ],
            }
        ],
    }
    muat.load(data, apps)
    penilaian = services.penilaian_create(
        instrumen=Instrumen.objects.get(kode="uji-semua-bukti"),
        tahun=2026,
        tanggal_data=timezone.localdate(),
        oleh=hr_user,
    )
    services.evidence_compute(penilaian=penilaian, oleh=hr_user)
    for j in penilaian.jawaban.all():
        level = j.level_usulan or 1
        alasan = "" if level == j.level_usulan else "uji"
        services.jawaban_set_level(jawaban=j, level=level, alasan=alasan, oleh=hr_user)
    penilaian = services.penilaian_finalise(penilaian=penilaian, oleh=hr_user)
    assert any(k["angka"] for k in penilaian.ringkasan[0]["kriteria"])  # the real sentences
    keluaran = [client.get(reverse("sistem_merit:publik")).content.decode()]
    keluaran += [
        _unduh(client, d.kode, fmt).decode() for d in DATASET.values() for fmt in ["csv", "json"]
    ]
    for p in orang:
        for teks in keluaran:
            assert p.nama not in teks and p.nip not in teks and p.nip_tercetak not in teks
