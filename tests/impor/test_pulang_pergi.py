"""Round trip: our export read back by the import changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from impor import proses
from pegawai import projection
from tests.akses_data import buat_organisasi
from tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_changes_nothing(client, fmt, unduh_ekspor):
    org = buat_organisasi()
    with projection.deferred():
        PegawaiFactory(unit_kerja=org.unit_a, pppk=True, gelar_depan="Dr.", email="a@b.id")
        PegawaiFactory(unit_kerja=org.unit_b, kedudukan="pensiun", tmt_berhenti=date(2025, 1, 1))
    client.force_login(org.users["hr"])
    isi = unduh_ekspor(client, reverse("impor:ekspor", args=[fmt]))
    r = proses.jalankan(isi, fmt, terapkan=True)
    assert r.tolak == 0, r.ditolak
    assert (r.baru, r.ubah, r.penempatan) == (0, 0, 0), r.contoh_ubah
    assert r.sama == 6


def test_reconciliation_lists_each_difference(
    hr_client, settings, django_capture_on_commit_callbacks
):
    from impor.models import Impor
    from tests.factories import UnitKerjaFactory
    from tests.impor.bantu import baris, ke_csv

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    UnitKerjaFactory(kode="U-1")
    lain = UnitKerjaFactory(kode="U-2", nama="Dinas Lain")
    p = PegawaiFactory(unit_kerja=lain, golongan="III/a", pendidikan="D3")
    row = baris(
        nipBaru=p.nip,
        tglLahir="",
        jenisKelamin="",
        tmtCpns=f"{p.tmt_cpns:%d-%m-%Y}",
        golRuangAkhirId="32",
        tmtGolAkhir=f"{p.tmt_golongan:%d-%m-%Y}",
    )
    impor = Impor.objects.create(
        nama_berkas="s.csv",
        format="csv",
        ukuran=1,
        checksum="0" * 64,
        berkas=ke_csv([row, baris()]),
        status="pratinjau",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = hr_client.post(reverse("impor:rekonsiliasi", args=[impor.pk]))
    progres = hr_client.get(response["Location"] + "?format=json").json()
    teks = hr_client.get(progres["unduh"]).content.decode("utf-8-sig")
    assert "golongan/ruang;Penata Muda Tingkat I (III/b);Penata Muda (III/a)" in teks
    assert "pendidikan terakhir;S-1;D-III" in teks
    assert "unit kerja;Dinas Uji;Dinas Lain" in teks
    assert "pegawai;ada;tidak ada" in teks
