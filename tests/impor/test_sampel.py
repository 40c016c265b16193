"""The sample SIASN file on the import page: each case of the preview once, and applied."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from impor import proses
from impor.sampel import UNIT_ASING
from pegawai import projection
from pegawai.models import CatatanEkspor, Pegawai
from pelatihan.models import PelatihanEksternal
from tests.akses_data import buat_organisasi

pytestmark = pytest.mark.django_db


def test_the_sample_shows_every_case_and_imports_the_valid_rows(client):
    org = buat_organisasi()
    org.formasi_a.jabatan.golongan_minimal = ""
    org.formasi_a.jabatan.pendidikan_minimal = "SLTA"
    with projection.deferred():
        org.formasi_a.jabatan.save()
        org.formasi_a.kuota = 2
        org.formasi_a.save()
    hr = org.users["hr"]
    client.force_login(hr)
    response = client.post(reverse("impor:contoh"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="contoh-siasn-')
    data = response.content
    assert len(json.loads(data)["data"]) == 5
    assert CatatanEkspor.objects.filter(data="impor.contoh", jumlah_baris=5).exists()

    r = proses.jalankan(data, "json")
    assert (r.sama, r.ubah, r.baru, r.tolak, r.penempatan) == (1, 1, 1, 2, 1), r.ditolak
    assert list(r.unit_asing) == [UNIT_ASING[0]]
    assert {g["kolom"] for g in r.ditolak} == {"unorId", "tmtGolAkhir"}
    assert set(r.riwayat_rinci) == {"rw-jabatan", "rw-skp22", "rw-diklat", "rw-kursus"}
    assert r.riwayat_rinci["rw-jabatan"] == {"baru": 1, "ubah": 0, "sama": 0, "kini": 1}

    n = Pegawai.objects.count()
    r = proses.jalankan(data, "json", terapkan=True, sebagian=True, oleh=hr)
    assert (r.baru, r.tolak) == (1, 2), r.ditolak
    assert Pegawai.objects.count() == n + 1
    baru = Pegawai.objects.get(nama="Baiq Contoh Rahmawati")
    assert baru.penempatan.count() == 2  # the past post and the current one
    assert PelatihanEksternal.objects.filter(pegawai=baru, pelatihan_wajib="pkp").exists()


def test_the_sample_is_for_hr_only(client):
    org = buat_organisasi()
    client.force_login(org.users["pimpinan"])
    assert client.post(reverse("impor:contoh")).status_code == 403
